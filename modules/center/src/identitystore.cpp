#include "center/identitystore.h"

#include "center/centerdatabase.h"
#include "credentials/passwordhasher.h"
#include "credentials/passwordpolicy.h"
#include "centerlog.h"
#include "storage/sqlerror.h"
#include "storage/transaction.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QRandomGenerator>
#include <QSqlQuery>

namespace {
qint64 now()
{
    return QDateTime::currentSecsSinceEpoch();
}

QString newToken()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), 8);
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString tokenHash(const QString &token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

// Spent on unknown user names too, so a wrong name and a wrong password take the same time.
const QString &decoyHash()
{
    static const QString hash = PasswordHasher::hash(QStringLiteral("decoy"), PasswordHasher::DefaultIterations);
    return hash;
}

Error invalidCredentials()
{
    return Error{QStringLiteral("auth.invalid"), IdentityStore::tr("The user name or password is wrong.")};
}
} // namespace

IdentityStore::IdentityStore(CenterDatabase &database, TokenPolicy policy)
    : m_database(database)
    , m_policy(policy)
{
}

const QStringList &IdentityStore::roles()
{
    static const QStringList all{QStringLiteral("obstetrician"), QStringLiteral("nurse"), QStringLiteral("ultrasound-doctor"),
                                 QStringLiteral("clinic-admin"), QStringLiteral("center-admin"), QStringLiteral("platform")};
    return all;
}

Result<void> IdentityStore::addClinic(const QString &id, const QString &name, bool isCenter)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("INSERT INTO clinic (id, name, is_center) VALUES (?, ?, ?)"));
    query.addBindValue(id);
    query.addBindValue(name);
    query.addBindValue(isCenter ? 1 : 0);
    return execute(query, "add a clinic");
}

Result<bool> IdentityStore::clinicExists(const QString &clinicId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT 1 FROM clinic WHERE id = ?"));
    query.addBindValue(clinicId);
    if (auto done = execute(query, "look up a clinic"); !done)
        return tl::unexpected(done.error());
    return query.next();
}

Result<QList<RegionClinic>> IdentityStore::clinics() const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id, name, is_center FROM clinic ORDER BY is_center DESC, name, id"));
    if (auto done = execute(query, "list the clinics"); !done)
        return tl::unexpected(done.error());
    QList<RegionClinic> clinics;
    while (query.next())
        clinics.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toInt() != 0});
    return clinics;
}

Result<void> IdentityStore::addUser(const QString &username, const QString &clinicId, const QString &role,
                                    const QString &displayName, const QString &password, int hashIterations,
                                    InitialPassword initial)
{
    if (!roles().contains(role))
        return failure(QStringLiteral("auth.role"), tr("Unknown role \"%1\"; use one of: %2.").arg(role, roles().join(QStringLiteral(", "))));
    if (initial != InitialPassword::WellKnown) {
        if (auto strong = PasswordPolicy::check(password, username); !strong)
            return strong;
    } else if (password.size() < 8) {
        return failure(QStringLiteral("auth.weak-password"), tr("A password needs at least 8 characters."));
    }
    const QString hash = PasswordHasher::hash(password, hashIterations);
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("INSERT INTO app_user (username, clinic_id, role, display_name, password_hash, "
                                 "must_change_password, password_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(username);
    query.addBindValue(clinicId);
    query.addBindValue(role);
    query.addBindValue(displayName);
    query.addBindValue(hash);
    query.addBindValue(initial == InitialPassword::ChangeAtFirstSignIn ? 1 : 0);
    query.addBindValue(now());
    if (auto done = execute(query, "add a user"); !done)
        return done;
    return rememberPassword(username, hash);
}

Result<void> IdentityStore::storePassword(const QString &username, const QString &password, int hashIterations, bool mustChange)
{
    const QString hash = PasswordHasher::hash(password, hashIterations);
    QSqlQuery update(m_database.connection());
    update.prepare(QStringLiteral("UPDATE app_user SET password_hash = ?, must_change_password = ?, password_changed_at = ? WHERE username = ?"));
    update.addBindValue(hash);
    update.addBindValue(mustChange ? 1 : 0);
    update.addBindValue(now());
    update.addBindValue(username);
    if (auto done = execute(update, "store a password"); !done)
        return done;
    if (update.numRowsAffected() != 1)
        return tl::unexpected(invalidCredentials());
    return rememberPassword(username, hash);
}

Result<void> IdentityStore::rememberPassword(const QString &username, const QString &hash)
{
    QSqlQuery history(m_database.connection());
    history.prepare(QStringLiteral("INSERT INTO password_history (username, password_hash, changed_at) VALUES (?, ?, ?)"));
    history.addBindValue(username);
    history.addBindValue(hash);
    history.addBindValue(now());
    if (auto done = execute(history, "store a password"); !done)
        return done;
    // Only the last ones are needed to refuse a reuse.
    QSqlQuery prune(m_database.connection());
    prune.prepare(QStringLiteral("DELETE FROM password_history WHERE username = ? AND changed_at < "
                                 "(SELECT min(changed_at) FROM (SELECT changed_at FROM password_history WHERE username = ? "
                                 "ORDER BY changed_at DESC LIMIT %1) AS newest)").arg(PasswordPolicy::HistoryKept));
    prune.addBindValue(username);
    prune.addBindValue(username);
    return execute(prune, "store a password");
}

Result<CenterUser> IdentityStore::userNamed(const QString &username) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT u.username, u.clinic_id, u.role, u.display_name, c.is_center "
                                 "FROM app_user u JOIN clinic c ON c.id = u.clinic_id WHERE u.username = ?"));
    query.addBindValue(username);
    if (auto done = execute(query, "look up a user"); !done)
        return tl::unexpected(done.error());
    if (!query.next())
        return tl::unexpected(invalidCredentials());
    CenterUser user{query.value(0).toString(), query.value(1).toString(), query.value(2).toString(), query.value(3).toString(),
                    query.value(4).toInt() != 0};
    // Center admins and any user of the center's own clinic see the region.
    user.centerStaff = user.centerStaff || user.role == QLatin1String("center-admin");
    // The regional health platform reads the region through FHIR but is not the center's staff:
    // it may not write records, wherever its account is registered.
    if (user.role == QLatin1String("platform"))
        user.centerStaff = false;
    return user;
}

