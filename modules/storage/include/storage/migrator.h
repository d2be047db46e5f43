#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QSqlDatabase>

// Forward-only schema migrations. Each version is an SQL script under migrations/ (embedded as
// :/storage/migrations/NNNN_*.sql) plus, where existing rows need values SQL cannot compute, a
// C++ back-fill step. Applied versions are listed in the schema_migration table, so a version
// added below one already shipped (a number that was reserved) is still applied; such a
// migration must not depend on the later ones. Each runs in one transaction together with its
// ledger row and PRAGMA user_version (the highest applied), so a crash leaves the old or the
// new schema, never a mix.
class Migrator
{
    Q_DECLARE_TR_FUNCTIONS(Migrator)
public:
    static int latestVersion();
    static QList<int> versions(); // ascending; numbers can be skipped (reserved, never shipped)
    static int currentVersion(const QSqlDatabase &db);
    // Migrates up to targetVersion (default: latest). Refuses a database newer than this build.
    static Result<void> migrate(const QSqlDatabase &db, int targetVersion = -1);
};
