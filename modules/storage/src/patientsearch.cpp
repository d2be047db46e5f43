#include "storage/patientsearch.h"

#include "pinyin/pinyinquery.h"
#include "storage/database.h"
#include "storage/recordtable.h"
#include "storage/sqlerror.h"

#include <QHash>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>

// How a page of the list is found (bench_storage measures both at 100,000 patients). Every
// column the list sorts or filters by is on the patient row (migration 6 copies the current
// pregnancy's EDD, next visit and grade there), so either way only patient rows are read:
// - by the matches: when the text (or the risk filter) matches few women, their rowids come
//   from prefix range scans on the search indexes, and only those rows are sorted;
// - by the order: when it matches many (a first digit, a common surname, "MH0"), the index of
//   the sort order is walked and each row tested, which stops after one page because matches
//   are dense there.
// A capped count on the search indexes tells which case it is. Either way the page holds the
// first rows of the requested order among all matches. The shown columns are read for the
// page only.

namespace {
// Upper bound of a prefix range: the prefix followed by the largest code point sorts after
// every string that starts with the prefix (SQLite compares UTF-8 bytes).
QString prefixEnd(const QString &prefix)
{
    return prefix + QString::fromUcs4(U"\U0010FFFF");
}

struct PrefixRange
{
    QLatin1String column;
    QString low;
    QString high;
    bool caseInsensitive = false;
    // A GLOB the name must match as well (the Chinese characters of a pinyin query); the name
    // is in every search index, so it is tested without reading the row.
    QString namePattern;

    // The search index on the column; it also holds every sort key (migrations 6 and 14).
    QString index() const { return QStringLiteral("patient_") + column; }

    // The range in the collation of the column's index.
    QString condition() const
    {
        const QLatin1String collate(caseInsensitive ? " COLLATE NOCASE" : "");
        return QStringLiteral("pa.%1%2 >= ? AND pa.%1%2 < ?").arg(column, collate)
            + (namePattern.isEmpty() ? QString() : QStringLiteral(" AND pa.name GLOB ?"));
    }
    QVariantList values() const
    {
        QVariantList all { low, high };
        if (!namePattern.isEmpty())
            all.append(namePattern);
        return all;
    }
};

QList<PrefixRange> rangesFor(const QString &needle)
{
    QList<PrefixRange> ranges;
    if (needle.isEmpty())
        return ranges;
    auto add = [&](const char *column, const QString &prefix, bool caseInsensitive = false,
                   const QString &namePattern = {}) {
        ranges.append({ QLatin1String(column), prefix, prefixEnd(prefix), caseInsensitive, namePattern });
    };
    const bool digitsOnly = std::all_of(needle.begin(), needle.end(), [](QChar c) { return c.isDigit(); });
    if (digitsOnly) {
        add("national_id", needle);
        add("phone", needle);
        // The last digits of a phone number are a prefix of its reversed digits.
        QString reversed = needle;
        std::reverse(reversed.begin(), reversed.end());
        add("phone_reversed", reversed);
    } else {
        add("name", needle);
        add("national_id", needle.toUpper()); // the check character X
        // The name in pinyin: "zyj", "zhang yajing", "张yj" (PinyinQuery).
        if (const PinyinQuery pinyin = PinyinQuery::parse(needle); !pinyin.isEmpty()) {
            add("pinyin_initials", pinyin.initials, false, pinyin.initialsPattern);
            // One letter: the same women either way (a name's full pinyin starts with its first
            // initial), so one range scan, not two over the same thousands.
            if (pinyin.full.size() > 1)
                add("pinyin_full", pinyin.full, false, pinyin.fullPattern);
        }
    }
    add("record_number", needle, true);
    return ranges;
}

// The order as SQL over patient pa, and the index that holds it. Ties go by row in the same
// direction, which the index holds too: walking it yields rows already in the final order, so
// a page costs one page of rows however many women share an EDD or a next-visit date.
struct SortPlan
{
    QString key; // over patient pa
    QLatin1String direction;
    QLatin1String index;
    bool caseInsensitive = false;

