#pragma once

#include "cases/casemanagement.h"
#include "domain/result.h"
#include "grading/diseaseprofile.h"
#include "grading/managementguidance.h"
#include "grading/screeningservice.h"
#include "risk/riskengine.h"
#include "storage/clinicrecords.h"

#include <QCoreApplication>

// Dynamic five-color grading of a pregnancy as its record grows: the engine proposes whenever
// data changes, a clinician confirms or overrides with a reason, and every decision is kept.
// The grade never changes by itself — not up and above all not down. A decided orange, red or
// purple grade opens the case file and starts the reporting clock (CaseManagement).
class GradingService
{
    Q_DECLARE_TR_FUNCTIONS(GradingService)
public:
    // The screening form must belong to `rules` (a region ships both).
    GradingService(const Database &database, const RuleSet &rules, CaseManagement &cases,
                   const ScreeningChecklist &screeningForm = ScreeningChecklist::national2017());

    // Grades the chart as of `on`; stores a proposal when it differs from the decided grade
    // (replacing an earlier undecided proposal). Returns the pending proposal, if any.
    Result<std::optional<RiskGradeRecord>> regrade(const PatientChart &chart, const QDate &on);
    // Confirms the proposal as proposed, or overrides it with another grade and a reason.
    Result<RiskGradeRecord> decide(const RiskGradeRecord &proposal, const QString &level, bool purple,
                                   const QString &clinician, const QString &reason);
    // Replaces the ticked findings of a pregnancy (unticked ones are kept as tombstones).
    Result<void> setFindings(const PatientChart &chart, const QStringList &ruleIds, const QDate &on);

    static std::optional<RiskGradeRecord> currentGrade(const PatientChart &chart);
    static std::optional<RiskGradeRecord> pendingProposal(const PatientChart &chart);
    const RuleSet &ruleSet() const { return m_engine.ruleSet(); }
    const CaseManagement &cases() const { return m_cases; }
    Result<RiskAssessment> assess(const PatientChart &chart, const QDate &on) const;
    // Layer 2 of the risk profile: her conditions from history and findings, with their sources.
    Result<DiseaseProfile> diseaseProfile(const PatientChart &chart, const QDate &on) const;
    ManagementGuidance guidance(const QString &level, bool purple) const;
    ScreeningService &screening() { return m_screening; }
    const ScreeningService &screening() const { return m_screening; }

private:
    const Database &m_database;
    RiskEngine m_engine;
    CaseManagement &m_cases;
    ClinicRecords m_records;
    ScreeningService m_screening;
    DiseaseProfileBuilder m_profiles;
};
