#include "storage/recordtable.h"

#include "storage/sqlerror.h"

#include <QCoreApplication>

namespace {
const QStringList metaColumns{QStringLiteral("id"),     QStringLiteral("clinic_id"), QStringLiteral("created_at"),
                              QStringLiteral("updated_at"), QStringLiteral("author"), QStringLiteral("revision"),
                              QStringLiteral("deleted")};

QString timestamp(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODateWithMs);
}
} // namespace

RecordTable::RecordTable(QSqlDatabase db, QString table, QStringList columns)
    : m_db(std::move(db)), m_table(std::move(table)), m_columns(std::move(columns))
{
}

Result<void> RecordTable::insert(RecordMeta &meta, const QVariantList &values, const QString &clinicId,
                                 const QString &author)
{
    if (!m_insert) {
        const QStringList all = metaColumns + m_columns;
        m_insert.emplace(m_db);
        const QString placeholders = QStringLiteral("?, ").repeated(all.size()).chopped(2);
        if (!m_insert->prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                                   .arg(m_table, all.join(QStringLiteral(", ")), placeholders)))
            return tl::unexpected(SqlError::from(*m_insert, "prepare insert"));
    }
    if (meta.id.isNull())
        meta = RecordMeta::createdNow(clinicId, author);
    m_insert->addBindValue(meta.id.toString(QUuid::WithoutBraces));
    m_insert->addBindValue(meta.clinicId);
    m_insert->addBindValue(timestamp(meta.createdAt));
    m_insert->addBindValue(timestamp(meta.updatedAt));
    m_insert->addBindValue(meta.author);
    m_insert->addBindValue(meta.revision);
    m_insert->addBindValue(meta.deleted ? 1 : 0);
    for (const QVariant &value : values)
        m_insert->addBindValue(value);
    return execute(*m_insert, "insert record");
}

Result<void> RecordTable::update(RecordMeta &meta, const QVariantList &values, const QString &author)
{
    if (!m_update) {
        QStringList assignments{QStringLiteral("updated_at = ?"), QStringLiteral("author = ?"),
                                QStringLiteral("revision = revision + 1"), QStringLiteral("deleted = ?")};
        for (const QString &column : m_columns)
            assignments.append(column + QStringLiteral(" = ?"));
        m_update.emplace(m_db);
        if (!m_update->prepare(QStringLiteral("UPDATE %1 SET %2 WHERE id = ? AND revision = ?")
                                   .arg(m_table, assignments.join(QStringLiteral(", ")))))
            return tl::unexpected(SqlError::from(*m_update, "prepare update"));
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_update->addBindValue(timestamp(now));
    m_update->addBindValue(author);
    m_update->addBindValue(meta.deleted ? 1 : 0);
    for (const QVariant &value : values)
        m_update->addBindValue(value);
    m_update->addBindValue(meta.id.toString(QUuid::WithoutBraces));
    m_update->addBindValue(meta.revision);
    if (auto done = execute(*m_update, "update record"); !done)
        return done;
    if (m_update->numRowsAffected() != 1)
        return failure(QStringLiteral("storage.stale"),
                       QCoreApplication::translate("RecordTable",
                                                   "This record was changed elsewhere since you opened it. "
                                                   "Reopen it to see the latest version; your entries are kept as a draft."));
    meta.updatedAt = now;
    meta.author = author;
    ++meta.revision;
    return {};
}

QString RecordTable::selectSql() const
{
    return QStringLiteral("SELECT %1 FROM %2").arg((metaColumns + m_columns).join(QStringLiteral(", ")), m_table);
}

RecordMeta RecordTable::readMeta(const QSqlQuery &query)
{
    RecordMeta meta;
    meta.id = QUuid::fromString(query.value(0).toString());
    meta.clinicId = query.value(1).toString();
    meta.createdAt = QDateTime::fromString(query.value(2).toString(), Qt::ISODateWithMs);
    meta.updatedAt = QDateTime::fromString(query.value(3).toString(), Qt::ISODateWithMs);
    meta.author = query.value(4).toString();
    meta.revision = query.value(5).toLongLong();
    meta.deleted = query.value(6).toInt() != 0;
    return meta;
}

QVariant sqlDate(const QDate &date)
{
    return date.isValid() ? QVariant(date.toString(Qt::ISODate)) : QVariant();
}

QDate dateFromSql(const QVariant &value)
{
    return value.isNull() ? QDate() : QDate::fromString(value.toString(), Qt::ISODate);
}

std::optional<int> optionalInt(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<int>(value.toInt());
}

std::optional<double> optionalDouble(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<double>(value.toDouble());
}
