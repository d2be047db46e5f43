#pragma once

#include "domain/recordmeta.h"
#include "domain/result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>
#include <QVariantList>

#include <optional>

class Database;
class PreparedStatements;

// The part every clinical table shares: the sync columns (id, clinic, timestamps, author,
// revision, tombstone) and optimistic-concurrency updates. A repository names its own columns
// and converts its value type to and from a QVariantList in that order.
class RecordTable
{
public:
    RecordTable(QSqlDatabase db, QString table, QStringList columns);
    // Inserts bind through the database's prepared statements where it has them (bulk imports).
    RecordTable(const Database &database, QString table, QStringList columns);

    // Stamps meta (id, clinic, author, timestamps, revision 1) when it has no id yet.
    Result<void> insert(
        RecordMeta &meta, const QVariantList &values, const QString &clinicId, const QString &author);
    // Succeeds only if the stored revision is still meta.revision; bumps it. Protects a form
    // that was open while someone else (or sync) changed the record.
    Result<void> update(RecordMeta &meta, const QVariantList &values, const QString &author);

    // "SELECT <meta>, <columns> FROM table" for callers to extend with WHERE/ORDER BY.
    QString selectSql() const;
    static RecordMeta readMeta(const QSqlQuery &query);
    static constexpr int FirstValueColumn = 7;

    const QString &table() const { return m_table; }

private:
    Result<void> insertPrepared(const QVariantList &row);
    Result<void> insertWithQuery(const QVariantList &row);

    QSqlDatabase m_db;
    QString m_table;
    QStringList m_columns;
    QStringList m_placeholders;
    PreparedStatements *m_statements = nullptr;
    QString m_insertSql;
    std::optional<QSqlQuery> m_insert;
    std::optional<QSqlQuery> m_update;
};

// Conversions between domain values and SQL columns.
QVariant sqlDate(const QDate &date);
// Text for a NOT NULL column: '' for a null QString, which would otherwise bind as NULL.
QVariant sqlText(const QString &text);
QDate dateFromSql(const QVariant &value);
template <typename T> QVariant sqlOptional(const std::optional<T> &value)
{
    return value ? QVariant::fromValue(*value) : QVariant();
}
std::optional<int> optionalInt(const QVariant &value);
std::optional<double> optionalDouble(const QVariant &value);
