#include "risk/ruleset.h"

#include <QFile>
#include <algorithm>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace {
constexpr double Tolerance = 1e-9;

Error invalid(const QString &message)
{
    return Error{QStringLiteral("risk.rules-invalid"), message};
}

// A misspelt key would otherwise be ignored: "conditon" would turn a computed rule into a
// clinician finding, "atleast" would drop a bound. A region's file is refused instead.
std::optional<Error> unknownKey(const QJsonObject &o, const QStringList &allowed, const QString &where)
{
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!allowed.contains(it.key()))
            return invalid(RuleSet::tr("%1: unknown key \"%2\" (allowed: %3).")
                               .arg(where, it.key(), allowed.join(QStringLiteral(", "))));
    return std::nullopt;
}

Result<RiskCondition> parseCondition(const QJsonValue &value, const QString &ruleId)
{
    if (!value.isObject())
        return tl::unexpected(invalid(RuleSet::tr("Rule %1: a condition must be an object.").arg(ruleId)));
    const QJsonObject o = value.toObject();
    if (auto bad = unknownKey(o,
            { QStringLiteral("anyOf"), QStringLiteral("allOf"), QStringLiteral("input"),
                QStringLiteral("equals"), QStringLiteral("above"), QStringLiteral("atLeast"),
                QStringLiteral("below"), QStringLiteral("atMost") },
            RuleSet::tr("Rule %1, condition").arg(ruleId)))
        return tl::unexpected(*bad);
    const int forms = int(o.contains(QStringLiteral("anyOf"))) + int(o.contains(QStringLiteral("allOf")))
        + int(o.contains(QStringLiteral("input")));
    if (forms != 1)
        return tl::unexpected(invalid(
            RuleSet::tr("Rule %1: a condition is exactly one of anyOf, allOf or an input with its bounds.")
                .arg(ruleId)));
    RiskCondition c;
    for (const auto &[key, kind] : {std::pair{"anyOf", RiskCondition::Kind::AnyOf}, std::pair{"allOf", RiskCondition::Kind::AllOf}}) {
        if (!o.contains(QLatin1String(key)))
            continue;
        const QJsonArray parts = o.value(QLatin1String(key)).toArray();
        if (parts.isEmpty())
            return tl::unexpected(invalid(RuleSet::tr("Rule %1: %2 needs at least one condition.").arg(ruleId, QLatin1String(key))));
        c.kind = kind;
        for (const QJsonValue &part : parts) {
            auto child = parseCondition(part, ruleId);
            if (!child)
                return child;
            c.children.push_back(*child);
        }
        return c;
    }
    const auto input = RiskInputs::idFromName(o.value(QStringLiteral("input")).toString());
    if (!input)
        return tl::unexpected(invalid(RuleSet::tr("Rule %1: unknown input \"%2\".")
                                          .arg(ruleId, o.value(QStringLiteral("input")).toString())));
    c.input = *input;
    if (o.contains(QStringLiteral("equals"))) {
        if (!o.value(QStringLiteral("equals")).isBool())
            return tl::unexpected(invalid(RuleSet::tr("Rule %1: \"equals\" must be true or false.").arg(ruleId)));
        c.kind = RiskCondition::Kind::Equals;
        c.equals = o.value(QStringLiteral("equals")).toBool();
        return c;
    }
    c.kind = RiskCondition::Kind::Range;
    for (const auto &[key, isLower, inclusive] :
         {std::tuple{"above", true, false}, std::tuple{"atLeast", true, true}, std::tuple{"below", false, false},
          std::tuple{"atMost", false, true}}) {
        const QJsonValue bound = o.value(QLatin1String(key));
        if (bound.isUndefined())
            continue;
        if (!bound.isDouble())
            return tl::unexpected(invalid(RuleSet::tr("Rule %1: bound \"%2\" must be a number.").arg(ruleId, QLatin1String(key))));
        std::optional<double> &slot = isLower ? c.lower : c.upper;
        if (slot)
            return tl::unexpected(invalid(RuleSet::tr("Rule %1: two %2 bounds.").arg(ruleId, isLower ? QStringLiteral("lower")
                                                                                                    : QStringLiteral("upper"))));
        slot = bound.toDouble();
        (isLower ? c.lowerInclusive : c.upperInclusive) = inclusive;
    }
    if (!c.lower && !c.upper)
        return tl::unexpected(invalid(RuleSet::tr("Rule %1: a range needs above, atLeast, below or atMost.").arg(ruleId)));
    if (c.lower && c.upper && *c.lower > *c.upper)
        return tl::unexpected(invalid(RuleSet::tr("Rule %1: the lower bound is above the upper bound.").arg(ruleId)));
    return c;
}
} // namespace

LocalizedText LocalizedText::fromJson(const QJsonValue &value)
{
    const QJsonObject o = value.toObject();
    return {o.value(QStringLiteral("zh")).toString(), o.value(QStringLiteral("en")).toString()};
}

