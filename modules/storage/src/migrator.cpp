#include "storage/migrator.h"

#include "storage/sqlerror.h"
#include "storage/transaction.h"
#include "storagelog.h"
#include "summarycolumns.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>

#include <algorithm>
#include <functional>

namespace {
struct Migration
{
    int version;
    const char *script;
    std::function<Result<void>(const QSqlDatabase &)> backfill;
};

const QList<Migration> &migrations()
{
    static const QList<Migration> all = [] {
        QList<Migration> list {
            { 1, ":/storage/migrations/0001_initial.sql", nullptr },
            { 2, ":/storage/migrations/0002_patient_search.sql", SummaryColumns::backfillAll },
            { 3, ":/storage/migrations/0003_risk_grading.sql", nullptr },
            { 4, ":/storage/migrations/0004_sync_outbox.sql", nullptr },
            { 5, ":/storage/migrations/0005_case_management.sql", nullptr },
            { 6, ":/storage/migrations/0006_patient_list.sql", nullptr },
            { 7, ":/storage/migrations/0007_ctg_trace.sql", nullptr },
            { 8, ":/storage/migrations/0008_risk_screening.sql", nullptr },
            { 9, ":/storage/migrations/0009_ultrasound_exam.sql", nullptr },
            { 10, ":/storage/migrations/0010_sync_journal.sql", nullptr },
            { 11, ":/storage/migrations/0011_ultrasound_report.sql", nullptr },
            { 12, ":/storage/migrations/0012_blob_store.sql", nullptr },
            { 13, ":/storage/migrations/0013_visit_appointment.sql", nullptr },
            { 14, ":/storage/migrations/0014_pinyin_search.sql", SummaryColumns::backfillPinyin },
            { 15, ":/storage/migrations/0015_referral.sql", nullptr },
            { 16, ":/storage/migrations/0016_consultation.sql", nullptr },
            { 17, ":/storage/migrations/0017_consultation_reading.sql", nullptr },
            { 18, ":/storage/migrations/0018_audit.sql", nullptr },
            { 19, ":/storage/migrations/0019_audit_edits.sql", nullptr },
        };
        // Applied in version order, whatever order they are listed in.
        std::sort(list.begin(), list.end(),
            [](const Migration &a, const Migration &b) { return a.version < b.version; });
        return list;
    }();
    return all;
}

// Splits a migration script into statements at the ';' that ends a line, keeping a trigger's
// BEGIN … END; body together.
QStringList statementsOf(const QString &script)
{
    QStringList statements;
    QString current;
    for (const QString &line : script.split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(QLatin1String("--")) || (trimmed.isEmpty() && current.isEmpty()))
            continue;
        current += line + QLatin1Char('\n');
        const bool inTrigger = current.trimmed().startsWith(QLatin1String("CREATE TRIGGER"));
        if (trimmed.endsWith(QLatin1Char(';')) && (!inTrigger || trimmed == QLatin1String("END;"))) {
            current = current.trimmed();
            current.chop(1);
            statements.append(current);
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        statements.append(current.trimmed());
    return statements;
}
} // namespace

QList<int> Migrator::versions()
{
    QList<int> all;
    for (const Migration &migration : migrations())
        all.append(migration.version);
    return all;
}

int Migrator::latestVersion()
{
    return migrations().last().version;
}

int Migrator::currentVersion(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (query.exec(QStringLiteral("PRAGMA user_version")) && query.next())
        return query.value(0).toInt();
    return -1;
}

namespace {
const char *const ledgerTable = "schema_migration";

QStringList tablesCreatedBy(const QString &script)
{
    static const QRegularExpression createTable(
        QStringLiteral(R"(CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(\w+))"),
        QRegularExpression::CaseInsensitiveOption);
    QStringList tables;
    for (auto match = createTable.globalMatch(script); match.hasNext();)
        tables << match.next().captured(1);
    return tables;
}

bool tableExists(const QSqlDatabase &db, const QString &table)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"));
    query.addBindValue(table);
    return query.exec() && query.next();
}

Result<QString> scriptOf(const Migration &migration)
{
    QFile file(QString::fromLatin1(migration.script));
    if (!file.open(QIODevice::ReadOnly))
        return failure(QStringLiteral("storage.migration-missing"),
            Migrator::tr("Schema migration %1 is missing from this build.").arg(migration.version));
    return QString::fromUtf8(file.readAll());
}

Result<QSet<int>> readLedger(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT version FROM %1").arg(QLatin1String(ledgerTable))))
        return failure(SqlError::from(query, "schema ledger"));
    QSet<int> applied;
    while (query.next())
        applied.insert(query.value(0).toInt());
    return applied;
}

Result<void> record(const QSqlDatabase &db, int version)
{
    QSqlQuery query(db);
    query.prepare(
        QStringLiteral("INSERT INTO %1 (version, applied_at) VALUES (?, ?)").arg(QLatin1String(ledgerTable)));
    query.addBindValue(version);
    query.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    return execute(query, "schema ledger");
}

// A database made before the ledger knows only its highest version. Versions up to it count as
// applied when the tables their script creates are there: a version numbered below one already
// applied (reserved while a later one shipped) is then found missing and applied.
Result<void> startLedger(const QSqlDatabase &db, int highestApplied)
{
    Transaction transaction(db);
    if (auto done = executeStatement(db,
            QStringLiteral("CREATE TABLE %1 (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)")
                .arg(QLatin1String(ledgerTable)),
            "schema ledger");
        !done)
        return done;
    for (const Migration &migration : migrations()) {
        if (migration.version > highestApplied)
            break;
        const auto script = scriptOf(migration);
        if (!script)
            return failure(script.error());
        const QStringList tables = tablesCreatedBy(*script);
        if (!std::all_of(
                tables.begin(), tables.end(), [&](const QString &table) { return tableExists(db, table); })) {
            qCWarning(lcStorage) << "schema version" << migration.version << "was skipped; applying it now";
            continue;
        }
        if (auto done = record(db, migration.version); !done)
            return done;
    }
    return transaction.commit();
}

Result<void> apply(const QSqlDatabase &db, const Migration &migration, int highestApplied)
{
    const auto script = scriptOf(migration);
    if (!script)
        return failure(script.error());
    Transaction transaction(db);
    for (const QString &statement : statementsOf(*script)) {
        if (auto done = executeStatement(db, statement, "schema migration"); !done)
            return done;
    }
    if (migration.backfill) {
        if (auto done = migration.backfill(db); !done)
            return done;
    }
    if (auto done = record(db, migration.version); !done)
        return done;
    const int highest = std::max(highestApplied, migration.version);
    if (auto done
        = executeStatement(db, QStringLiteral("PRAGMA user_version = %1").arg(highest), "schema version");
        !done)
        return done;
    if (auto done = transaction.commit(); !done)
        return done;
    qCInfo(lcStorage) << "applied schema version" << migration.version;
    return {};
}
} // namespace

Result<void> Migrator::migrate(const QSqlDatabase &db, int targetVersion)
{
    if (targetVersion < 0)
        targetVersion = latestVersion();
    int highest = currentVersion(db);
    if (highest < 0)
        return failure(QStringLiteral("storage.version"), tr("The database file cannot be read."));
    auto tooNew = [&](int version) {
        return failure(QStringLiteral("storage.too-new"),
            tr("This database was written by a newer ObsLink (schema %1; this version knows up to %2). "
               "Please update ObsLink.")
                .arg(version)
                .arg(latestVersion()));
    };
    if (highest > latestVersion())
        return tooNew(highest);
    if (!tableExists(db, QLatin1String(ledgerTable))) {
        if (auto started = startLedger(db, highest); !started)
            return started;
    }
    const auto applied = readLedger(db);
    if (!applied)
        return failure(applied.error());
    const QList<int> known = versions();
    for (int version : *applied) {
        if (!known.contains(version))
            return tooNew(version);
    }
    for (const Migration &migration : migrations()) {
        if (migration.version > targetVersion || applied->contains(migration.version))
            continue;
        if (auto done = apply(db, migration, highest); !done)
            return done;
        highest = std::max(highest, migration.version);
    }
    return {};
}
