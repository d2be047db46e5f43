#include "storage/recordowner.h"

#include "storage/sqlerror.h"

#include <QRegularExpression>
#include <QSqlQuery>

namespace {
constexpr int MaxDepth = 6; // patient ← pregnancy ← case file ← contact is 3; a cycle stops here

bool isTableName(const QString &name)
{
    static const QRegularExpression identifier(QStringLiteral("^[a-z][a-z0-9_]*$"));
    return identifier.match(name).hasMatch();
}
} // namespace

RecordOwner::RecordOwner(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<QList<RecordOwner::Parent>> RecordOwner::parentsOf(const QString &table)
{
    if (const auto known = m_parents.constFind(table); known != m_parents.constEnd())
        return *known;
    QList<Parent> parents;
    if (isTableName(table)) {
        QSqlQuery keys(m_db);
        if (!keys.exec(QStringLiteral("SELECT \"from\", \"table\" FROM pragma_foreign_key_list('%1')").arg(table)))
            return tl::unexpected(SqlError::from(keys, "read a table's foreign keys"));
        while (keys.next())
            parents.append({ keys.value(0).toString(), keys.value(1).toString() });
        // The pregnancy is the usual way to her; a patient link is the shortest.
        std::stable_sort(parents.begin(), parents.end(), [](const Parent &a, const Parent &b) {
            const auto rank = [](const Parent &p) { return p.table == QLatin1String("patient") ? 0 : p.table == QLatin1String("pregnancy") ? 1 : 2; };
            return rank(a) < rank(b);
        });
    }
    m_parents.insert(table, parents);
    return parents;
}

Result<QString> RecordOwner::patientOf(const QString &table, const QString &recordId)
{
    QString currentTable = table;
    QString currentId = recordId;
    for (int depth = 0; depth < MaxDepth; ++depth) {
        if (currentTable == QLatin1String("patient"))
            return currentId;
        const auto parents = parentsOf(currentTable);
        if (!parents)
            return tl::unexpected(parents.error());
        if (parents->isEmpty())
            return QString();
        const Parent &parent = parents->first();
        QSqlQuery row(m_db);
        row.prepare(QStringLiteral("SELECT \"%1\" FROM \"%2\" WHERE id = ?").arg(parent.column, currentTable));
        row.addBindValue(currentId);
        if (auto done = execute(row, "find a record's woman"); !done)
            return tl::unexpected(done.error());
        if (!row.next() || row.value(0).toString().isEmpty())
            return QString();
        currentId = row.value(0).toString();
        currentTable = parent.table;
    }
    return QString();
}
