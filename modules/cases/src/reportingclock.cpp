#include "cases/reportingclock.h"

QDate ReportingClock::deadline(const QDate &gradedOn, int days, bool workingDaysOnly)
{
    if (!workingDaysOnly)
        return gradedOn.addDays(days);
    QDate date = gradedOn;
    for (int counted = 0; counted < days;) {
        date = date.addDays(1);
        if (date.dayOfWeek() <= 5)
            ++counted;
    }
    return date;
}

ReportingStatus ReportingClock::status(const QDate &deadline, const QDate &reportedOn, const QDate &today)
{
    if (!deadline.isValid())
        return ReportingStatus::NotRequired;
    if (reportedOn.isValid())
        return ReportingStatus::Reported;
    return today > deadline ? ReportingStatus::Overdue : ReportingStatus::Due;
}

QString ReportingClock::statusKey(ReportingStatus status)
{
    switch (status) {
    case ReportingStatus::NotRequired:
        return QStringLiteral("not-required");
    case ReportingStatus::Reported:
        return QStringLiteral("reported");
    case ReportingStatus::Due:
        return QStringLiteral("due");
    case ReportingStatus::Overdue:
        return QStringLiteral("overdue");
    }
    return {};
}
