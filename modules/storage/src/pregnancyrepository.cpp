#include "storage/pregnancyrepository.h"

#include "storage/database.h"
#include "storage/sqlerror.h"
#include "summarycolumns.h"

PregnancyRepository::PregnancyRepository(const Database &database)
    : m_database(database)
    , m_table(database, QStringLiteral("pregnancy"),
          { QStringLiteral("patient_id"), QStringLiteral("booking_date"), QStringLiteral("lmp"),
              QStringLiteral("ultrasound_scan_date"), QStringLiteral("ultrasound_ga_days"),
              QStringLiteral("gravida"), QStringLiteral("para"), QStringLiteral("fetuses"),
              QStringLiteral("status"), QStringLiteral("height_cm"),
              QStringLiteral("pre_pregnancy_weight_kg"), QStringLiteral("uterine_surgeries"),
              QStringLiteral("last_uterine_surgery_date"), QStringLiteral("edd") })
    , m_summary(std::make_shared<SummaryColumns>(database.connection()))
{
}

Result<void> PregnancyRepository::save(Pregnancy &pregnancy)
{
    const auto &scan = pregnancy.ultrasoundDating;
    const QDate edd = pregnancy.edd();
    const QVariantList values { pregnancy.patientId.toString(QUuid::WithoutBraces),
        sqlDate(pregnancy.bookingDate), sqlDate(pregnancy.lmp), scan ? sqlDate(scan->scanDate) : QVariant(),
        scan ? QVariant(scan->gestationalAgeAtScan.totalDays()) : QVariant(), pregnancy.gravida,
        pregnancy.para, pregnancy.fetuses, pregnancyStatusKey(pregnancy.status),
        sqlOptional(pregnancy.heightCm), sqlOptional(pregnancy.prePregnancyWeightKg),
        pregnancy.uterineSurgeries, sqlDate(pregnancy.lastUterineSurgeryDate), sqlDate(edd) };
    const bool isNew = pregnancy.meta.id.isNull() || pregnancy.meta.revision == 0;
    auto saved = isNew
        ? m_table.insert(pregnancy.meta, values, m_database.identity().clinicId, m_database.identity().author)
        : m_table.update(pregnancy.meta, values, m_database.identity().author);
    if (!saved)
        return saved;
    if (!isNew)
        return m_summary->refreshNextVisit(pregnancy.meta.id);
    if (auto done = m_summary->setCurrentPregnancy(pregnancy.patientId, pregnancy.meta.id); !done)
        return done;
    // A pregnancy just inserted has no visits yet (they reference it), so nothing to read back.
    return m_summary->storeNextVisit(pregnancy.meta.id.toString(QUuid::WithoutBraces),
        SummaryColumns::nextVisitDue(edd, pregnancy.status == PregnancyStatus::Booked, QDate()));
}

Result<std::optional<Pregnancy>> PregnancyRepository::find(const QUuid &id) const
{
    auto found = select(QStringLiteral("id = ?"), id.toString(QUuid::WithoutBraces));
    if (!found)
        return tl::unexpected(found.error());
    return found->isEmpty() ? std::optional<Pregnancy>() : std::optional<Pregnancy>(found->first());
}

Result<QList<Pregnancy>> PregnancyRepository::forPatient(const QUuid &patientId) const
{
    return select(QStringLiteral("patient_id = ? AND deleted = 0 ORDER BY booking_date"),
        patientId.toString(QUuid::WithoutBraces));
}

Result<QList<Pregnancy>> PregnancyRepository::select(const QString &where, const QVariant &key) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(m_table.selectSql() + QStringLiteral(" WHERE ") + where);
    query.addBindValue(key);
    if (auto done = execute(query, "read pregnancy"); !done)
        return tl::unexpected(done.error());
    QList<Pregnancy> pregnancies;
    constexpr int v = RecordTable::FirstValueColumn;
    while (query.next()) {
        Pregnancy p;
        p.meta = RecordTable::readMeta(query);
        p.patientId = QUuid::fromString(query.value(v).toString());
        p.bookingDate = dateFromSql(query.value(v + 1));
        p.lmp = dateFromSql(query.value(v + 2));
        if (!query.value(v + 3).isNull())
            p.ultrasoundDating = UltrasoundDating { dateFromSql(query.value(v + 3)),
                GestationalAge(query.value(v + 4).toInt()) };
        p.gravida = query.value(v + 5).toInt();
        p.para = query.value(v + 6).toInt();
        p.fetuses = query.value(v + 7).toInt();
        p.status = pregnancyStatusFromKey(query.value(v + 8).toString()).value_or(PregnancyStatus::Booked);
        p.heightCm = optionalDouble(query.value(v + 9));
        p.prePregnancyWeightKg = optionalDouble(query.value(v + 10));
        p.uterineSurgeries = query.value(v + 11).toInt();
        p.lastUterineSurgeryDate = dateFromSql(query.value(v + 12));
        pregnancies.append(p);
    }
    return pregnancies;
}
