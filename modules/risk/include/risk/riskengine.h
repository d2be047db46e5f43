#pragma once

#include "domain/result.h"
#include "risk/ruleset.h"

#include <QCoreApplication>

struct Evidence
{
    QString input;   // "ageYears", "hbGramsPerLitre" … or "finding" for a ticked item
    double value = 0;
    QString unit;
    QDate date;
    QString sourceId;
};

struct FiredRule
{
    const RiskRule *rule = nullptr;
    bool byFinding = false; // ticked by a clinician rather than computed
    QList<Evidence> evidence;
};

// What the engine concludes for one pregnancy on one date.
struct RiskAssessment
{
    QString ruleSetId;
    QString ruleSetVersion;
    QDate assessedOn;
    QString grade;   // the highest grade level that fired, or the set's default (green)
    bool purple = false;
    QList<FiredRule> fired;       // highest level first
    QList<FiredRule> suggestions; // items the data hints at, for a clinician to confirm
};

// Pure and deterministic: the same rule set and input give the same assessment. The rule set is
// walked as loaded (conditions are already parsed), so grading costs microseconds.
class RiskEngine
{
    Q_DECLARE_TR_FUNCTIONS(RiskEngine)
public:
    explicit RiskEngine(const RuleSet &rules);

    Result<RiskAssessment> assess(const RiskInput &input) const;
    const RuleSet &ruleSet() const { return m_rules; }
    // The derived values a condition used, as evidence with value, unit, date and source record.
    static QList<Evidence> evidenceOf(const QList<RiskInputId> &inputs, const DerivedInputs &values);

private:
    int rankOf(const QString &level) const;

    const RuleSet &m_rules;
};
