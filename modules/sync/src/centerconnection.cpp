#include "sync/centerconnection.h"

#include "sync/clockcheck.h"

#include "regional-tls/regionaltrust.h"
#include "sync-protocol/jsonreader.h"
#include "sync-protocol/protocollimits.h"
#include "synclog.h"

#include <QCryptographicHash>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSslKey>
#include <QTimer>

namespace {
// A reply larger than this is not the center speaking the protocol: stop reading it.
constexpr qint64 MaxReplyBytes = 2 * ProtocolLimits {}.maxBodyBytes;
} // namespace

CenterConnection::CenterConnection(CenterEndpoint endpoint)
    : m_endpoint(std::move(endpoint))
    , m_tls(RegionalTrust::configuration(m_endpoint.regionalCaFile))
{
    m_network.setStrictTransportSecurityEnabled(true);
}

CenterConnection::~CenterConnection() = default;

Result<void> CenterConnection::checkPin(QNetworkReply *reply) const
{
    if (!matchesPinnedKey(m_endpoint, reply->sslConfiguration().peerCertificate()))
        return failure(QStringLiteral("sync.tls"),
            tr("The center's key does not match the pinned key; the connection was refused."));
    return {};
}

Result<CenterConnection::Reply> CenterConnection::send(
    const QByteArray &method, const QString &path, const QByteArray &body, bool authorized, bool binary)
{
    if (m_endpoint.baseUrl.scheme() != QLatin1String("https"))
        return failure(QStringLiteral("sync.config"), tr("The center's address must start with https://."));
    QUrl url = m_endpoint.baseUrl;
    const int query = path.indexOf(QLatin1Char('?'));
    url.setPath(query < 0 ? path : path.left(query));
    if (query >= 0)
        url.setQuery(path.mid(query + 1));
    QNetworkRequest request(url);
    request.setSslConfiguration(m_tls);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
        binary ? QByteArrayLiteral("application/octet-stream") : QByteArrayLiteral("application/json"));
    if (binary && !body.isEmpty())
        request.setRawHeader("X-Content-SHA256", QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex());
    request.setTransferTimeout(m_endpoint.timeoutMilliseconds);
    if (authorized)
        request.setRawHeader("Authorization", "Bearer " + m_session.accessToken.toLatin1());
    const QDateTime sentAt = QDateTime::currentDateTimeUtc();
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
    std::optional<Error> pinError;
    QObject::connect(reply, &QNetworkReply::encrypted, reply, [&] {
        if (auto pinned = checkPin(reply); !pinned) {
            pinError = pinned.error();
            reply->abort();
        }
    });
    QObject::connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64 total) {
        if (received > MaxReplyBytes || total > MaxReplyBytes)
            reply->abort();
    });
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    m_bytesSent += body.size();
    if (pinError)
        return tl::unexpected(*pinError);
    const QNetworkReply::NetworkError error = reply->error();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (error == QNetworkReply::SslHandshakeFailedError)
        return failure(QStringLiteral("sync.tls"),
            tr("The center's certificate is not trusted (%1); the connection was refused.")
                .arg(reply->errorString()));
    if (status == 0) {
        qCInfo(lcSync) << "center unreachable:" << reply->errorString();
        return failure(QStringLiteral("sync.offline"),
            tr("The regional center cannot be reached (%1).").arg(reply->errorString()));
    }
    if (const auto offset = ClockCheck::offsetSeconds(reply->rawHeader("Date"), sentAt, QDateTime::currentDateTimeUtc()))
        m_clockOffsetSeconds = offset;
    Reply result { status, reply->readAll(), reply->rawHeader("X-Content-SHA256") };
    m_bytesReceived += result.body.size();
    return result;
}

Error CenterConnection::errorFromReply(const Reply &reply)
{
    const QJsonObject error
        = QJsonDocument::fromJson(reply.body).object().value(QStringLiteral("error")).toObject();
    const QString code = error.value(QStringLiteral("code")).toString();
    if (code.isEmpty() || !JsonReader::isIdentifier(code, 64))
        return { QStringLiteral("sync.bad-reply"),
            tr("The center answered with HTTP status %1 and no explanation.").arg(reply.status) };
    // The reasons a user can act on are said in her language; others quote the center.
    if (code == QLatin1String("auth.invalid"))
        return { code, tr("The center did not accept the user name or password.") };
    if (code == QLatin1String("auth.locked"))
        return { code,
            tr("This account is locked for a while after repeated wrong passwords; try again later or ask "
               "the "
               "center's administrator.") };
    if (code == QLatin1String("auth.password-change-required"))
        return { code, tr("Your password was set by an administrator: choose your own password now.") };
    if (code == QLatin1String("auth.weak-password"))
        return { code,
            tr("The center did not accept the new password: %1")
                .arg(error.value(QStringLiteral("message")).toString().left(300)) };
    if (code == QLatin1String("auth.refresh") || code == QLatin1String("auth.expired"))
        return { code, tr("The sign-in to the center has expired; please sign in again.") };
    if (code == QLatin1String("auth.role"))
        return { code, tr("Your account may not do this at the center.") };
    const QString detail = error.value(QStringLiteral("message")).toString().left(300);
    return { code, tr("The center refused the request: %1").arg(detail.isEmpty() ? code : detail) };
}

