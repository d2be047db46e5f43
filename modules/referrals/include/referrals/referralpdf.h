#pragma once

#include "domain/patient.h"
#include "domain/result.h"
#include "referrals/referral.h"
#include "referrals/referraltimeline.h"

#include <QCoreApplication>

// The printed referral form (转诊单) that goes with her, and the return slip (回执) that comes
// back, as A4 PDFs in the workstation's language with a font that has every Chinese character.
// QtGui only.
class ReferralPdf
{
    Q_DECLARE_TR_FUNCTIONS(ReferralPdf)
public:
    struct Parties
    {
        Patient woman;
        QString fromClinic; // names, as the clinic directory gives them
        QString toClinic;
        QString riskLabel; // her grade as the screens name it ("橙色")
    };

    static QString formHtml(const Referral &referral, const QList<ReferralAttachment> &attachments,
        const ReferralTimeline &timeline, const Parties &parties);
    // Empty when the outcome has not been returned.
    static QString returnSlipHtml(const Referral &referral, const ReferralTimeline &timeline, const Parties &parties);

    static Result<void> writeForm(const Referral &referral, const QList<ReferralAttachment> &attachments,
        const ReferralTimeline &timeline, const Parties &parties, const QString &path);
    static Result<void> writeReturnSlip(
        const Referral &referral, const ReferralTimeline &timeline, const Parties &parties, const QString &path);
};
