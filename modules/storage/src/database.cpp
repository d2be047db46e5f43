#include "storage/database.h"

#include "preparedstatements.h"
#include "storage/migrator.h"
#include "storage/sqlerror.h"
#include "storagelog.h"

#include <QAtomicInteger>
#include <QFileInfo>
#include <QSqlQuery>

Database::Database(QString connectionName, QString path, Identity identity)
    : m_connectionName(std::move(connectionName))
    , m_path(std::move(path))
    , m_identity(std::move(identity))
{
}

Database::~Database()
{
    m_statements.reset(); // finalized first: SQLite refuses to close a handle with live statements
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
                tr("The database %1 cannot be opened: %2")
                    .arg(QFileInfo(path).fileName(), db.lastError().text()));
        // WAL lets the list read while a form saves; FULL sync makes every commit durable
        // across a power cut, which matters more here than write speed.
        // Reads through a memory map of the file: a search touches a few thousand random pages
        // of the patient and pregnancy tables, which then cost a memory access each instead of
        // a read() into SQLite's small page cache (bench_storage: p99 several times lower at
        // 100,000 patients). SQLite caps the size at its compile-time limit.
        for (const char *pragma :
            { "PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON",
                "PRAGMA temp_store = MEMORY", "PRAGMA mmap_size = 17179869184" }) {
            // The first statement fails on a file that is not a SQLite database.
            if (auto done = executeStatement(db, QString::fromLatin1(pragma), "configure database"); !done)
                return failure(QStringLiteral("storage.corrupt"),
                    tr("The file %1 is damaged or is not an ObsLink database.")
                        .arg(QFileInfo(path).fileName()));
        }
        if (auto migrated = Migrator::migrate(db); !migrated)
            return tl::unexpected(migrated.error());
        auto statements = std::make_unique<PreparedStatements>(db);
        if (statements->available())
            database->m_statements = std::move(statements);
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
