#pragma once

#include "domain/result.h"
#include "sync/centerendpoint.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSslConfiguration>

#include <optional>

class QNetworkReply;

struct CenterSession
{
    QString username;
    QString clinicId;
    QString role;
    QString accessToken;
    QString refreshToken;
};

// One HTTPS conversation with the center, request by request (blocking the calling thread
// with a local event loop, so run it off the UI thread). Verifies the server certificate,
// refreshes an expired access token once, and turns every failure — offline, untrusted
// certificate, refusal, a reply that is not what the protocol says — into a translated error.
class CenterConnection
{
    Q_DECLARE_TR_FUNCTIONS(CenterConnection)
public:
    explicit CenterConnection(CenterEndpoint endpoint);
    ~CenterConnection();

    // `newPassword`: her own, replacing one an administrator set ("auth.password-change-required").
    Result<void> login(const QString &username, const QString &password, const QString &deviceId,
        const QString &newPassword = {});
    Result<void> resume(const QString &refreshToken, const QString &deviceId);
    const CenterSession &session() const { return m_session; }
    // Ends the session at the center: every token of this user on this device is revoked.
    Result<void> logout();

    Result<QByteArray> post(const QString &path, const QByteArray &body);
    Result<QByteArray> get(const QString &path);
    // Attachment chunks: raw bytes with their SHA-256 (hex) in X-Content-SHA256, both ways.
    struct Bytes
    {
        QByteArray body;
        QByteArray contentSha256;
    };
    Result<QByteArray> putBytes(const QString &path, const QByteArray &bytes);
    Result<Bytes> getBytes(const QString &path);

    // How far this computer's clock is behind the center's, as of the last answer (ClockCheck).
    std::optional<qint64> clockOffsetSeconds() const { return m_clockOffsetSeconds; }
    qint64 bytesSent() const { return m_bytesSent; }
    qint64 bytesReceived() const { return m_bytesReceived; }

private:
    struct Reply
    {
        int status = 0;
        QByteArray body;
        QByteArray contentSha256;
    };
    Result<Reply> send(const QByteArray &method, const QString &path, const QByteArray &body, bool authorized,
        bool binary = false);
    Result<Reply> authorizedCall(
        const QByteArray &method, const QString &path, const QByteArray &body, bool binary = false);
    Result<void> takeTokens(const QByteArray &body);
    Result<void> checkPin(QNetworkReply *reply) const;
    static Error errorFromReply(const Reply &reply);

    CenterEndpoint m_endpoint;
    QSslConfiguration m_tls;
    QNetworkAccessManager m_network;
    CenterSession m_session;
    QString m_deviceId;
    std::optional<qint64> m_clockOffsetSeconds;
    qint64 m_bytesSent = 0;
    qint64 m_bytesReceived = 0;
};
