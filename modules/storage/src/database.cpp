#include "storage/database.h"

#include "storage/migrator.h"
#include "storage/sqlerror.h"
#include "storagelog.h"

#include <QAtomicInteger>
#include <QFileInfo>
#include <QSqlQuery>

Database::Database(QString connectionName, QString path, Identity identity)
    : m_connectionName(std::move(connectionName)), m_path(std::move(path)), m_identity(std::move(identity))
{
}

Database::~Database()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<Database>> Database::open(const QString &path, const Identity &identity)
{
    static QAtomicInteger<int> counter;
    const QString name = QStringLiteral("obslink-%1").arg(counter.fetchAndAddRelaxed(1));
    std::unique_ptr<Database> database(new Database(name, path, identity));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        // Wait for a concurrent writer (the sync worker) instead of failing at once.
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open())
            return failure(QStringLiteral("storage.open"),
                           tr("The database %1 cannot be opened: %2").arg(QFileInfo(path).fileName(),
                                                                          db.lastError().text()));
        // WAL lets the list read while a form saves; FULL sync makes every commit durable
        // across a power cut, which matters more here than write speed.
        for (const char *pragma : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL",
                                   "PRAGMA foreign_keys = ON", "PRAGMA temp_store = MEMORY"}) {
            // The first statement fails on a file that is not a SQLite database.
            if (auto done = executeStatement(db, QString::fromLatin1(pragma), "configure database"); !done)
                return failure(QStringLiteral("storage.corrupt"),
                               tr("The file %1 is damaged or is not an ObsLink database.")
                                   .arg(QFileInfo(path).fileName()));
        }
        if (auto migrated = Migrator::migrate(db); !migrated)
            return tl::unexpected(migrated.error());
    }
    return database;
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

int Database::schemaVersion() const
{
    return Migrator::currentVersion(connection());
}
