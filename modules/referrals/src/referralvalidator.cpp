#include "referrals/referralvalidator.h"

QList<Error> ReferralValidator::problemsBeforeSending(const Referral &referral, const QString &sendingClinic)
{
    QList<Error> problems;
    if (referral.pregnancyId.isNull())
        problems.append({ QStringLiteral("referral.no-pregnancy"), tr("The referral belongs to no pregnancy.") });
    if (referral.targetClinic.trimmed().isEmpty())
        problems.append({ QStringLiteral("referral.no-target"), tr("Choose the clinic she is referred to.") });
    else if (referral.targetClinic == sendingClinic)
        problems.append({ QStringLiteral("referral.same-clinic"), tr("A referral goes to another clinic than the one sending it.") });
    if (referral.reason.trimmed().isEmpty())
        problems.append({ QStringLiteral("referral.no-reason"), tr("Write why she is referred.") });
    return problems;
}

QList<Error> ReferralValidator::problemsOfStep(
    ReferralAction action, const QString &reason, const ReferralOutcome &outcome, ReferralPurpose purpose)
{
    QList<Error> problems;
    if (ReferralSteps::needsReason(action) && reason.trimmed().isEmpty())
        problems.append({ QStringLiteral("referral.no-step-reason"),
            action == ReferralAction::Decline ? tr("Write why the referral is declined.")
                                              : tr("Write why the referral is cancelled.") });
    if (action == ReferralAction::ReturnOutcome && purpose == ReferralPurpose::Consultation) {
        if (outcome.diagnosis.trimmed().isEmpty())
            problems.append({ QStringLiteral("referral.no-opinion"), tr("Write the opinion before signing it.") });
    } else if (action == ReferralAction::ReturnOutcome) {
        if (outcome.diagnosis.trimmed().isEmpty())
            problems.append({ QStringLiteral("referral.no-outcome-diagnosis"), tr("The return slip needs her diagnosis.") });
        if (outcome.plan.trimmed().isEmpty())
            problems.append({ QStringLiteral("referral.no-outcome-plan"), tr("The return slip needs the plan from here.") });
    } else if (!outcome.isEmpty()) {
        problems.append({ QStringLiteral("referral.outcome-misplaced"), tr("Only the return slip carries an outcome.") });
    }
    if (!outcome.reading.isNone() && purpose != ReferralPurpose::Consultation)
        problems.append({ QStringLiteral("referral.reading-misplaced"), tr("Only a consultation is answered with a signed reading.") });
    else if (!outcome.reading.isNone() && outcome.reading.recordId.isNull())
        problems.append({ QStringLiteral("referral.reading-unknown"), tr("The signed reading this opinion comes from is not named.") });
    return problems;
}
