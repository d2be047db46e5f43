#include "grading/diseaseprofile.h"

#include <QSet>

#include <algorithm>

namespace {
QString idOf(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}
} // namespace

QList<const ProfileCondition *> DiseaseProfile::inGroup(const QString &group) const
{
    QList<const ProfileCondition *> found;
    for (const ProfileCondition &c : conditions)
        if (c.group == group)
            found.append(&c);
    return found;
}

DiseaseProfileBuilder::DiseaseProfileBuilder(const RuleSet &rules, const ScreeningChecklist &form) : m_rules(rules), m_form(form) {}

int DiseaseProfileBuilder::groupIndex(const QString &group) const
{
    for (qsizetype i = 0; i < m_rules.groups.size(); ++i)
        if (m_rules.groups[i].id == group)
            return static_cast<int>(i);
    return static_cast<int>(m_rules.groups.size());
}

// Evidence names the record it was read from; the chart says what kind of record that is.
// Values without a record (age from the birth date, fetuses, uterine operations) were
// registered at booking.
ProfileSource DiseaseProfileBuilder::sourceOf(const Evidence &evidence, const QString &ruleId, const PatientChart &chart) const
{
    if (evidence.input == QLatin1String("finding")) {
        ProfileSource source{ProfileSource::Kind::Finding, evidence.date, {}, std::nullopt, {}};
        for (const RiskFindingRecord &f : chart.findings)
            if (f.ruleId == ruleId)
                source = {ProfileSource::Kind::Finding, f.notedOn, idOf(f.meta.id), std::nullopt, f.meta.author};
        return source;
    }
    for (const AntenatalVisit &v : chart.visits)
        if (!evidence.sourceId.isEmpty() && idOf(v.meta.id) == evidence.sourceId)
            return {ProfileSource::Kind::Visit, v.visitDate, evidence.sourceId, evidence, {}};
    for (const LabResult &l : chart.labs)
        if (!evidence.sourceId.isEmpty() && idOf(l.meta.id) == evidence.sourceId)
            return {ProfileSource::Kind::Lab, l.takenOn, evidence.sourceId, evidence, {}};
    const QDate booked = chart.pregnancy ? chart.pregnancy->bookingDate : QDate();
    return {ProfileSource::Kind::Booking, booked.isValid() ? booked : evidence.date,
            chart.pregnancy ? idOf(chart.pregnancy->meta.id) : QString(), evidence, {}};
}

ProfileCondition DiseaseProfileBuilder::fromRule(const FiredRule &fired, bool toConfirm, const PatientChart &chart) const
{
    ProfileCondition condition{fired.rule->id, fired.rule->group, fired.rule->label, fired.rule->level, toConfirm, {}};
    for (const Evidence &e : fired.evidence)
        condition.sources.append(sourceOf(e, fired.rule->id, chart));
    return condition;
}

DiseaseProfile DiseaseProfileBuilder::build(const PatientChart &chart, const RiskAssessment &assessment,
                                            const std::optional<ScreeningRecord> &screening) const
{
    DiseaseProfile profile;
    QSet<QString> graded; // the inputs the fired rules already show
    for (const FiredRule &fired : assessment.fired) {
        profile.conditions.append(fromRule(fired, false, chart));
        for (const Evidence &e : fired.evidence)
            graded.insert(e.input);
    }
    for (const FiredRule &suggested : assessment.suggestions)
        profile.conditions.append(fromRule(suggested, true, chart));
    if (screening) {
        for (const ScreeningRecordAnswer &answer : screening->answers) {
            const ScreeningItem *item = m_form.item(answer.itemId);
            if (!item)
                continue; // an item of another form version: its rule-set items still show
            // A screening answer the record computed from a value a rule already shows adds nothing.
            const bool shownByARule = answer.fromRecord && !answer.evidence.isEmpty()
                                      && std::all_of(answer.evidence.cbegin(), answer.evidence.cend(),
                                                     [&graded](const Evidence &e) { return graded.contains(e.input); });
            if (shownByARule)
                continue;
            ProfileSource source{ProfileSource::Kind::Screening, screening->screenedOn, idOf(screening->meta.id),
                                 answer.evidence.isEmpty() ? std::nullopt : std::optional<Evidence>(answer.evidence.first()),
                                 screening->screenedBy};
            // A screening answer that led to an item now graded is one more source of that item.
            auto ledTo = std::find_if(profile.conditions.begin(), profile.conditions.end(), [item](const ProfileCondition &c) {
                return !c.toConfirm && item->suggests.contains(c.id);
            });
            if (ledTo != profile.conditions.end())
                ledTo->sources.append(source);
            else
                profile.conditions.append({item->id, item->group, item->label, QString(), false, {source}});
        }
    }
    // Organ systems in the rule set's order; within one, graded items before hints and history.
    auto kindOrder = [](const ProfileCondition &c) { return c.level.isEmpty() ? 2 : c.toConfirm ? 1 : 0; };
    std::stable_sort(profile.conditions.begin(), profile.conditions.end(),
                     [this, &kindOrder](const ProfileCondition &a, const ProfileCondition &b) {
                         return std::pair(groupIndex(a.group), kindOrder(a)) < std::pair(groupIndex(b.group), kindOrder(b));
                     });
    return profile;
}
