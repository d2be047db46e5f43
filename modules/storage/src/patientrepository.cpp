#include "storage/patientrepository.h"

#include "pinyin/pinyinkeys.h"
#include "storage/database.h"
#include "storage/sqlerror.h"
#include "summarycolumns.h"

PatientRepository::PatientRepository(const Database &database)
    : m_database(database)
    , m_table(database, QStringLiteral("patient"),
          { QStringLiteral("record_number"), QStringLiteral("name"), QStringLiteral("national_id"),
              QStringLiteral("birth_date"), QStringLiteral("phone"), QStringLiteral("address"),
              QStringLiteral("phone_reversed"), QStringLiteral("pinyin_initials"), QStringLiteral("pinyin_full") })
{
}

Result<void> PatientRepository::save(Patient &patient)
{
    // Record numbers are NOT NULL; an unnumbered record stores an empty one.
    const PinyinKeys pinyin = PinyinKeys::ofName(patient.name);
    const QVariantList values { patient.recordNumber.isNull() ? QStringLiteral("") : patient.recordNumber,
        patient.name.trimmed(),
        patient.nationalId.isEmpty() ? QVariant() : QVariant(patient.nationalId.toUpper()),
        sqlDate(patient.birthDate), patient.phone, patient.address,
        SummaryColumns::reversedDigits(patient.phone), pinyin.initials, pinyin.full };
    if (patient.meta.id.isNull() || patient.meta.revision == 0)
        return m_table.insert(
            patient.meta, values, m_database.identity().clinicId, m_database.identity().author);
    return m_table.update(patient.meta, values, m_database.identity().author);
}

Result<std::optional<Patient>> PatientRepository::find(const QUuid &id) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(m_table.selectSql() + QStringLiteral(" WHERE id = ?"));
    query.addBindValue(id.toString(QUuid::WithoutBraces));
    if (auto done = execute(query, "read patient"); !done)
        return tl::unexpected(done.error());
    if (!query.next())
        return std::optional<Patient>();
    constexpr int v = RecordTable::FirstValueColumn;
    Patient patient;
    patient.meta = RecordTable::readMeta(query);
    patient.recordNumber = query.value(v).toString();
    patient.name = query.value(v + 1).toString();
    patient.nationalId = query.value(v + 2).toString();
    patient.birthDate = dateFromSql(query.value(v + 3));
    patient.phone = query.value(v + 4).toString();
    patient.address = query.value(v + 5).toString();
    return std::optional<Patient>(patient);
}

Result<bool> PatientRepository::recordNumberTaken(const QString &recordNumber, const QUuid &except) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "SELECT 1 FROM patient WHERE record_number = ? COLLATE NOCASE AND id <> ? AND deleted = 0 LIMIT 1"));
    query.addBindValue(recordNumber);
    query.addBindValue(except.toString(QUuid::WithoutBraces));
    if (auto done = execute(query, "check record number"); !done)
        return tl::unexpected(done.error());
    return query.next();
}
