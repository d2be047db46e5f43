#include "cases/worklists.h"

#include "cases/reportingclock.h"
#include "storage/database.h"
#include "storage/recordtable.h"
#include "storage/sqlerror.h"

#include <QSqlQuery>

namespace {
// Each list is a set of rows (FROM + WHERE), the woman joined for display only, and an order
// whose leading column an index holds, so that the first page stops early (measured in
// bench_cases). "+cf.status" keeps SQLite from driving the contact joins by the status index
// (every open case) instead of the due-date index.
const char *const ContactRows = "FROM follow_up_contact c JOIN case_file cf ON cf.id = c.case_id "
                                "%1WHERE c.done_on IS NULL AND c.deleted = 0 AND +cf.status = 'open' AND cf.deleted = 0 ";
const char *const CaseRows = "FROM case_file cf %1WHERE cf.status = 'open' AND cf.deleted = 0 ";
const char *const PregnancyRows = "FROM pregnancy pr "
                                  "LEFT JOIN case_file cf ON cf.pregnancy_id = pr.id AND +cf.status = 'open' AND cf.deleted = 0 "
                                  "%1WHERE pr.deleted = 0 AND pr.status = 'booked' ";
// Every booked woman's appointment as her newest visit set it: an appointment made at an
// earlier visit was kept or replaced by the visit that followed it. The partial index on
// next_appointment_on (migration 13) drives the dated lists.
const char *const AppointmentRows = "FROM antenatal_visit v JOIN pregnancy pr ON pr.id = v.pregnancy_id "
                                    "LEFT JOIN case_file cf ON cf.pregnancy_id = pr.id AND +cf.status = 'open' AND cf.deleted = 0 "
                                    "%1WHERE v.next_appointment_on IS NOT NULL AND v.deleted = 0 AND pr.deleted = 0 "
                                    "AND pr.status = 'booked' AND NOT EXISTS (SELECT 1 FROM antenatal_visit later "
                                    "WHERE later.pregnancy_id = v.pregnancy_id AND later.deleted = 0 AND (later.visit_date > v.visit_date "
                                    "OR (later.visit_date = v.visit_date AND later.rowid > v.rowid))) ";
// A case file always has its pregnancy and woman (foreign keys), so counts leave these joins out.
const char *const WomanOfCase = "JOIN pregnancy pr ON pr.id = cf.pregnancy_id JOIN patient pa ON pa.id = pr.patient_id ";
const char *const WomanOfPregnancy = "JOIN patient pa ON pa.id = pr.patient_id ";

// The same columns for every list; lists not about a contact or an appointment select NULL for
// its two (joining the contacts table there would scan it once per case).
QString columns(const QString &dueAndWhy)
{
    return QStringLiteral("cf.id, pr.id, pa.id, pa.name, pa.record_number, pa.phone, COALESCE(cf.level, pr.risk_level), "
                          "COALESCE(cf.purple, pr.risk_purple), cf.responsible_nurse, cf.responsible_doctor, %1, "
                          "cf.report_due_on, cf.reported_on, pr.edd, cf.opened_on ")
        .arg(dueAndWhy);
}

QString dueAndWhy(WorklistKind kind)
{
    if (kind == WorklistKind::Due || kind == WorklistKind::Overdue || kind == WorklistKind::Lost)
        return QStringLiteral("c.due_on, c.kind");
    if (Worklists::isAppointmentList(kind))
        return QStringLiteral("v.next_appointment_on, v.next_appointment_purpose");
    return QStringLiteral("NULL, NULL");
}

struct ListQuery
{
    QString rows;      // FROM … WHERE … with %1 where the woman is joined
    QString condition; // AND … specific to the list
    QString order;     // ORDER BY …

