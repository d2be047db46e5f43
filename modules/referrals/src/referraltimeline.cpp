#include "referrals/referraltimeline.h"

#include <QSet>

#include <algorithm>

ReferralTimeline ReferralTimeline::of(QList<ReferralStep> steps, ReferralPurpose purpose)
{
    // Every workstation orders the same steps the same way, however they arrived.
    std::sort(steps.begin(), steps.end(), [](const ReferralStep &a, const ReferralStep &b) {
        if (a.at != b.at)
            return a.at < b.at;
        return a.id.toString() < b.id.toString();
    });
    ReferralTimeline timeline;
    QSet<QUuid> seen;
    for (const ReferralStep &step : std::as_const(steps)) {
        if (seen.contains(step.id))
            continue;
        seen.insert(step.id);
        Entry entry { step, timeline.m_status, true, timeline.m_status };
        if (const auto after = ReferralSteps::next(timeline.m_status, step.action, purpose)) {
            timeline.m_status = *after;
            entry.statusAfter = *after;
        } else {
            entry.applied = false;
        }
        timeline.m_entries.append(entry);
    }
    return timeline;
}

QList<ReferralTimeline::Entry> ReferralTimeline::concurrent() const
{
    QList<Entry> unapplied;
    std::copy_if(m_entries.cbegin(), m_entries.cend(), std::back_inserter(unapplied),
        [](const Entry &entry) { return !entry.applied; });
    return unapplied;
}

std::optional<QDateTime> ReferralTimeline::reachedAt(ReferralStatus status) const
{
    for (const Entry &entry : m_entries)
        if (entry.applied && entry.statusAfter == status && entry.metStatus != status)
            return entry.step.at;
    return std::nullopt;
}
