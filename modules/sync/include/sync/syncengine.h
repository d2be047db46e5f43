#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QObject>
#include <QSqlDatabase>

class CenterConnection;

struct SyncSummary
{
    int pushed = 0; // outbox entries the center accepted (or had already)
    int pulled = 0; // records applied from the change feed
    int conflicts = 0; // fields kept on both sides, waiting for a clinician
    int refused = 0; // entries the center refused, kept in the outbox
    int attachmentsSent = 0; // blobs named by outbox records that the center now holds whole
    int auditSent = 0; // audit entries the center now holds
    QString auditRefused; // why the center refused this workstation's audit trail, if it did
    qint64 bytesSent = 0;
    qint64 bytesReceived = 0;
    double seconds = 0;
};

// One sync round on a clinic cache: send the attachments that outbox records name (BlobStore),
// push the outbox in batches, hand the center the audit entries it does not have yet, then pull the change feed page by page until it is drained. Every step is committed locally before the next request, so
// the round can be cut anywhere (network, crash, kill) and the next round continues: pushes are
// idempotent by mutation id, and the pull cursor moves in the same transaction as the records.
class SyncEngine : public QObject
{
    Q_OBJECT
public:
    SyncEngine(QSqlDatabase cache, CenterConnection &connection, QObject *parent = nullptr);

    Result<SyncSummary> syncOnce();
    void setBatchSizes(int pushBatch, int pullPage);

signals:
    void progressed(int recordsDone, qint64 bytesMoved);

private:
    Result<void> sendAttachments(SyncSummary &summary);
    Result<void> pushAll(SyncSummary &summary);
    Result<void> uploadAudit(SyncSummary &summary);
    Result<void> pullAll(SyncSummary &summary);
    Result<void> refreshClinicDirectory();

    QSqlDatabase m_cache;
    CenterConnection &m_connection;
    static constexpr int AuditUploadBatch = 200;
    int m_pushBatch = 500;
    int m_pullPage = 2000; // the center's largest page: fewer commits on a first sync
};
