#include "sync/blobstore.h"

#include "storage/sqlerror.h"
#include "storage/transaction.h"
#include "sync-protocol/blobaddress.h"
#include "sync/centerconnection.h"
#include "synclog.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlQuery>

#include <algorithm>

namespace {
// Table and column names read from blob_home go into SQL text: only plain names pass.
bool isSqlName(const QString &name)
{
    static const QRegularExpression plain(QStringLiteral("^[a-z_][a-z0-9_]{0,62}$"));
    return plain.match(name).hasMatch();
}

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QString blobPath(const QString &sha256)
{
    return QStringLiteral("/api/v1/blobs/") + sha256;
}

// Refusals that sending the same bytes again cannot change.
bool isFinalRefusal(const QString &code)
{
    return code == QLatin1String("protocol.too-large") || code == QLatin1String("blob.invalid")
        || code == QLatin1String("blob.hash-mismatch");
}
} // namespace

BlobStore::BlobStore(QSqlDatabase cache, CenterConnection &connection, QObject *parent)
    : QObject(parent)
    , m_cache(std::move(cache))
    , m_connection(connection)
{
}

void BlobStore::setChunkBytes(qint64 bytes)
{
    m_chunkBytes = std::clamp<qint64>(bytes, 1, 4 * 1024 * 1024);
}

Result<QList<BlobStore::Home>> BlobStore::homes() const
{
    QSqlQuery query(m_cache);
    if (!query.exec(QStringLiteral("SELECT record_table, sha256_field, content_table FROM blob_home")))
        return tl::unexpected(SqlError::from(query, "read where attachments are kept"));
    QList<Home> homes;
    while (query.next()) {
        Home home { query.value(0).toString(), query.value(1).toString(), query.value(2).toString() };
        if (isSqlName(home.recordTable) && isSqlName(home.field) && isSqlName(home.contentTable))
            homes.append(home);
        else
            qCWarning(lcSync) << "blob_home row with an unusable name ignored";
    }
    return homes;
}

Result<std::optional<QByteArray>> BlobStore::local(const QString &sha256) const
{
    const auto all = homes();
    if (!all)
        return tl::unexpected(all.error());
    QStringList tables { QStringLiteral("blob_data") };
    for (const Home &home : *all) {
        if (!tables.contains(home.contentTable))
            tables.append(home.contentTable);
    }
    for (const QString &table : tables) {
        QSqlQuery query(m_cache);
        query.prepare(QStringLiteral("SELECT bytes FROM %1 WHERE sha256 = ?").arg(table));
        query.addBindValue(sha256);
        if (auto done = execute(query, "read an attachment"); !done)
            return tl::unexpected(done.error());
        if (query.next())
            return std::optional<QByteArray>(query.value(0).toByteArray());
    }
    return std::optional<QByteArray>();
}

