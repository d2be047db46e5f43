#include "center/centerserver.h"

#include "center/centerapi.h"
#include "center/notificationhub.h"
#include "centerlog.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTcpServer>

namespace {
// The machine-readable code of a refused request ({"error": {"code": …}}, or a FHIR
// OperationOutcome's issue details), else empty.
QString errorCode(const ApiResponse &response)
{
    if (response.status < 400)
        return {};
    if (response.contentType == QByteArrayLiteral("application/fhir+json"))
        return QJsonDocument::fromJson(response.body)
            .object()
            .value(QStringLiteral("issue"))
            .toArray()
            .first()
            .toObject()
            .value(QStringLiteral("details"))
            .toObject()
            .value(QStringLiteral("text"))
            .toString();
    if (response.contentType != QByteArrayLiteral("application/json"))
        return {};
    return QJsonDocument::fromJson(response.body)
        .object()
        .value(QStringLiteral("error"))
        .toObject()
        .value(QStringLiteral("code"))
        .toString();
}

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    default:
        return "OTHER";
    }
}
} // namespace

CenterServer::CenterServer(CenterApi &api, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_api(api)
{
}

Result<void> CenterServer::configureTls(const QString &certificateChainFile, const QString &privateKeyFile)
{
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(certificateChainFile, QSsl::Pem);
    QFile keyFile(privateKeyFile);
    if (chain.isEmpty())
        return failure(QStringLiteral("center.tls"), tr("No certificate could be read from %1.").arg(certificateChainFile));
    if (!keyFile.open(QIODevice::ReadOnly))
        return failure(QStringLiteral("center.tls"), tr("The private key %1 cannot be read.").arg(privateKeyFile));
    const QByteArray pem = keyFile.readAll();
    QSslKey key(pem, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(pem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        return failure(QStringLiteral("center.tls"), tr("The private key %1 is not a PEM RSA or EC key.").arg(privateKeyFile));
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // clients prove who they are with tokens
    sslSetup(configuration);
    return {};
}

Result<quint16> CenterServer::start(const QHostAddress &address, quint16 port)
{
    const quint16 bound = listen(address, port);
    if (bound == 0)
        return failure(QStringLiteral("center.listen"), tr("Cannot listen on %1 port %2.").arg(address.toString()).arg(port));
    return bound;
}

void CenterServer::stopListening()
{
    for (QTcpServer *server : servers())
        server->close();
}

bool CenterServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QElapsedTimer timer;
    timer.start();
    if (m_hub && request.method() == QHttpServerRequest::Method::Get && NotificationHub::isWaitPath(request.url().path())) {
        // Answered later, when a notice comes or the wait ends; logged now.
        const QString username = m_hub->wait(request.value("Authorization"), makeResponder(request, socket), socket);
        QJsonObject fields{{QStringLiteral("method"), QStringLiteral("GET")}, {QStringLiteral("path"), request.url().path()},
                           {QStringLiteral("status"), QStringLiteral("waiting")}};
        if (!username.isEmpty())
            fields.insert(QStringLiteral("user"), username);
        logEvent(QStringLiteral("request"), fields);
        return true;
    }
    ApiRequest apiRequest{methodName(request.method()), request.url().path(), QUrlQuery(request.url()),
                          request.value("Authorization"), request.body(), request.value("X-Content-SHA256"),
                          {}};
    // FHIR links name the center as the caller reached it (through a TLS proxy, its name).
    if (const QByteArray host = request.value("Host"); !host.isEmpty() && host.size() <= 255)
        apiRequest.baseUrl = QStringLiteral("https://") + QString::fromLatin1(host);
    const ApiResponse response = m_api.handle(apiRequest);
    QHttpServerResponder responder = makeResponder(request, socket);
    const auto status = QHttpServerResponder::StatusCode(response.status);
    // Date: the center's clock, by which each workstation checks its own (ClockCheck).
    const QByteArray date = QLocale::c().toString(QDateTime::currentDateTimeUtc(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")).toLatin1();
    if (response.contentSha256.isEmpty())
        responder.write(response.body, {{"Content-Type", response.contentType}, {"Cache-Control", "no-store"}, {"Date", date}}, status);
    else
        responder.write(response.body,
                        {{"Content-Type", response.contentType}, {"Cache-Control", "no-store"}, {"Date", date},
                         {"X-Content-SHA256", response.contentSha256}},
                        status);
    QJsonObject fields{{QStringLiteral("method"), QString::fromLatin1(apiRequest.method)},
                       {QStringLiteral("path"), apiRequest.path.left(100)},
                       {QStringLiteral("status"), response.status},
                       {QStringLiteral("bytesIn"), double(apiRequest.body.size())},
                       {QStringLiteral("bytesOut"), double(response.body.size())},
                       {QStringLiteral("ms"), double(timer.nsecsElapsed()) / 1e6}};
    if (!response.username.isEmpty())
        fields.insert(QStringLiteral("user"), response.username);
    // What was refused and why, for whoever reads the log after a clinic reports a failed sync.
    if (const QString code = errorCode(response); !code.isEmpty())
        fields.insert(QStringLiteral("error"), code);
    logEvent(QStringLiteral("request"), fields);
    return true;
}

void CenterServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    makeResponder(request, socket).write(QHttpServerResponder::StatusCode::NotFound);
}
