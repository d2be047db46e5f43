#include "dicomweb/pacsconnection.h"

#include "dicomweblog.h"
#include "regional-tls/regionaltrust.h"

#include <QEventLoop>
#include <QNetworkReply>
#include <QTimer>

#include <optional>

namespace {
// Qt's own buffer for a reply the handler has not read yet.
constexpr qint64 ReadBufferBytes = 4 * 1024 * 1024;
} // namespace

PacsConnection::PacsConnection(PacsEndpoint endpoint)
    : m_endpoint(std::move(endpoint))
    , m_tls(RegionalTrust::configuration(m_endpoint.regionalCaFile))
{
}

PacsConnection::~PacsConnection() = default;

Error PacsConnection::errorForStatus(int status) const
{
    const QString code = QStringLiteral("dicomweb.http");
    switch (status) {
    case 401:
    case 403:
        return {QStringLiteral("dicomweb.auth"), tr("The PACS refused the user name or password (HTTP %1).").arg(status)};
    case 404:
        return {QStringLiteral("dicomweb.not-found"), tr("The PACS does not have what was asked for (HTTP 404).")};
    case 413:
        return {code, tr("The PACS refused the upload as too large (HTTP 413).")};
    default:
        // 5xx (also nginx's 502 while Orthanc is down) may pass; 4xx is a refusal of the request.
        return {status >= 500 ? QStringLiteral("dicomweb.server") : code, tr("The PACS answered with HTTP status %1.").arg(status)};
    }
}

Result<int> PacsConnection::send(const PacsRequest &request, const PacsReplyHandler &handler, const std::atomic<bool> *cancelled)
{
    if (m_endpoint.baseUrl.scheme() != QLatin1String("https"))
        return failure(QStringLiteral("dicomweb.config"), tr("The PACS address must start with https://."));
    QUrl url = m_endpoint.baseUrl;
    QString root = url.path();
    while (root.endsWith(QLatin1Char('/')))
        root.chop(1);
    url.setPath(root + request.path);
    url.setQuery(request.query);
    QNetworkRequest networkRequest(url);
    networkRequest.setSslConfiguration(m_tls);
    networkRequest.setTransferTimeout(m_endpoint.timeoutMilliseconds);
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (!request.accept.isEmpty())
        networkRequest.setRawHeader("Accept", request.accept);
    if (!request.contentType.isEmpty())
        networkRequest.setHeader(QNetworkRequest::ContentTypeHeader, request.contentType);
    if (!m_endpoint.username.isEmpty())
        networkRequest.setRawHeader("Authorization",
                                    "Basic " + (m_endpoint.username + QLatin1Char(':') + m_endpoint.password).toUtf8().toBase64());

    QNetworkReply *reply = m_network.sendCustomRequest(networkRequest, request.method, request.body);
    reply->setReadBufferSize(ReadBufferBytes);
    std::optional<Error> handlerError;
    bool begun = false;
    int status = 0;
    auto abortWith = [&](const Error &error) {
        if (!handlerError)
            handlerError = error;
        if (!reply->isFinished())
            reply->abort();
    };
    auto pump = [&] {
        if (handlerError)
            return;
        if (cancelled && cancelled->load()) {
            abortWith({QStringLiteral("dicomweb.cancelled"), tr("Cancelled.")});
            return;
        }
        if (!begun) {
            status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status == 0)
                return;
            begun = true;
            if (status < 200 || status > 299) {
                abortWith(errorForStatus(status));
                return;
            }
            if (auto started = handler.begin ? handler.begin(reply->header(QNetworkRequest::ContentTypeHeader).toByteArray())
                                             : Result<void>{};
                !started) {
                abortWith(started.error());
                return;
            }
        }
        while (reply->bytesAvailable() > 0) {
            const QByteArray chunk = reply->read(std::min<qint64>(reply->bytesAvailable(), 1024 * 1024));
            if (auto taken = handler.data ? handler.data(chunk) : Result<void>{}; !taken) {
                abortWith(taken.error());
                return;
            }
        }
    };
    QObject::connect(reply, &QNetworkReply::metaDataChanged, reply, pump);
    QObject::connect(reply, &QIODevice::readyRead, reply, pump);
    QTimer cancelPoll; // a cancel must be noticed even while no data moves
    if (cancelled) {
        QObject::connect(&cancelPoll, &QTimer::timeout, reply, pump);
        cancelPoll.start(200);
    }
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    cancelPoll.stop();
    if (!handlerError && reply->error() == QNetworkReply::NoError)
        pump(); // whatever arrived with the finish
    reply->deleteLater();
    if (handlerError)
        return tl::unexpected(*handlerError);
    const QNetworkReply::NetworkError error = reply->error();
    status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (error == QNetworkReply::SslHandshakeFailedError)
        return failure(QStringLiteral("dicomweb.tls"),
                       tr("The PACS certificate is not trusted (%1); the connection was refused.").arg(reply->errorString()));
    if (status == 0) {
        qCInfo(lcDicomWeb) << "PACS unreachable:" << reply->errorString();
        return failure(QStringLiteral("dicomweb.offline"), tr("The PACS cannot be reached (%1).").arg(reply->errorString()));
    }
    if (status < 200 || status > 299)
        return tl::unexpected(errorForStatus(status));
    if (error != QNetworkReply::NoError)
        return failure(QStringLiteral("dicomweb.transfer"), tr("The transfer from the PACS broke off (%1).").arg(reply->errorString()));
    return status;
}

Result<QByteArray> PacsConnection::fetch(const PacsRequest &request, qint64 maxBytes)
{
    QByteArray body;
    PacsReplyHandler handler;
    handler.data = [&](QByteArrayView chunk) -> Result<void> {
        if (body.size() + chunk.size() > maxBytes)
            return failure(QStringLiteral("dicomweb.too-large"), tr("The PACS reply is larger than expected; it was refused."));
        body.append(chunk.data(), chunk.size());
        return {};
    };
    if (auto sent = send(request, handler); !sent)
        return tl::unexpected(sent.error());
    return body;
}
