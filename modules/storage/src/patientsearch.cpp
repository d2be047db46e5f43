#include "storage/patientsearch.h"

#include "storage/database.h"
#include "storage/recordtable.h"
#include "storage/sqlerror.h"

#include <QSqlQuery>

#include <algorithm>

namespace {
// Upper bound of a prefix range: the prefix followed by the largest code point sorts after
// every string that starts with the prefix (SQLite compares UTF-8 bytes).
QString prefixEnd(const QString &prefix)
{
    return prefix + QString::fromUcs4(U"\U0010FFFF");
}

QString orderBy(PatientSort sort, Qt::SortOrder order)
{
    const QString dir = order == Qt::AscendingOrder ? QStringLiteral("ASC") : QStringLiteral("DESC");
    const QString flip = order == Qt::AscendingOrder ? QStringLiteral("DESC") : QStringLiteral("ASC");
    switch (sort) {
    case PatientSort::RecentlyChanged:
        return QStringLiteral("pa.updated_at ") + dir;
    case PatientSort::Name:
        return QStringLiteral("pa.name ") + dir;
    case PatientSort::RecordNumber:
        return QStringLiteral("pa.record_number ") + dir;
    case PatientSort::Age: // older first when ascending by age = earlier birth date
        return QStringLiteral("pa.birth_date ") + flip;
    case PatientSort::GestationalAge: // further along = earlier EDD
        return QStringLiteral("pr.edd ") + flip;
    case PatientSort::Edd:
        return QStringLiteral("pr.edd ") + dir;
    case PatientSort::NextVisitDue:
        return QStringLiteral("pr.next_visit_due ") + dir;
    case PatientSort::Risk:
        return QStringLiteral("CASE pr.risk_level WHEN 'red' THEN 4 WHEN 'orange' THEN 3 WHEN 'yellow' THEN 2 "
                              "WHEN 'green' THEN 1 ELSE 0 END ")
               + dir + QStringLiteral(", pr.risk_purple ") + dir;
    }
    return QStringLiteral("pa.updated_at DESC");
}
} // namespace

PatientSearch::PatientSearch(const Database &database) : m_database(database) {}

Result<QList<PatientListRow>> PatientSearch::find(const QString &text, PatientSort sort, Qt::SortOrder order,
                                                  int limit, const QString &riskFilter) const
{
    const QString needle = text.trimmed();
    QStringList branches;
    QVariantList bounds;
    auto addPrefix = [&](const char *column, const QString &prefix) {
        // SQLite allows LIMIT only on the last member of a compound SELECT, hence the sub-select.
        branches.append(QStringLiteral("SELECT id FROM (SELECT id FROM patient WHERE %1 >= ? AND %1 < ? LIMIT %2)")
                            .arg(QLatin1String(column))
                            .arg(limit));
        bounds << prefix << prefixEnd(prefix);
    };
    if (!needle.isEmpty()) {
        bool digitsOnly = true;
        for (const QChar c : needle)
            digitsOnly = digitsOnly && c.isDigit();
        if (digitsOnly) {
            addPrefix("national_id", needle);
            addPrefix("phone", needle);
            QString reversed = needle;
            std::reverse(reversed.begin(), reversed.end());
            addPrefix("phone_reversed", reversed);
        } else {
            addPrefix("name", needle);
            addPrefix("national_id", needle.toUpper());
        }
        addPrefix("record_number", needle.toUpper());
    }
    // With search text the few matching ids drive the query (primary-key lookups, then a sort
    // of at most a few hundred rows); without, the sort order's index does.
    const QString matches = branches.isEmpty()
                                ? QStringLiteral("patient pa")
                                : QStringLiteral("(%1) AS m CROSS JOIN patient pa ON pa.id = m.id")
                                      .arg(branches.join(QStringLiteral(" UNION ")));
    QString sql = QStringLiteral(
        "SELECT pa.id, pr.id, pa.record_number, pa.name, pa.birth_date, pa.phone, pa.national_id, pr.edd, "
        "pr.next_visit_due, pr.risk_level, pr.risk_purple, pr.status, pr.gravida, pr.para "
        "FROM %1 LEFT JOIN pregnancy pr ON pr.id = pa.current_pregnancy_id WHERE pa.deleted = 0").arg(matches);
    if (riskFilter == QLatin1String("purple")) {
        sql += QStringLiteral(" AND pr.risk_purple = 1");
    } else if (riskFilter == QLatin1String("ungraded")) {
        sql += QStringLiteral(" AND pr.risk_level IS NULL");
    } else if (!riskFilter.isEmpty()) {
        sql += QStringLiteral(" AND pr.risk_level = ?");
        bounds << riskFilter;
    }
    sql += QStringLiteral(" ORDER BY %1, pa.name LIMIT %2").arg(orderBy(sort, order)).arg(limit);

    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return tl::unexpected(SqlError::from(query, "prepare patient search"));
    for (const QVariant &bound : bounds)
        query.addBindValue(bound);
    if (auto done = execute(query, "search patients"); !done)
        return tl::unexpected(done.error());
    QList<PatientListRow> rows;
    while (query.next()) {
        PatientListRow row;
        row.patientId = QUuid::fromString(query.value(0).toString());
        row.pregnancyId = QUuid::fromString(query.value(1).toString());
        row.recordNumber = query.value(2).toString();
        row.name = query.value(3).toString();
        row.birthDate = dateFromSql(query.value(4));
        row.phone = query.value(5).toString();
        row.nationalId = query.value(6).toString();
        row.edd = dateFromSql(query.value(7));
        row.nextVisitDue = dateFromSql(query.value(8));
        row.riskLevel = query.value(9).toString();
        row.riskPurple = query.value(10).toInt() != 0;
        row.status = query.value(11).toString();
        row.gravida = query.value(12).toInt();
        row.para = query.value(13).toInt();
        rows.append(row);
    }
    return rows;
}

Result<int> PatientSearch::countAll() const
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM patient WHERE deleted = 0")) || !query.next())
        return tl::unexpected(SqlError::from(query, "count patients"));
    return query.value(0).toInt();
}
