#pragma once

#include "domain/result.h"
#include "referrals/referral.h"
#include "referrals/referralstep.h"

#include <QCoreApplication>

// What a referral must hold before it goes, and what a step must carry; each problem with a
// stable code ("referral.*") and a translated message that says what to fill in.
class ReferralValidator
{
    Q_DECLARE_TR_FUNCTIONS(ReferralValidator)
public:
    // `sendingClinic`: where it is sent from, which cannot also be where it goes.
    static QList<Error> problemsBeforeSending(const Referral &referral, const QString &sendingClinic);
    // A referral's return slip needs her diagnosis and the plan; a consultation's answer, the
    // opinion (in the outcome's diagnosis).
    static QList<Error> problemsOfStep(ReferralAction action, const QString &reason, const ReferralOutcome &outcome,
        ReferralPurpose purpose = ReferralPurpose::Referral);
};