Result<IssuedTokens> IdentityStore::login(const QString &username, const QString &password, const QString &deviceId,
                                          const QString &newPassword)
{
    SignInThrottle throttle(m_database.connection(), m_policy.signIn);
    if (const auto wait = throttle.waitBefore(username, deviceId); !wait) {
        return tl::unexpected(wait.error());
    } else if (*wait > 0) {
        logEvent(QStringLiteral("login-refused"), {{QStringLiteral("user"), username}, {QStringLiteral("reason"), QStringLiteral("locked")}});
        return tl::unexpected(SignInThrottle::locked(*wait));
    }
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT password_hash, must_change_password FROM app_user WHERE username = ?"));
    query.addBindValue(username);
    if (auto done = execute(query, "log in"); !done)
        return tl::unexpected(done.error());
    if (!query.next()) {
        PasswordHasher::verify(password, decoyHash());
        logEvent(QStringLiteral("login-failed"), {{QStringLiteral("reason"), QStringLiteral("unknown-user")}});
        return tl::unexpected(invalidCredentials());
    }
    const QString stored = query.value(0).toString();
    const bool mustChange = query.value(1).toInt() != 0;
    if (!PasswordHasher::verify(password, stored)) {
        if (auto counted = throttle.failed(username, deviceId); !counted)
            return tl::unexpected(counted.error());
        logEvent(QStringLiteral("login-failed"), {{QStringLiteral("user"), username}});
        return tl::unexpected(invalidCredentials());
    }
    if (auto opened = throttle.succeeded(username, deviceId); !opened)
        return tl::unexpected(opened.error());
    if (mustChange && newPassword.isEmpty())
        return failure(QStringLiteral("auth.password-change-required"),
                       tr("Your password was set by an administrator: choose your own to sign in."));
    if (!newPassword.isEmpty()) {
        if (auto changed = changePassword(username, password, newPassword, deviceId); !changed)
            return tl::unexpected(changed.error());
    }
    return userNamed(username).and_then([&](const CenterUser &user) { return issueTokens(user, deviceId); });
}

Result<void> IdentityStore::changePassword(const QString &username, const QString &password, const QString &newPassword,
                                           const QString &deviceId)
{
    QSqlQuery current(m_database.connection());
    current.prepare(QStringLiteral("SELECT password_hash FROM app_user WHERE username = ?"));
    current.addBindValue(username);
    if (auto done = execute(current, "change a password"); !done)
        return done;
    if (!current.next() || !PasswordHasher::verify(password, current.value(0).toString()))
        return tl::unexpected(invalidCredentials());
    QStringList previous;
    QSqlQuery history(m_database.connection());
    history.prepare(QStringLiteral("SELECT password_hash FROM password_history WHERE username = ?"));
    history.addBindValue(username);
    if (auto done = execute(history, "change a password"); !done)
        return done;
    while (history.next())
        previous.append(history.value(0).toString());
    previous.append(current.value(0).toString());
    if (auto strong = PasswordPolicy::check(newPassword, username, previous); !strong)
        return strong;
    // The new hash costs what the administrator chose for the old one.
    const int iterations = PasswordHasher::iterationsOf(current.value(0).toString());
    Transaction transaction(m_database.connection());
    if (auto stored = storePassword(username, newPassword, std::max(iterations, 1000), false); !stored)
        return stored;
    if (auto ended = endSessions(username, deviceId); !ended)
        return ended;
    if (auto committed = transaction.commit(); !committed)
        return committed;
    logEvent(QStringLiteral("password-changed"), {{QStringLiteral("user"), username}});
    return {};
}