Result<QStringList> BlobStore::missing(int limit) const
{
    const auto all = homes();
    if (!all)
        return tl::unexpected(all.error());
    QList<std::pair<QString, QString>> found; // last change of a record naming it, address
    for (const Home &home : *all) {
        QSqlQuery query(m_cache);
        query.setForwardOnly(true);
        query.prepare(QStringLiteral(
            "SELECT r.%2, max(r.updated_at) AS changed FROM %1 r WHERE r.deleted = 0 AND r.%2 IS NOT NULL "
            "AND NOT EXISTS (SELECT 1 FROM %3 c WHERE c.sha256 = r.%2) "
            "GROUP BY r.%2 ORDER BY changed DESC LIMIT ?")
                          .arg(home.recordTable, home.field, home.contentTable));
        query.addBindValue(limit);
        if (auto done = execute(query, "list attachments not here"); !done)
            return tl::unexpected(done.error());
        while (query.next()) {
            const QString address = query.value(0).toString();
            if (BlobAddress::isValid(address))
                found.append({ query.value(1).toString(), address });
        }
    }
    std::sort(found.begin(), found.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    QStringList addresses;
    for (const auto &entry : std::as_const(found)) {
        if (addresses.size() < limit && !addresses.contains(entry.second))
            addresses.append(entry.second);
    }
    return addresses;
}

Result<BlobDownloadSummary> BlobStore::fetchMissing(qint64 budgetBytes, const QSet<QString> &skip)
{
    const auto addresses = missing();
    if (!addresses)
        return tl::unexpected(addresses.error());
    BlobDownloadSummary summary;
    for (const QString &address : *addresses) {
        if (summary.bytesReceived >= budgetBytes)
            break;
        if (skip.contains(address))
            continue;
        const qint64 before = m_connection.bytesReceived();
        const auto fetched = fetch(address);
        summary.bytesReceived += m_connection.bytesReceived() - before;
        if (fetched) {
            summary.stored.append(address);
            continue;
        }
        const QString code = fetched.error().code;
        // What concerns this one blob; anything else (offline, signed out, the cache) ends the call.
        if (code == QLatin1String("blob.not-found") || code == QLatin1String("blob.not-ready")
            || code == QLatin1String("blob.chunk-mismatch") || code == QLatin1String("blob.hash-mismatch")) {
            summary.unavailable.append(address);
            continue;
        }
        return tl::unexpected(fetched.error());
    }
    return summary;
}

Result<QString> BlobStore::contentTableFor(const QString &sha256) const
{
    const auto all = homes();
    if (!all)
        return tl::unexpected(all.error());
    for (const Home &home : *all) {
        QSqlQuery query(m_cache);
        query.prepare(
            QStringLiteral("SELECT 1 FROM %1 WHERE %2 = ? LIMIT 1").arg(home.recordTable, home.field));
        query.addBindValue(sha256);
        if (auto done = execute(query, "find the record of an attachment"); !done)
            return tl::unexpected(done.error());
        if (query.next())
            return home.contentTable;
    }
    return QStringLiteral("blob_data");
}

Result<int> BlobStore::queueFromOutbox()
{
    const auto all = homes();
    if (!all)
        return tl::unexpected(all.error());
    // Only outbox rows that name a blob are parsed: a first publication queues every record.
    QSqlQuery outbox(m_cache);
    outbox.setForwardOnly(true);
    if (!outbox.exec(QStringLiteral("SELECT table_name, fields FROM sync_outbox WHERE rejected_code IS NULL "
                                    "AND fields LIKE '%\\_sha256\"%' ESCAPE '\\'")))
        return tl::unexpected(SqlError::from(outbox, "read the outbox"));
    QList<std::pair<QString, QString>> named; // address, content table
    while (outbox.next()) {
        const QString table = outbox.value(0).toString();
        const QJsonObject fields = QJsonDocument::fromJson(outbox.value(1).toByteArray()).object();
        for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
            const QString address = it.value().toString();
            if (!BlobAddress::isBlobField(it.key()) || !BlobAddress::isValid(address))
                continue;
            QString content = QStringLiteral("blob_data");
            for (const Home &home : *all) {
                if (home.recordTable == table && home.field == it.key())
                    content = home.contentTable;
            }
            named.append({ address, content });
        }
    }
    outbox.finish();
    int queued = 0;
    Transaction transaction(m_cache);
    for (const auto &[address, content] : std::as_const(named)) {
        QSqlQuery size(m_cache);
        size.prepare(QStringLiteral("SELECT length(bytes) FROM %1 WHERE sha256 = ?").arg(content));
        size.addBindValue(address);
        if (auto done = execute(size, "measure an attachment"); !done)
            return tl::unexpected(done.error());
        if (!size.next()) {
            qCWarning(lcSync) << "an outbox record names an attachment this workstation does not have";
            continue;
        }
        QSqlQuery queue(m_cache);
        queue.prepare(QStringLiteral(
            "INSERT OR IGNORE INTO blob_transfer (sha256, direction, size_bytes, content_table, updated_at) "
            "VALUES (?, 'upload', ?, ?, ?)"));
        queue.addBindValue(address);
        queue.addBindValue(size.value(0).toLongLong());
        queue.addBindValue(content);
        queue.addBindValue(now());
        if (auto done = execute(queue, "queue an attachment"); !done)
            return tl::unexpected(done.error());
        queued += queue.numRowsAffected() > 0 ? 1 : 0;
    }
    if (auto committed = transaction.commit(); !committed)
        return tl::unexpected(committed.error());
    return queued;
}

Result<int> BlobStore::pendingUploadCount() const
{
    QSqlQuery query(m_cache);
    if (!query.exec(QStringLiteral(
            "SELECT count(*) FROM blob_transfer WHERE direction = 'upload' AND state = 'pending'"))
        || !query.next())
        return tl::unexpected(SqlError::from(query, "count attachments to send"));
    return query.value(0).toInt();
}

Result<void> BlobStore::markTransfer(const QString &sha256, const char *direction, qint64 doneBytes,
    const QString &state, const QString &errorCode)
{
    QSqlQuery query(m_cache);
    query.prepare(
        QStringLiteral("UPDATE blob_transfer SET done_bytes = ?, state = ?, error_code = ?, updated_at = ? "
                       "WHERE sha256 = ? AND direction = ?"));
    query.addBindValue(doneBytes);
    query.addBindValue(state);
    query.addBindValue(errorCode.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(errorCode));
    query.addBindValue(now());
    query.addBindValue(sha256);
    query.addBindValue(QString::fromLatin1(direction));
    return execute(query, "note an attachment's transfer");
}

