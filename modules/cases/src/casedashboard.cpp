#include "cases/casedashboard.h"

#include "cases/outcomefields.h"
#include "storage/database.h"
#include "storage/recordtable.h"
#include "storage/sqlerror.h"

#include <QSqlQuery>

namespace {
// Each chart is one row set with the columns of a woman and the bar key `k`; bars group it, the
// list behind a bar filters it, so both count the same rows.
struct ChartSql
{
    QString rows;
    QVariantList bindings;
};

ChartSql chartSql(DashboardChart chart, const QDate &on)
{
    const QString woman = QStringLiteral("pa.id AS patient_id, pa.name, pa.record_number, ");
    switch (chart) {
    case DashboardChart::PregnanciesByColor:
        return { QStringLiteral("SELECT ") + woman
                + QStringLiteral(
                    "pr.risk_level AS level, pr.risk_purple AS purple, cf.responsible_nurse AS nurse, "
                    "pr.edd AS day, CASE WHEN pr.risk_purple = 1 THEN 'purple' "
                    "ELSE COALESCE(NULLIF(pr.risk_level, ''), 'ungraded') END AS k "
                    "FROM pregnancy pr JOIN patient pa ON pa.id = pr.patient_id "
                    "LEFT JOIN case_file cf ON cf.pregnancy_id = pr.id AND +cf.status = 'open' "
                    "AND cf.deleted = 0 WHERE pr.deleted = 0 AND pr.status = 'booked'"),
            {} };
    case DashboardChart::TransitionsThisMonth: {
        // A decided grade this month against the decided grade before it (none: a first grade).
        const QDate first(on.year(), on.month(), 1);
        return { QStringLiteral("SELECT * FROM (SELECT ") + woman
                + QStringLiteral(
                    "ra.level AS level, ra.purple AS purple, NULL AS nurse, ra.assessed_on AS day, "
                    "COALESCE((SELECT p.level FROM risk_assessment p WHERE p.pregnancy_id = ra.pregnancy_id "
                    "AND p.deleted = 0 AND p.status <> 'proposed' AND p.level IS NOT NULL AND p.id <> ra.id "
                    "AND (p.assessed_on < ra.assessed_on OR (p.assessed_on = ra.assessed_on "
                    "AND p.created_at < ra.created_at)) ORDER BY p.assessed_on DESC, p.created_at DESC LIMIT "
                    "1), "
                    "'new') || '>' || ra.level AS k "
                    "FROM risk_assessment ra JOIN pregnancy pr ON pr.id = ra.pregnancy_id "
                    "JOIN patient pa ON pa.id = pr.patient_id WHERE ra.deleted = 0 AND ra.status <> "
                    "'proposed' "
                    "AND ra.level IS NOT NULL AND ra.assessed_on >= ? AND ra.assessed_on <= ?) "
                    "WHERE substr(k, 1, instr(k, '>') - 1) <> substr(k, instr(k, '>') + 1)"),
            { sqlDate(first), sqlDate(on) } };
    }
    case DashboardChart::OverdueByNurse:
        return { QStringLiteral("SELECT ") + woman
                + QStringLiteral(
                    "cf.level AS level, cf.purple AS purple, cf.responsible_nurse AS nurse, "
                    "c.due_on AS day, cf.responsible_nurse AS k "
                    "FROM follow_up_contact c JOIN case_file cf ON cf.id = c.case_id "
                    "JOIN pregnancy pr ON pr.id = cf.pregnancy_id JOIN patient pa ON pa.id = pr.patient_id "
                    "WHERE c.done_on IS NULL AND c.deleted = 0 AND +cf.status = 'open' "
                    "AND cf.deleted = 0 AND c.due_on < ?"),
            { sqlDate(on) } };
    case DashboardChart::ClosureOutcomes:
        return { QStringLiteral("SELECT ") + woman
                + QStringLiteral("cf.level AS level, cf.purple AS purple, cf.responsible_nurse AS nurse, "
                                 "cf.closed_on AS day, cf.outcome_kind AS k "
                                 "FROM case_file cf JOIN pregnancy pr ON pr.id = cf.pregnancy_id "
                                 "JOIN patient pa ON pa.id = pr.patient_id WHERE cf.status = 'closed' "
                                 "AND cf.deleted = 0 AND cf.closed_on >= ? AND cf.closed_on <= ?"),
            { sqlDate(QDate(on.year(), 1, 1)), sqlDate(on) } };
    }
    return {};
}
} // namespace

