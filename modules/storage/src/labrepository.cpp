#include "storage/labrepository.h"

#include "storage/database.h"
#include "storage/sqlerror.h"

LabRepository::LabRepository(const Database &database)
    : m_database(database)
    , m_table(database, QStringLiteral("lab_result"),
          { QStringLiteral("pregnancy_id"), QStringLiteral("taken_on"), QStringLiteral("test"),
              QStringLiteral("value"), QStringLiteral("upper_limit_of_normal"), QStringLiteral("serology") })
{
}

Result<void> LabRepository::save(LabResult &result)
{
    const QVariantList values { result.pregnancyId.toString(QUuid::WithoutBraces), sqlDate(result.takenOn),
        labTestKey(result.test), sqlOptional(result.value), sqlOptional(result.upperLimitOfNormal),
        static_cast<int>(result.serology) };
    if (result.meta.id.isNull() || result.meta.revision == 0)
        return m_table.insert(
            result.meta, values, m_database.identity().clinicId, m_database.identity().author);
    return m_table.update(result.meta, values, m_database.identity().author);
}

Result<QList<LabResult>> LabRepository::forPregnancy(const QUuid &pregnancyId) const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(
        m_table.selectSql() + QStringLiteral(" WHERE pregnancy_id = ? AND deleted = 0 ORDER BY taken_on"));
    query.addBindValue(pregnancyId.toString(QUuid::WithoutBraces));
    if (auto done = execute(query, "read lab results"); !done)
        return tl::unexpected(done.error());
    QList<LabResult> results;
    constexpr int v = RecordTable::FirstValueColumn;
    while (query.next()) {
        const auto test = labTestFromKey(query.value(v + 2).toString());
        if (!test)
            continue; // a test this version does not know (from a newer clinic): kept, not shown
        LabResult result;
        result.meta = RecordTable::readMeta(query);
        result.pregnancyId = pregnancyId;
        result.takenOn = dateFromSql(query.value(v + 1));
        result.test = *test;
        result.value = optionalDouble(query.value(v + 3));
        result.upperLimitOfNormal = optionalDouble(query.value(v + 4));
        result.serology = static_cast<Serology>(query.value(v + 5).toInt());
        results.append(result);
    }
    return results;
}
