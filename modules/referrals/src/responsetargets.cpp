#include "referrals/responsetargets.h"

#include <QSettings>

namespace {
// The consultant's answer: the opinion, or saying it cannot be given.
std::optional<QDateTime> answeredAt(const ReferralTimeline &timeline)
{
    const auto opinion = timeline.reachedAt(ReferralStatus::OutcomeReturned);
    const auto declined = timeline.reachedAt(ReferralStatus::Declined);
    if (opinion && declined)
        return std::min(*opinion, *declined);
    return opinion ? opinion : declined;
}
} // namespace

ResponseTargets ResponseTargets::fromSettings()
{
    ResponseTargets targets;
    QSettings settings;
    settings.beginGroup(QStringLiteral("consultations"));
    const auto read = [&settings](const char *key, int &minutes) {
        bool ok = false;
        const int value = settings.value(QLatin1String(key)).toInt(&ok);
        if (ok && value > 0 && value <= 7 * 24 * 60)
            minutes = value;
    };
    read("emergencyMinutes", targets.emergencyMinutes);
    read("urgentMinutes", targets.urgentMinutes);
    read("routineMinutes", targets.routineMinutes);
    return targets;
}

int ResponseTargets::minutesFor(ReferralUrgency urgency) const
{
    switch (urgency) {
    case ReferralUrgency::Emergency:
        return emergencyMinutes;
    case ReferralUrgency::Urgent:
        return urgentMinutes;
    case ReferralUrgency::Routine:
        return routineMinutes;
    }
    return routineMinutes;
}

std::optional<QDateTime> ResponseTargets::dueBy(const Referral &referral, const ReferralTimeline &timeline) const
{
    if (referral.purpose != ReferralPurpose::Consultation)
        return std::nullopt;
    const auto sent = timeline.reachedAt(ReferralStatus::Sent);
    if (!sent)
        return std::nullopt;
    return sent->addSecs(qint64(minutesFor(referral.urgency)) * 60);
}

bool ResponseTargets::isOverdue(const Referral &referral, const ReferralTimeline &timeline, const QDateTime &now) const
{
    const auto due = dueBy(referral, timeline);
    const ReferralStatus status = timeline.status();
    const bool waiting = status == ReferralStatus::Sent || status == ReferralStatus::Received;
    return due && waiting && now > *due;
}

bool ResponseTargets::answeredInTime(const Referral &referral, const ReferralTimeline &timeline) const
{
    const auto due = dueBy(referral, timeline);
    const auto answered = answeredAt(timeline);
    return due && answered && *answered <= *due;
}
