#include "syncworker.h"

#include "storage/syncjournal.h"
#include "sync/centerconnection.h"
#include "sync/syncengine.h"
#include "sync/tokenstore.h"

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
    emit finished(outcome.status, outcome.pulled, outcome.signInAttempted);
}

void SyncWorker::forgetSignIn(const CenterSettings &settings)
{
    m_signedIn = false;
    m_connection.reset();
    m_storedToken.clear();
    if (auto removed = m_tokens->remove(settings.tokenKey()); !removed)
        qWarning("%s", qPrintable(removed.error().message));
}

SyncWorker::Outcome SyncWorker::round(const CenterSettings &settings, const QString &password)
{
    Outcome outcome;
    SyncStatus &status = outcome.status;
    const auto endpoint = settings.endpoint();
    if (!endpoint) {
        status.state
            = settings.isConfigured() ? SyncStatus::State::Offline : SyncStatus::State::NotConfigured;
        status.message = endpoint.error().message;
        return outcome;
    }
    if (!m_database) {
        auto opened = Database::open(m_databasePath, m_identity);
        if (!opened) {
            status.state = SyncStatus::State::Offline;
            status.message = opened.error().message;
            return outcome;
        }
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
    if (!deviceId) {
        status.state = SyncStatus::State::Offline;
        status.message = deviceId.error().message;
        return outcome;
    }
    if (!m_signedIn) {
        if (auto signedIn = signIn(settings, password, *deviceId, outcome.signInAttempted); !signedIn) {
            const bool refused = signedIn.error().code.startsWith(QLatin1String("auth."))
                || signedIn.error().code == QLatin1String("sync.sign-in");
            status.state = refused ? SyncStatus::State::SignInNeeded : SyncStatus::State::Offline;
            status.message = signedIn.error().message;
            countWaiting(status);
            return outcome;
        }
        m_signedIn = true;
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
    }
    countWaiting(status);
    return outcome;
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
