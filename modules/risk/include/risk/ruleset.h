#pragma once

#include "domain/result.h"
#include "risk/riskinput.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

struct LocalizedText
{
    QString zh;
    QString en;
    QString forLanguage(const QString &language) const { return language.startsWith(QLatin1String("zh")) ? zh : en; }
    static LocalizedText fromJson(const QJsonValue &value); // {"zh": …, "en": …}
};

// One level of a rule set: a grade on the ordered scale (green < yellow < orange < red, or a
// region's own scale) or a flag that stands beside the grade (purple).
struct RiskLevel
{
    enum class Kind { Grade, Flag };
    QString id;
    Kind kind = Kind::Grade;
    int rank = 0;
    QString color;
    LocalizedText label;
    LocalizedText care; // the level of care the 2017 规范 sets for it; empty if the set gives none
};

// A computable condition: a bounded range on one input, an equality, or all/any of others.
// Bounds carry their inclusivity explicitly, as the table states them.
struct RiskCondition
{
    enum class Kind { Range, Equals, AnyOf, AllOf };
    Kind kind = Kind::Range;
    RiskInputId input = RiskInputId::AgeYears;
    std::optional<double> lower;
    bool lowerInclusive = true;
    std::optional<double> upper;
    bool upperInclusive = true;
    bool equals = false;
    std::vector<RiskCondition> children;

    // Values exactly on a bound count as on it (1e-9): a BMI of 71.68 kg / (1.60 m)² is 28.
    bool holds(const DerivedInputs &inputs, QList<RiskInputId> *evidence) const;
    // Whether every input it reads is known, so that "does not hold" means "no", not "unknown".
    bool allInputsKnown(const DerivedInputs &inputs) const;
    // The rule file's condition syntax ({"input", "atLeast"|"above"|"below"|"atMost"|"equals"},
    // {"anyOf"|"allOf": [...]}); `owner` names the rule or item in error messages.
    static Result<RiskCondition> fromJson(const QJsonValue &value, const QString &owner);
};

struct RiskRule
{
    QString id;       // color and clause number: "yellow.1.1", "red.1.1.1", "purple.1"
    QString level;
    QString group;
    LocalizedText label;
    std::optional<RiskCondition> condition;   // computed from data
    bool clinicianFinding = true;             // may be ticked by a clinician
    std::optional<RiskCondition> suggestWhen; // data that hints at the finding
};

struct RuleGroup
{
    QString id;
    LocalizedText label;
};

// A versioned rule set, loaded from data and validated; the national 2017 table is built in
// (resources/rules/five-color-2017.json) and a region may load its own file instead.
class RuleSet
{
    Q_DECLARE_TR_FUNCTIONS(RuleSet)
public:
    QString id;
    QString version;
    LocalizedText title;
    QList<RiskLevel> levels;
    QString defaultLevel;
    QList<RuleGroup> groups;
    QList<RiskRule> rules;

    const RiskLevel *level(const QString &levelId) const;
    const RiskRule *rule(const QString &ruleId) const;

    static Result<RuleSet> fromJson(const QByteArray &json);
    static Result<RuleSet> fromFile(const QString &path);
    static const RuleSet &national2017();

private:
    QHash<QString, qsizetype> m_ruleIndex;
};
