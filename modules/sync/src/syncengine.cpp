#include "sync/syncengine.h"

#include "audit/auditlog.h"
#include "audit/auditwire.h"

#include "storage/clinicdirectory.h"

#include "storage/syncjournal.h"
#include "sync-protocol/protocolcodec.h"
#include "sync/blobstore.h"
#include "sync/centerconnection.h"
#include "synclog.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

namespace {
Mutation mutationFrom(const OutboxEntry &entry)
{
    return Mutation { entry.mutationId, entry.table, entry.recordId,
        entry.isInsert ? Mutation::Operation::Insert : Mutation::Operation::Update,
        entry.isInsert ? 0 : entry.baseRevision, entry.fields };
}

OutboxReceipt receiptFrom(const MutationOutcome &outcome)
{
    OutboxReceipt receipt;
    receipt.mutationId = outcome.mutationId;
    receipt.revision = outcome.revision;
    receipt.accepted = outcome.status != MutationOutcome::Status::Rejected;
    // A change to a record the center has not received yet (another device's, or one made
    // before a --publish-all) is tried again in a later round, not refused for good.
    receipt.retryLater = outcome.errorCode == QLatin1String("sync.parent-missing")
        || outcome.errorCode == QLatin1String("sync.unknown-record");
    receipt.errorCode = outcome.errorCode;
    receipt.errorMessage = outcome.errorMessage;
    for (const FieldConflict &conflict : outcome.conflicts)
        receipt.conflicts.append({ conflict.field, conflict.clientValue, conflict.serverValue });
    return receipt;
}
} // namespace

SyncEngine::SyncEngine(QSqlDatabase cache, CenterConnection &connection, QObject *parent)
    : QObject(parent)
    , m_cache(std::move(cache))
    , m_connection(connection)
{
    // A first sync writes a clinic's years of records through this connection: with SQLite's
    // default 2 MiB page cache its indexes spilled to the file page after page.
    QSqlQuery cacheSize(m_cache);
    if (!cacheSize.exec(QStringLiteral("PRAGMA cache_size = -65536")))
        qCWarning(lcSync) << "cannot enlarge the sync connection's page cache";
}

void SyncEngine::setBatchSizes(int pushBatch, int pullPage)
{
    m_pushBatch = std::max(1, pushBatch);
    m_pullPage = std::max(1, pullPage);
}

Result<SyncSummary> SyncEngine::syncOnce()
{
    QElapsedTimer timer;
    timer.start();
    SyncSummary summary;
    const qint64 sentBefore = m_connection.bytesSent();
    const qint64 receivedBefore = m_connection.bytesReceived();
    auto done = sendAttachments(summary)
                    .and_then([&] { return pushAll(summary); })
                    .and_then([&] { return uploadAudit(summary); })
                    .and_then([&] { return pullAll(summary); })
                    .and_then([&] { return refreshClinicDirectory(); });
    summary.bytesSent = m_connection.bytesSent() - sentBefore;
    summary.bytesReceived = m_connection.bytesReceived() - receivedBefore;
    summary.seconds = double(timer.nsecsElapsed()) / 1e9;
    if (!done)
        return tl::unexpected(done.error());
    qCInfo(lcSync) << "sync round: pushed" << summary.pushed << "pulled" << summary.pulled << "conflicts"
                   << summary.conflicts;
    return summary;
}

Result<void> SyncEngine::refreshClinicDirectory()
{
    // The region's clinics, for writing a referral offline. A center that predates the list
    // leaves the one kept here as it is; so does a list that cannot be read: the records of the
    // round are in, and the next round tries again.
    const auto reply = m_connection.get(QStringLiteral("/api/v1/clinics"));
    const auto clinics = reply.and_then([](const QByteArray &body) { return ClinicDirectory::fromCenterReply(body); });
    if (!clinics) {
        qCInfo(lcSync) << "the region's clinics not refreshed:" << clinics.error().message;
        return {};
    }
    return ClinicDirectory(m_cache).replace(*clinics);
}

