#pragma once

#include "domain/result.h"

#include <QHash>
#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

struct sqlite3;
struct sqlite3_stmt;

// Write statements kept prepared on the SQLite handle under a connection, bound without
// QSqlQuery. QSqlQuery spends several microseconds per bound value (placeholder bookkeeping,
// QVariant copies), which at ~20 columns is most of the cost of a bulk import (bench_storage
// measures it); the SQLite C API binds the same values in nanoseconds.
// Owned by Database and finalized before the connection closes, so no statement outlives it.
// Used only where QtSql's SQLite driver runs on the same SQLite library this module links
// (Debian's Qt does); otherwise available() is false and callers keep to QSqlQuery.
class PreparedStatements
{
public:
    explicit PreparedStatements(const QSqlDatabase &db);
    ~PreparedStatements();
    PreparedStatements(const PreparedStatements &) = delete;
    PreparedStatements &operator=(const PreparedStatements &) = delete;

    bool available() const { return m_handle != nullptr; }

    // Runs a statement that returns no rows, with positional values bound as QSqlQuery would
    // bind them (null strings as NULL, booleans as integers).
    Result<void> run(const QString &sql, const QVariantList &values, const char *what);

private:
    sqlite3 *m_handle = nullptr;
    QHash<QString, sqlite3_stmt *> m_statements;
};