Result<qint64> BlobStore::remoteReceived(const QString &sha256, bool *complete)
{
    *complete = false;
    const auto reply = m_connection.get(blobPath(sha256));
    if (!reply) {
        if (reply.error().code == QLatin1String("blob.not-found"))
            return 0; // nothing there for us yet: start at the beginning
        return tl::unexpected(reply.error());
    }
    const QJsonObject status = QJsonDocument::fromJson(*reply).object();
    *complete = status.value(QStringLiteral("complete")).toBool();
    return qint64(status.value(QStringLiteral("received")).toDouble());
}

Result<BlobUploadSummary> BlobStore::uploadPending()
{
    QSqlQuery pending(m_cache);
    if (!pending.exec(QStringLiteral("SELECT sha256, content_table FROM blob_transfer WHERE direction = "
                                     "'upload' AND state = 'pending' "
                                     "ORDER BY updated_at")))
        return tl::unexpected(SqlError::from(pending, "list attachments to send"));
    QList<std::pair<QString, QString>> queue;
    while (pending.next())
        queue.append({ pending.value(0).toString(), pending.value(1).toString() });
    BlobUploadSummary summary;
    for (const auto &[sha256, content] : std::as_const(queue)) {
        if (auto done = upload(sha256, content, summary); !done)
            return tl::unexpected(done.error());
    }
    return summary;
}

Result<void> BlobStore::upload(const QString &sha256, const QString &contentTable, BlobUploadSummary &summary)
{
    if (!isSqlName(contentTable))
        return markTransfer(
            sha256, "upload", 0, QStringLiteral("refused"), QStringLiteral("blob.local-missing"));
    QSqlQuery read(m_cache);
    read.prepare(QStringLiteral("SELECT bytes FROM %1 WHERE sha256 = ?").arg(contentTable));
    read.addBindValue(sha256);
    if (auto done = execute(read, "read an attachment"); !done)
        return done;
    if (!read.next())
        return markTransfer(
            sha256, "upload", 0, QStringLiteral("refused"), QStringLiteral("blob.local-missing"));
    const QByteArray bytes = read.value(0).toByteArray();
    read.finish();
    if (BlobAddress::of(bytes) != sha256) {
        qCWarning(lcSync) << "a local attachment does not match its address; not sent";
        return markTransfer(
            sha256, "upload", 0, QStringLiteral("refused"), QStringLiteral("blob.local-damaged"));
    }
    bool complete = false;
    auto offset = remoteReceived(sha256, &complete);
    if (!offset)
        return tl::unexpected(offset.error());
    int chunkRetries = 0;
    int offsetRetries = 0;
    while (!complete) {
        const QByteArray chunk = bytes.mid(*offset, m_chunkBytes);
        const auto reply = m_connection.putBytes(
            QStringLiteral("%1/chunks/%2?size=%3").arg(blobPath(sha256)).arg(*offset).arg(bytes.size()),
            chunk);
        if (!reply) {
            const QString code = reply.error().code;
            if (code == QLatin1String("blob.chunk-mismatch") && ++chunkRetries <= 2)
                continue; // damaged on the way: the center kept nothing of it
            if (code == QLatin1String("blob.offset") && ++offsetRetries <= 2) {
                offset = remoteReceived(sha256, &complete); // another device of the clinic moved it on
                if (!offset)
                    return tl::unexpected(offset.error());
                continue;
            }
            if (isFinalRefusal(code)) {
                ++summary.refused;
                qCWarning(lcSync) << "the center refused an attachment:" << code;
                return markTransfer(sha256, "upload", 0, QStringLiteral("refused"), code);
            }
            return tl::unexpected(reply.error());
        }
        const QJsonObject status = QJsonDocument::fromJson(*reply).object();
        complete = status.value(QStringLiteral("complete")).toBool();
        *offset = qint64(status.value(QStringLiteral("received")).toDouble());
        ++summary.chunks;
        summary.bytesSent += chunk.size();
        if (auto noted = markTransfer(sha256, "upload", *offset, QStringLiteral("pending")); !noted)
            return noted;
        emit chunkSent(sha256, *offset, bytes.size());
    }
    ++summary.uploaded;
    return markTransfer(sha256, "upload", bytes.size(), QStringLiteral("done"));
}

