#include "sync/notificationchannel.h"

#include "regional-tls/regionaltrust.h"
#include "synclog.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>

namespace {
constexpr int FirstRetryMilliseconds = 2000;
constexpr int LongestRetryMilliseconds = 120000;
constexpr int ReplyTimeoutMilliseconds = 60000; // the center answers within 25 s
constexpr qint64 MaxReplyBytes = 4096;
} // namespace

NotificationChannel::NotificationChannel(QObject *parent)
    : QObject(parent)
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &NotificationChannel::ask);
}

NotificationChannel::~NotificationChannel()
{
    close();
}

void NotificationChannel::open(const CenterEndpoint &endpoint, const QString &accessToken)
{
    if (accessToken.isEmpty() || endpoint.baseUrl.scheme() != QLatin1String("https")) {
        close();
        return;
    }
    const bool sameCenter = endpoint.baseUrl == m_endpoint.baseUrl && endpoint.regionalCaFile == m_endpoint.regionalCaFile
        && endpoint.publicKeySha256 == m_endpoint.publicKeySha256;
    m_endpoint = endpoint;
    m_token = accessToken;
    if (!sameCenter)
        m_tls = RegionalTrust::configuration(endpoint.regionalCaFile);
    // A request waiting keeps its sign-in; the new token goes with the next one. A channel that
    // was waiting out a failure tries again at once with the new token.
    if (m_waiting && sameCenter)
        return;
    m_failures = 0;
    m_retry.stop();
    ask();
}

void NotificationChannel::close()
{
    m_retry.stop();
    m_token.clear();
    if (m_waiting) {
        m_waiting->disconnect(this);
        m_waiting->abort();
        m_waiting->deleteLater();
        m_waiting = nullptr;
    }
    setReady(false);
}

void NotificationChannel::ask()
{
    if (m_token.isEmpty())
        return;
    if (m_waiting) {
        m_waiting->disconnect(this);
        m_waiting->abort();
        m_waiting->deleteLater();
        m_waiting = nullptr;
    }
    QUrl url = m_endpoint.baseUrl;
    url.setPath(QStringLiteral("/api/v1/notifications/wait"));
    QNetworkRequest request(url);
    request.setSslConfiguration(m_tls);
    request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
    request.setTransferTimeout(ReplyTimeoutMilliseconds);
    m_waiting = m_network.get(request);
    connect(m_waiting, &QNetworkReply::encrypted, this, [this, reply = m_waiting] {
        if (!matchesPinnedKey(m_endpoint, reply->sslConfiguration().peerCertificate())) {
            qCWarning(lcSync) << "live notices: the center's key does not match the pinned key";
            reply->abort();
            return;
        }
        setReady(true);
    });
    connect(m_waiting, &QNetworkReply::finished, this, [this, reply = m_waiting] { answered(reply); });
}

void NotificationChannel::answered(QNetworkReply *reply)
{
    reply->deleteLater();
    if (reply != m_waiting)
        return;
    m_waiting = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject event = QJsonDocument::fromJson(reply->read(MaxReplyBytes)).object();
    if (reply->error() != QNetworkReply::NoError || status != 200) {
        setReady(false);
        qCInfo(lcSync) << "live notices:" << status << reply->errorString();
        // Offline, the center restarting, a token expired (sync brings a new one): later.
        const int wait = std::min(LongestRetryMilliseconds, FirstRetryMilliseconds << std::min(m_failures, 6));
        ++m_failures;
        m_retry.start(wait);
        return;
    }
    m_failures = 0;
    if (event.value(QStringLiteral("event")).toString() == QLatin1String("sync")) {
        const QString urgency = event.value(QStringLiteral("urgency")).toString();
        static const QStringList known { QStringLiteral("emergency"), QStringLiteral("urgent"), QStringLiteral("routine") };
        emit syncRequested(known.contains(urgency) ? urgency : QStringLiteral("routine"));
    }
    ask();
}

void NotificationChannel::setReady(bool ready)
{
    if (m_ready == ready)
        return;
    m_ready = ready;
    emit readyChanged(ready);
}