Result<void> SyncEngine::uploadAudit(SyncSummary &summary)
{
    // A chain the center refuses (altered in this cache, or with entries of another clinic) stays
    // refused: the records still sync, and the round says why, for the clinic's IT to look at
    // (docs/audit.md). Edits noted since the last entry are chained first, to go with this round.
    if (const auto edits = AuditLog(m_cache, m_connection.session().clinicId, m_connection.session().username).recordNotedEdits(); !edits)
        return tl::unexpected(edits.error());
    AuditTrail trail(m_cache);
    for (;;) {
        const auto pending = trail.pendingUpload(AuditUploadBatch);
        if (!pending)
            return tl::unexpected(pending.error());
        if (pending->isEmpty())
            return {};
        const auto reply = m_connection.post(QStringLiteral("/api/v1/audit"),
            AuditWire::encode({ pending->constFirst().workstation, *pending }));
        if (!reply) {
            // A refusal (not a network failure) leaves the chain where it is: the records go on.
            const QString &code = reply.error().code;
            if (!code.startsWith(QLatin1String("audit.")) && code != QLatin1String("sync.forbidden"))
                return tl::unexpected(reply.error());
            summary.auditRefused = reply.error().message;
            qCWarning(lcSync) << "the center refused this workstation's audit trail:" << reply.error().message;
            return {};
        }
        const qint64 through = qint64(QJsonDocument::fromJson(*reply).object().value(QStringLiteral("storedThrough")).toDouble());
        if (through < pending->constLast().seq)
            return failure(QStringLiteral("sync.audit"), tr("The center did not keep the audit entries it was sent."));
        if (auto marked = trail.markUploaded(through); !marked)
            return tl::unexpected(marked.error());
        summary.auditSent += int(pending->size());
    }
}

Result<void> SyncEngine::sendAttachments(SyncSummary &summary)
{
    // Before the records that name them, so a device pulling a record can fetch its bytes.
    BlobStore blobs(m_cache, m_connection);
    connect(&blobs, &BlobStore::chunkSent, this,
        [this, &summary](const QString &, qint64, qint64) { emit progressed(summary.pushed, m_connection.bytesSent()); });
    if (auto queued = blobs.queueFromOutbox(); !queued)
        return tl::unexpected(queued.error());
    const auto sent = blobs.uploadPending();
    if (!sent)
        return tl::unexpected(sent.error());
    summary.attachmentsSent = sent->uploaded;
    return {};
}

Result<void> SyncEngine::pushAll(SyncSummary &summary)
{
    SyncJournal journal(m_cache);
    const auto deviceId = journal.deviceId();
    if (!deviceId)
        return tl::unexpected(deviceId.error());
    QSet<QString> postponed;
    for (;;) {
        auto entries = journal.pending(m_pushBatch + int(postponed.size()));
        if (!entries)
            return tl::unexpected(entries.error());
        PushRequest request { *deviceId, {} };
        for (const OutboxEntry &entry : std::as_const(*entries)) {
            if (!postponed.contains(entry.mutationId) && request.mutations.size() < m_pushBatch)
                request.mutations.append(mutationFrom(entry));
        }
        if (request.mutations.isEmpty())
            return {};
        const auto reply
            = m_connection.post(QStringLiteral("/api/v1/sync/push"), ProtocolCodec::encode(request));
        if (!reply)
            return tl::unexpected(reply.error());
        const auto response = ProtocolCodec::decodePushResponse(*reply);
        if (!response)
            return failure(QStringLiteral("sync.bad-reply"),
                tr("The center's reply cannot be read: %1").arg(response.error().message));
        QList<OutboxReceipt> receipts;
        for (const MutationOutcome &outcome : response->outcomes) {
            const bool ours = std::any_of(request.mutations.cbegin(), request.mutations.cend(),
                [&](const Mutation &m) { return m.mutationId == outcome.mutationId; });
            if (!ours)
                continue; // a reply about something not asked is ignored, never applied
            receipts.append(receiptFrom(outcome));
            const OutboxReceipt &receipt = receipts.last();
            if (receipt.retryLater)
                postponed.insert(receipt.mutationId);
            else if (!receipt.accepted)
                ++summary.refused;
            else
                ++summary.pushed;
            summary.conflicts += int(receipt.conflicts.size());
        }
        if (auto settled = journal.settle(receipts); !settled)
            return settled;
        emit progressed(summary.pushed, m_connection.bytesSent());
    }
}

Result<void> SyncEngine::pullAll(SyncSummary &summary)
{
    SyncJournal journal(m_cache);
    for (;;) {
        const auto cursor = journal.pullCursor();
        if (!cursor)
            return tl::unexpected(cursor.error());
        const QString path
            = QStringLiteral("/api/v1/sync/pull?limit=%1&cursor=%2").arg(m_pullPage).arg(*cursor);
        const auto reply = m_connection.get(path);
        if (!reply)
            return tl::unexpected(reply.error());
        const auto page = ProtocolCodec::decodePullResponse(*reply);
        if (!page)
            return failure(QStringLiteral("sync.bad-reply"),
                tr("The center's reply cannot be read: %1").arg(page.error().message));
        QList<IncomingRecord> records;
        records.reserve(page->changes.size());
        for (const Change &change : page->changes)
            records.append(IncomingRecord { change.table, change.recordId, change.revision, change.fields });
        if (auto applied = journal.apply(records, page->nextCursor); !applied)
            return applied;
        summary.pulled += int(records.size());
        emit progressed(summary.pushed + summary.pulled, m_connection.bytesReceived());
        if (!page->more || page->changes.isEmpty())
            return {};
    }
}