CaseDashboard::CaseDashboard(const Database &database)
    : m_database(database)
{
}

Result<QList<DashboardBar>> CaseDashboard::bars(DashboardChart chart, const QDate &on) const
{
    const ChartSql sql = chartSql(chart, on);
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    if (!query.prepare(QStringLiteral("SELECT k, COUNT(*) FROM (") + sql.rows
            + QStringLiteral(") GROUP BY k ORDER BY COUNT(*) DESC, k")))
        return tl::unexpected(SqlError::from(query, "prepare dashboard"));
    for (const QVariant &value : sql.bindings)
        query.addBindValue(value);
    if (auto done = execute(query, "dashboard"); !done)
        return tl::unexpected(done.error());
    QList<DashboardBar> bars;
    while (query.next())
        bars.append({ query.value(0).toString(), query.value(1).toInt() });
    if (chart == DashboardChart::PregnanciesByColor) { // by severity, as the colors are read
        const QStringList order { QStringLiteral("red"), QStringLiteral("orange"), QStringLiteral("yellow"),
            QStringLiteral("green"), QStringLiteral("purple"), QStringLiteral("ungraded") };
        std::sort(bars.begin(), bars.end(), [&order](const DashboardBar &a, const DashboardBar &b) {
            return order.indexOf(a.key) < order.indexOf(b.key);
        });
    }
    return bars;
}

Result<QList<DashboardWoman>> CaseDashboard::women(
    DashboardChart chart, const QString &key, const QDate &on) const
{
    const ChartSql sql = chartSql(chart, on);
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    if (!query.prepare(
            QStringLiteral("SELECT patient_id, name, record_number, level, purple, nurse, day FROM (")
            + sql.rows + QStringLiteral(") WHERE COALESCE(k, '') = ? ORDER BY day, name")))
        return tl::unexpected(SqlError::from(query, "prepare dashboard list"));
    for (const QVariant &value : sql.bindings)
        query.addBindValue(value);
    query.addBindValue(key);
    if (auto done = execute(query, "dashboard list"); !done)
        return tl::unexpected(done.error());
    QList<DashboardWoman> women;
    while (query.next())
        women.append({ QUuid::fromString(query.value(0).toString()), query.value(1).toString(),
            query.value(2).toString(), query.value(3).toString(), query.value(4).toInt() != 0,
            query.value(5).toString(), dateFromSql(query.value(6)) });
    return women;
}

namespace {
QString color(const QString &level)
{
    if (level == QLatin1String("red"))
        return CaseDashboard::tr("Red");
    if (level == QLatin1String("orange"))
        return CaseDashboard::tr("Orange");
    if (level == QLatin1String("yellow"))
        return CaseDashboard::tr("Yellow");
    if (level == QLatin1String("green"))
        return CaseDashboard::tr("Green");
    if (level == QLatin1String("purple"))
        return CaseDashboard::tr("Purple");
    if (level == QLatin1String("new"))
        return CaseDashboard::tr("First grade");
    return CaseDashboard::tr("Not graded");
}
} // namespace

QString CaseDashboard::colorLabel(const QString &level, bool purple)
{
    if (!purple)
        return color(level);
    return level.isEmpty() ? color(QStringLiteral("purple")) : tr("%1 + purple").arg(color(level));
}

QString CaseDashboard::barLabel(DashboardChart chart, const QString &key)
{
    switch (chart) {
    case DashboardChart::PregnanciesByColor:
        return color(key);
    case DashboardChart::TransitionsThisMonth: {
        const QStringList ends = key.split(QLatin1Char('>'));
        return ends.size() == 2 ? tr("%1 → %2").arg(color(ends[0]), color(ends[1])) : key;
    }
    case DashboardChart::OverdueByNurse:
        return key.isEmpty() ? tr("No nurse") : key;
    case DashboardChart::ClosureOutcomes:
        return OutcomeFields::choiceLabel(QStringLiteral("kind"), key);
    }
    return key;
}
