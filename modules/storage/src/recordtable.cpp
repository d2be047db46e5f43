#include "storage/recordtable.h"

#include "preparedstatements.h"
#include "storage/database.h"
#include "storage/sqlerror.h"

#include <QCoreApplication>

#include <algorithm>

namespace {
const QStringList metaColumns { QStringLiteral("id"), QStringLiteral("clinic_id"),
    QStringLiteral("created_at"), QStringLiteral("updated_at"), QStringLiteral("author"),
    QStringLiteral("revision"), QStringLiteral("deleted") };

// Writes value as zero-padded decimal digits that end just before end.
void digits(QChar *end, int value, int width)
{
    for (int i = 0; i < width; ++i, value /= 10)
        *--end = QChar(static_cast<char16_t>(u'0' + value % 10));
}

// The same text as QDateTime::toString(Qt::ISODateWithMs) in UTC ("2026-11-01T08:00:00.000Z"),
// without going through Qt's format parser: a bulk import formats one or two per row.
QString timestamp(const QDateTime &when)
{
    const QDateTime utc = when.toUTC();
    const QDate date = utc.date();
    const QTime time = utc.time();
    if (date.year() < 1000 || date.year() > 9999)
        return utc.toString(Qt::ISODateWithMs);
    QString text(24, Qt::Uninitialized);
    QChar *out = text.data();
    digits(out + 4, date.year(), 4);
    out[4] = u'-';
    digits(out + 7, date.month(), 2);
    out[7] = u'-';
    digits(out + 10, date.day(), 2);
    out[10] = u'T';
    digits(out + 13, time.hour(), 2);
    out[13] = u':';
    digits(out + 16, time.minute(), 2);
    out[16] = u':';
    digits(out + 19, time.second(), 2);
    out[19] = u'.';
    digits(out + 23, time.msec(), 3);
    out[23] = u'Z';
    return text;
}
} // namespace

RecordTable::RecordTable(QSqlDatabase db, QString table, QStringList columns)
    : m_db(std::move(db))
    , m_table(std::move(table))
    , m_columns(std::move(columns))
{
}

RecordTable::RecordTable(const Database &database, QString table, QStringList columns)
    : RecordTable(database.connection(), std::move(table), std::move(columns))
{
    m_statements = database.preparedStatements();
}

Result<void> RecordTable::insert(
    RecordMeta &meta, const QVariantList &values, const QString &clinicId, const QString &author)
{
    Q_ASSERT_X(values.size() == m_columns.size(), "RecordTable::insert", "one value per column");
    // A record made here is stamped in full; one that arrives with an id (an import, the demo
    // data) keeps what it carries and gets only what is missing. Either way it is stored at
    // revision 1 or later, so that loading and saving it again is an update, not a second insert.
    // The caller's meta changes only once the row is stored.
    RecordMeta stamped = meta;
    if (stamped.id.isNull()) {
        stamped = RecordMeta::createdNow(clinicId, author);
    } else {
        if (stamped.clinicId.isEmpty())
            stamped.clinicId = clinicId;
        if (stamped.author.isEmpty())
            stamped.author = author;
        if (!stamped.createdAt.isValid())
            stamped.createdAt = QDateTime::currentDateTimeUtc();
        if (!stamped.updatedAt.isValid())
            stamped.updatedAt = stamped.createdAt;
        stamped.revision = std::max<qint64>(stamped.revision, 1);
    }
    // A new record was usually created and last updated at the same moment: format it once.
    const QString created = timestamp(stamped.createdAt);
    QVariantList row;
    row.reserve(FirstValueColumn + values.size());
    row << stamped.id.toString(QUuid::WithoutBraces) << stamped.clinicId << created
        << (stamped.updatedAt == stamped.createdAt ? created : timestamp(stamped.updatedAt)) << stamped.author
        << stamped.revision << (stamped.deleted ? 1 : 0);
    row.append(values);
    if (auto done = m_statements ? insertPrepared(row) : insertWithQuery(row); !done)
        return done;
    meta = stamped;
    return {};
}

Result<void> RecordTable::insertPrepared(const QVariantList &row)
{
    if (m_insertSql.isEmpty()) {
        const QStringList all = metaColumns + m_columns;
        m_insertSql = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                          .arg(m_table, all.join(QStringLiteral(", ")),
                              QStringLiteral("?, ").repeated(all.size()).chopped(2));
    }
    return m_statements->run(m_insertSql, row, "insert record");
}

Result<void> RecordTable::insertWithQuery(const QVariantList &row)
{
    if (!m_insert) {
        // Named placeholders: QSqlQuery binds them faster than positional ones.
        const QStringList all = metaColumns + m_columns;
        for (qsizetype i = 0; i < all.size(); ++i)
            m_placeholders.append(QStringLiteral(":v%1").arg(i));
        m_insert.emplace(m_db);
        if (!m_insert->prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                                   .arg(m_table, all.join(QStringLiteral(", ")),
                                       m_placeholders.join(QStringLiteral(", "))))) {
            const Error error = SqlError::from(*m_insert, "prepare insert");
            m_insert.reset();
            m_placeholders.clear();
            return tl::unexpected(error);
        }
    }
    for (qsizetype i = 0; i < row.size(); ++i)
        m_insert->bindValue(m_placeholders[i], row[i]);
    return execute(*m_insert, "insert record");
}

Result<void> RecordTable::update(RecordMeta &meta, const QVariantList &values, const QString &author)
{
    if (!m_update) {
        QStringList assignments { QStringLiteral("updated_at = ?"), QStringLiteral("author = ?"),
            QStringLiteral("revision = revision + 1"), QStringLiteral("deleted = ?") };
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
    return QStringLiteral("SELECT %1 FROM %2")
        .arg((metaColumns + m_columns).join(QStringLiteral(", ")), m_table);
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

QVariant sqlText(const QString &text)
{
    return text.isNull() ? QVariant(QStringLiteral("")) : QVariant(text);
}

QVariant sqlDate(const QDate &date)
{
    if (!date.isValid())
        return QVariant();
    if (date.year() < 1000 || date.year() > 9999)
        return QVariant(date.toString(Qt::ISODate));
    // "yyyy-MM-dd" as Qt::ISODate writes it, several times faster (bulk imports write many).
    QString text(10, Qt::Uninitialized);
    QChar *out = text.data();
    digits(out + 4, date.year(), 4);
    out[4] = u'-';
    digits(out + 7, date.month(), 2);
    out[7] = u'-';
    digits(out + 10, date.day(), 2);
    return QVariant(text);
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
