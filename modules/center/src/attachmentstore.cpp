#include "center/attachmentstore.h"

#include "center/centerdatabase.h"
#include "centerlog.h"
#include "referralaccess.h"
#include "storage/sqlerror.h"
#include "storage/transaction.h"
#include "sync-protocol/blobaddress.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QSqlQuery>

namespace {
constexpr qint64 StaleUploadSeconds = 7 * 24 * 3600;

Error notFound()
{
    // Also for a blob the caller may not read: its existence is not told.
    return {QStringLiteral("blob.not-found"), AttachmentStore::tr("There is no such attachment for you at the center.")};
}
} // namespace

AttachmentStore::AttachmentStore(CenterDatabase &database, ProtocolLimits limits)
    : m_database(database)
    , m_limits(limits)
{
}

Result<bool> AttachmentStore::mayRead(const CenterUser &user, const QString &sha256) const
{
    if (user.centerStaff)
        return true;
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT 1 FROM blob_holder WHERE sha256 = ? AND clinic_id = ? "
                                 "UNION ALL SELECT 1 FROM blob_reference r JOIN shared_patient s ON s.patient_key = r.patient_key "
                                 "WHERE r.sha256 = ? AND s.clinic_id = ? AND ")
                  + ReferralAccess::inForce(QStringLiteral("s"), QStringLiteral("?")));
    query.addBindValue(sha256);
    query.addBindValue(user.clinicId);
    query.addBindValue(sha256);
    query.addBindValue(user.clinicId);
    query.addBindValue(QDateTime::currentSecsSinceEpoch());
    if (auto done = execute(query, "check access to an attachment"); !done)
        return tl::unexpected(done.error());
    return query.next();
}

Result<std::optional<BlobStatus>> AttachmentStore::stored(const QString &sha256) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT size_bytes FROM blob WHERE sha256 = ?"));
    query.addBindValue(sha256);
    if (auto done = execute(query, "look up an attachment"); !done)
        return tl::unexpected(done.error());
    if (!query.next())
        return std::optional<BlobStatus>();
    const qint64 size = query.value(0).toLongLong();
    return std::optional<BlobStatus>(BlobStatus{sha256, size, size, true});
}

Result<std::optional<BlobStatus>> AttachmentStore::upload(const CenterUser &user, const QString &sha256) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT size_bytes, received_bytes FROM blob_upload WHERE sha256 = ? AND clinic_id = ?"));
    query.addBindValue(sha256);
    query.addBindValue(user.clinicId);
    if (auto done = execute(query, "look up an upload"); !done)
        return tl::unexpected(done.error());
    if (!query.next())
        return std::optional<BlobStatus>();
    return std::optional<BlobStatus>(BlobStatus{sha256, query.value(0).toLongLong(), query.value(1).toLongLong(), false});
}

Result<BlobStatus> AttachmentStore::status(const CenterUser &user, const QString &sha256)
{
    if (!BlobAddress::isValid(sha256))
        return failure(QStringLiteral("blob.invalid"), tr("An attachment is named by 64 lower-case hexadecimal digits."));
    auto readable = mayRead(user, sha256);
    if (!readable)
        return tl::unexpected(readable.error());
    if (*readable) {
        auto blob = stored(sha256);
        if (!blob)
            return tl::unexpected(blob.error());
        if (*blob)
            return **blob;
    }
    auto inProgress = upload(user, sha256);
    if (!inProgress)
        return tl::unexpected(inProgress.error());
    if (*inProgress)
        return **inProgress;
    return tl::unexpected(notFound());
}

