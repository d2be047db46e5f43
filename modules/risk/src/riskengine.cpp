#include "risk/riskengine.h"

#include <algorithm>

QList<Evidence> RiskEngine::evidenceOf(const QList<RiskInputId> &inputs, const DerivedInputs &values)
{
    QList<Evidence> evidence;
    for (RiskInputId id : inputs) {
        const DerivedValue &v = values[static_cast<size_t>(id)];
        evidence.append({RiskInputs::name(id), v.value, RiskInputs::unit(id), v.date, v.sourceId});
    }
    return evidence;
}

RiskEngine::RiskEngine(const RuleSet &rules) : m_rules(rules) {}

int RiskEngine::rankOf(const QString &level) const
{
    const RiskLevel *l = m_rules.level(level);
    return l && l->kind == RiskLevel::Kind::Grade ? l->rank : -1;
}

Result<RiskAssessment> RiskEngine::assess(const RiskInput &input) const
{
    for (const QString &finding : input.findings) {
        const RiskRule *rule = m_rules.rule(finding);
        if (!rule)
            return failure(QStringLiteral("risk.unknown-finding"),
                           tr("\"%1\" is not an item of rule set %2 %3.").arg(finding, m_rules.id, m_rules.version));
        if (!rule->clinicianFinding)
            return failure(QStringLiteral("risk.computed-only"),
                           tr("Item %1 is computed from the record and cannot be ticked.").arg(finding));
    }
    const DerivedInputs values = RiskInputs::derive(input);
    RiskAssessment result;
    result.ruleSetId = m_rules.id;
    result.ruleSetVersion = m_rules.version;
    result.assessedOn = input.assessedOn;
    result.grade = m_rules.defaultLevel;
    int gradeRank = rankOf(result.grade);
    for (const RiskRule &rule : m_rules.rules) {
        FiredRule fired{&rule, false, {}};
        QList<RiskInputId> used;
        bool fires = rule.condition && rule.condition->holds(values, &used);
        fired.evidence = evidenceOf(used, values);
        if (input.findings.contains(rule.id)) {
            fires = true;
            fired.byFinding = fired.evidence.isEmpty();
            fired.evidence.append({QStringLiteral("finding"), 1, QString(), input.assessedOn, QString()});
        }
        if (fires) {
            const RiskLevel *level = m_rules.level(rule.level);
            if (level->kind == RiskLevel::Kind::Flag)
                result.purple = true;
            else if (level->rank > gradeRank) {
                gradeRank = level->rank;
                result.grade = level->id;
            }
            result.fired.append(fired);
            continue;
        }
        QList<RiskInputId> hints;
        if (rule.suggestWhen && rule.suggestWhen->holds(values, &hints))
            result.suggestions.append({&rule, false, evidenceOf(hints, values)});
    }
    // Highest grade first, flags last, table order within a level.
    std::stable_sort(result.fired.begin(), result.fired.end(), [this](const FiredRule &a, const FiredRule &b) {
        return rankOf(a.rule->level) > rankOf(b.rule->level);
    });
    return result;
}
