#pragma once

#include "domain/result.h"
#include "risk/riskengine.h"

#include <QCoreApplication>
#include <QStringList>

struct ScreeningPart
{
    QString id; // "basic", "history", "examination", "laboratory"
    LocalizedText label;
};

struct ScreeningSection
{
    QString id; // the clause of the national form: "1", "2", … "7.1"
    QString part;
    LocalizedText label;
};

// One question of the screening form (筛查). `group` is the organ system of the rule set it
// belongs to (the disease profile groups by it); `suggests` are the assessment items a "yes"
// asks the clinician to check; a condition lets the record answer it.
struct ScreeningItem
{
    QString id; // "screen." + clause number: "screen.1.1", "screen.7.1.5"
    QString section;
    QString group;
    LocalizedText label;
    std::optional<RiskCondition> condition;
    QStringList suggests;
};

// A "yes" on the screening form, from the record (with its evidence) or from the clinician.
struct ScreeningAnswer
{
    const ScreeningItem *item = nullptr;
    bool fromRecord = false;
    QList<Evidence> evidence;
};

// The outcome of one screening: positive as soon as one item is answered yes, which sends the
// woman on to assessment and grading (评估分级); negative means green.
struct ScreeningResult
{
    bool positive = false;
    QList<ScreeningAnswer> answers;     // in form order
    QStringList suggestedRules;         // assessment items the answers point at
};

// The national screening form (孕产妇妊娠风险筛查表, 2017 attachment 1) as data
// (resources/rules/five-color-2017-screening.json), validated on load against the rule set it
// leads into, so a region can ship its own form without recompiling.
class ScreeningChecklist
{
    Q_DECLARE_TR_FUNCTIONS(ScreeningChecklist)
public:
    QString id;
    QString version;
    QString ruleSetId;
    LocalizedText title;
    QList<ScreeningPart> parts;
    QList<ScreeningSection> sections; // in form order
    QList<ScreeningItem> items;       // in form order

    const ScreeningItem *item(const QString &itemId) const;
    QList<const ScreeningItem *> itemsOf(const QString &sectionId) const;
    // The items the record answers yes to, with their evidence.
    QList<ScreeningAnswer> answersFromRecord(const RiskInput &input) const;
    // The items the record answers no to: every value they read is known and none applies.
    QStringList noFromRecord(const RiskInput &input) const;
    // The record's answers plus the items the clinician ticked; unknown ids are an error.
    Result<ScreeningResult> evaluate(const RiskInput &input, const QStringList &ticked) const;

    static Result<ScreeningChecklist> fromJson(const QByteArray &json, const RuleSet &rules);
    static Result<ScreeningChecklist> fromFile(const QString &path, const RuleSet &rules);
    static const ScreeningChecklist &national2017();
};
