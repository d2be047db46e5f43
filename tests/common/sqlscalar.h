#pragma once

// What a store wrote, read back by a test with its own SELECT (the first column of the first
// row), so an assertion does not go through the code it checks.
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

// The value, or an invalid QVariant when the query failed or found no row.
inline QVariant sqlScalar(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    return query.exec(sql) && query.next() ? query.value(0) : QVariant();
}

// A count or sum, or -1 when the query failed or found no row.
inline qint64 sqlNumber(const QSqlDatabase &db, const QString &sql)
{
    const QVariant value = sqlScalar(db, sql);
    return value.isValid() ? value.toLongLong() : -1;
}
