#pragma once

#include "center/signinthrottle.h"
#include "domain/result.h"

#include <QCoreApplication>
#include <QString>

class CenterDatabase;

// Who is asking: resolved from an access token on every request.
struct CenterUser
{
    QString username;
    QString clinicId;
    QString role;
    QString displayName;
    bool centerStaff = false; // the center's own staff see the whole region
};

// A clinic of the region, as the workstations list it (the target of a referral).
struct RegionClinic
{
    QString id;
    QString name;
    bool isCenter = false;
};

struct IssuedTokens
{
    QString accessToken;
    qint64 accessExpiresInSeconds = 0;
    QString refreshToken;
    CenterUser user;
};

struct TokenPolicy
{
    qint64 accessSeconds = 15 * 60;
    qint64 refreshSeconds = 30 * 24 * 3600;
    ThrottlePolicy signIn;
};

// Clinics, users and their roles, passwords (docs/security.md), sign-in slowed per device,
// short-lived access tokens and refresh tokens bound to a device. Tokens live in the database
// (hashed), so any center instance can check a token another one issued.
class IdentityStore
{
    Q_DECLARE_TR_FUNCTIONS(IdentityStore)
public:
    IdentityStore(CenterDatabase &database, TokenPolicy policy = {});

    static const QStringList &roles(); // obstetrician, nurse, ultrasound-doctor, clinic-admin, center-admin, platform

    Result<void> addClinic(const QString &id, const QString &name, bool isCenter);
    enum class InitialPassword {
        ChangeAtFirstSignIn, // set by an administrator: checked by PasswordPolicy, hers to replace
        Kept,                // her own, or a service account's: checked, not to be replaced
        WellKnown,           // the demo region's and the tests' documented password: unchecked
    };
    Result<void> addUser(const QString &username, const QString &clinicId, const QString &role,
                         const QString &displayName, const QString &password, int hashIterations,
                         InitialPassword initial = InitialPassword::ChangeAtFirstSignIn);
    // A password to be changed at the first sign-in is refused ("auth.password-change-required")
    // until the sign-in brings `newPassword`, which must pass PasswordPolicy and her history.
    // Wrong passwords are slowed down per device (SignInThrottle).
    Result<IssuedTokens> login(const QString &username, const QString &password, const QString &deviceId,
                               const QString &newPassword = {});
    // Her own change: the current password, then the new one (PasswordPolicy, not one of her last
    // five). Her sessions on other devices end; this device's go on.
    Result<void> changePassword(const QString &username, const QString &password, const QString &newPassword,
                                const QString &deviceId);
    // An administrator's reset: a temporary password, to be changed at the next sign-in; every
    // session of hers ends and her wrong-password counts start again.
    Result<void> resetPassword(const QString &username, const QString &temporaryPassword, int hashIterations);
    Result<void> unlock(const QString &username);
    Result<IssuedTokens> refresh(const QString &refreshToken, const QString &deviceId);
    // Sign-out: every token of hers on that device ends now; returns how many there were.
    Result<int> signOut(const QString &username, const QString &deviceId);
    Result<CenterUser> authenticate(const QString &accessToken) const;
    Result<bool> clinicExists(const QString &clinicId) const;
    Result<QList<RegionClinic>> clinics() const; // the center first, then by name

private:
    Result<CenterUser> userNamed(const QString &username) const;
    Result<IssuedTokens> issueTokens(const CenterUser &user, const QString &deviceId);
    Result<void> storePassword(const QString &username, const QString &password, int hashIterations, bool mustChange);
    Result<void> rememberPassword(const QString &username, const QString &hash); // the history
    Result<void> endSessions(const QString &username, const QString &exceptDevice);

    CenterDatabase &m_database;
    TokenPolicy m_policy;
};
