#include "center/centerdatabase.h"

#include "centerlog.h"
#include "fhirpatientindex.h"
#include "storage/sqlerror.h"
#include "storage/transaction.h"

#include <QAtomicInt>
#include <QFile>
#include <QLockFile>
#include <QSqlQuery>
#include <QThread>
#include <QUrl>

#include <memory>

namespace {
// Several center processes on one database each run --init when they start (the service does
// before serving): one migrates while the others wait, then find the schema current, instead of
// failing on tables another has just created. PostgreSQL: an advisory lock of the session;
// SQLite, on one host: a lock file beside the database.
class MigrationLock
{
public:
    explicit MigrationLock(const QSqlDatabase &db)
        : m_db(db)
        , m_postgres(db.driverName() == QLatin1String("QPSQL"))
    {
        if (m_postgres) {
            m_held = QSqlQuery(m_db).exec(QStringLiteral("SELECT pg_advisory_lock(%1)").arg(Key));
        } else if (db.databaseName().isEmpty() || db.databaseName() == QLatin1String(":memory:")) {
            m_held = true;
        } else {
            m_file = std::make_unique<QLockFile>(db.databaseName() + QStringLiteral(".migration-lock"));
            // A long migration is not a stale lock; one left by a process that died is.
            m_file->setStaleLockTime(0);
            m_held = m_file->lock();
        }
    }
    ~MigrationLock()
    {
        if (m_postgres && m_held)
            QSqlQuery(m_db).exec(QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(Key));
    }
    MigrationLock(const MigrationLock &) = delete;
    MigrationLock &operator=(const MigrationLock &) = delete;
    explicit operator bool() const { return m_held; }

private:
    static constexpr qint64 Key = 0x4F62734C696E6BLL; // "ObsLink"
    QSqlDatabase m_db;
    bool m_postgres;
    std::unique_ptr<QLockFile> m_file; // unlocked when destroyed
    bool m_held = false;
};

const QStringList &migrationScripts()
{
    static const QStringList scripts{QStringLiteral(":/center/migrations/0001_center.sql"),
                                     QStringLiteral(":/center/migrations/0002_blobs.sql"),
                                     QStringLiteral(":/center/migrations/0003_fhir.sql"),
                                     QStringLiteral(":/center/migrations/0004_referral_access.sql"),
                                     QStringLiteral(":/center/migrations/0005_audit.sql"),
                                     QStringLiteral(":/center/migrations/0006_passwords.sql")};
    return scripts;
}

QString nextConnectionName()
{
    static QAtomicInt counter;
    return QStringLiteral("obslink-center-%1").arg(counter.fetchAndAddRelaxed(1));
}

// Statements end with ';' at the end of a line; the center's migrations hold no triggers.
QStringList statementsOf(const QString &script)
{
    QStringList statements;
    QString current;
    for (const QString &line : script.split(QLatin1Char('\n'))) {
        if (line.trimmed().startsWith(QLatin1String("--")))
            continue;
        current += line + QLatin1Char('\n');
        if (line.trimmed().endsWith(QLatin1Char(';'))) {
            current = current.trimmed();
            current.chop(1);
            statements.append(current);
            current.clear();
        }
    }
    return statements;
}
} // namespace

CenterDatabase::CenterDatabase(QString connectionName, Backend backend)
    : m_connectionName(std::move(connectionName))
    , m_backend(backend)
{
}

