#include "storage/riskgraderepository.h"

#include "storage/database.h"
#include "storage/sqlerror.h"

RiskGradeRepository::RiskGradeRepository(const Database &database)
    : m_database(database)
    , m_grades(database, QStringLiteral("risk_assessment"),
          { QStringLiteral("pregnancy_id"), QStringLiteral("assessed_on"), QStringLiteral("ga_days"),
              QStringLiteral("proposed_level"), QStringLiteral("proposed_purple"), QStringLiteral("level"),
              QStringLiteral("purple"), QStringLiteral("status"), QStringLiteral("reason"),
              QStringLiteral("decided_by"), QStringLiteral("decided_at"), QStringLiteral("rule_set_id"),
              QStringLiteral("rule_set_version"), QStringLiteral("result_json") })
    , m_findings(database, QStringLiteral("risk_finding"),
          { QStringLiteral("pregnancy_id"), QStringLiteral("rule_id"), QStringLiteral("noted_on"),
              QStringLiteral("note") })
{
}

Result<void> RiskGradeRepository::save(RiskGradeRecord &grade)
{
    const bool decided = grade.status != RiskGradeRecord::Status::Proposed;
    const QVariantList values { grade.pregnancyId.toString(QUuid::WithoutBraces), sqlDate(grade.assessedOn),
        grade.gestationalAge ? QVariant(grade.gestationalAge->totalDays()) : QVariant(), grade.proposedLevel,
        grade.proposedPurple ? 1 : 0, decided ? QVariant(grade.level) : QVariant(),
        decided ? QVariant(grade.purple ? 1 : 0) : QVariant(), RiskGradeRecord::statusKey(grade.status),
        grade.reason.isNull() ? QStringLiteral("") : grade.reason,
        decided ? QVariant(grade.decidedBy) : QVariant(),
        decided ? QVariant(grade.decidedAt.toUTC().toString(Qt::ISODateWithMs)) : QVariant(), grade.ruleSetId,
        grade.ruleSetVersion, grade.resultJson };
    const bool isNew = grade.meta.id.isNull() || grade.meta.revision == 0;
    auto saved = isNew
        ? m_grades.insert(grade.meta, values, m_database.identity().clinicId, m_database.identity().author)
        : m_grades.update(grade.meta, values, m_database.identity().author);
    if (!saved || !decided)
        return saved;
    QSqlQuery current(m_database.connection());
    current.prepare(QStringLiteral("UPDATE pregnancy SET risk_level = ?, risk_purple = ? WHERE id = ?"));
    current.addBindValue(grade.level);
    current.addBindValue(grade.purple ? 1 : 0);
    current.addBindValue(grade.pregnancyId.toString(QUuid::WithoutBraces));
    return execute(current, "store current risk grade");
}

Result<QList<RiskGradeRecord>> RiskGradeRepository::history(const QUuid &pregnancyId) const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(m_grades.selectSql()
        + QStringLiteral(" WHERE pregnancy_id = ? AND deleted = 0 ORDER BY assessed_on, created_at"));
    query.addBindValue(pregnancyId.toString(QUuid::WithoutBraces));
    if (auto done = execute(query, "read risk grades"); !done)
        return tl::unexpected(done.error());
    QList<RiskGradeRecord> grades;
    constexpr int v = RecordTable::FirstValueColumn;
    while (query.next()) {
        RiskGradeRecord grade;
        grade.meta = RecordTable::readMeta(query);
        grade.pregnancyId = pregnancyId;
        grade.assessedOn = dateFromSql(query.value(v + 1));
        if (!query.value(v + 2).isNull())
            grade.gestationalAge = GestationalAge(query.value(v + 2).toInt());
        grade.proposedLevel = query.value(v + 3).toString();
        grade.proposedPurple = query.value(v + 4).toInt() != 0;
        grade.level = query.value(v + 5).toString();
        grade.purple = query.value(v + 6).toInt() != 0;
        grade.status = RiskGradeRecord::statusFromKey(query.value(v + 7).toString())
                           .value_or(RiskGradeRecord::Status::Proposed);
        grade.reason = query.value(v + 8).toString();
        grade.decidedBy = query.value(v + 9).toString();
        grade.decidedAt = QDateTime::fromString(query.value(v + 10).toString(), Qt::ISODateWithMs);
        grade.ruleSetId = query.value(v + 11).toString();
        grade.ruleSetVersion = query.value(v + 12).toString();
        grade.resultJson = query.value(v + 13).toString();
        grades.append(grade);
    }
    return grades;
}

Result<void> RiskGradeRepository::saveFinding(RiskFindingRecord &finding)
{
    const QVariantList values { finding.pregnancyId.toString(QUuid::WithoutBraces), finding.ruleId,
        sqlDate(finding.notedOn), finding.note.isNull() ? QStringLiteral("") : finding.note };
    if (finding.meta.id.isNull() || finding.meta.revision == 0)
        return m_findings.insert(
            finding.meta, values, m_database.identity().clinicId, m_database.identity().author);
    return m_findings.update(finding.meta, values, m_database.identity().author);
}

Result<QList<RiskFindingRecord>> RiskGradeRepository::findings(const QUuid &pregnancyId) const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(
        m_findings.selectSql() + QStringLiteral(" WHERE pregnancy_id = ? AND deleted = 0 ORDER BY noted_on"));
    query.addBindValue(pregnancyId.toString(QUuid::WithoutBraces));
    if (auto done = execute(query, "read risk findings"); !done)
        return tl::unexpected(done.error());
    QList<RiskFindingRecord> findings;
    constexpr int v = RecordTable::FirstValueColumn;
    while (query.next()) {
        RiskFindingRecord finding;
        finding.meta = RecordTable::readMeta(query);
        finding.pregnancyId = pregnancyId;
        finding.ruleId = query.value(v + 1).toString();
        finding.notedOn = dateFromSql(query.value(v + 2));
        finding.note = query.value(v + 3).toString();
        findings.append(finding);
    }
    return findings;
}
