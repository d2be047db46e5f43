#include "syncworker.h"

#include "storage/syncjournal.h"
#include "sync/blobstore.h"
#include "sync/centerconnection.h"
#include "sync/syncengine.h"
#include "sync/tokenstore.h"
#include "synclog.h"

#include <QSet>

namespace {
QString signInToFetch()
{
    return QCoreApplication::translate(
        "BackgroundSync", "Sign in to the regional center to fetch it (Settings → Regional center).");
}
} // namespace

SyncWorker::SyncWorker(QString databasePath, Database::Identity identity, std::shared_ptr<TokenStore> tokens)
    : m_databasePath(std::move(databasePath))
    , m_identity(std::move(identity))
    , m_tokens(std::move(tokens))
{
}

SyncWorker::~SyncWorker() = default;

void SyncWorker::runRound(const CenterSettings &settings, const QString &password)
{
    const Outcome outcome = round(settings, password);
    emit accessTokenChanged(m_signedIn && m_connection ? m_connection->session().accessToken : QString());
    emit finished(outcome.status, outcome.pulled, outcome.signInAttempted);
}

void SyncWorker::forgetSignIn(const CenterSettings &settings)
{
    // The center ends this device's tokens too; unreachable, they end when they expire.
    if (m_connection && m_signedIn)
        if (auto ended = m_connection->logout(); !ended)
            qWarning("%s", qPrintable(ended.error().message));
    m_signedIn = false;
    m_connection.reset();
    m_storedToken.clear();
    emit accessTokenChanged({}); // no more live notices for this workstation
    if (auto removed = m_tokens->remove(settings.tokenKey()); !removed)
        qWarning("%s", qPrintable(removed.error().message));
}

SyncWorker::Outcome SyncWorker::round(const CenterSettings &settings, const QString &password)
{
    Outcome outcome;
    SyncStatus &status = outcome.status;
    const auto deviceId = connectAndSignIn(settings, password, outcome.signInAttempted);
    if (!deviceId) {
        const QString code = deviceId.error().code;
        if (code == QLatin1String("sync.not-configured"))
            status.state = SyncStatus::State::NotConfigured;
        else if (code.startsWith(QLatin1String("auth.")) || code == QLatin1String("sync.sign-in"))
            status.state = SyncStatus::State::SignInNeeded;
        else
            status.state = SyncStatus::State::Offline;
        status.message = deviceId.error().message;
        countWaiting(status);
        return outcome;
    }
    SyncEngine engine(m_database->connection(), *m_connection);
    connect(&engine, &SyncEngine::progressed, this, &SyncWorker::progressed);
    auto summary = engine.syncOnce();
    if (!summary && summary.error().code.startsWith(QLatin1String("auth."))) {
        // The refresh token was replaced (a sign-in at the workstation's start or lock screen
        // on this device): take the one in the keychain and try once more.
        m_storedToken.clear();
        if (signIn(settings, {}, *deviceId, outcome.signInAttempted))
            summary = engine.syncOnce();
    }
    keepRefreshToken(settings); // rotated on every refresh: the old one no longer works
    status.clockOffsetSeconds = m_connection->clockOffsetSeconds();
    if (!summary) {
        const bool refused = summary.error().code.startsWith(QLatin1String("auth."));
        if (refused)
            m_signedIn = false;
        status.state = refused ? SyncStatus::State::SignInNeeded : SyncStatus::State::Offline;
        status.message = summary.error().message;
    } else {
        status.state = SyncStatus::State::UpToDate;
        status.lastSynced = QDateTime::currentDateTimeUtc();
        outcome.pulled = summary->pulled;
        fetchMissingAttachments(summary->pulled);
        keepRefreshToken(settings);
    }
    countWaiting(status);
    return outcome;
}

Result<QString> SyncWorker::connectAndSignIn(
    const CenterSettings &settings, const QString &password, bool &signInAttempted)
{
    const auto endpoint = settings.endpoint();
    if (!endpoint) {
        if (!settings.isConfigured())
            return failure(QStringLiteral("sync.not-configured"), endpoint.error().message);
        return tl::unexpected(endpoint.error());
    }
    if (!m_database) {
        auto opened = Database::open(m_databasePath, m_identity);
        if (!opened)
            return tl::unexpected(opened.error());
        m_database = std::move(*opened);
    }
    const QString connectionKey = settings.tokenKey() + settings.caFile + settings.publicKeySha256;
    if (!m_connection || m_connectedTo != connectionKey) {
        m_connection = std::make_unique<CenterConnection>(*endpoint);
        m_connectedTo = connectionKey;
        m_signedIn = false;
    }
    SyncJournal journal(m_database->connection());
    const auto deviceId = journal.deviceId();
    if (!deviceId)
        return tl::unexpected(deviceId.error());
    if (!m_signedIn) {
        if (auto signedIn = signIn(settings, password, *deviceId, signInAttempted); !signedIn)
            return tl::unexpected(signedIn.error());
        m_signedIn = true;
    }
    return *deviceId;
}