    QString select(const QString &what, bool withWoman) const
    {
        const char *woman = rows.startsWith(QLatin1String("FROM case_file")) || rows.startsWith(QLatin1String("FROM follow_up"))
                                ? WomanOfCase
                                : WomanOfPregnancy;
        return QStringLiteral("SELECT ") + what + rows.arg(withWoman ? QLatin1String(woman) : QLatin1String()) + condition;
    }
};

ListQuery queryFor(WorklistKind kind)
{
    const QString contacts = QLatin1String(ContactRows);
    const QString cases = QLatin1String(CaseRows);
    switch (kind) {
    case WorklistKind::Due:
        return {contacts, QStringLiteral("AND c.due_on = ? "), QStringLiteral("ORDER BY pa.name")};
    case WorklistKind::Overdue: // missed, still within the grace period
        return {contacts, QStringLiteral("AND c.due_on < ? AND c.due_on >= ? "), QStringLiteral("ORDER BY c.due_on, pa.name")};
    case WorklistKind::Lost: // missed for longer than the grace period
        return {contacts, QStringLiteral("AND c.due_on < ? "), QStringLiteral("ORDER BY c.due_on, pa.name")};
    case WorklistKind::Unreported:
        return {cases, QStringLiteral("AND cf.reported_on IS NULL AND cf.report_due_on <> '' "),
                QStringLiteral("ORDER BY cf.report_due_on, pa.name")};
    case WorklistKind::Unassigned:
        // Longest open first. The report deadline follows the opening date (3 days, or 3 working
        // days, later) and the status index holds it in order, so leading with it keeps the
        // order of opened_on while letting the first page stop early.
        return {cases, QStringLiteral("AND (cf.responsible_nurse = '' OR cf.responsible_doctor = '') "),
                QStringLiteral("ORDER BY cf.report_due_on, cf.opened_on, pa.name")};
    case WorklistKind::EddSoon: // women the nurses follow (yellow and above, or with a case)
        return {QLatin1String(PregnancyRows),
                QStringLiteral("AND pr.edd >= ? AND pr.edd <= ? AND (cf.id IS NOT NULL OR pr.risk_purple = 1 "
                               "OR pr.risk_level IN ('yellow', 'orange', 'red')) "),
                QStringLiteral("ORDER BY pr.edd, pa.name")};
    case WorklistKind::AppointmentsToday:
    case WorklistKind::AppointmentsTomorrow:
        return {QLatin1String(AppointmentRows), QStringLiteral("AND v.next_appointment_on = ? "), QStringLiteral("ORDER BY pa.name")};
    case WorklistKind::MissedAppointment: // before today, and no visit since the one that made it
        return {QLatin1String(AppointmentRows), QStringLiteral("AND v.next_appointment_on < ? "),
                QStringLiteral("ORDER BY v.next_appointment_on, pa.name")};
    }
    return {};
}
} // namespace

QJsonObject WorklistItem::toJson() const
{
    QJsonObject o{{QStringLiteral("caseId"), caseId.isNull() ? QJsonValue() : QJsonValue(caseId.toString(QUuid::WithoutBraces))},
                  {QStringLiteral("pregnancyId"), pregnancyId.toString(QUuid::WithoutBraces)},
                  {QStringLiteral("patientId"), patientId.toString(QUuid::WithoutBraces)},
                  {QStringLiteral("name"), name},
                  {QStringLiteral("recordNumber"), recordNumber},
                  {QStringLiteral("phone"), phone},
                  {QStringLiteral("level"), level},
                  {QStringLiteral("purple"), purple},
                  {QStringLiteral("responsibleNurse"), responsibleNurse},
                  {QStringLiteral("responsibleDoctor"), responsibleDoctor}};
    if (dueOn.isValid())
        o.insert(QStringLiteral("dueOn"), dueOn.toString(Qt::ISODate));
    if (daysOverdue > 0)
        o.insert(QStringLiteral("daysOverdue"), daysOverdue);
    if (!contactKind.isEmpty())
        o.insert(QStringLiteral("contactKind"), contactKind);
    if (!appointmentPurpose.isEmpty())
        o.insert(QStringLiteral("appointmentPurpose"), appointmentPurpose);
    if (!escalation.isEmpty())
        o.insert(QStringLiteral("escalation"), escalation);
    if (!reportStatus.isEmpty())
        o.insert(QStringLiteral("reportStatus"), reportStatus);
    if (edd.isValid())
        o.insert(QStringLiteral("edd"), edd.toString(Qt::ISODate));
    if (openedOn.isValid())
        o.insert(QStringLiteral("caseOpenedOn"), openedOn.toString(Qt::ISODate));
    return o;
}

Worklists::Worklists(const Database &database, CaseSettings settings)
    : m_database(database), m_settings(std::move(settings))
{
}

QString Worklists::kindKey(WorklistKind kind)
{
    switch (kind) {
    case WorklistKind::Due:
        return QStringLiteral("due");
    case WorklistKind::Overdue:
        return QStringLiteral("overdue");
    case WorklistKind::Unreported:
        return QStringLiteral("unreported");
    case WorklistKind::Lost:
        return QStringLiteral("lost");
    case WorklistKind::EddSoon:
        return QStringLiteral("edd");
    case WorklistKind::Unassigned:
        return QStringLiteral("unassigned");
    case WorklistKind::AppointmentsToday:
        return QStringLiteral("appointments-today");
    case WorklistKind::AppointmentsTomorrow:
        return QStringLiteral("appointments-tomorrow");
    case WorklistKind::MissedAppointment:
        return QStringLiteral("missed-appointment");
    }
    return {};
}

