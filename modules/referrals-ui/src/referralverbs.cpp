#include "referrals-ui/referralverbs.h"

QString ReferralVerbs::of(ReferralAction action)
{
    switch (action) {
    case ReferralAction::Send:
        return tr("Se&nd");
    case ReferralAction::Receive:
        return tr("Acknowledge receipt");
    case ReferralAction::Accept:
        return tr("&Accept");
    case ReferralAction::Decline:
        return tr("&Decline…");
    case ReferralAction::Arrive:
        return tr("She arr&ived");
    case ReferralAction::ReturnOutcome:
        return tr("Return the &outcome…");
    case ReferralAction::Close:
        return tr("C&lose");
    case ReferralAction::Cancel:
        return tr("Ca&ncel the referral…");
    }
    return {};
}

QString ReferralVerbs::plain(ReferralAction action)
{
    return of(action).remove(QLatin1Char('&')).remove(QStringLiteral("…"));
}
