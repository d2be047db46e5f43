#pragma once

#include "center/identitystore.h"

#include <QHttpServerResponder>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTcpSocket>
#include <QTimer>

#include <map>

class CenterDatabase;

// Something new for a clinic that must not wait for its next sync round: a referral sent to it,
// a step the other side took. `urgency` is the referral's (emergency, urgent, routine).
struct ClinicNotice
{
    QString clinicId;
    QString urgency;
};

// Live notices to the workstations by long polling on the center's HTTPS port: a workstation
// asks GET /api/v1/notifications/wait with its access token, and the center answers when
// something for its clinic is committed ({"event":"sync","urgency":…}) or after a while
// ({"event":"none"}); the workstation syncs at once on a notice and asks again. Only that event
// travels here: the records go through the change feed, which every workstation also reads on
// its timer, so a notice missed (a workstation between two asks, offline) costs only its delay.
// On PostgreSQL the notices go through NOTIFY/LISTEN, so that a workstation waiting on one
// instance hears of a push to another.
class NotificationHub : public QObject
{
    Q_OBJECT
public:
    NotificationHub(CenterDatabase &database, IdentityStore &identities, QObject *parent = nullptr);
    ~NotificationHub() override;

    static bool isWaitPath(const QString &path);
    // Keeps the request open until a notice for the caller's clinic, or `waitMilliseconds`;
    // answers at once when the token is not valid or too many wait already. The username for
    // the access log, when identified.
    QString wait(const QByteArray &authorization, QHttpServerResponder &&responder, QTcpSocket *socket);
    // After a commit: tells the clinics' workstations, on every instance.
    void announce(const QList<ClinicNotice> &notices);
    void setWaitMilliseconds(int milliseconds) { m_waitMilliseconds = milliseconds; }
    int waitingCount() const { return int(m_waiting.size()); }

private:
    struct Waiter
    {
        QString clinicId;
        QHttpServerResponder responder;
        QPointer<QTcpSocket> socket;
        std::unique_ptr<QTimer> deadline;
    };
    void deliver(const ClinicNotice &notice);
    // Answers waiter `id` if it still waits and its socket is there, and forgets it.
    void answer(quint64 id, const QByteArray &event);

    CenterDatabase &m_database;
    IdentityStore &m_identities;
    bool m_listening = false; // PostgreSQL: notices arrive through LISTEN
    int m_waitMilliseconds = 25000; // under the TLS proxy's read timeout
    quint64 m_lastId = 0;
    std::map<quint64, Waiter> m_waiting; // by id: timers and sockets name their waiter by id
};
