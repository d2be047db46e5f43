#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QObject>
#include <QSqlDatabase>

#include <QSet>
#include <QStringList>

#include <optional>

class CenterConnection;

struct BlobUploadSummary
{
    int uploaded = 0; // blobs the center now holds complete
    int refused = 0; // blobs the center will not take (too large, damaged here), kept with the reason
    int chunks = 0;
    qint64 bytesSent = 0;
};

struct BlobDownloadSummary
{
    QStringList stored; // blobs now kept here whole and verified
    qint64 bytesReceived = 0;
    QStringList unavailable; // not at the center (yet), not readable by this clinic, or arrived damaged
};

// The workstation's attachments (CTG samples, reports) on their way to and from the regional
// center as blobs addressed by their SHA-256 (docs/sync-protocol.md, Attachments). A record
// names a blob in a field ending in `_sha256`; `blob_home` (schema 12) says which table keeps
// its bytes here. Uploads are queued for blobs named by records waiting in the outbox and sent
// in chunks from where the center says it stands, so a cut costs at most the chunk in flight;
// downloads are asked for when someone needs the bytes, kept chunk by chunk in the cache, and
// checked against the address before anything reads them. Blocking: run it off the UI thread.
class BlobStore : public QObject
{
    Q_OBJECT
public:
    BlobStore(QSqlDatabase cache, CenterConnection &connection, QObject *parent = nullptr);

    void setChunkBytes(qint64 bytes); // default 1 MiB; the center takes up to 4 MiB

    Result<int> queueFromOutbox(); // returns how many blobs were newly queued
    Result<BlobUploadSummary> uploadPending();
    Result<int> pendingUploadCount() const;
    // The bytes of a blob: the local copy, else downloaded (resuming a cut download), checked
    // against the address and kept where the record naming it expects them.
    Result<QByteArray> fetch(const QString &sha256);
    Result<std::optional<QByteArray>> local(const QString &sha256) const;
    // Blobs named by live records whose bytes are not here, the most recently changed records
    // first (a trace just sent by a clinic is the one a doctor is about to read).
    Result<QStringList> missing(int limit = 100) const;
    // Fetches missing blobs, most recent first, until `budgetBytes` have arrived (a blob begun
    // is finished); `skip`: addresses not to ask for this time. A blob the center does not give
    // is listed as unavailable and the next one tried; being offline or refused ends the call.
    Result<BlobDownloadSummary> fetchMissing(qint64 budgetBytes, const QSet<QString> &skip = {});

signals:
    void chunkSent(const QString &sha256, qint64 doneBytes, qint64 totalBytes);
    void chunkReceived(const QString &sha256, qint64 doneBytes, qint64 totalBytes);

private:
    struct Home
    {
        QString recordTable;
        QString field;
        QString contentTable;
    };
    Result<QList<Home>> homes() const;
    Result<QString> contentTableFor(const QString &sha256) const;
    Result<void> upload(const QString &sha256, const QString &contentTable, BlobUploadSummary &summary);
    Result<void> markTransfer(const QString &sha256, const char *direction, qint64 doneBytes,
        const QString &state, const QString &errorCode = {});
    Result<qint64> remoteReceived(const QString &sha256, bool *complete);

    QSqlDatabase m_cache;
    CenterConnection &m_connection;
    qint64 m_chunkBytes = 1024 * 1024;
};