Result<RiskCondition> RiskCondition::fromJson(const QJsonValue &value, const QString &owner)
{
    return parseCondition(value, owner);
}

bool RiskCondition::allInputsKnown(const DerivedInputs &inputs) const
{
    if (kind == Kind::AnyOf || kind == Kind::AllOf)
        return std::all_of(children.cbegin(), children.cend(), [&inputs](const RiskCondition &c) { return c.allInputsKnown(inputs); });
    return inputs[static_cast<size_t>(input)].known;
}

bool RiskCondition::holds(const DerivedInputs &inputs, QList<RiskInputId> *evidence) const
{
    switch (kind) {
    case Kind::AnyOf: {
        bool any = false;
        for (const RiskCondition &child : children)
            any = child.holds(inputs, evidence) || any; // every true branch is evidence
        return any;
    }
    case Kind::AllOf: {
        QList<RiskInputId> collected;
        for (const RiskCondition &child : children)
            if (!child.holds(inputs, &collected))
                return false;
        if (evidence)
            *evidence += collected;
        return true;
    }
    case Kind::Equals:
    case Kind::Range:
        break;
    }
    const DerivedValue &v = inputs[static_cast<size_t>(input)];
    if (!v.known)
        return false;
    bool ok = true;
    if (kind == Kind::Equals) {
        ok = (v.value != 0) == equals;
    } else {
        if (lower)
            ok = ok && (lowerInclusive ? v.value >= *lower - Tolerance : v.value > *lower + Tolerance);
        if (upper)
            ok = ok && (upperInclusive ? v.value <= *upper + Tolerance : v.value < *upper - Tolerance);
    }
    if (ok && evidence && !evidence->contains(input))
        evidence->append(input);
    return ok;
}

const RiskLevel *RuleSet::level(const QString &levelId) const
{
    for (const RiskLevel &l : levels)
        if (l.id == levelId)
            return &l;
    return nullptr;
}

const RiskRule *RuleSet::rule(const QString &ruleId) const
{
    const auto it = m_ruleIndex.constFind(ruleId);
    return it == m_ruleIndex.constEnd() ? nullptr : &rules[*it];
}

Result<RuleSet> RuleSet::fromFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(QStringLiteral("risk.rules-unreadable"), tr("The rule set file %1 cannot be read.").arg(path));
    return fromJson(file.readAll());
}

