#pragma once

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
    int maxFailedLogins = 5;
    qint64 lockoutSeconds = 15 * 60;
};

// Clinics, users and their roles, login with lock-out, short-lived access tokens and refresh
// tokens bound to a device. Tokens live in the database (hashed), so any center instance can
// check a token another one issued.
class IdentityStore
{
    Q_DECLARE_TR_FUNCTIONS(IdentityStore)
public:
    IdentityStore(CenterDatabase &database, TokenPolicy policy = {});

    static const QStringList &roles(); // obstetrician, nurse, ultrasound-doctor, clinic-admin, center-admin, platform

    Result<void> addClinic(const QString &id, const QString &name, bool isCenter);
    Result<void> addUser(const QString &username, const QString &clinicId, const QString &role,
                         const QString &displayName, const QString &password, int hashIterations);
    Result<IssuedTokens> login(const QString &username, const QString &password, const QString &deviceId);
    Result<IssuedTokens> refresh(const QString &refreshToken, const QString &deviceId);
    // Sign-out: every token of hers on that device ends now; returns how many there were.
    Result<int> signOut(const QString &username, const QString &deviceId);
    Result<CenterUser> authenticate(const QString &accessToken) const;
    Result<bool> clinicExists(const QString &clinicId) const;
    Result<QList<RegionClinic>> clinics() const; // the center first, then by name

private:
    Result<CenterUser> userNamed(const QString &username) const;
    Result<IssuedTokens> issueTokens(const CenterUser &user, const QString &deviceId);
    Result<void> recordFailedLogin(const QString &username, int failedSoFar);

    CenterDatabase &m_database;
    TokenPolicy m_policy;
};
