#include "storage/migrator.h"

#include "storage/sqlerror.h"
#include "storage/transaction.h"
#include "storagelog.h"
#include "summarycolumns.h"

#include <QDir>
#include <QFile>
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
        QList<Migration> list{
        {1, ":/storage/migrations/0001_initial.sql", nullptr},
        {2, ":/storage/migrations/0002_patient_search.sql", SummaryColumns::backfillAll},
        {3, ":/storage/migrations/0003_risk_grading.sql", nullptr},
        {4, ":/storage/migrations/0004_sync_outbox.sql", nullptr},
        {5, ":/storage/migrations/0005_case_management.sql", nullptr},
        {6, ":/storage/migrations/0006_patient_list.sql", nullptr},
        {8, ":/storage/migrations/0008_risk_screening.sql", nullptr},
        {9, ":/storage/migrations/0009_ultrasound_exam.sql", nullptr},
        {10, ":/storage/migrations/0010_sync_journal.sql", nullptr},
        };
        // Applied in version order, whatever order they are listed in.
        std::sort(list.begin(), list.end(), [](const Migration &a, const Migration &b) { return a.version < b.version; });
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

Result<void> Migrator::migrate(const QSqlDatabase &db, int targetVersion)
{
    if (targetVersion < 0)
        targetVersion = latestVersion();
    const int current = currentVersion(db);
    if (current < 0)
        return failure(QStringLiteral("storage.version"), tr("The database file cannot be read."));
    if (current > latestVersion())
        return failure(QStringLiteral("storage.too-new"),
                       tr("This database was written by a newer ObsLink (schema %1; this version knows up to %2). "
                          "Please update ObsLink.")
                           .arg(current)
                           .arg(latestVersion()));
    for (const Migration &migration : migrations()) {
        if (migration.version <= current || migration.version > targetVersion)
            continue;
        QFile file(QString::fromLatin1(migration.script));
        if (!file.open(QIODevice::ReadOnly))
            return failure(QStringLiteral("storage.migration-missing"),
                           tr("Schema migration %1 is missing from this build.").arg(migration.version));
        Transaction transaction(db);
        for (const QString &statement : statementsOf(QString::fromUtf8(file.readAll()))) {
            if (auto done = executeStatement(db, statement, "schema migration"); !done)
                return done;
        }
        if (migration.backfill) {
            if (auto done = migration.backfill(db); !done)
                return done;
        }
        if (auto done = executeStatement(db, QStringLiteral("PRAGMA user_version = %1").arg(migration.version),
                                         "schema version");
            !done)
            return done;
        if (auto done = transaction.commit(); !done)
            return done;
        qCInfo(lcStorage) << "migrated schema to version" << migration.version;
    }
    return {};
}