std::optional<WorklistKind> Worklists::kindFromKey(const QString &key)
{
    for (WorklistKind kind : allKinds())
        if (kindKey(kind) == key)
            return kind;
    return std::nullopt;
}

QList<WorklistKind> Worklists::allKinds()
{
    return {WorklistKind::Due, WorklistKind::Overdue, WorklistKind::Unreported, WorklistKind::Lost,
            WorklistKind::EddSoon, WorklistKind::Unassigned, WorklistKind::AppointmentsToday,
            WorklistKind::AppointmentsTomorrow, WorklistKind::MissedAppointment};
}

bool Worklists::isAppointmentList(WorklistKind kind)
{
    return kind == WorklistKind::AppointmentsToday || kind == WorklistKind::AppointmentsTomorrow
           || kind == WorklistKind::MissedAppointment;
}

QVariantList Worklists::bindings(WorklistKind kind, const QDate &on) const
{
    switch (kind) {
    case WorklistKind::Due:
        return {sqlDate(on)};
    case WorklistKind::Overdue:
        return {sqlDate(on), sqlDate(on.addDays(-m_settings.lostToFollowUpGraceDays))};
    case WorklistKind::Lost:
        return {sqlDate(on.addDays(-m_settings.lostToFollowUpGraceDays))};
    case WorklistKind::EddSoon:
        return {sqlDate(on), sqlDate(on.addDays(m_settings.eddWindowDays))};
    case WorklistKind::AppointmentsToday:
    case WorklistKind::MissedAppointment:
        return {sqlDate(on)};
    case WorklistKind::AppointmentsTomorrow:
        return {sqlDate(on.addDays(1))};
    case WorklistKind::Unreported:
    case WorklistKind::Unassigned:
        return {};
    }
    return {};
}

Result<QList<WorklistItem>> Worklists::list(WorklistKind kind, const QDate &on, int limit) const
{
    const ListQuery list = queryFor(kind);
    QString sql = list.select(columns(dueAndWhy(kind)), true) + list.order;
    if (limit >= 0)
        sql += QStringLiteral(" LIMIT %1").arg(limit);
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return tl::unexpected(SqlError::from(query, "prepare worklist"));
    for (const QVariant &value : bindings(kind, on))
        query.addBindValue(value);
    if (auto done = execute(query, "worklist"); !done)
        return tl::unexpected(done.error());
    QList<WorklistItem> items;
    while (query.next()) {
        WorklistItem item;
        item.caseId = QUuid::fromString(query.value(0).toString());
        item.pregnancyId = QUuid::fromString(query.value(1).toString());
        item.patientId = QUuid::fromString(query.value(2).toString());
        item.name = query.value(3).toString();
        item.recordNumber = query.value(4).toString();
        item.phone = query.value(5).toString();
        item.level = query.value(6).toString();
        item.purple = query.value(7).toInt() != 0;
        item.responsibleNurse = query.value(8).toString();
        item.responsibleDoctor = query.value(9).toString();
        item.dueOn = dateFromSql(query.value(10));
        (isAppointmentList(kind) ? item.appointmentPurpose : item.contactKind) = query.value(11).toString();
        const QDate reportDue = dateFromSql(query.value(12));
        item.edd = dateFromSql(query.value(14));
        item.openedOn = dateFromSql(query.value(15));
        if (kind == WorklistKind::Unreported) {
            item.dueOn = reportDue;
            item.reportStatus = ReportingClock::statusKey(ReportingClock::status(reportDue, dateFromSql(query.value(13)), on));
        }
        if (item.dueOn.isValid() && item.dueOn < on)
            item.daysOverdue = static_cast<int>(item.dueOn.daysTo(on));
        if (kind == WorklistKind::Lost)
            item.escalation = item.daysOverdue > m_settings.escalateToDistrictAfterDays ? QStringLiteral("district")
                              : item.daysOverdue > m_settings.escalateToDoctorAfterDays ? QStringLiteral("doctor")
                                                                                         : QStringLiteral("nurse");
        items.append(item);
    }
    return items;
}

Result<int> Worklists::count(WorklistKind kind, const QDate &on) const
{
    QSqlQuery query(m_database.connection());
    if (!query.prepare(queryFor(kind).select(QStringLiteral("COUNT(*) "), false)))
        return tl::unexpected(SqlError::from(query, "prepare worklist count"));
    for (const QVariant &value : bindings(kind, on))
        query.addBindValue(value);
    if (auto done = execute(query, "worklist count"); !done)
        return tl::unexpected(done.error());
    return query.next() ? query.value(0).toInt() : 0;
}
