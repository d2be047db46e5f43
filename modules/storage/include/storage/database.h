#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

#include <memory>

class PreparedStatements;

// One open clinic cache: a SQLite file in WAL mode with foreign keys on, migrated to the
// current schema. Each Database owns its own named Qt connection, so a worker thread can open
// its own Database on the same file.
class Database
{
    Q_DECLARE_TR_FUNCTIONS(Database)
public:
    // Who is writing: stamped on every record this connection creates or changes.
    struct Identity
    {
        QString clinicId;
        QString author;
    };

    static Result<std::unique_ptr<Database>> open(const QString &path, const Identity &identity);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    QSqlDatabase connection() const;
    const Identity &identity() const { return m_identity; }
    QString path() const { return m_path; }
    int schemaVersion() const;
    // Internal to the storage module (bulk writes); null where it cannot be used.
    PreparedStatements *preparedStatements() const { return m_statements.get(); }

private:
    Database(QString connectionName, QString path, Identity identity);

    QString m_connectionName;
    QString m_path;
    Identity m_identity;
    std::unique_ptr<PreparedStatements> m_statements;
};