Result<BlobStatus> AttachmentStore::putChunk(const CenterUser &user, const QString &sha256, qint64 totalBytes, qint64 offset,
                                             const QByteArray &bytes, const QByteArray &chunkSha256Hex)
{
    if (!BlobAddress::isValid(sha256))
        return failure(QStringLiteral("blob.invalid"), tr("An attachment is named by 64 lower-case hexadecimal digits."));
    if (totalBytes < 1 || offset < 0 || bytes.isEmpty() || offset + bytes.size() > totalBytes)
        return failure(QStringLiteral("blob.invalid"), tr("The chunk does not fit inside the attachment's declared size."));
    if (totalBytes > m_limits.maxBlobBytes)
        return failure(QStringLiteral("protocol.too-large"), tr("An attachment may not be larger than %1 bytes.").arg(m_limits.maxBlobBytes));
    if (bytes.size() > m_limits.maxBlobChunkBytes)
        return failure(QStringLiteral("protocol.too-large"), tr("A chunk may not be larger than %1 bytes.").arg(m_limits.maxBlobChunkBytes));
    if (QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex() != chunkSha256Hex)
        return failure(QStringLiteral("blob.chunk-mismatch"),
                       tr("The chunk's bytes do not match the digest sent with them; it was not kept. Send it again."));

    Transaction transaction(m_database.connection());
    auto current = upload(user, sha256);
    if (!current)
        return tl::unexpected(current.error());
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    if (*current && (*current)->sizeBytes != totalBytes) {
        if (offset != 0)
            return failure(QStringLiteral("blob.offset"), tr("The upload under way has another size; start again at offset 0."));
        // A new start with another size replaces the upload under way.
        if (auto discarded = discardUpload(user, sha256); !discarded)
            return tl::unexpected(discarded.error());
        current = std::optional<BlobStatus>();
    }
    if (!*current) {
        if (offset != 0)
            return failure(QStringLiteral("blob.offset"), tr("This upload starts at offset 0."));
        // Uploads left untouched for a week (a workstation gone for good) make room for new ones.
        QSqlQuery stale(m_database.connection());
        stale.prepare(QStringLiteral("SELECT sha256 FROM blob_upload WHERE clinic_id = ? AND updated_at < ?"));
        stale.addBindValue(user.clinicId);
        stale.addBindValue(now - StaleUploadSeconds);
        if (auto done = execute(stale, "drop stale uploads"); !done)
            return tl::unexpected(done.error());
        QStringList staleUploads;
        while (stale.next())
            staleUploads.append(stale.value(0).toString());
        stale.finish();
        for (const QString &address : std::as_const(staleUploads)) {
            if (auto discarded = discardUpload(user, address); !discarded)
                return tl::unexpected(discarded.error());
        }
        QSqlQuery count(m_database.connection());
        count.prepare(QStringLiteral("SELECT count(*) FROM blob_upload WHERE clinic_id = ?"));
        count.addBindValue(user.clinicId);
        if (auto done = execute(count, "count uploads"); !done)
            return tl::unexpected(done.error());
        if (count.next() && count.value(0).toInt() >= m_limits.maxUploadsInProgressPerClinic)
            return failure(QStringLiteral("blob.too-many-uploads"),
                           tr("Your clinic has %1 uploads under way; finish them first.").arg(m_limits.maxUploadsInProgressPerClinic));
        QSqlQuery start(m_database.connection());
        start.prepare(QStringLiteral("INSERT INTO blob_upload (sha256, clinic_id, size_bytes, received_bytes, started_by, updated_at) "
                                     "VALUES (?, ?, ?, 0, ?, ?)"));
        start.addBindValue(sha256);
        start.addBindValue(user.clinicId);
        start.addBindValue(totalBytes);
        start.addBindValue(user.username);
        start.addBindValue(now);
        if (auto done = execute(start, "start an upload"); !done)
            return tl::unexpected(done.error());
        current = std::optional<BlobStatus>(BlobStatus{sha256, totalBytes, 0, false});
    }
    if ((*current)->receivedBytes != offset)
        return failure(QStringLiteral("blob.offset"),
                       tr("The center has %1 bytes of this upload; continue from there.").arg((*current)->receivedBytes));
    // Moving received_bytes on only from the value read makes two instances taking the same
    // chunk at once leave one of them refused, never a gap or an overlap.
    QSqlQuery advance(m_database.connection());
    advance.prepare(QStringLiteral("UPDATE blob_upload SET received_bytes = ?, updated_at = ? "
                                   "WHERE sha256 = ? AND clinic_id = ? AND received_bytes = ?"));
    advance.addBindValue(offset + bytes.size());
    advance.addBindValue(now);
    advance.addBindValue(sha256);
    advance.addBindValue(user.clinicId);
    advance.addBindValue(offset);
    if (auto done = execute(advance, "advance an upload"); !done)
        return tl::unexpected(done.error());
    if (advance.numRowsAffected() != 1)
        return failure(QStringLiteral("blob.offset"), tr("Another request moved this upload on; ask where it stands."));
    QSqlQuery chunk(m_database.connection());
    chunk.prepare(QStringLiteral("INSERT INTO blob_upload_chunk (sha256, clinic_id, chunk_offset, length_bytes, bytes) VALUES (?, ?, ?, ?, ?)"));
    chunk.addBindValue(sha256);
    chunk.addBindValue(user.clinicId);
    chunk.addBindValue(offset);
    chunk.addBindValue(qint64(bytes.size()));
    chunk.addBindValue(bytes);
    if (auto done = execute(chunk, "keep a chunk"); !done)
        return tl::unexpected(done.error());
    BlobStatus result{sha256, totalBytes, offset + bytes.size(), false};
    if (result.receivedBytes == totalBytes) {
        auto finished = finish(user, sha256, totalBytes);
        if (!finished) {
            if (finished.error().code != QLatin1String("blob.hash-mismatch"))
                return finished;
            // The upload was thrown away: keep that, and say why.
            if (auto committed = transaction.commit(); !committed)
                return tl::unexpected(committed.error());
            return finished;
        }
        result = *finished;
    }
    if (auto committed = transaction.commit(); !committed)
        return tl::unexpected(committed.error());
    return result;
}

