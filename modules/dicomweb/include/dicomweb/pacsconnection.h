#pragma once

#include "dicomweb/pacsendpoint.h"
#include "domain/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QSslConfiguration>
#include <QUrlQuery>

#include <atomic>
#include <functional>

// One request to the PACS.
struct PacsRequest
{
    QByteArray method = QByteArrayLiteral("GET");
    QString path; // below the DICOMweb root, e.g. "/studies"
    QUrlQuery query;
    QByteArray accept;
    QByteArray contentType;
    QByteArray body;
};

// What to do with a successful reply as it arrives: the Content-Type first, then the body in
// chunks. An error from either aborts the transfer.
struct PacsReplyHandler
{
    std::function<Result<void>(const QByteArray &contentType)> begin;
    std::function<Result<void>(QByteArrayView chunk)> data;
};

// HTTPS to the PACS, one request at a time, blocking the calling thread in a local event loop
// (use it off the UI thread). TLS 1.2 or later, peer verified against the system store plus the
// regional CA; HTTP Basic credentials sent pre-emptively. Replies are streamed to the handler
// with a bounded read buffer, so a large study never sits in memory; every failure — offline,
// untrusted certificate, refused credentials, a non-2xx status, a stalled transfer, cancel —
// becomes a translated error without credentials in it.
class PacsConnection
{
    Q_DECLARE_TR_FUNCTIONS(PacsConnection)
public:
    explicit PacsConnection(PacsEndpoint endpoint);
    ~PacsConnection();

    Result<int> send(const PacsRequest &request, const PacsReplyHandler &handler,
                     const std::atomic<bool> *cancelled = nullptr);
    // The whole reply body, refused if longer than maxBytes.
    Result<QByteArray> fetch(const PacsRequest &request, qint64 maxBytes);

    const PacsEndpoint &endpoint() const { return m_endpoint; }

private:
    Error errorForStatus(int status) const;

    PacsEndpoint m_endpoint;
    QSslConfiguration m_tls;
    QNetworkAccessManager m_network;
};
