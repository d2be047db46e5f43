#include "sync/backgroundsync.h"

#include "sync/tokenstore.h"
#include "syncworker.h"

#include <QThread>

namespace {
// Closing the workstation waits this long for a round under way; after that the round is
// left to the process's end, which is safe: every step of it is committed or not at all.
constexpr unsigned long StopWaitMilliseconds = 5000;
} // namespace

BackgroundSync::BackgroundSync(
    QString databasePath, Database::Identity identity, std::shared_ptr<TokenStore> tokens, QObject *parent)
    : QObject(parent)
    , m_thread(new QThread)
    , m_worker(new SyncWorker(std::move(databasePath), std::move(identity), std::move(tokens)))
{
    qRegisterMetaType<SyncStatus>();
    m_thread->setObjectName(QStringLiteral("BackgroundSync"));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &SyncWorker::progressed, this, [this](int records, qint64 bytes) {
        SyncStatus status = m_status;
        status.recordsDone = records;
        status.bytesMoved = bytes;
        setStatus(status);
    });
    connect(m_worker, &SyncWorker::finished, this, &BackgroundSync::onRoundFinished);
    connect(m_worker, &SyncWorker::attachmentStored, this, &BackgroundSync::attachmentFetched);
    connect(m_worker, &SyncWorker::attachmentFailed, this, &BackgroundSync::attachmentFailed);
    connect(m_worker, &SyncWorker::centerAnswered, this, &BackgroundSync::centerAnswered);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &BackgroundSync::syncNow);
    connect(m_worker, &SyncWorker::accessTokenChanged, this, [this](const QString &token) {
        const auto endpoint = m_settings.endpoint();
        // A round that ended after a sign-out still carries the old token: not listened with.
        const bool signedOut = m_status.state == SyncStatus::State::SignInNeeded;
        if (endpoint && !token.isEmpty() && !signedOut)
            m_channel.open(*endpoint, token);
        else
            m_channel.close();
    });
    connect(&m_channel, &NotificationChannel::syncRequested, this, [this](const QString &urgency) {
        syncNow();
        emit liveNotice(urgency);
    });
    m_thread->start();
}

BackgroundSync::~BackgroundSync()
{
    m_timer.stop();
    m_thread->quit();
    if (m_thread->wait(StopWaitMilliseconds)) {
        delete m_thread;
    } else {
        // A QThread must not be destroyed while it runs: leave it (and its worker) to exit.
        qWarning("sync: a round is still under way at exit; it ends with the process");
    }
}

void BackgroundSync::configure(const CenterSettings &settings)
{
    m_settings = settings;
    m_failuresInARow = 0;
    m_timer.stop();
    if (!settings.isConfigured()) {
        m_channel.close();
        setStatus(SyncStatus {});
        return;
    }
    syncNow();
}

void BackgroundSync::syncNow()
{
    if (!m_settings.isConfigured())
        return;
    if (m_running) {
        m_again = true;
        return;
    }
    startRound({});
}

void BackgroundSync::signIn(const QString &password)
{
    if (m_running) {
        // One round at a time: sign in right after the one under way.
        m_again = true;
        m_waitingPassword = password;
        return;
    }
    startRound(password);
}

void BackgroundSync::signOut()
{
    const CenterSettings settings = m_settings;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, settings] { worker->forgetSignIn(settings); }, Qt::QueuedConnection);
    SyncStatus status = m_status;
    status.state = SyncStatus::State::SignInNeeded;
    status.message = tr("Signed out of the regional center on this computer.");
    m_timer.stop();
    m_channel.close();
    setStatus(status);
}

int BackgroundSync::askCenter(const QString &pathAndQuery)
{
    const int requestId = ++m_lastRequest;
    const CenterSettings settings = m_settings;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, settings, requestId, pathAndQuery] { worker->askCenter(settings, requestId, pathAndQuery); },
        Qt::QueuedConnection);
    return requestId;
}

void BackgroundSync::fetchAttachment(const QString &sha256)
{
    const CenterSettings settings = m_settings;
    // Through the worker's queue even when not configured, so the answer always comes later.
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, settings, sha256] { worker->fetchAttachment(settings, sha256); },
        Qt::QueuedConnection);
}

void BackgroundSync::startRound(const QString &password)
{
    m_running = true;
    m_timer.stop();
    SyncStatus status = m_status;
    status.state = SyncStatus::State::Syncing;
    status.recordsDone = 0;
    status.bytesMoved = 0;
    setStatus(status);
    const CenterSettings settings = m_settings;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, settings, password] { worker->runRound(settings, password); },
        Qt::QueuedConnection);
}

void BackgroundSync::onRoundFinished(const SyncStatus &finished, int recordsPulled, bool signInAttempted)
{
    m_running = false;
    SyncStatus status = finished;
    if (status.lastSynced.isNull())
        status.lastSynced = m_status.lastSynced;
    std::chrono::seconds wait { m_settings.intervalSeconds };
    if (status.state == SyncStatus::State::UpToDate) {
        m_failuresInARow = 0;
    } else if (status.state == SyncStatus::State::Offline) {
        wait = m_retry.delayAfter(++m_failuresInARow);
    }
    const bool waitsForUser
        = status.state == SyncStatus::State::SignInNeeded || status.state == SyncStatus::State::NotConfigured;
    if (!waitsForUser) {
        status.nextAttempt = QDateTime::currentDateTimeUtc().addSecs(wait.count());
        m_timer.start(std::chrono::milliseconds(wait));
    }
    setStatus(status);
    if (signInAttempted)
        emit signInFinished(status.state != SyncStatus::State::SignInNeeded, status.message);
    if (recordsPulled > 0)
        emit recordsArrived(recordsPulled);
    if (m_again && (!waitsForUser || !m_waitingPassword.isEmpty())) {
        m_again = false;
        startRound(std::exchange(m_waitingPassword, QString()));
    }
}

void BackgroundSync::setStatus(const SyncStatus &status)
{
    m_status = status;
    emit statusChanged(m_status);
}
