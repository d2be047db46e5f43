#include "referrals/referralindicators.h"

#include <QMap>

#include <algorithm>

namespace {
struct Collected
{
    ReferralFigures figures;
    QList<double> toReceipt;
    QList<double> toAcceptance;
    QList<double> toOutcome;
};

std::optional<double> hoursBetween(const QDateTime &sent, const std::optional<QDateTime> &reached)
{
    if (!reached)
        return std::nullopt;
    return double(sent.msecsTo(*reached)) / 3.6e6;
}
} // namespace

std::optional<double> ReferralIndicators::median(QList<double> values)
{
    if (values.isEmpty())
        return std::nullopt;
    std::sort(values.begin(), values.end());
    const qsizetype middle = values.size() / 2;
    return values.size() % 2 == 1 ? values.at(middle) : (values.at(middle - 1) + values.at(middle)) / 2;
}

Result<QList<ReferralFigures>> ReferralIndicators::compute(
    const ReferralRepository &repository, const QDate &from, const QDate &to, const ResponseTargets &targets)
{
    const auto rows = repository.all();
    if (!rows)
        return failure(rows.error());
    QMap<QString, Collected> byKey; // month, from, to: sorted as the figures are listed
    for (const ReferralListRow &row : *rows) {
        const QDate sentOn = row.sentAt.toLocalTime().date();
        if (!row.sentAt.isValid() || sentOn < from || sentOn > to)
            continue;
        const ReferralTimeline *timeline = &row.timeline;
        const QString month = sentOn.toString(QStringLiteral("yyyy-MM"));
        Collected &c = byKey[month + QLatin1Char('|') + row.referral.meta.clinicId + QLatin1Char('|') + row.referral.targetClinic
            + QLatin1Char('|') + Referrals::key(row.referral.purpose)];
        c.figures.purpose = row.referral.purpose;
        c.figures.month = month;
        c.figures.fromClinic = row.referral.meta.clinicId;
        c.figures.toClinic = row.referral.targetClinic;
        ++c.figures.sent;
        const auto accepted = timeline->reachedAt(ReferralStatus::Accepted);
        const auto outcome = timeline->reachedAt(ReferralStatus::OutcomeReturned);
        c.figures.accepted += accepted ? 1 : 0;
        c.figures.declined += timeline->reachedAt(ReferralStatus::Declined) ? 1 : 0;
        c.figures.cancelled += timeline->reachedAt(ReferralStatus::Cancelled) ? 1 : 0;
        c.figures.outcomeReturned += outcome ? 1 : 0;
        c.figures.answeredInTime += targets.answeredInTime(row.referral, *timeline) ? 1 : 0;
        // The receipt is a note on whatever the referral had become (docs/referrals.md): its
        // first receive step, not the status.
        const auto received = std::find_if(timeline->entries().cbegin(), timeline->entries().cend(),
            [](const ReferralTimeline::Entry &e) { return e.step.action == ReferralAction::Receive; });
        if (received != timeline->entries().cend())
            c.toReceipt.append(*hoursBetween(row.sentAt, received->step.at));
        if (const auto hours = hoursBetween(row.sentAt, accepted))
            c.toAcceptance.append(*hours);
        if (const auto hours = hoursBetween(row.sentAt, outcome))
            c.toOutcome.append(*hours);
    }
    QList<ReferralFigures> figures;
    for (Collected &c : byKey) {
        c.figures.medianHoursToReceipt = median(c.toReceipt);
        c.figures.medianHoursToAcceptance = median(c.toAcceptance);
        c.figures.medianHoursToOutcome = median(c.toOutcome);
        figures.append(c.figures);
    }
    return figures;
}
