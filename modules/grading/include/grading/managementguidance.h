#pragma once

#include "cases/casesettings.h"
#include "risk/ruleset.h"

#include <optional>

// What a grade calls for, entirely from data: the level of care the rule set gives the color
// (and purple), and from the clinic's case settings whether it enters dedicated case management
// (专案管理), by when it must be reported to the district MCH institution and how often she is
// contacted.
struct ManagementGuidance
{
    LocalizedText care;
    LocalizedText purpleCare; // empty unless purple
    bool dedicatedCaseManagement = false;
    std::optional<int> reportingDays;
    bool reportingCountsWorkingDaysOnly = false;
    std::optional<int> followUpIntervalDays;

    static ManagementGuidance of(const RuleSet &rules, const CaseSettings &settings, const QString &level, bool purple);
};
