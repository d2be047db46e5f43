#pragma once

#include "domain/gestationalage.h"

#include <QDate>
#include <QList>

// The recommended antenatal check schedule of the Chinese Medical Association's 孕前和孕期保健指南
// (2018): seven checks at 6–13+6, 14–19+6, 20–24, 25–28, 29–32, 33–36 weeks, then weekly from 37
// to 41 weeks. In practice: every 4 weeks before 28 weeks, every 2 weeks to 36, then weekly.
struct ScheduledCheck
{
    GestationalAge from;
    GestationalAge to;
};

class VisitSchedule
{
public:
    // The recommended windows of a whole pregnancy (11 windows: six to 36 weeks, five weekly).
    static QList<ScheduledCheck> recommendedChecks();

    // Interval (days) until the next check after a visit at this gestational age.
    static int intervalDaysAfter(const GestationalAge &age);

    // The date the next check is due: after the last visit if there is one, otherwise the
    // booking check as soon as possible (from 6 weeks); never past 41+6.
    static QDate nextDue(const QDate &edd, const QDate &lastVisitDate, const QDate &today);
};
