#include "grading/managementguidance.h"

ManagementGuidance ManagementGuidance::of(const RuleSet &rules, const CaseSettings &settings, const QString &level, bool purple)
{
    ManagementGuidance guidance;
    if (const RiskLevel *grade = rules.level(level))
        guidance.care = grade->care;
    if (purple)
        for (const RiskLevel &flag : rules.levels)
            if (flag.kind == RiskLevel::Kind::Flag)
                guidance.purpleCare = flag.care;
    if (level.isEmpty())
        return guidance; // not graded yet: nothing to manage
    guidance.dedicatedCaseManagement = settings.isManaged(level, purple);
    if (settings.isReportable(level, purple)) {
        guidance.reportingDays = settings.reportingDays;
        guidance.reportingCountsWorkingDaysOnly = settings.reportingCountsWorkingDaysOnly;
    }
    if (guidance.dedicatedCaseManagement) // contacts are scheduled for case files only
        guidance.followUpIntervalDays = settings.intervalDaysFor(level, purple);
    return guidance;
}
