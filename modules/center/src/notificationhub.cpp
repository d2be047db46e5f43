#include "center/notificationhub.h"

#include "center/centerdatabase.h"
#include "centerlog.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDriver>
#include <QSqlQuery>

namespace {
const QString Channel = QStringLiteral("obslink_notice");
// Each waiting request holds a socket: bounded, so that waiting cannot exhaust the center.
constexpr std::size_t MaxWaiting = 5000;

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray errorBody(const QString &code, const QString &message)
{
    return json({ { QStringLiteral("error"), QJsonObject { { QStringLiteral("code"), code }, { QStringLiteral("message"), message } } } });
}
} // namespace

NotificationHub::NotificationHub(CenterDatabase &database, IdentityStore &identities, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_identities(identities)
{
    if (m_database.backend() != CenterDatabase::Backend::Postgres)
        return;
    QSqlDriver *driver = m_database.connection().driver();
    m_listening = driver->subscribeToNotification(Channel);
    if (!m_listening) {
        logEvent(QStringLiteral("notifications-unavailable"), { { QStringLiteral("channel"), Channel } });
        return;
    }
    connect(driver, &QSqlDriver::notification, this,
        [this](const QString &name, QSqlDriver::NotificationSource, const QVariant &payload) {
            if (name != Channel)
                return;
            const QStringList parts = payload.toString().split(QLatin1Char(' '));
            if (parts.size() == 2)
                deliver({ parts.at(0), parts.at(1) });
        });
}

NotificationHub::~NotificationHub() = default;

bool NotificationHub::isWaitPath(const QString &path)
{
    return path == QLatin1String("/api/v1/notifications/wait");
}

QString NotificationHub::wait(const QByteArray &authorization, QHttpServerResponder &&responder, QTcpSocket *socket)
{
    const QByteArray token = authorization.startsWith("Bearer ") ? authorization.mid(7).trimmed().left(256) : QByteArray();
    const auto user = token.isEmpty() ? Result<CenterUser>(failure(QStringLiteral("auth.invalid-token"), tr("Not logged in.")))
                                      : m_identities.authenticate(QString::fromLatin1(token));
    if (!user) {
        responder.write(errorBody(user.error().code, user.error().message), { { "Content-Type", "application/json" } },
            QHttpServerResponder::StatusCode::Unauthorized);
        return {};
    }
    if (user->role == QLatin1String("platform")) {
        responder.write(errorBody(QStringLiteral("sync.forbidden"), tr("The platform role reads the region through /fhir only.")),
            { { "Content-Type", "application/json" } }, QHttpServerResponder::StatusCode::Forbidden);
        return user->username;
    }
    if (m_waiting.size() >= MaxWaiting) {
        responder.write(errorBody(QStringLiteral("notifications.busy"), tr("Too many workstations wait; ask again later.")),
            { { "Content-Type", "application/json" }, { "Retry-After", "30" } },
            QHttpServerResponder::StatusCode::ServiceUnavailable);
        return user->username;
    }
    m_waiting.push_back({ user->clinicId, std::move(responder), socket, std::make_unique<QTimer>() });
    const auto waiter = std::prev(m_waiting.end());
    waiter->deadline->setSingleShot(true);
    connect(waiter->deadline.get(), &QTimer::timeout, this,
        [this, waiter] { answer(waiter, json({ { QStringLiteral("event"), QStringLiteral("none") } })); });
    waiter->deadline->start(m_waitMilliseconds);
    return user->username;
}

void NotificationHub::answer(std::list<Waiter>::iterator waiter, const QByteArray &event)
{
    // A workstation gone meanwhile has no socket left to answer on.
    if (waiter->socket && waiter->socket->state() == QAbstractSocket::ConnectedState)
        waiter->responder.write(event, { { "Content-Type", "application/json" }, { "Cache-Control", "no-store" } },
            QHttpServerResponder::StatusCode::Ok);
    waiter->deadline->stop();
    // The timer that called us must outlive this call.
    waiter->deadline.release()->deleteLater();
    m_waiting.erase(waiter);
}

void NotificationHub::announce(const QList<ClinicNotice> &notices)
{
    for (const ClinicNotice &notice : notices) {
        if (!m_listening) {
            deliver(notice);
            continue;
        }
        // Every instance listening hears it, this one too.
        QSqlQuery notify(m_database.connection());
        notify.prepare(QStringLiteral("SELECT pg_notify(?, ?)"));
        notify.addBindValue(Channel);
        notify.addBindValue(notice.clinicId + QLatin1Char(' ') + notice.urgency);
        if (!notify.exec())
            deliver(notice); // this instance's workstations at least
    }
}

void NotificationHub::deliver(const ClinicNotice &notice)
{
    const QByteArray event = json({ { QStringLiteral("event"), QStringLiteral("sync") }, { QStringLiteral("urgency"), notice.urgency } });
    int told = 0;
    for (auto it = m_waiting.begin(); it != m_waiting.end();) {
        const auto next = std::next(it);
        if (it->clinicId == notice.clinicId) {
            answer(it, event);
            ++told;
        }
        it = next;
    }
    logEvent(QStringLiteral("notice"), { { QStringLiteral("clinic"), notice.clinicId }, { QStringLiteral("urgency"), notice.urgency },
                                           { QStringLiteral("workstations"), told } });
}
