#pragma once

#include <QDate>
#include <QString>

// The reporting clock of a newly graded orange, red or purple pregnancy: the case must be
// reported to the district maternal and child health institution within N days of grading.
enum class ReportingStatus { NotRequired, Reported, Due, Overdue };

class ReportingClock
{
public:
    // The last day on which the report is on time: the grading day plus N calendar days, or
    // plus N working days (Saturday and Sunday skipped) where the region counts only those.
    static QDate deadline(const QDate &gradedOn, int days, bool workingDaysOnly);
    static ReportingStatus status(const QDate &deadline, const QDate &reportedOn, const QDate &today);
    static QString statusKey(ReportingStatus status);
};
