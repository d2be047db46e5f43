#include "cases/caserepository.h"

#include "storage/database.h"
#include "storage/sqlerror.h"

#include <QJsonDocument>

namespace {
template <typename Record>
Result<void> saveRecord(RecordTable &table, Record &record, const QVariantList &values, const Database &db)
{
    if (record.meta.id.isNull() || record.meta.revision == 0)
        return table.insert(record.meta, values, db.identity().clinicId, db.identity().author);
    return table.update(record.meta, values, db.identity().author);
}

QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}
} // namespace

CaseRepository::CaseRepository(const Database &database)
    : m_database(database),
      m_cases(database.connection(), QStringLiteral("case_file"),
              {QStringLiteral("pregnancy_id"), QStringLiteral("opened_on"), QStringLiteral("level"), QStringLiteral("purple"),
               QStringLiteral("responsible_doctor"), QStringLiteral("responsible_nurse"), QStringLiteral("management_plan"),
               QStringLiteral("delivery_hospital_level"), QStringLiteral("report_due_on"), QStringLiteral("reported_on"),
               QStringLiteral("status"), QStringLiteral("closed_on"), QStringLiteral("outcome_kind"),
               QStringLiteral("outcome_json")}),
      m_contacts(database.connection(), QStringLiteral("follow_up_contact"),
                 {QStringLiteral("case_id"), QStringLiteral("kind"), QStringLiteral("due_on"), QStringLiteral("done_on"),
                  QStringLiteral("outcome"), QStringLiteral("findings"), QStringLiteral("interventions"),
                  QStringLiteral("advice"), QStringLiteral("next_due_on")}),
      m_amendments(database.connection(), QStringLiteral("case_amendment"),
                   {QStringLiteral("case_id"), QStringLiteral("amended_on"), QStringLiteral("reason"),
                    QStringLiteral("before_json"), QStringLiteral("after_json")})
{
}

Result<void> CaseRepository::save(CaseFile &c)
{
    // report_due_on is NOT NULL: a case with nothing to report stores an empty deadline.
    const QVariantList values{c.pregnancyId.toString(QUuid::WithoutBraces),
                              sqlDate(c.openedOn),
                              c.level,
                              c.purple ? 1 : 0,
                              text(c.responsibleDoctor),
                              text(c.responsibleNurse),
                              text(c.managementPlan),
                              text(c.deliveryHospitalLevel),
                              c.reportDueOn.isValid() ? sqlDate(c.reportDueOn) : QVariant(QStringLiteral("")),
                              sqlDate(c.reportedOn),
                              CaseFile::statusKey(c.status),
                              sqlDate(c.closedOn),
                              c.outcome ? QVariant(CaseOutcome::kindKey(c.outcome->kind)) : QVariant(),
                              c.outcome ? QVariant(QString::fromUtf8(QJsonDocument(c.outcome->toJson()).toJson(QJsonDocument::Compact)))
                                        : QVariant()};
    return saveRecord(m_cases, c, values, m_database);
}

Result<void> CaseRepository::save(FollowUpContact &c)
{
    const QVariantList values{c.caseId.toString(QUuid::WithoutBraces), contactKindKey(c.kind), sqlDate(c.dueOn),
                              sqlDate(c.doneOn), text(c.outcome), text(c.findings), text(c.interventions),
                              text(c.advice), sqlDate(c.nextDueOn)};
    return saveRecord(m_contacts, c, values, m_database);
}

Result<void> CaseRepository::save(CaseAmendment &a)
{
    const QVariantList values{a.caseId.toString(QUuid::WithoutBraces), sqlDate(a.amendedOn), a.reason, a.beforeJson,
                              a.afterJson};
    return saveRecord(m_amendments, a, values, m_database);
}

