#include "storage/sqlerror.h"

#include "storagelog.h"

Q_LOGGING_CATEGORY(lcStorage, "obslink.storage")

Error SqlError::from(const QSqlError &error, const char *what)
{
    qCWarning(lcStorage) << "database operation failed:" << what << error.nativeErrorCode()
                         << error.databaseText();
    return Error{QStringLiteral("storage.sql"),
                 tr("The local database could not complete an operation (%1): %2. Nothing was changed.")
                     .arg(QLatin1String(what), error.databaseText())};
}

Result<void> execute(QSqlQuery &query, const char *what)
{
    if (!query.exec())
        return tl::unexpected(SqlError::from(query, what));
    return {};
}

Result<void> executeStatement(const QSqlDatabase &db, const QString &sql, const char *what)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return tl::unexpected(SqlError::from(query, what));
    return {};
}
