#include "sync/workstationsignin.h"

#include "credentials/passwordhasher.h"
#include "credentials/passwordpolicy.h"
#include "sync/centerconnection.h"
#include "sync/tokenstore.h"

WorkstationSignIn::WorkstationSignIn(
    CenterSettings settings, QString deviceId, std::shared_ptr<TokenStore> keychain)
    : m_settings(std::move(settings))
    , m_deviceId(std::move(deviceId))
    , m_keychain(std::move(keychain))
    , m_iterations(PasswordHasher::DefaultIterations)
{
}

Result<WorkstationSignIn::Mode> WorkstationSignIn::signIn(const QString &password, const QString &newPassword)
{
    if (password.isEmpty())
        return failure(QStringLiteral("signin.empty"), tr("Enter your password."));
    if (!newPassword.isEmpty()) {
        if (auto strong = PasswordPolicy::check(newPassword, m_settings.username); !strong)
            return tl::unexpected(strong.error());
    }
    auto endpoint = m_settings.endpoint();
    if (!endpoint)
        return tl::unexpected(endpoint.error());
    endpoint->timeoutMilliseconds = 10000; // a person is waiting
    CenterConnection center(*endpoint);
    const auto atCenter = center.login(m_settings.username, password, m_deviceId, newPassword);
    if (atCenter) {
        // From now on she signs in with the password she chose.
        m_sessionVerifier = PasswordHasher::hash(newPassword.isEmpty() ? password : newPassword, m_iterations);
        // Failing to keep these only costs a sign-in later; it does not stop this one.
        if (auto kept = m_keychain->write(m_settings.tokenKey(), center.session().refreshToken); !kept)
            qWarning("%s", qPrintable(kept.error().message));
        if (auto kept = m_keychain->write(m_settings.offlineVerifierKey(), m_sessionVerifier); !kept)
            qWarning("%s", qPrintable(kept.error().message));
        return Mode::AtCenter;
    }
    if (atCenter.error().code.startsWith(QLatin1String("auth.")))
        return tl::unexpected(atCenter.error());
    if (auto local = verifyLocally(password); !local)
        return failure(local.error().code,
            tr("%1\nThe regional center cannot be reached: %2")
                .arg(local.error().message, atCenter.error().message));
    m_sessionVerifier = *m_keychain->read(m_settings.offlineVerifierKey());
    return Mode::Offline;
}

Result<void> WorkstationSignIn::signOut()
{
    const auto refreshToken = m_keychain->read(m_settings.tokenKey());
    if (auto removed = m_keychain->remove(m_settings.tokenKey()); !removed)
        qWarning("%s", qPrintable(removed.error().message));
    if (!refreshToken || refreshToken->isEmpty())
        return {};
    auto endpoint = m_settings.endpoint();
    if (!endpoint)
        return tl::unexpected(endpoint.error());
    endpoint->timeoutMilliseconds = 3000; // the window is closing
    CenterConnection center(*endpoint);
    return center.resume(*refreshToken, m_deviceId).and_then([&] { return center.logout(); });
}

Result<void> WorkstationSignIn::verifyLocally(const QString &password) const
{
    const auto stored = m_keychain->read(m_settings.offlineVerifierKey());
    if (!stored || stored->isEmpty())
        return failure(QStringLiteral("signin.no-local"),
            tr("%1 has not signed in at the regional center on this computer yet, so it cannot check the "
               "password on its own.")
                .arg(m_settings.username));
    if (!PasswordHasher::verify(password, *stored))
        return failure(QStringLiteral("signin.wrong"), tr("The password is not right."));
    return {};
}
