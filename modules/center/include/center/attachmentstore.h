#pragma once

#include "center/identitystore.h"
#include "domain/result.h"
#include "sync-protocol/protocollimits.h"

#include <QByteArray>
#include <QCoreApplication>

class CenterDatabase;

// Where an upload or a stored blob stands, as the caller may know it.
struct BlobStatus
{
    QString sha256;
    qint64 sizeBytes = 0;
    qint64 receivedBytes = 0; // equal to sizeBytes once complete
    bool complete = false;
};

// Attachments at the center (docs/sync-protocol.md, Attachments): blobs addressed by the
// SHA-256 of their bytes, uploaded in chunks that are each checked against their own digest and
// appended only at the offset reached so far, so a cut upload resumes where it stopped. On the
// last chunk the whole blob is hashed; bytes that do not match the address are thrown away and
// nothing is stored. A blob may be read by the center's staff, by a clinic that uploaded it
// whole, and by every clinic that may read a record naming it (RecordStore keeps those names).
// An upload under way is seen only by the clinic making it.
class AttachmentStore
{
    Q_DECLARE_TR_FUNCTIONS(AttachmentStore)
public:
    explicit AttachmentStore(CenterDatabase &database, ProtocolLimits limits = {});

    Result<BlobStatus> status(const CenterUser &user, const QString &sha256);
    Result<BlobStatus> putChunk(const CenterUser &user, const QString &sha256, qint64 totalBytes, qint64 offset,
                                const QByteArray &bytes, const QByteArray &chunkSha256Hex);
    Result<QByteArray> readChunk(const CenterUser &user, const QString &sha256, qint64 offset, qint64 length);

private:
    Result<bool> mayRead(const CenterUser &user, const QString &sha256) const;
    Result<std::optional<BlobStatus>> stored(const QString &sha256) const;
    Result<std::optional<BlobStatus>> upload(const CenterUser &user, const QString &sha256) const;
    Result<BlobStatus> finish(const CenterUser &user, const QString &sha256, qint64 totalBytes);
    Result<void> discardUpload(const CenterUser &user, const QString &sha256);

    CenterDatabase &m_database;
    ProtocolLimits m_limits;
};