    QString orderBy() const
    {
        return key + (caseInsensitive ? QStringLiteral(" COLLATE NOCASE") : QString()) + direction
            + QStringLiteral(", pa.rowid") + direction;
    }
    // The same order over (rid, k) rows that carry the key read from a search index.
    QString orderByKey() const
    {
        return QStringLiteral("k") + (caseInsensitive ? QStringLiteral(" COLLATE NOCASE") : QString())
            + direction + QStringLiteral(", rid") + direction;
    }
};

SortPlan sortPlan(PatientSort sort, Qt::SortOrder order)
{
    const QLatin1String dir(order == Qt::AscendingOrder ? " ASC" : " DESC");
    const QLatin1String flip(order == Qt::AscendingOrder ? " DESC" : " ASC");
    auto plan
        = [](const char *key, QLatin1String direction, const char *index, bool caseInsensitive = false) {
              return SortPlan { QLatin1String(key), direction, QLatin1String(index), caseInsensitive };
          };
    switch (sort) {
    case PatientSort::RecentlyChanged:
        return plan("pa.updated_at", dir, "patient_updated");
    case PatientSort::Name:
        return plan("pa.name", dir, "patient_name");
    case PatientSort::RecordNumber:
        return plan("pa.record_number", dir, "patient_record_number", true);
    case PatientSort::Age: // ascending age: youngest, the latest birth date, first
        return plan("pa.birth_date", flip, "patient_birth_date");
    case PatientSort::GestationalAge: // further along = earlier EDD
        return plan("pa.list_edd", flip, "patient_list_edd");
    case PatientSort::Edd:
        return plan("pa.list_edd", dir, "patient_list_edd");
    case PatientSort::NextVisitDue:
        return plan("pa.list_next_visit_due", dir, "patient_list_next_visit");
    case PatientSort::Risk: // red first when descending; purple above the same color without
        return plan("pa.list_risk", dir, "patient_list_risk");
    }
    return plan("pa.updated_at", flip, "patient_updated");
}

// A piece of SQL with its positional values.
struct Sql
{
    QString text;
    QVariantList values;
    bool needsPregnancy = false; // refers to pr, the current pregnancy
};

Sql textCondition(const QList<PrefixRange> &ranges)
{
    Sql sql;
    QStringList alternatives;
    for (const PrefixRange &range : ranges) {
        alternatives.append(QLatin1Char('(') + range.condition() + QLatin1Char(')'));
        sql.values << range.values();
    }
    if (!alternatives.isEmpty())
        sql.text = QLatin1Char('(') + alternatives.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    return sql;
}

// The five colors of the national rule set map to list_risk ranges on an index; any other level
// id is compared on the pregnancy itself. Women without a pregnancy are "ungraded".
Sql riskCondition(const QString &riskFilter)
{
    static const QHash<QString, int> ranks { { QStringLiteral("green"), 1 }, { QStringLiteral("yellow"), 2 },
        { QStringLiteral("orange"), 3 }, { QStringLiteral("red"), 4 } };
    if (riskFilter.isEmpty())
        return {};
    if (riskFilter == QLatin1String("purple"))
        return { QStringLiteral("pa.list_risk IN (1, 3, 5, 7, 9)"), {} };
    if (riskFilter == QLatin1String("ungraded"))
        return { QStringLiteral("pa.list_risk BETWEEN 0 AND 1"), {} };
    if (const auto rank = ranks.constFind(riskFilter); rank != ranks.cend())
        return { QStringLiteral("pa.list_risk BETWEEN %1 AND %2").arg(*rank * 2).arg(*rank * 2 + 1), {} };
    return { QStringLiteral("pr.risk_level = ?"), { riskFilter }, true };
}

QDate dayNumber(const QVariant &value)
{
    return value.isNull() ? QDate() : QDate::fromJulianDay(value.toLongLong());
}

Result<QSqlQuery> run(const Database &database, const Sql &sql, const char *what)
{
    QSqlQuery query(database.connection());
    query.setForwardOnly(true);
    if (!query.prepare(sql.text))
        return tl::unexpected(SqlError::from(query, what));
    for (qsizetype i = 0; i < sql.values.size(); ++i)
        query.bindValue(static_cast<int>(i), sql.values[i]);
    if (auto done = execute(query, what); !done)
        return tl::unexpected(done.error());
    return query;
}

Result<qint64> scalar(const Database &database, const Sql &sql, const char *what)
{
    auto query = run(database, sql, what);
    if (!query)
        return tl::unexpected(query.error());
    return query->next() ? query->value(0).toLongLong() : 0;
}

} // namespace

PatientSearch::PatientSearch(const Database &database)
    : m_database(database)
{
}

