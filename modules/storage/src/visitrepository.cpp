#include "storage/visitrepository.h"

#include "storage/database.h"
#include "storage/sqlerror.h"
#include "summarycolumns.h"

VisitRepository::VisitRepository(const Database &database)
    : m_database(database)
    , m_table(database, QStringLiteral("antenatal_visit"),
          { QStringLiteral("pregnancy_id"), QStringLiteral("visit_date"), QStringLiteral("ga_days"),
              QStringLiteral("systolic_mmhg"), QStringLiteral("diastolic_mmhg"), QStringLiteral("pulse_bpm"),
              QStringLiteral("weight_kg"), QStringLiteral("fundal_height_cm"),
              QStringLiteral("abdominal_girth_cm"), QStringLiteral("fetal_heart_rate_bpm"),
              QStringLiteral("presentation"), QStringLiteral("oedema"), QStringLiteral("urine_protein"),
              QStringLiteral("notes"), QStringLiteral("advice"), QStringLiteral("next_appointment_on"),
              QStringLiteral("next_appointment_purpose") })
    , m_summary(std::make_shared<SummaryColumns>(database.connection()))
{
}

Result<void> VisitRepository::save(AntenatalVisit &visit, const Pregnancy &pregnancy, Schedule schedule)
{
    visit.pregnancyId = pregnancy.meta.id;
    if (const auto age = pregnancy.gestationalAgeOn(visit.visitDate))
        visit.gestationalAge = *age;
    const QVariantList values { visit.pregnancyId.toString(QUuid::WithoutBraces), sqlDate(visit.visitDate),
        visit.gestationalAge.totalDays(), sqlOptional(visit.systolicMmHg), sqlOptional(visit.diastolicMmHg),
        sqlOptional(visit.pulseBpm), sqlOptional(visit.weightKg), sqlOptional(visit.fundalHeightCm),
        sqlOptional(visit.abdominalGirthCm), sqlOptional(visit.fetalHeartRateBpm),
        presentationKey(visit.presentation), static_cast<int>(visit.oedema),
        static_cast<int>(visit.urineProtein), visit.notes.isNull() ? QStringLiteral("") : visit.notes,
        visit.advice.isNull() ? QStringLiteral("") : visit.advice, sqlDate(visit.nextAppointmentOn),
        visit.nextAppointmentPurpose.isNull() ? QStringLiteral("") : visit.nextAppointmentPurpose };
    const bool isNew = visit.meta.id.isNull() || visit.meta.revision == 0;
    auto saved = isNew
        ? m_table.insert(visit.meta, values, m_database.identity().clinicId, m_database.identity().author)
        : m_table.update(visit.meta, values, m_database.identity().author);
    if (!saved || schedule == Schedule::Defer)
        return saved;
    return m_summary->refreshNextVisit(pregnancy.meta.id);
}

Result<void> VisitRepository::refreshSchedule(const QUuid &pregnancyId)
{
    return m_summary->refreshNextVisit(pregnancyId);
}

Result<QList<AntenatalVisit>> VisitRepository::forPregnancy(const QUuid &pregnancyId) const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(m_table.selectSql()
        + QStringLiteral(" WHERE pregnancy_id = ? AND deleted = 0 ORDER BY visit_date, created_at"));
    query.addBindValue(pregnancyId.toString(QUuid::WithoutBraces));
    if (auto done = execute(query, "read visits"); !done)
        return tl::unexpected(done.error());
    QList<AntenatalVisit> visits;
    constexpr int v = RecordTable::FirstValueColumn;
    while (query.next()) {
        AntenatalVisit visit;
        visit.meta = RecordTable::readMeta(query);
        visit.pregnancyId = pregnancyId;
        visit.visitDate = dateFromSql(query.value(v + 1));
        visit.gestationalAge = GestationalAge(query.value(v + 2).toInt());
        visit.systolicMmHg = optionalInt(query.value(v + 3));
        visit.diastolicMmHg = optionalInt(query.value(v + 4));
        visit.pulseBpm = optionalInt(query.value(v + 5));
        visit.weightKg = optionalDouble(query.value(v + 6));
        visit.fundalHeightCm = optionalDouble(query.value(v + 7));
        visit.abdominalGirthCm = optionalDouble(query.value(v + 8));
        visit.fetalHeartRateBpm = optionalInt(query.value(v + 9));
        visit.presentation
            = presentationFromKey(query.value(v + 10).toString()).value_or(FetalPresentation::Unknown);
        visit.oedema = static_cast<Oedema>(query.value(v + 11).toInt());
        visit.urineProtein = static_cast<UrineProtein>(query.value(v + 12).toInt());
        visit.notes = query.value(v + 13).toString();
        visit.advice = query.value(v + 14).toString();
        visit.nextAppointmentOn = dateFromSql(query.value(v + 15));
        visit.nextAppointmentPurpose = query.value(v + 16).toString();
        visits.append(visit);
    }
    return visits;
}