void SyncWorker::fetchMissingAttachments(int recordsPulled)
{
    // Bounded so that a round stays short; what is left comes with the next rounds, and a reader
    // opening a trace asks for hers at once (fetchAttachment).
    constexpr qint64 BytesPerRound = 16 * 1024 * 1024;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QSet<QString> skip;
    for (auto it = m_unavailableUntil.begin(); it != m_unavailableUntil.end();) {
        if (it.value() <= now) {
            it = m_unavailableUntil.erase(it);
        } else {
            skip.insert(it.key());
            ++it;
        }
    }
    BlobStore blobs(m_database->connection(), *m_connection);
    connect(
        &blobs, &BlobStore::chunkReceived, this, [this, recordsPulled](const QString &, qint64 done, qint64) {
            emit progressed(recordsPulled, done);
        });
    const auto fetched = blobs.fetchMissing(BytesPerRound, skip);
    if (!fetched) {
        // The round itself succeeded; the samples are asked for again next round.
        qCWarning(lcSync) << "attachments not fetched this round:" << fetched.error().code;
        return;
    }
    for (const QString &address : fetched->unavailable)
        m_unavailableUntil.insert(address, now.addSecs(10 * 60));
    if (!fetched->stored.isEmpty())
        qCInfo(lcSync) << "attachments fetched:" << fetched->stored.size()
                       << "bytes:" << fetched->bytesReceived;
    for (const QString &address : fetched->stored)
        emit attachmentStored(address);
}

void SyncWorker::askCenter(const CenterSettings &settings, int requestId, const QString &pathAndQuery)
{
    bool attempted = false;
    const auto deviceId = connectAndSignIn(settings, {}, attempted);
    if (!deviceId) {
        emit centerAnswered(requestId, false, {}, deviceId.error().message);
        return;
    }
    const auto answer = m_connection->get(pathAndQuery);
    keepRefreshToken(settings); // a refresh on the way rotated it
    if (!answer && answer.error().code.startsWith(QLatin1String("auth.")))
        m_signedIn = false;
    emit centerAnswered(requestId, answer.has_value(), answer.value_or(QByteArray()), answer ? QString() : answer.error().message);
}

void SyncWorker::fetchAttachment(const CenterSettings &settings, const QString &sha256)
{
    bool attempted = false;
    const auto deviceId = connectAndSignIn(settings, {}, attempted);
    if (!deviceId) {
        const QString code = deviceId.error().code;
        if (code == QLatin1String("sync.not-configured"))
            emit attachmentFailed(sha256,
                QCoreApplication::translate("BackgroundSync",
                    "This workstation is not linked to a regional center (Settings → Regional center)."));
        else if (code.startsWith(QLatin1String("auth.")) || code == QLatin1String("sync.sign-in"))
            emit attachmentFailed(sha256, signInToFetch());
        else
            emit attachmentFailed(sha256, deviceId.error().message);
        return;
    }
    BlobStore blobs(m_database->connection(), *m_connection);
    const auto fetched = blobs.fetch(sha256);
    keepRefreshToken(settings); // a refresh on the way rotated it
    if (fetched) {
        m_unavailableUntil.remove(sha256);
        emit attachmentStored(sha256);
        return;
    }
    const QString code = fetched.error().code;
    qCWarning(lcSync) << "an attachment was not fetched:" << code;
    if (code.startsWith(QLatin1String("auth."))) {
        m_signedIn = false;
        emit attachmentFailed(sha256, signInToFetch());
    } else if (code == QLatin1String("blob.not-found")) {
        emit attachmentFailed(sha256,
            QCoreApplication::translate("BackgroundSync",
                "The regional center does not have it for this clinic: it may not have been sent yet, or the "
                "woman "
                "has not been referred here."));
    } else {
        emit attachmentFailed(sha256, fetched.error().message);
    }
}

Result<void> SyncWorker::signIn(
    const CenterSettings &settings, const QString &password, const QString &deviceId, bool &attempted)
{
    const QString key = settings.tokenKey();
    if (password.isEmpty()) {
        // Without a working keychain (no desktop session) the sign-in still works, each round,
        // and the keychain is not asked again in this session (each try waits for D-Bus).
        const auto token = m_keychainWorks ? m_tokens->read(key) : Result<QString>(QString());
        if (!token) {
            qWarning("%s", qPrintable(token.error().message));
            m_keychainWorks = false;
        }
        if (token && !token->isEmpty()) {
            if (auto resumed = m_connection->resume(*token, deviceId);
                resumed || !resumed.error().code.startsWith(QLatin1String("auth."))) {
                if (resumed)
                    keepRefreshToken(settings);
                return resumed;
            }
            // Expired or revoked: forget it, and fall back to a managed password if there is one.
            m_storedToken.clear();
            (void)m_tokens->remove(key);
        }
    }
    QString secret = password;
    if (secret.isEmpty()) {
        const auto fromFile = settings.passwordFromFile();
        if (!fromFile)
            return tl::unexpected(fromFile.error());
        secret = *fromFile;
    }
    if (secret.isEmpty())
        return failure(QStringLiteral("sync.sign-in"),
            QCoreApplication::translate(
                "BackgroundSync", "Sign in to the regional center to sync (Settings → Regional center)."));
    attempted = !password.isEmpty();
    if (auto loggedIn = m_connection->login(settings.username, secret, deviceId); !loggedIn)
        return loggedIn;
    keepRefreshToken(settings);
    return {};
}

void SyncWorker::keepRefreshToken(const CenterSettings &settings)
{
    const QString token = m_connection ? m_connection->session().refreshToken : QString();
    if (token.isEmpty() || token == m_storedToken || !m_keychainWorks)
        return;
    if (auto written = m_tokens->write(settings.tokenKey(), token); !written) {
        qWarning("%s", qPrintable(written.error().message));
        m_keychainWorks = false;
        return;
    }
    m_storedToken = token;
}

void SyncWorker::countWaiting(SyncStatus &status) const
{
    if (!m_database)
        return;
    SyncJournal journal(m_database->connection());
    status.pending = journal.pendingCount().value_or(0);
    status.refused = journal.refusedCount().value_or(0);
    status.openConflicts = journal.openConflictCount().value_or(0);
}
