#pragma once

#include "referrals/referralstep.h"

#include <QList>

// A referral's history as both sides see it once their steps have met: the steps in the order
// they were taken, the status they lead to, and the steps that no longer applied when they were
// taken because the other side had moved first (a cancel while the receiver accepted). Those
// are kept and shown with what they met, never dropped: each side acted in good faith on what
// it knew.
class ReferralTimeline
{
public:
    struct Entry
    {
        ReferralStep step;
        ReferralStatus statusAfter = ReferralStatus::Draft;
        // Taken on what the other side had already changed: the status it met instead.
        bool applied = true;
        ReferralStatus metStatus = ReferralStatus::Draft;
    };

    // Orders the steps by time (then id, so every workstation agrees) and applies them from a
    // draft; a step seen twice (by id) counts once.
    static ReferralTimeline of(QList<ReferralStep> steps, ReferralPurpose purpose = ReferralPurpose::Referral);

    ReferralStatus status() const { return m_status; }
    const QList<Entry> &entries() const { return m_entries; }
    // The steps that met a status they did not apply to.
    QList<Entry> concurrent() const;
    // When the referral reached `status` (e.g. sent, accepted), if it did.
    std::optional<QDateTime> reachedAt(ReferralStatus status) const;

private:
    ReferralStatus m_status = ReferralStatus::Draft;
    QList<Entry> m_entries;
};
