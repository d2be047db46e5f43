#include "domain/visitschedule.h"

QList<ScheduledCheck> VisitSchedule::recommendedChecks()
{
    using GA = GestationalAge;
    QList<ScheduledCheck> checks{
        {GA::fromWeeksAndDays(6, 0), GA::fromWeeksAndDays(13, 6)},
        {GA::fromWeeksAndDays(14, 0), GA::fromWeeksAndDays(19, 6)},
        {GA::fromWeeksAndDays(20, 0), GA::fromWeeksAndDays(24, 6)},
        {GA::fromWeeksAndDays(25, 0), GA::fromWeeksAndDays(28, 6)},
        {GA::fromWeeksAndDays(29, 0), GA::fromWeeksAndDays(32, 6)},
        {GA::fromWeeksAndDays(33, 0), GA::fromWeeksAndDays(36, 6)},
    };
    for (int week = 37; week <= 41; ++week)
        checks.append({GA::fromWeeksAndDays(week, 0), GA::fromWeeksAndDays(week, 6)});
    return checks;
}

int VisitSchedule::intervalDaysAfter(const GestationalAge &age)
{
    if (age.totalDays() < 28 * 7)
        return 28;
    if (age.totalDays() < 36 * 7)
        return 14;
    return 7;
}

QDate VisitSchedule::nextDue(const QDate &edd, const QDate &lastVisitDate, const QDate &today)
{
    if (!edd.isValid())
        return {};
    const QDate latest = edd.addDays(GestationalAge::fromWeeksAndDays(41, 6).totalDays()
                                     - GestationalAge::DaysAtTerm);
    QDate due;
    if (lastVisitDate.isValid()) {
        const GestationalAge atLastVisit = GestationalAge::onDate(edd, lastVisitDate);
        due = lastVisitDate.addDays(intervalDaysAfter(atLastVisit));
    } else {
        const QDate sixWeeks = edd.addDays(6 * 7 - GestationalAge::DaysAtTerm);
        due = today.isValid() && today > sixWeeks ? today : sixWeeks;
    }
    return due > latest ? latest : due;
}