Result<void> CenterConnection::takeTokens(const QByteArray &body)
{
    const auto object = JsonReader::parseDocument(body, ProtocolLimits {});
    if (!object)
        return failure(QStringLiteral("sync.bad-reply"), tr("The center's login reply cannot be read."));
    const QJsonObject user = object->value(QStringLiteral("user")).toObject();
    CenterSession session { user.value(QStringLiteral("username")).toString(),
        user.value(QStringLiteral("clinicId")).toString(), user.value(QStringLiteral("role")).toString(),
        object->value(QStringLiteral("accessToken")).toString(),
        object->value(QStringLiteral("refreshToken")).toString() };
    if (session.accessToken.isEmpty() || session.refreshToken.isEmpty() || session.clinicId.isEmpty())
        return failure(QStringLiteral("sync.bad-reply"), tr("The center's login reply cannot be read."));
    m_session = session;
    return {};
}

Result<void> CenterConnection::login(
    const QString &username, const QString &password, const QString &deviceId, const QString &newPassword)
{
    m_deviceId = deviceId;
    QJsonObject request { { QStringLiteral("username"), username }, { QStringLiteral("password"), password },
        { QStringLiteral("deviceId"), deviceId } };
    if (!newPassword.isEmpty())
        request.insert(QStringLiteral("newPassword"), newPassword);
    const QByteArray body = QJsonDocument(request).toJson(QJsonDocument::Compact);
    const auto reply = send("POST", QStringLiteral("/api/v1/login"), body, false);
    if (!reply)
        return tl::unexpected(reply.error());
    if (reply->status != 200)
        return tl::unexpected(errorFromReply(*reply));
    return takeTokens(reply->body);
}

Result<void> CenterConnection::resume(const QString &refreshToken, const QString &deviceId)
{
    m_deviceId = deviceId;
    const QByteArray body = QJsonDocument(
        QJsonObject { { QStringLiteral("refreshToken"), refreshToken },
            { QStringLiteral("deviceId"),
                deviceId } }).toJson(QJsonDocument::Compact);
    const auto reply = send("POST", QStringLiteral("/api/v1/token/refresh"), body, false);
    if (!reply)
        return tl::unexpected(reply.error());
    if (reply->status != 200)
        return tl::unexpected(errorFromReply(*reply));
    return takeTokens(reply->body);
}

Result<CenterConnection::Reply> CenterConnection::authorizedCall(
    const QByteArray &method, const QString &path, const QByteArray &body, bool binary)
{
    auto reply = send(method, path, body, true, binary);
    if (reply && reply->status == 401 && errorFromReply(*reply).code == QLatin1String("auth.expired")) {
        // Access tokens live minutes; the device-bound refresh token gets a new pair once.
        if (auto resumed = resume(m_session.refreshToken, m_deviceId); !resumed)
            return tl::unexpected(resumed.error());
        reply = send(method, path, body, true, binary);
    }
    if (!reply)
        return tl::unexpected(reply.error());
    if (reply->status != 200)
        return tl::unexpected(errorFromReply(*reply));
    return reply;
}

Result<void> CenterConnection::logout()
{
    const QByteArray body = QJsonDocument(QJsonObject { { QStringLiteral("deviceId"), m_deviceId } }).toJson(QJsonDocument::Compact);
    const auto done = post(QStringLiteral("/api/v1/logout"), body);
    if (!done)
        return tl::unexpected(done.error());
    m_session = {};
    return {};
}

Result<QByteArray> CenterConnection::post(const QString &path, const QByteArray &body)
{
    return authorizedCall("POST", path, body).map([](Reply reply) { return reply.body; });
}

Result<QByteArray> CenterConnection::get(const QString &path)
{
    return authorizedCall("GET", path, {}).map([](Reply reply) { return reply.body; });
}

Result<QByteArray> CenterConnection::putBytes(const QString &path, const QByteArray &bytes)
{
    return authorizedCall("PUT", path, bytes, true).map([](Reply reply) { return reply.body; });
}

Result<CenterConnection::Bytes> CenterConnection::getBytes(const QString &path)
{
    return authorizedCall("GET", path, {}, true).map([](Reply reply) {
        return Bytes { std::move(reply.body), std::move(reply.contentSha256) };
    });
}
