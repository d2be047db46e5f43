#pragma once

#include "domain/result.h"
#include "sync/centersettings.h"

#include <QCoreApplication>

#include <memory>

class TokenStore;

// Signing in to the workstation. At the center when it answers: the password is checked there,
// the device's refresh token and a slow salted hash of the password (PBKDF2, never the password)
// go to the keychain. When the center cannot be reached, against that hash, so a clinic keeps
// working through an outage. A refusal by the center (wrong password, locked account) is
// final: it never falls back to the local hash. Blocking: run it off the UI thread.
class WorkstationSignIn
{
    Q_DECLARE_TR_FUNCTIONS(WorkstationSignIn)
public:
    enum class Mode { AtCenter, Offline };

    WorkstationSignIn(CenterSettings settings, QString deviceId, std::shared_ptr<TokenStore> keychain);

    // `newPassword`: her own, when the center asks for one at the first sign-in (checked
    // against PasswordPolicy here first, so she learns what is wrong without a round trip).
    Result<Mode> signIn(const QString &password, const QString &newPassword = {});
    // Closing the workstation: the center revokes this device's tokens for her, and the refresh
    // token kept in the keychain is removed, so that nothing left on this computer can sync as
    // her. Unreachable center: the keychain copy still goes, and the center's tokens end when
    // they expire (docs/audit.md).
    Result<void> signOut();
    // The lock screen: the local hash only, no network.
    Result<void> verifyLocally(const QString &password) const;
    // After a sign-in: the slow hash of the password, kept in memory for the lock screen (which
    // must work even where the keychain does not).
    QString sessionVerifier() const { return m_sessionVerifier; }
    // Fewer rounds for tests; production keeps the default work factor.
    void setHashIterations(int iterations) { m_iterations = iterations; }

private:
    CenterSettings m_settings;
    QString m_deviceId;
    std::shared_ptr<TokenStore> m_keychain;
    int m_iterations;
    QString m_sessionVerifier;
};