Result<void> IdentityStore::resetPassword(const QString &username, const QString &temporaryPassword, int hashIterations)
{
    if (auto strong = PasswordPolicy::check(temporaryPassword, username); !strong)
        return strong;
    Transaction transaction(m_database.connection());
    if (auto stored = storePassword(username, temporaryPassword, hashIterations, true); !stored)
        return stored;
    if (auto ended = endSessions(username, {}); !ended)
        return ended;
    if (auto cleared = SignInThrottle(m_database.connection(), m_policy.signIn).clear(username); !cleared)
        return cleared;
    return transaction.commit();
}

Result<void> IdentityStore::unlock(const QString &username)
{
    if (auto user = userNamed(username); !user)
        return tl::unexpected(user.error());
    return SignInThrottle(m_database.connection(), m_policy.signIn).clear(username);
}

Result<void> IdentityStore::endSessions(const QString &username, const QString &exceptDevice)
{
    QSqlQuery revoke(m_database.connection());
    revoke.prepare(QStringLiteral("DELETE FROM session_token WHERE username = ? AND device_id <> ?"));
    revoke.addBindValue(username);
    revoke.addBindValue(exceptDevice.isEmpty() ? QStringLiteral("*none*") : exceptDevice);
    return execute(revoke, "end sessions");
}

Result<IssuedTokens> IdentityStore::issueTokens(const CenterUser &user, const QString &deviceId)
{
    IssuedTokens tokens{newToken(), m_policy.accessSeconds, newToken(), user};
    Transaction transaction(m_database.connection());
    QSqlQuery expired(m_database.connection());
    expired.prepare(QStringLiteral("DELETE FROM session_token WHERE username = ? AND expires_at < ?"));
    expired.addBindValue(user.username);
    expired.addBindValue(now());
    if (auto done = execute(expired, "issue tokens"); !done)
        return tl::unexpected(done.error());
    for (const auto &[token, kind, lifetime] : {std::tuple{tokens.accessToken, "access", m_policy.accessSeconds},
                                                 std::tuple{tokens.refreshToken, "refresh", m_policy.refreshSeconds}}) {
        QSqlQuery insert(m_database.connection());
        insert.prepare(QStringLiteral("INSERT INTO session_token (token_hash, username, kind, device_id, expires_at) VALUES (?, ?, ?, ?, ?)"));
        insert.addBindValue(tokenHash(token));
        insert.addBindValue(user.username);
        insert.addBindValue(QString::fromLatin1(kind));
        insert.addBindValue(deviceId);
        insert.addBindValue(now() + lifetime);
        if (auto done = execute(insert, "issue tokens"); !done)
            return tl::unexpected(done.error());
    }
    if (auto done = transaction.commit(); !done)
        return tl::unexpected(done.error());
    logEvent(QStringLiteral("login"), {{QStringLiteral("user"), user.username}, {QStringLiteral("clinic"), user.clinicId}});
    return tokens;
}

Result<IssuedTokens> IdentityStore::refresh(const QString &refreshToken, const QString &deviceId)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT username, device_id, expires_at FROM session_token WHERE token_hash = ? AND kind = 'refresh'"));
    query.addBindValue(tokenHash(refreshToken));
    if (auto done = execute(query, "refresh a token"); !done)
        return tl::unexpected(done.error());
    if (!query.next() || query.value(2).toLongLong() < now() || query.value(1).toString() != deviceId)
        return failure(QStringLiteral("auth.refresh-invalid"), tr("The session has ended; please log in again."));
    const QString username = query.value(0).toString();
    // A refresh token is used once: rotating it makes a stolen copy useless after the next refresh.
    QSqlQuery used(m_database.connection());
    used.prepare(QStringLiteral("DELETE FROM session_token WHERE token_hash = ?"));
    used.addBindValue(tokenHash(refreshToken));
    if (auto done = execute(used, "refresh a token"); !done)
        return tl::unexpected(done.error());
    return userNamed(username).and_then([&](const CenterUser &user) { return issueTokens(user, deviceId); });
}

Result<int> IdentityStore::signOut(const QString &username, const QString &deviceId)
{
    QSqlQuery revoke(m_database.connection());
    revoke.prepare(QStringLiteral("DELETE FROM session_token WHERE username = ? AND device_id = ?"));
    revoke.addBindValue(username);
    revoke.addBindValue(deviceId);
    if (auto done = execute(revoke, "sign out"); !done)
        return tl::unexpected(done.error());
    logEvent(QStringLiteral("logout"), {{QStringLiteral("user"), username}});
    return revoke.numRowsAffected();
}

Result<CenterUser> IdentityStore::authenticate(const QString &accessToken) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT username, expires_at FROM session_token WHERE token_hash = ? AND kind = 'access'"));
    query.addBindValue(tokenHash(accessToken));
    if (auto done = execute(query, "check a token"); !done)
        return tl::unexpected(done.error());
    if (!query.next())
        return failure(QStringLiteral("auth.invalid-token"), tr("Not logged in."));
    if (query.value(1).toLongLong() < now())
        return failure(QStringLiteral("auth.expired"), tr("The access token has expired."));
    return userNamed(query.value(0).toString());
}
