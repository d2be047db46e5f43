#pragma once

#include "referrals/referral.h"
#include "referrals/referraltimeline.h"

#include <QDateTime>

#include <optional>

// How soon a consultation must be answered, by urgency (settings of the region; defaults:
// emergency 30 minutes, urgent 4 hours, routine 24 hours), and whether one was or is late:
// flagged on both sides until it is answered, declined or cancelled.
struct ResponseTargets
{
    int emergencyMinutes = 30;
    int urgentMinutes = 4 * 60;
    int routineMinutes = 24 * 60;

    // The region's targets as the workstation's settings give them (group "consultations":
    // emergencyMinutes, urgentMinutes, routineMinutes, set by the hospital's IT in the
    // workstation's configuration); a missing or unusable value keeps its default.
    static ResponseTargets fromSettings();

    int minutesFor(ReferralUrgency urgency) const;
    // When a sent consultation is due, or nothing (a referral, a draft).
    std::optional<QDateTime> dueBy(const Referral &referral, const ReferralTimeline &timeline) const;
    // Sent, still waiting for its answer, and past due at `now`.
    bool isOverdue(const Referral &referral, const ReferralTimeline &timeline, const QDateTime &now) const;
    // Answered (opinion or decline) by the time it was due.
    bool answeredInTime(const Referral &referral, const ReferralTimeline &timeline) const;
};
