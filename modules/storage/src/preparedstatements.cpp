#include "preparedstatements.h"

#include "storage/sqlerror.h"
#include "storagelog.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

#include <optional>

namespace {
Error sqliteError(sqlite3 *handle, int code, const char *what)
{
    return SqlError::from(QSqlError(QString(), QString::fromUtf8(sqlite3_errmsg(handle)),
                              QSqlError::StatementError, QString::number(code)),
        what);
}

int bind(sqlite3_stmt *statement, int position, const QVariant &value)
{
    // QtSql's SQLite driver stores a null QString, QByteArray or QDate as NULL; so does this.
    switch (value.typeId()) {
    case QMetaType::QString: {
        const auto *text = static_cast<const QString *>(value.constData());
        if (text->isNull())
            return sqlite3_bind_null(statement, position);
        // The QVariant owns the characters until the statement has run.
        return sqlite3_bind_text16(
            statement, position, text->utf16(), static_cast<int>(text->size() * 2), SQLITE_STATIC);
    }
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::Bool:
    case QMetaType::Short:
    case QMetaType::UShort:
    case QMetaType::Char:
    case QMetaType::UChar:
    case QMetaType::Long:
        return sqlite3_bind_int64(statement, position, value.toLongLong());
    case QMetaType::Double:
    case QMetaType::Float:
        return sqlite3_bind_double(statement, position, value.toDouble());
    case QMetaType::UnknownType:
        return sqlite3_bind_null(statement, position);
    default:
        break;
    }
    if (value.isNull())
        return sqlite3_bind_null(statement, position);
    const QString text = value.toString();
    return sqlite3_bind_text16(
        statement, position, text.utf16(), static_cast<int>(text.size() * 2), SQLITE_TRANSIENT);
}
} // namespace

PreparedStatements::PreparedStatements(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return;
    // The handle is only ours to use if QtSql runs on this very SQLite library, not on a copy
    // bundled into the plugin: then the version the connection reports is the one linked here.
    QSqlQuery version(db);
    if (!version.exec(QStringLiteral("SELECT sqlite_version()")) || !version.next()
        || version.value(0).toString() != QLatin1String(sqlite3_libversion())) {
        qCInfo(lcStorage) << "QtSql uses another SQLite library; bulk writes go through QSqlQuery";
        return;
    }
    m_handle = *static_cast<sqlite3 *const *>(handle.constData());
}

PreparedStatements::~PreparedStatements()
{
    for (sqlite3_stmt *statement : std::as_const(m_statements))
        sqlite3_finalize(statement);
}

Result<void> PreparedStatements::run(const QString &sql, const QVariantList &values, const char *what)
{
    Q_ASSERT(m_handle);
    sqlite3_stmt *&statement = m_statements[sql];
    if (!statement) {
        const int prepared = sqlite3_prepare16_v3(m_handle, sql.utf16(), static_cast<int>(sql.size() * 2),
            SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
        if (prepared != SQLITE_OK) {
            const Error error = sqliteError(m_handle, prepared, what);
            sqlite3_finalize(statement);
            m_statements.remove(sql);
            return tl::unexpected(error);
        }
    }
    for (qsizetype i = 0; i < values.size(); ++i) {
        const int bound = bind(statement, static_cast<int>(i + 1), values[i]);
        if (bound != SQLITE_OK) {
            const Error error = sqliteError(m_handle, bound, what);
            sqlite3_clear_bindings(statement);
            return tl::unexpected(error);
        }
    }
    const int stepped = sqlite3_step(statement);
    std::optional<Error> error;
    if (stepped != SQLITE_DONE && stepped != SQLITE_ROW)
        error = sqliteError(m_handle, sqlite3_extended_errcode(m_handle), what);
    // Reset at once: a statement left pending would hold its read snapshot and the WAL.
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    if (error)
        return tl::unexpected(*error);
    return {};
}
