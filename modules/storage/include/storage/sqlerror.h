#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

// Turns a failed QSqlQuery into a translated Error; the SQL detail goes to the log only, since
// it can contain patient data in bound values.
class SqlError
{
    Q_DECLARE_TR_FUNCTIONS(SqlError)
public:
    static Error from(const QSqlError &error, const char *what);
    static Error from(const QSqlQuery &query, const char *what) { return from(query.lastError(), what); }
};

// Runs a prepared query; on failure returns the error for the caller to propagate.
Result<void> execute(QSqlQuery &query, const char *what);
Result<void> executeStatement(const QSqlDatabase &db, const QString &sql, const char *what);
