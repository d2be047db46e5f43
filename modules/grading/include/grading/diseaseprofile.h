#pragma once

#include "grading/screeningrecord.h"
#include "risk/screeningchecklist.h"
#include "storage/clinicrecords.h"

// Where a condition of the profile was seen.
struct ProfileSource
{
    enum class Kind { Booking, Visit, Lab, Finding, Screening };
    Kind kind = Kind::Booking;
    QDate date;
    QString recordId;                 // the pregnancy, visit or lab record, if any
    std::optional<Evidence> evidence; // the value that shows it, for what the record computed
    QString by;                       // who ticked the finding or screened her
};

struct ProfileCondition
{
    QString id;    // rule id ("red.1.1.4") or screening item id ("screen.7.1.6")
    QString group; // organ system: a group of the rule set
    LocalizedText label;
    QString level;          // the rule's color; empty for a screening answer
    bool toConfirm = false; // the data hints at it; no clinician has confirmed it yet
    QList<ProfileSource> sources;
};

// Layer 2 of the risk profile: her conditions from history and current findings, grouped by
// organ system in the rule set's order, each with where it was seen.
struct DiseaseProfile
{
    QList<ProfileCondition> conditions;
    QList<const ProfileCondition *> inGroup(const QString &group) const;
};

class DiseaseProfileBuilder
{
public:
    DiseaseProfileBuilder(const RuleSet &rules, const ScreeningChecklist &form);

    DiseaseProfile build(const PatientChart &chart, const RiskAssessment &assessment,
                         const std::optional<ScreeningRecord> &screening) const;

private:
    ProfileCondition fromRule(const FiredRule &fired, bool toConfirm, const PatientChart &chart) const;
    ProfileSource sourceOf(const Evidence &evidence, const QString &ruleId, const PatientChart &chart) const;
    int groupIndex(const QString &group) const;

    const RuleSet &m_rules;
    const ScreeningChecklist &m_form;
};
