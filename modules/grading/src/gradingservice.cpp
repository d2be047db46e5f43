#include "grading/gradingservice.h"

#include "grading/chartriskinput.h"
#include "risk/riskjson.h"

#include <QJsonDocument>

GradingService::GradingService(const Database &database, const RuleSet &rules, CaseManagement &cases,
                               const ScreeningChecklist &screeningForm)
    : m_database(database), m_engine(rules), m_cases(cases), m_records(database), m_screening(database, rules, screeningForm),
      m_profiles(rules, screeningForm)
{
}

std::optional<RiskGradeRecord> GradingService::currentGrade(const PatientChart &chart)
{
    for (auto it = chart.grades.crbegin(); it != chart.grades.crend(); ++it)
        if (it->status != RiskGradeRecord::Status::Proposed)
            return *it;
    return std::nullopt;
}

std::optional<RiskGradeRecord> GradingService::pendingProposal(const PatientChart &chart)
{
    if (!chart.grades.isEmpty() && chart.grades.last().status == RiskGradeRecord::Status::Proposed)
        return chart.grades.last();
    return std::nullopt;
}

Result<RiskAssessment> GradingService::assess(const PatientChart &chart, const QDate &on) const
{
    if (!chart.pregnancy)
        return failure(QStringLiteral("grading.no-pregnancy"), tr("There is no pregnancy to grade."));
    return m_engine.assess(chartRiskInput(chart, on));
}

Result<DiseaseProfile> GradingService::diseaseProfile(const PatientChart &chart, const QDate &on) const
{
    auto assessment = assess(chart, on);
    if (!assessment)
        return tl::unexpected(assessment.error());
    auto screening = m_screening.latest(chart);
    if (!screening)
        return tl::unexpected(screening.error());
    return m_profiles.build(chart, *assessment, *screening);
}

ManagementGuidance GradingService::guidance(const QString &level, bool purple) const
{
    return ManagementGuidance::of(m_engine.ruleSet(), m_cases.settings(), level, purple);
}

Result<std::optional<RiskGradeRecord>> GradingService::regrade(const PatientChart &chart, const QDate &on)
{
    auto assessment = assess(chart, on);
    if (!assessment)
        return tl::unexpected(assessment.error());
    const auto current = currentGrade(chart);
    std::optional<RiskGradeRecord> pending = pendingProposal(chart);
    const bool unchanged = current && current->level == assessment->grade && current->purple == assessment->purple;
    if (unchanged && !pending)
        return std::optional<RiskGradeRecord>();
    RiskGradeRecord proposal = pending.value_or(RiskGradeRecord{});
    proposal.pregnancyId = chart.pregnancy->meta.id;
    proposal.assessedOn = on;
    proposal.gestationalAge = chart.pregnancy->gestationalAgeOn(on);
    proposal.proposedLevel = assessment->grade;
    proposal.proposedPurple = assessment->purple;
    proposal.status = RiskGradeRecord::Status::Proposed;
    proposal.ruleSetId = assessment->ruleSetId;
    proposal.ruleSetVersion = assessment->ruleSetVersion;
    proposal.resultJson = QString::fromUtf8(QJsonDocument(RiskJson::toJson(*assessment)).toJson(QJsonDocument::Compact));
    if (unchanged) // the data went back to the decided grade: the open proposal is withdrawn
        proposal.meta.deleted = true;
    if (auto saved = m_records.saveGrade(proposal); !saved)
        return tl::unexpected(saved.error());
    return unchanged ? std::optional<RiskGradeRecord>() : std::optional<RiskGradeRecord>(proposal);
}

Result<RiskGradeRecord> GradingService::decide(const RiskGradeRecord &proposal, const QString &level, bool purple,
                                               const QString &clinician, const QString &reason)
{
    const RiskLevel *chosen = m_engine.ruleSet().level(level);
    if (!chosen || chosen->kind != RiskLevel::Kind::Grade)
        return failure(QStringLiteral("grading.level"), tr("\"%1\" is not a grade of the active rule set.").arg(level));
    if (clinician.trimmed().isEmpty())
        return failure(QStringLiteral("grading.clinician"), tr("A grade is decided by a named clinician."));
    RiskGradeRecord decided = proposal;
    const bool asProposed = level == proposal.proposedLevel && purple == proposal.proposedPurple;
    if (!asProposed && reason.trimmed().isEmpty())
        return failure(QStringLiteral("grading.reason"), tr("Give the reason for grading differently from the proposal."));
    decided.level = level;
    decided.purple = purple;
    decided.status = asProposed ? RiskGradeRecord::Status::Confirmed : RiskGradeRecord::Status::Overridden;
    decided.reason = reason.trimmed();
    decided.decidedBy = clinician.trimmed();
    decided.decidedAt = QDateTime::currentDateTimeUtc();
    if (auto saved = m_records.saveGrade(decided); !saved)
        return tl::unexpected(saved.error());
    if (auto opened = m_cases.gradeDecided(decided); !opened)
        return tl::unexpected(opened.error());
    return decided;
}

Result<void> GradingService::setFindings(const PatientChart &chart, const QStringList &ruleIds, const QDate &on)
{
    if (!chart.pregnancy)
        return failure(QStringLiteral("grading.no-pregnancy"), tr("There is no pregnancy to grade."));
    for (const QString &id : ruleIds) {
        const RiskRule *rule = m_engine.ruleSet().rule(id);
        if (!rule || !rule->clinicianFinding)
            return failure(QStringLiteral("grading.finding"), tr("\"%1\" is not a finding of the active rule set.").arg(id));
    }
    QList<RiskFindingRecord> changes;
    for (RiskFindingRecord finding : chart.findings)
        if (!ruleIds.contains(finding.ruleId)) {
            finding.meta.deleted = true;
            changes.append(finding);
        }
    for (const QString &id : ruleIds) {
        const bool present = std::any_of(chart.findings.cbegin(), chart.findings.cend(),
                                         [&id](const RiskFindingRecord &f) { return f.ruleId == id; });
        if (!present) {
            RiskFindingRecord finding;
            finding.pregnancyId = chart.pregnancy->meta.id;
            finding.ruleId = id;
            finding.notedOn = on;
            changes.append(finding);
        }
    }
    return changes.isEmpty() ? Result<void>() : m_records.saveFindings(changes);
}
