#pragma once

#include "referrals/referralrepository.h"
#include "referrals/responsetargets.h"

#include <QDate>

#include <optional>

// The figures a region watches its referrals by, per month (of sending) and per pair of clinics:
// how many went, how many were accepted, declined, cancelled, answered with a return slip, and
// how long each stage took (medians, in hours: sent → received, sent → accepted, sent → outcome
// returned); referrals and consultations apart, consultations with how many were answered
// within their response-time target. Computed from the referrals in a cache: a clinic's own, or the whole region's in the
// center staff's cache.
struct ReferralFigures
{
    QString month; // "2026-12"
    QString fromClinic;
    QString toClinic;
    ReferralPurpose purpose = ReferralPurpose::Referral;
    int sent = 0;
    int accepted = 0; // accepted at some point, whatever came after
    int declined = 0;
    int cancelled = 0;
    int outcomeReturned = 0; // a consultation's: answered with an opinion
    int answeredInTime = 0; // consultations only
    std::optional<double> medianHoursToReceipt;
    std::optional<double> medianHoursToAcceptance;
    std::optional<double> medianHoursToOutcome;
};

class ReferralIndicators
{
public:
    // Referrals sent from `from` to `to` (inclusive, local dates), by month, clinics, purpose.
    static Result<QList<ReferralFigures>> compute(
        const ReferralRepository &repository, const QDate &from, const QDate &to, const ResponseTargets &targets = {});
    static std::optional<double> median(QList<double> values);
};
