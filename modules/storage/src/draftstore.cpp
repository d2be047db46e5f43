#include "storage/draftstore.h"

#include "storage/database.h"
#include "storage/sqlerror.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlQuery>

DraftStore::DraftStore(const Database &database) : m_database(database) {}

Result<void> DraftStore::save(const QString &formKey, const QJsonObject &fields)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("INSERT INTO form_draft (form_key, payload, saved_at) VALUES (?, ?, ?) "
                                 "ON CONFLICT(form_key) DO UPDATE SET payload = excluded.payload, "
                                 "saved_at = excluded.saved_at"));
    query.addBindValue(formKey);
    query.addBindValue(QString::fromUtf8(QJsonDocument(fields).toJson(QJsonDocument::Compact)));
    query.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    return execute(query, "save draft");
}

Result<std::optional<QJsonObject>> DraftStore::load(const QString &formKey) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT payload FROM form_draft WHERE form_key = ?"));
    query.addBindValue(formKey);
    if (auto done = execute(query, "load draft"); !done)
        return tl::unexpected(done.error());
    if (!query.next())
        return std::optional<QJsonObject>();
    return std::optional<QJsonObject>(QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object());
}

Result<void> DraftStore::discard(const QString &formKey)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("DELETE FROM form_draft WHERE form_key = ?"));
    query.addBindValue(formKey);
    return execute(query, "discard draft");
}