Result<BlobStatus> AttachmentStore::finish(const CenterUser &user, const QString &sha256, qint64 totalBytes)
{
    QSqlQuery chunks(m_database.connection());
    chunks.setForwardOnly(true);
    chunks.prepare(QStringLiteral("SELECT bytes FROM blob_upload_chunk WHERE sha256 = ? AND clinic_id = ? ORDER BY chunk_offset"));
    chunks.addBindValue(sha256);
    chunks.addBindValue(user.clinicId);
    if (auto done = execute(chunks, "check an upload"); !done)
        return tl::unexpected(done.error());
    QCryptographicHash hash(QCryptographicHash::Sha256);
    qint64 seen = 0;
    while (chunks.next()) {
        const QByteArray bytes = chunks.value(0).toByteArray();
        hash.addData(bytes);
        seen += bytes.size();
    }
    chunks.finish();
    if (seen != totalBytes || QString::fromLatin1(hash.result().toHex()) != sha256) {
        if (auto discarded = discardUpload(user, sha256); !discarded)
            return tl::unexpected(discarded.error());
        logEvent(QStringLiteral("blob-refused"), {{QStringLiteral("user"), user.username}, {QStringLiteral("bytes"), double(totalBytes)}});
        return failure(QStringLiteral("blob.hash-mismatch"),
                       tr("The uploaded bytes do not match the attachment's SHA-256; nothing was kept. Upload it again from the start."));
    }
    auto existing = stored(sha256);
    if (!existing)
        return tl::unexpected(existing.error());
    const QSqlDatabase db = m_database.connection();
    if (!*existing) {
        QSqlQuery blob(db);
        blob.prepare(QStringLiteral("INSERT INTO blob (sha256, size_bytes, uploaded_by, created_at) VALUES (?, ?, ?, ?)"));
        blob.addBindValue(sha256);
        blob.addBindValue(totalBytes);
        blob.addBindValue(user.username);
        blob.addBindValue(QDateTime::currentSecsSinceEpoch());
        if (auto done = execute(blob, "store an attachment"); !done)
            return tl::unexpected(done.error());
        QSqlQuery move(db);
        move.prepare(QStringLiteral("INSERT INTO blob_chunk (sha256, chunk_offset, length_bytes, bytes) "
                                    "SELECT sha256, chunk_offset, length_bytes, bytes FROM blob_upload_chunk WHERE sha256 = ? AND clinic_id = ?"));
        move.addBindValue(sha256);
        move.addBindValue(user.clinicId);
        if (auto done = execute(move, "store an attachment"); !done)
            return tl::unexpected(done.error());
    }
    QSqlQuery holder(db);
    holder.prepare(QStringLiteral("INSERT INTO blob_holder (sha256, clinic_id) VALUES (?, ?) ON CONFLICT (sha256, clinic_id) DO NOTHING"));
    holder.addBindValue(sha256);
    holder.addBindValue(user.clinicId);
    if (auto done = execute(holder, "store an attachment"); !done)
        return tl::unexpected(done.error());
    if (auto discarded = discardUpload(user, sha256); !discarded)
        return tl::unexpected(discarded.error());
    logEvent(QStringLiteral("blob-stored"), {{QStringLiteral("user"), user.username}, {QStringLiteral("bytes"), double(totalBytes)}});
    return BlobStatus{sha256, totalBytes, totalBytes, true};
}

