#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <memory>

// The center's database: an SQLite file (the embedded default) or PostgreSQL
// (`postgres://user:password@host:port/database`), reached through QtSql with the same SQL.
// The center keeps no other state, so several instances can share one PostgreSQL.
class CenterDatabase
{
    Q_DECLARE_TR_FUNCTIONS(CenterDatabase)
public:
    enum class Backend { Sqlite, Postgres };

    static Result<std::unique_ptr<CenterDatabase>> open(const QString &location);
    ~CenterDatabase();
    CenterDatabase(const CenterDatabase &) = delete;
    CenterDatabase &operator=(const CenterDatabase &) = delete;

    QSqlDatabase connection() const;
    Backend backend() const { return m_backend; }
    static int latestVersion();
    int schemaVersion() const; // 0 for an empty database
    Result<void> migrate();     // run by `obslink-center --init`, never by a serving instance
    bool isReady() const;       // answers a trivial query now

private:
    CenterDatabase(QString connectionName, Backend backend);

    QString m_connectionName;
    Backend m_backend;
};