CenterDatabase::~CenterDatabase()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<CenterDatabase>> CenterDatabase::open(const QString &location)
{
    const QString name = nextConnectionName();
    const QUrl url(location);
    const bool postgres = url.scheme() == QLatin1String("postgres") || url.scheme() == QLatin1String("postgresql");
    std::unique_ptr<CenterDatabase> database(new CenterDatabase(name, postgres ? Backend::Postgres : Backend::Sqlite));
    QSqlDatabase db = QSqlDatabase::addDatabase(postgres ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), name);
    if (!db.isValid())
        return failure(QStringLiteral("center.driver"), tr("The database driver for %1 is not installed.")
                                                            .arg(postgres ? QStringLiteral("PostgreSQL") : QStringLiteral("SQLite")));
    if (postgres) {
        db.setHostName(url.host().isEmpty() ? QStringLiteral("localhost") : url.host());
        db.setPort(url.port(5432));
        db.setDatabaseName(url.path().mid(1));
        db.setUserName(url.userName());
        db.setPassword(url.password());
    } else {
        db.setDatabaseName(location);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    }
    if (!db.open()) {
        qCWarning(lcCenter) << "cannot open the center database:" << db.lastError().driverText();
        return failure(QStringLiteral("center.open"), tr("The center database cannot be opened: %1").arg(db.lastError().driverText()));
    }
    if (!postgres) {
        // Turning a new file to WAL needs it to itself, and SQLite answers "busy" at once rather
        // than waiting when another center process is doing the same (they start together).
        QSqlQuery wal(db);
        bool walOn = false;
        for (int attempt = 0; attempt < 100 && !(walOn = wal.exec(QStringLiteral("PRAGMA journal_mode = WAL"))); ++attempt)
            QThread::msleep(100);
        if (!walOn)
            return failure(QStringLiteral("center.open"),
                           tr("The center database cannot be opened: %1").arg(wal.lastError().driverText()));
        // A page cache and memory map large enough for the change feed's working set: the
        // default 2 MiB cache made every pull page re-read its rows from the file.
        for (const char *pragma : {"PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON",
                                   "PRAGMA cache_size = -65536", "PRAGMA mmap_size = 268435456"}) {
            if (auto done = executeStatement(db, QString::fromLatin1(pragma), "configure the center database"); !done)
                return tl::unexpected(done.error());
        }
    }
    return database;
}

QSqlDatabase CenterDatabase::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

int CenterDatabase::latestVersion()
{
    return int(migrationScripts().size());
}

int CenterDatabase::schemaVersion() const
{
    if (!connection().tables().contains(QStringLiteral("center_schema")))
        return 0;
    QSqlQuery query(connection());
    if (query.exec(QStringLiteral("SELECT max(version) FROM center_schema")) && query.next())
        return query.value(0).toInt();
    return 0;
}

Result<void> CenterDatabase::migrate()
{
    QSqlDatabase db = connection();
    MigrationLock lock(db);
    if (!lock)
        return failure(QStringLiteral("center.migration"), tr("Cannot lock the center database to migrate it."));
    if (!db.tables().contains(QStringLiteral("center_schema"))) {
        if (auto created = executeStatement(db, QStringLiteral("CREATE TABLE center_schema (version INTEGER NOT NULL)"),
                                            "create the schema version table");
            !created)
            return created;
    }
    for (int version = schemaVersion() + 1; version <= latestVersion(); ++version) {
        QFile file(migrationScripts().at(version - 1));
        if (!file.open(QIODevice::ReadOnly))
            return failure(QStringLiteral("center.migration"), tr("Center migration %1 is missing.").arg(version));
        Transaction transaction(db);
        for (const QString &statement : statementsOf(QString::fromUtf8(file.readAll()))) {
            if (auto done = executeStatement(db, statement, "migrate the center database"); !done)
                return done;
        }
        // The identifier index is filled from the stored JSON here, in C++, as SQLite and
        // PostgreSQL have no common JSON functions.
        if (version == 3) {
            if (auto done = FhirPatientIndex::rebuild(db); !done)
                return done;
        }
        QSqlQuery record(db);
        record.prepare(QStringLiteral("INSERT INTO center_schema (version) VALUES (?)"));
        record.addBindValue(version);
        if (auto done = execute(record, "record the center schema version"); !done)
            return done;
        if (auto done = transaction.commit(); !done)
            return done;
        qCInfo(lcCenter) << "center database migrated to version" << version;
    }
    return {};
}

bool CenterDatabase::isReady() const
{
    QSqlQuery query(connection());
    return query.exec(QStringLiteral("SELECT 1")) && query.next();
}