Result<QList<CaseFile>> CaseRepository::selectCases(const QString &where, const QVariant &key) const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(m_cases.selectSql() + QStringLiteral(" WHERE ") + where);
    query.addBindValue(key);
    if (auto done = execute(query, "read case files"); !done)
        return tl::unexpected(done.error());
    QList<CaseFile> cases;
    constexpr int v = RecordTable::FirstValueColumn;
    while (query.next()) {
        CaseFile c;
        c.meta = RecordTable::readMeta(query);
        c.pregnancyId = QUuid::fromString(query.value(v).toString());
        c.openedOn = dateFromSql(query.value(v + 1));
        c.level = query.value(v + 2).toString();
        c.purple = query.value(v + 3).toInt() != 0;
        c.responsibleDoctor = query.value(v + 4).toString();
        c.responsibleNurse = query.value(v + 5).toString();
        c.managementPlan = query.value(v + 6).toString();
        c.deliveryHospitalLevel = query.value(v + 7).toString();
        c.reportDueOn = dateFromSql(query.value(v + 8));
        c.reportedOn = dateFromSql(query.value(v + 9));
        c.status = query.value(v + 10).toString() == QLatin1String("closed") ? CaseFile::Status::Closed
                                                                            : CaseFile::Status::Open;
        c.closedOn = dateFromSql(query.value(v + 11));
        if (!query.value(v + 13).isNull())
            c.outcome = CaseOutcome::fromJson(QJsonDocument::fromJson(query.value(v + 13).toString().toUtf8()).object());
        cases.append(c);
    }
    return cases;
}

Result<std::optional<CaseFile>> CaseRepository::find(const QUuid &caseId) const
{
    auto cases = selectCases(QStringLiteral("id = ?"), caseId.toString(QUuid::WithoutBraces));
    if (!cases)
        return tl::unexpected(cases.error());
    return cases->isEmpty() ? std::optional<CaseFile>() : std::optional<CaseFile>(cases->first());
}

Result<std::optional<CaseFile>> CaseRepository::currentForPregnancy(const QUuid &pregnancyId) const
{
    auto cases = selectCases(QStringLiteral("pregnancy_id = ? AND deleted = 0 ORDER BY status = 'open' DESC, opened_on DESC"),
                             pregnancyId.toString(QUuid::WithoutBraces));
    if (!cases)
        return tl::unexpected(cases.error());
    return cases->isEmpty() ? std::optional<CaseFile>() : std::optional<CaseFile>(cases->first());
}

Result<QList<FollowUpContact>> CaseRepository::contacts(const QUuid &caseId) const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(m_contacts.selectSql() + QStringLiteral(" WHERE case_id = ? AND deleted = 0 ORDER BY due_on, created_at"));
    query.addBindValue(caseId.toString(QUuid::WithoutBraces));
    if (auto done = execute(query, "read contacts"); !done)
        return tl::unexpected(done.error());
    QList<FollowUpContact> contacts;
    constexpr int v = RecordTable::FirstValueColumn;
    while (query.next()) {
        FollowUpContact c;
        c.meta = RecordTable::readMeta(query);
        c.caseId = caseId;
        c.kind = contactKindFromKey(query.value(v + 1).toString()).value_or(ContactKind::PhoneCall);
        c.dueOn = dateFromSql(query.value(v + 2));
        c.doneOn = dateFromSql(query.value(v + 3));
        c.outcome = query.value(v + 4).toString();
        c.findings = query.value(v + 5).toString();
        c.interventions = query.value(v + 6).toString();
        c.advice = query.value(v + 7).toString();
        c.nextDueOn = dateFromSql(query.value(v + 8));
        contacts.append(c);
    }
    return contacts;
}

Result<QList<CaseAmendment>> CaseRepository::amendments(const QUuid &caseId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(m_amendments.selectSql() + QStringLiteral(" WHERE case_id = ? AND deleted = 0 ORDER BY created_at"));
    query.addBindValue(caseId.toString(QUuid::WithoutBraces));
    if (auto done = execute(query, "read amendments"); !done)
        return tl::unexpected(done.error());
    QList<CaseAmendment> amendments;
    constexpr int v = RecordTable::FirstValueColumn;
    while (query.next()) {
        CaseAmendment a;
        a.meta = RecordTable::readMeta(query);
        a.caseId = caseId;
        a.amendedOn = dateFromSql(query.value(v + 1));
        a.reason = query.value(v + 2).toString();
        a.beforeJson = query.value(v + 3).toString();
        a.afterJson = query.value(v + 4).toString();
        amendments.append(a);
    }
    return amendments;
}
