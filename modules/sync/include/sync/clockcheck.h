#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>

#include <optional>

// This workstation's clock against the regional center's. Every answer of the center carries
// its time (the HTTP Date header); taken against the middle of the request on this clock it
// gives how far this one is off, to the second. Far off — a dead CMOS battery, a PC set by
// hand — every time written here (a visit, an audit entry, a referral step) is wrong, so the
// workstation says so; the center orders what it keeps by its own sequence, never by these.
class ClockCheck
{
    Q_DECLARE_TR_FUNCTIONS(ClockCheck)
public:
    static constexpr qint64 ToleranceSeconds = 5 * 60;

    // Seconds this clock is behind (positive) or ahead (negative) of the center's; nothing when
    // the header is missing or not an HTTP date.
    static std::optional<qint64> offsetSeconds(const QByteArray &dateHeader, const QDateTime &sentAt, const QDateTime &receivedAt);
    static bool isOff(qint64 offsetSeconds) { return offsetSeconds > ToleranceSeconds || offsetSeconds < -ToleranceSeconds; }
    // For the user, when isOff: how far, which way, what to do (translated).
    static QString warning(qint64 offsetSeconds);
};
