#pragma once

#include "storage/database.h"
#include "sync/centersettings.h"
#include "sync/syncstatus.h"

#include <QDateTime>
#include <QHash>
#include <QObject>

#include <memory>

class CenterConnection;
class TokenStore;

// The thread side of BackgroundSync: owns its own connection to the clinic cache and its
// HTTPS conversation with the center, and runs one round at a time when asked.
class SyncWorker : public QObject
{
    Q_OBJECT
public:
    SyncWorker(QString databasePath, Database::Identity identity, std::shared_ptr<TokenStore> tokens);
    ~SyncWorker() override;

    // password: empty to resume with the stored refresh token (or a managed password file).
    void runRound(const CenterSettings &settings, const QString &password);
    void forgetSignIn(const CenterSettings &settings);
    // The bytes of one attachment now (a reader opened its record): attachmentStored or
    // attachmentFailed follows.
    void fetchAttachment(const CenterSettings &settings, const QString &sha256);
    // A GET to the center with this workstation's session (an administrator's audit search):
    // centerAnswered follows with the request's number.
    void askCenter(const CenterSettings &settings, int requestId, const QString &pathAndQuery);

signals:
    void centerAnswered(int requestId, bool succeeded, const QByteArray &body, const QString &message);
    void progressed(int recordsDone, qint64 bytesMoved);
    void finished(const SyncStatus &status, int recordsPulled, bool signInAttempted);
    // After a round that reached the center: the access token for the live notices.
    void accessTokenChanged(const QString &accessToken);
    void attachmentStored(const QString &sha256);
    void attachmentFailed(const QString &sha256, const QString &message);

private:
    struct Outcome
    {
        SyncStatus status;
        int pulled = 0;
        bool signInAttempted = false;
    };
    Outcome round(const CenterSettings &settings, const QString &password);
    // Opens the cache, connects and signs in as needed; gives the device id.
    Result<QString> connectAndSignIn(
        const CenterSettings &settings, const QString &password, bool &signInAttempted);
    void fetchMissingAttachments(int recordsPulled);
    Result<void> signIn(
        const CenterSettings &settings, const QString &password, const QString &deviceId, bool &attempted);
    void keepRefreshToken(const CenterSettings &settings);
    void countWaiting(SyncStatus &status) const;

    QString m_databasePath;
    Database::Identity m_identity;
    std::shared_ptr<TokenStore> m_tokens;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<CenterConnection> m_connection;
    QString m_connectedTo; // the settings m_connection was made for
    bool m_signedIn = false;
    QString m_storedToken;
    bool m_keychainWorks = true;
    QHash<QString, QDateTime> m_unavailableUntil; // attachments the center did not give, asked again later
};
