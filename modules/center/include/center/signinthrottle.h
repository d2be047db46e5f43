#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <functional>

struct ThrottlePolicy
{
    int freeFailures = 5;            // wrong passwords in a row before any delay
    qint64 firstDelaySeconds = 60;   // then each further one waits this, doubling…
    qint64 longestDelaySeconds = 15 * 60; // …up to this
};

// Slows password guessing without giving anyone a way to lock a user out (docs/security.md).
// Wrong passwords are counted per user and device. A device she has never signed in from shares
// one count with every other such device, so inventing device ids gains an attacker nothing;
// the workstations she signs in from keep counts of their own, so guessing elsewhere never
// locks them. After `freeFailures` in a row, each further failure closes that count for a delay
// that doubles up to `longestDelaySeconds`; attempts while it is closed are refused unchecked
// and not counted, so the delay never grows beyond that. A success opens the count again.
class SignInThrottle
{
    Q_DECLARE_TR_FUNCTIONS(SignInThrottle)
public:
    using Clock = std::function<qint64()>; // seconds since the epoch
    explicit SignInThrottle(QSqlDatabase connection, ThrottlePolicy policy = {}, Clock clock = {});

    // Seconds until she may try again from this device; 0 when she may now.
    Result<qint64> waitBefore(const QString &username, const QString &deviceId) const;
    Result<void> failed(const QString &username, const QString &deviceId);
    // Opens the device's count and remembers the device as hers.
    Result<void> succeeded(const QString &username, const QString &deviceId);
    // An administrator's unlock: every count of hers starts again.
    Result<void> clear(const QString &username);

    // The refusal shown while a count is closed (code "auth.locked").
    static Error locked(qint64 secondsLeft);

private:
    Result<QString> countOf(const QString &username, const QString &deviceId) const;

    QSqlDatabase m_connection;
    ThrottlePolicy m_policy;
    Clock m_clock;
};
