#include "center/notificationhub.h"

#include "center/centerdatabase.h"
#include "centerlog.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDriver>
#include <QSqlQuery>

namespace {
const QString Channel = QStringLiteral("obslink_notice");
// Each waiting request holds a socket: bounded, so that waiting cannot exhaust the center, and
// per clinic, so that one clinic (or one hostile client) cannot crowd out the region.
constexpr std::size_t MaxWaiting = 5000;
constexpr int MaxWaitingPerClinic = 200;

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
    const auto ofClinic = std::count_if(m_waiting.cbegin(), m_waiting.cend(),
        [&](const auto &entry) { return entry.second.clinicId == user->clinicId; });
    if (m_waiting.size() >= MaxWaiting || ofClinic >= MaxWaitingPerClinic) {
        responder.write(errorBody(QStringLiteral("notifications.busy"), tr("Too many workstations wait; ask again later.")),
            { { "Content-Type", "application/json" }, { "Retry-After", "30" } },
            QHttpServerResponder::StatusCode::ServiceUnavailable);
        return user->username;
    }
    // One wait per connection: a second one asked on the same socket ends the first.
    for (auto it = m_waiting.begin(); it != m_waiting.end(); ++it) {
        if (it->second.socket == socket) {
            answer(it->first, json({ { QStringLiteral("event"), QStringLiteral("none") } }));
            break;
        }
    }
    const quint64 id = ++m_lastId;
    Waiter &waiter = m_waiting.emplace(id, Waiter { user->clinicId, std::move(responder), socket, std::make_unique<QTimer>() })
                         .first->second;
    waiter.deadline->setSingleShot(true);
    connect(waiter.deadline.get(), &QTimer::timeout, this,
        [this, id] { answer(id, json({ { QStringLiteral("event"), QStringLiteral("none") } })); });
    waiter.deadline->start(m_waitMilliseconds);
    // A workstation gone frees its place at once (later, not inside whatever is answering). The
    // connection lives as long as this wait's timer, so a socket kept alive for many waits does
    // not gather one per wait.
    connect(socket, &QTcpSocket::disconnected, waiter.deadline.get(), [this, id] {
        QMetaObject::invokeMethod(this, [this, id] { answer(id, {}); }, Qt::QueuedConnection);
    });
    return user->username;
}

void NotificationHub::answer(quint64 id, const QByteArray &event)
{
    const auto found = m_waiting.find(id);
    if (found == m_waiting.end())
        return;
    Waiter &waiter = found->second;
    if (!event.isEmpty() && waiter.socket && waiter.socket->state() == QAbstractSocket::ConnectedState)
        waiter.responder.write(event, { { "Content-Type", "application/json" }, { "Cache-Control", "no-store" } },
            QHttpServerResponder::StatusCode::Ok);
    waiter.deadline->stop();
    // The timer may be the one calling us: it goes once this call is over.
    waiter.deadline.release()->deleteLater();
    m_waiting.erase(found);
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
    QList<quint64> waiting;
    for (const auto &[id, waiter] : m_waiting)
        if (waiter.clinicId == notice.clinicId)
            waiting.append(id);
    for (quint64 id : waiting)
        answer(id, event);
    logEvent(QStringLiteral("notice"), { { QStringLiteral("clinic"), notice.clinicId }, { QStringLiteral("urgency"), notice.urgency },
                                           { QStringLiteral("workstations"), int(waiting.size()) } });
}