Result<void> AttachmentStore::discardUpload(const CenterUser &user, const QString &sha256)
{
    for (const char *table : {"blob_upload_chunk", "blob_upload"}) {
        QSqlQuery query(m_database.connection());
        query.prepare(QStringLiteral("DELETE FROM %1 WHERE sha256 = ? AND clinic_id = ?").arg(QLatin1String(table)));
        query.addBindValue(sha256);
        query.addBindValue(user.clinicId);
        if (auto done = execute(query, "discard an upload"); !done)
            return done;
    }
    return {};
}

Result<QByteArray> AttachmentStore::readChunk(const CenterUser &user, const QString &sha256, qint64 offset, qint64 length)
{
    if (!BlobAddress::isValid(sha256))
        return failure(QStringLiteral("blob.invalid"), tr("An attachment is named by 64 lower-case hexadecimal digits."));
    if (offset < 0 || length < 1)
        return failure(QStringLiteral("blob.invalid"), tr("Ask for at least one byte at an offset of 0 or more."));
    length = std::min(length, m_limits.maxBlobChunkBytes);
    auto readable = mayRead(user, sha256);
    if (!readable)
        return tl::unexpected(readable.error());
    if (!*readable)
        return tl::unexpected(notFound());
    auto blob = stored(sha256);
    if (!blob)
        return tl::unexpected(blob.error());
    if (!*blob)
        return tl::unexpected(notFound());
    if (offset >= (*blob)->sizeBytes)
        return failure(QStringLiteral("blob.invalid"), tr("The attachment has only %1 bytes.").arg((*blob)->sizeBytes));
    const qint64 end = std::min(offset + length, (*blob)->sizeBytes);
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT chunk_offset, bytes FROM blob_chunk WHERE sha256 = ? AND chunk_offset < ? "
                                 "AND chunk_offset + length_bytes > ? ORDER BY chunk_offset"));
    query.addBindValue(sha256);
    query.addBindValue(end);
    query.addBindValue(offset);
    if (auto done = execute(query, "read an attachment"); !done)
        return tl::unexpected(done.error());
    QByteArray out;
    out.reserve(end - offset);
    while (query.next()) {
        const qint64 start = query.value(0).toLongLong();
        const QByteArray bytes = query.value(1).toByteArray();
        const qint64 from = std::max(offset, start) - start;
        const qint64 to = std::min(end, start + bytes.size()) - start;
        out.append(bytes.constData() + from, to - from);
    }
    if (out.size() != end - offset)
        return failure(QStringLiteral("center.corrupt"), tr("A stored attachment is incomplete."));
    return out;
}