Result<RuleSet> RuleSet::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject())
        return tl::unexpected(invalid(tr("The rule set is not valid JSON: %1 (at byte %2).")
                                          .arg(parseError.errorString())
                                          .arg(parseError.offset)));
    const QJsonObject o = document.object();
    if (auto bad = unknownKey(o,
            { QStringLiteral("id"), QStringLiteral("version"), QStringLiteral("title"),
                QStringLiteral("source"), QStringLiteral("levels"), QStringLiteral("defaultLevel"),
                QStringLiteral("groups"), QStringLiteral("rules") },
            tr("The rule set")))
        return tl::unexpected(*bad);
    RuleSet set;
    set.id = o.value(QStringLiteral("id")).toString();
    set.version = o.value(QStringLiteral("version")).toString();
    set.title = LocalizedText::fromJson(o.value(QStringLiteral("title")));
    if (set.id.isEmpty() || set.version.isEmpty())
        return tl::unexpected(invalid(tr("The rule set needs an id and a version.")));

    QSet<int> gradeRanks;
    for (const QJsonValue &value : o.value(QStringLiteral("levels")).toArray()) {
        const QJsonObject l = value.toObject();
        RiskLevel level;
        level.id = l.value(QStringLiteral("id")).toString();
        if (auto bad = unknownKey(l,
                { QStringLiteral("id"), QStringLiteral("kind"), QStringLiteral("rank"),
                    QStringLiteral("color"), QStringLiteral("label"), QStringLiteral("care") },
                tr("Level %1").arg(level.id)))
            return tl::unexpected(*bad);
        // A misspelt kind must not turn the purple flag into the highest grade.
        const QString kind = l.value(QStringLiteral("kind")).toString(QStringLiteral("grade"));
        if (kind != QLatin1String("grade") && kind != QLatin1String("flag"))
            return tl::unexpected(
                invalid(tr("Level %1: kind \"%2\" is neither \"grade\" nor \"flag\".").arg(level.id, kind)));
        level.kind = kind == QLatin1String("flag") ? RiskLevel::Kind::Flag : RiskLevel::Kind::Grade;
        level.rank = l.value(QStringLiteral("rank")).toInt(-1);
        level.color = l.value(QStringLiteral("color")).toString();
        level.label = LocalizedText::fromJson(l.value(QStringLiteral("label")));
        level.care = LocalizedText::fromJson(l.value(QStringLiteral("care")));
        if (level.care.zh.isEmpty() != level.care.en.isEmpty())
            return tl::unexpected(invalid(tr("Level %1 needs its care text in both Chinese and English.").arg(level.id)));
        if (level.id.isEmpty() || set.level(level.id))
            return tl::unexpected(invalid(tr("Level \"%1\" is missing an id or is defined twice.").arg(level.id)));
        if (level.kind == RiskLevel::Kind::Grade && (level.rank < 0 || gradeRanks.contains(level.rank)))
            return tl::unexpected(invalid(tr("Level %1 needs its own rank (0 = lowest).").arg(level.id)));
        gradeRanks.insert(level.rank);
        set.levels.append(level);
    }
    set.defaultLevel = o.value(QStringLiteral("defaultLevel")).toString();
    if (!set.level(set.defaultLevel) || set.level(set.defaultLevel)->kind != RiskLevel::Kind::Grade)
        return tl::unexpected(invalid(tr("The default level \"%1\" is not a grade of this rule set.").arg(set.defaultLevel)));

    QSet<QString> groupIds;
    for (const QJsonValue &value : o.value(QStringLiteral("groups")).toArray()) {
        RuleGroup group{value.toObject().value(QStringLiteral("id")).toString(), LocalizedText::fromJson(value.toObject().value(QStringLiteral("label")))};
        groupIds.insert(group.id);
        set.groups.append(group);
    }

    static const QRegularExpression idPattern(QStringLiteral("^[a-z]+(\\.[0-9]+)+$"));
    const QJsonArray rules = o.value(QStringLiteral("rules")).toArray();
    if (rules.isEmpty())
        return tl::unexpected(invalid(tr("The rule set has no rules.")));
    for (const QJsonValue &value : rules) {
        const QJsonObject r = value.toObject();
        RiskRule rule;
        rule.id = r.value(QStringLiteral("id")).toString();
        if (auto bad = unknownKey(r,
                { QStringLiteral("id"), QStringLiteral("level"), QStringLiteral("group"),
                    QStringLiteral("label"), QStringLiteral("clinicianFinding"), QStringLiteral("condition"),
                    QStringLiteral("suggestWhen") },
                tr("Rule %1").arg(rule.id)))
            return tl::unexpected(*bad);
        if (r.contains(QStringLiteral("clinicianFinding"))
            && !r.value(QStringLiteral("clinicianFinding")).isBool())
            return tl::unexpected(
                invalid(tr("Rule %1: \"clinicianFinding\" must be true or false.").arg(rule.id)));
        rule.level = r.value(QStringLiteral("level")).toString();
        rule.group = r.value(QStringLiteral("group")).toString();
        rule.label = LocalizedText::fromJson(r.value(QStringLiteral("label")));
        rule.clinicianFinding = r.value(QStringLiteral("clinicianFinding")).toBool(true);
        if (!idPattern.match(rule.id).hasMatch())
            return tl::unexpected(invalid(tr("\"%1\" is not a rule id (color and clause number, e.g. yellow.1.1).").arg(rule.id)));
        if (set.m_ruleIndex.contains(rule.id))
            return tl::unexpected(invalid(tr("Rule %1 is defined twice.").arg(rule.id)));
        if (!set.level(rule.level) || !rule.id.startsWith(rule.level + QLatin1Char('.')))
            return tl::unexpected(invalid(tr("Rule %1 names level \"%2\", which is not its color or not in this set.")
                                              .arg(rule.id, rule.level)));
        if (!groupIds.contains(rule.group))
            return tl::unexpected(invalid(tr("Rule %1 names an unknown group \"%2\".").arg(rule.id, rule.group)));
        if (rule.label.zh.isEmpty() || rule.label.en.isEmpty())
            return tl::unexpected(invalid(tr("Rule %1 needs both a Chinese and an English label.").arg(rule.id)));
        if (r.contains(QStringLiteral("condition"))) {
            auto condition = parseCondition(r.value(QStringLiteral("condition")), rule.id);
            if (!condition)
                return tl::unexpected(condition.error());
            rule.condition = *condition;
        }
        if (r.contains(QStringLiteral("suggestWhen"))) {
            auto condition = parseCondition(r.value(QStringLiteral("suggestWhen")), rule.id);
            if (!condition)
                return tl::unexpected(condition.error());
            rule.suggestWhen = *condition;
        }
        if (!rule.condition && !rule.clinicianFinding)
            return tl::unexpected(invalid(tr("Rule %1 can never fire: it has no condition and is not a clinician finding.").arg(rule.id)));
        set.m_ruleIndex.insert(rule.id, set.rules.size());
        set.rules.append(rule);
    }
    return set;
}

const RuleSet &RuleSet::national2017()
{
    static const RuleSet set = [] {
        auto loaded = fromFile(QStringLiteral(":/rules/five-color-2017.json"));
        if (!loaded)
            qFatal("built-in rule set is invalid: %s", qPrintable(loaded.error().message));
        return *loaded;
    }();
    return set;
}
