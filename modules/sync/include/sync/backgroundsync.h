#pragma once

#include "storage/database.h"
#include "sync/centersettings.h"
#include "sync/notificationchannel.h"
#include "sync/retrypolicy.h"
#include "sync/syncstatus.h"

#include <QObject>
#include <QTimer>

#include <memory>

class QThread;
class SyncWorker;
class TokenStore;

// Keeps the clinic cache in sync with the regional center without the user waiting: rounds
// run on their own thread and database connection, on a timer, on demand and right after
// sign-in. A failed round is retried after a growing, jittered wait (RetryPolicy); the
// refresh token is kept in the TokenStore, so the password is asked for once per device.
// Each round commits what it did, so quitting or a crash at any moment loses nothing.
class BackgroundSync : public QObject
{
    Q_OBJECT
public:
    BackgroundSync(QString databasePath, Database::Identity identity, std::shared_ptr<TokenStore> tokens,
        QObject *parent = nullptr);
    ~BackgroundSync() override;

    // Takes new settings and starts a round at once (or stops syncing when not configured).
    void configure(const CenterSettings &settings);
    void setRetryPolicy(const RetryPolicy &policy) { m_retry = policy; }
    const CenterSettings &settings() const { return m_settings; }
    const SyncStatus &status() const { return m_status; }
    bool hearsLiveNotices() const { return m_channel.isReady(); }

public slots:
    void syncNow();
    // Signs in with the password (kept in memory only for this call), then syncs.
    void signIn(const QString &password);
    // Forgets the sign-in on this device (the refresh token in the keychain).
    void signOut();
    // Downloads one attachment now (a reader opened a trace whose samples are not here), after
    // the round under way if there is one; attachmentFetched or attachmentFailed follows. Each
    // round also fetches missing attachments, a bounded amount at a time.
    void fetchAttachment(const QString &sha256);

public:
    // A GET to the center with this workstation's session, off the UI thread; centerAnswered
    // follows with the number returned here.
    int askCenter(const QString &pathAndQuery);

signals:
    void centerAnswered(int requestId, bool succeeded, const QByteArray &body, const QString &message);
    void statusChanged(const SyncStatus &status);
    // Records from the center were written to the cache: lists and charts should reload.
    void recordsArrived(int count);
    void signInFinished(bool succeeded, const QString &message);
    // An attachment is now kept here, whole and checked against its SHA-256.
    void attachmentFetched(const QString &sha256);
    // It could not be fetched (translated reason); nothing of it is kept as usable.
    void attachmentFailed(const QString &sha256, const QString &message);
    // The center said something for this clinic must not wait (a referral step); a round runs
    // at once. Emergencies are for the user to notice (tray message, sound).
    void liveNotice(const QString &urgency);

private:
    void startRound(const QString &password);
    void onRoundFinished(const SyncStatus &status, int recordsPulled, bool signInAttempted);
    void setStatus(const SyncStatus &status);

    CenterSettings m_settings;
    RetryPolicy m_retry;
    SyncStatus m_status;
    QTimer m_timer;
    NotificationChannel m_channel; // live notices from the center, on this thread
    QThread *m_thread = nullptr;
    SyncWorker *m_worker = nullptr;
    bool m_running = false;
    bool m_again = false;
    QString m_waitingPassword; // a sign-in asked for while a round ran
    int m_failuresInARow = 0;
    int m_lastRequest = 0;
};