Result<QByteArray> BlobStore::fetch(const QString &sha256)
{
    if (!BlobAddress::isValid(sha256))
        return failure(QStringLiteral("blob.invalid"),
            tr("An attachment is named by 64 lower-case hexadecimal digits."));
    auto kept = local(sha256);
    if (!kept)
        return tl::unexpected(kept.error());
    if (*kept)
        return **kept;
    const auto content = contentTableFor(sha256);
    if (!content)
        return tl::unexpected(content.error());
    const auto reply = m_connection.get(blobPath(sha256));
    if (!reply)
        return tl::unexpected(reply.error());
    const QJsonObject status = QJsonDocument::fromJson(*reply).object();
    const qint64 size = qint64(status.value(QStringLiteral("size")).toDouble());
    if (!status.value(QStringLiteral("complete")).toBool() || size < 1)
        return failure(QStringLiteral("blob.not-ready"),
            tr("This attachment has not reached the regional center completely yet."));

    QSqlQuery start(m_cache);
    start.prepare(QStringLiteral(
        "INSERT OR IGNORE INTO blob_transfer (sha256, direction, size_bytes, content_table, updated_at) "
        "VALUES (?, 'download', ?, ?, ?)"));
    start.addBindValue(sha256);
    start.addBindValue(size);
    start.addBindValue(*content);
    start.addBindValue(now());
    if (auto done = execute(start, "start a download"); !done)
        return tl::unexpected(done.error());
    // Resume after the chunks kept by an earlier, cut attempt.
    QSqlQuery have(m_cache);
    have.prepare(
        QStringLiteral("SELECT coalesce(sum(length(bytes)), 0) FROM blob_download_chunk WHERE sha256 = ?"));
    have.addBindValue(sha256);
    if (auto done = execute(have, "resume a download"); !done)
        return tl::unexpected(done.error());
    qint64 offset = have.next() ? have.value(0).toLongLong() : 0;
    have.finish();
    int retries = 0;
    while (offset < size) {
        const auto chunk = m_connection.getBytes(
            QStringLiteral("%1/chunks/%2?length=%3").arg(blobPath(sha256)).arg(offset).arg(m_chunkBytes));
        if (!chunk)
            return tl::unexpected(chunk.error());
        if (chunk->body.isEmpty()
            || QCryptographicHash::hash(chunk->body, QCryptographicHash::Sha256).toHex()
                != chunk->contentSha256) {
            if (++retries <= 2)
                continue;
            return failure(QStringLiteral("blob.chunk-mismatch"),
                tr("The attachment keeps arriving damaged; try again later."));
        }
        Transaction transaction(m_cache);
        QSqlQuery keep(m_cache);
        keep.prepare(QStringLiteral(
            "INSERT OR REPLACE INTO blob_download_chunk (sha256, chunk_offset, bytes) VALUES (?, ?, ?)"));
        keep.addBindValue(sha256);
        keep.addBindValue(offset);
        keep.addBindValue(chunk->body);
        if (auto done = execute(keep, "keep a downloaded chunk"); !done)
            return tl::unexpected(done.error());
        offset += chunk->body.size();
        if (auto noted = markTransfer(sha256, "download", offset, QStringLiteral("pending")); !noted)
            return tl::unexpected(noted.error());
        if (auto committed = transaction.commit(); !committed)
            return tl::unexpected(committed.error());
        emit chunkReceived(sha256, offset, size);
    }

    QSqlQuery chunks(m_cache);
    chunks.setForwardOnly(true);
    chunks.prepare(
        QStringLiteral("SELECT bytes FROM blob_download_chunk WHERE sha256 = ? ORDER BY chunk_offset"));
    chunks.addBindValue(sha256);
    if (auto done = execute(chunks, "assemble a download"); !done)
        return tl::unexpected(done.error());
    QByteArray bytes;
    bytes.reserve(size);
    while (chunks.next())
        bytes.append(chunks.value(0).toByteArray());
    chunks.finish();
    const bool intact = bytes.size() == size && BlobAddress::of(bytes) == sha256;
    Transaction transaction(m_cache);
    QSqlQuery clear(m_cache);
    clear.prepare(QStringLiteral("DELETE FROM blob_download_chunk WHERE sha256 = ?"));
    clear.addBindValue(sha256);
    if (auto done = execute(clear, "finish a download"); !done)
        return tl::unexpected(done.error());
    if (intact) {
        QSqlQuery store(m_cache);
        store.prepare(QStringLiteral("INSERT OR IGNORE INTO %1 (sha256, bytes) VALUES (?, ?)").arg(*content));
        store.addBindValue(sha256);
        store.addBindValue(bytes);
        if (auto done = execute(store, "keep an attachment"); !done)
            return tl::unexpected(done.error());
    }
    if (auto noted = markTransfer(sha256, "download", intact ? size : 0,
            intact ? QStringLiteral("done") : QStringLiteral("pending"));
        !noted)
        return tl::unexpected(noted.error());
    if (auto committed = transaction.commit(); !committed)
        return tl::unexpected(committed.error());
    if (!intact)
        return failure(QStringLiteral("blob.hash-mismatch"),
            tr("The downloaded attachment does not match its SHA-256 and was thrown away; it will be fetched "
               "again."));
    return bytes;
}
