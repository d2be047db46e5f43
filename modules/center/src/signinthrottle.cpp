#include "center/signinthrottle.h"

#include "storage/sqlerror.h"

#include <QDateTime>
#include <QSqlQuery>

#include <algorithm>

namespace {
// Not a valid device id (those are identifiers), so it never names a real device.
const QString NewDevices = QStringLiteral("*new-devices*");
} // namespace

SignInThrottle::SignInThrottle(QSqlDatabase connection, ThrottlePolicy policy, Clock clock)
    : m_connection(std::move(connection))
    , m_policy(policy)
    , m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentSecsSinceEpoch(); }))
{
}

Result<QString> SignInThrottle::countOf(const QString &username, const QString &deviceId) const
{
    QSqlQuery known(m_connection);
    known.prepare(QStringLiteral("SELECT 1 FROM known_device WHERE username = ? AND device_id = ?"));
    known.addBindValue(username);
    known.addBindValue(deviceId);
    if (auto done = execute(known, "look up a device"); !done)
        return tl::unexpected(done.error());
    return known.next() ? deviceId : NewDevices;
}

Result<qint64> SignInThrottle::waitBefore(const QString &username, const QString &deviceId) const
{
    const auto count = countOf(username, deviceId);
    if (!count)
        return tl::unexpected(count.error());
    QSqlQuery query(m_connection);
    query.prepare(QStringLiteral("SELECT locked_until FROM login_throttle WHERE username = ? AND device_id = ?"));
    query.addBindValue(username);
    query.addBindValue(*count);
    if (auto done = execute(query, "check sign-in attempts"); !done)
        return tl::unexpected(done.error());
    return query.next() ? std::max<qint64>(0, query.value(0).toLongLong() - m_clock()) : 0;
}

Result<void> SignInThrottle::failed(const QString &username, const QString &deviceId)
{
    const auto count = countOf(username, deviceId);
    if (!count)
        return tl::unexpected(count.error());
    QSqlQuery read(m_connection);
    read.prepare(QStringLiteral("SELECT failures FROM login_throttle WHERE username = ? AND device_id = ?"));
    read.addBindValue(username);
    read.addBindValue(*count);
    if (auto done = execute(read, "count a failed sign-in"); !done)
        return tl::unexpected(done.error());
    const int failures = (read.next() ? read.value(0).toInt() : 0) + 1;
    const int beyond = failures - m_policy.freeFailures; // 1 for the first failure that locks
    qint64 delay = 0;
    if (beyond > 0)
        delay = std::min(m_policy.longestDelaySeconds, m_policy.firstDelaySeconds << std::min(beyond - 1, 20));
    QSqlQuery write(m_connection);
    write.prepare(QStringLiteral("INSERT INTO login_throttle (username, device_id, failures, locked_until) VALUES (?, ?, ?, ?) "
                                 "ON CONFLICT (username, device_id) DO UPDATE SET failures = excluded.failures, "
                                 "locked_until = excluded.locked_until"));
    write.addBindValue(username);
    write.addBindValue(*count);
    write.addBindValue(failures);
    write.addBindValue(delay > 0 ? m_clock() + delay : 0);
    return execute(write, "count a failed sign-in");
}

Result<void> SignInThrottle::succeeded(const QString &username, const QString &deviceId)
{
    const auto count = countOf(username, deviceId);
    if (!count)
        return tl::unexpected(count.error());
    QSqlQuery open(m_connection);
    open.prepare(QStringLiteral("DELETE FROM login_throttle WHERE username = ? AND device_id = ?"));
    open.addBindValue(username);
    open.addBindValue(*count);
    if (auto done = execute(open, "open the sign-in count"); !done)
        return tl::unexpected(done.error());
    QSqlQuery remember(m_connection);
    remember.prepare(QStringLiteral("INSERT INTO known_device (username, device_id, last_sign_in) VALUES (?, ?, ?) "
                                    "ON CONFLICT (username, device_id) DO UPDATE SET last_sign_in = excluded.last_sign_in"));
    remember.addBindValue(username);
    remember.addBindValue(deviceId);
    remember.addBindValue(m_clock());
    return execute(remember, "remember a device");
}

Result<void> SignInThrottle::clear(const QString &username)
{
    QSqlQuery query(m_connection);
    query.prepare(QStringLiteral("DELETE FROM login_throttle WHERE username = ?"));
    query.addBindValue(username);
    return execute(query, "unlock a user");
}

Error SignInThrottle::locked(qint64 secondsLeft)
{
    return Error{QStringLiteral("auth.locked"),
                 tr("Too many wrong passwords from this computer; try again in %n minute(s), or ask your administrator to unlock the account.",
                    nullptr, int((secondsLeft + 59) / 60))};
}