Result<QList<PatientListRow>> PatientSearch::find(
    const QString &text, PatientSort sort, Qt::SortOrder order, int limit, const QString &riskFilter) const
{
    limit = std::max(limit, 1);
    const QList<PrefixRange> ranges = rangesFor(text.trimmed());
    const SortPlan plan = sortPlan(sort, order);
    const Sql textFilter = textCondition(ranges);
    const Sql riskFilterSql = riskCondition(riskFilter);

    // Rows read to fill a page along the order ≈ limit × patients / matches, each with its
    // table row (to test the text); from the matches, one index entry per match, about half
    // the cost (bench_storage). Both cost the same at sqrt(2 × limit × patients) matches, which
    // bounds what a page costs.
    auto patients
        = scalar(m_database, { QStringLiteral("SELECT max(rowid) FROM patient"), {} }, "count patients");
    if (!patients)
        return tl::unexpected(patients.error());
    const qint64 enough = std::max<qint64>(64,
        std::llround(std::sqrt(
            2.0 * static_cast<double>(limit) * static_cast<double>(std::max<qint64>(*patients, 1)))));

    // Few enough matches on the search indexes? Each holds every sort key, so the candidates
    // are then sorted without reading a table row.
    QString matchedPage; // rowids of the page, in order
    QVariantList matchedValues;
    if (!ranges.isEmpty()) {
        QStringList selects;
        QVariantList values;
        for (const PrefixRange &range : ranges) {
            selects.append(
                QStringLiteral("SELECT pa.rowid AS rid, %1 AS k FROM patient pa INDEXED BY %2 WHERE %3 AND "
                               "pa.deleted = 0")
                    .arg(plan.key, range.index(), range.condition()));
            values << range.values();
        }
        // Index-only scans that stop as soon as there are enough.
        auto matches = scalar(m_database,
            { QStringLiteral("SELECT count(*) FROM (%1 LIMIT %2)")
                    .arg(selects.join(QStringLiteral(" UNION ALL ")))
                    .arg(enough),
                values },
            "count search matches");
        if (!matches)
            return tl::unexpected(matches.error());
        if (*matches < enough) {
            if (!riskFilterSql.text.isEmpty() && !riskFilterSql.needsPregnancy) {
                for (QString &select : selects)
                    select += QStringLiteral(" AND ") + riskFilterSql.text;
                values.clear();
                for (const PrefixRange &range : ranges)
                    values << range.values() << riskFilterSql.values;
            }
            if (!riskFilterSql.needsPregnancy) {
                // UNION drops a woman found twice (by phone and by ID).
                matchedPage = QStringLiteral("SELECT rid FROM (%1 ORDER BY %2 LIMIT %3)")
                                  .arg(selects.join(QStringLiteral(" UNION ")), plan.orderByKey())
                                  .arg(limit);
                matchedValues = values;
            }
        }
    }

    Sql page;
    if (!matchedPage.isEmpty()) {
        page = { matchedPage, matchedValues };
    } else {
        // Along the sort order, or from the few graded so: every filter tested on the row.
        QStringList conditions { QStringLiteral("pa.deleted = 0") };
        QVariantList values;
        if (!textFilter.text.isEmpty()) {
            conditions.append(textFilter.text);
            values << textFilter.values;
        }
        if (!riskFilterSql.text.isEmpty()) {
            conditions.append(riskFilterSql.text);
            values << riskFilterSql.values;
        }
        QString index = plan.index;
        if (!riskFilterSql.text.isEmpty() && !riskFilterSql.needsPregnancy) {
            auto graded = scalar(m_database,
                { QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM patient pa WHERE %1 LIMIT %2)")
                        .arg(riskFilterSql.text)
                        .arg(enough),
                    riskFilterSql.values },
                "count graded");
            if (!graded)
                return tl::unexpected(graded.error());
            if (*graded < enough)
                index = QLatin1String("patient_list_risk");
        }
        const QString pregnancyJoin = riskFilterSql.needsPregnancy
            ? QStringLiteral(" LEFT JOIN pregnancy pr ON pr.id = pa.current_pregnancy_id")
            : QString();
        page.text = QStringLiteral(
            "SELECT pa.rowid AS rid FROM patient pa INDEXED BY %1%2 WHERE %3 ORDER BY %4 LIMIT %5")
                        .arg(index, pregnancyJoin, conditions.join(QStringLiteral(" AND ")), plan.orderBy())
                        .arg(limit);
        page.values = values;
    }
    // Dates as day numbers: a number crosses QtSql faster than text that is then parsed again.
    page.text
        = QStringLiteral("SELECT pa.id, pr.id, pa.record_number, pa.name, %3pa.birth_date%4, pa.phone, "
                         "pa.national_id, %3pr.edd%4, %3pr.next_visit_due%4, pr.risk_level, pr.risk_purple, "
                         "pr.status, pr.gravida, pr.para "
                         "FROM (%1) AS page CROSS JOIN patient pa ON pa.rowid = page.rid "
                         "LEFT JOIN pregnancy pr ON pr.id = pa.current_pregnancy_id ORDER BY %2")
              .arg(page.text, plan.orderBy(), QStringLiteral("CAST(julianday("),
                  QStringLiteral(") + 0.5 AS INTEGER)"));

    auto query = run(m_database, page, "search patients");
    if (!query)
        return tl::unexpected(query.error());
    QList<PatientListRow> rows;
    while (query->next()) {
        PatientListRow row;
        row.patientId = QUuid::fromString(query->value(0).toString());
        row.pregnancyId = QUuid::fromString(query->value(1).toString());
        row.recordNumber = query->value(2).toString();
        row.name = query->value(3).toString();
        row.birthDate = dayNumber(query->value(4));
        row.phone = query->value(5).toString();
        row.nationalId = query->value(6).toString();
        row.edd = dayNumber(query->value(7));
        row.nextVisitDue = dayNumber(query->value(8));
        row.riskLevel = query->value(9).toString();
        row.riskPurple = query->value(10).toInt() != 0;
        row.status = query->value(11).toString();
        row.gravida = query->value(12).toInt();
        row.para = query->value(13).toInt();
        rows.append(row);
    }
    return rows;
}

Result<int> PatientSearch::countAll() const
{
    // Everyone less the tombstones: the count reads the smallest index and the few tombstones'
    // partial index (migration 6) instead of every row, since the list shows it on each keystroke.
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral(
            "SELECT (SELECT count(*) FROM patient) - (SELECT count(*) FROM patient WHERE deleted <> 0)"))
        || !query.next())
        return tl::unexpected(SqlError::from(query, "count patients"));
    return query.value(0).toInt();
}
