#include "referrals/referralpdf.h"

#include "handouts/handoutdocument.h"

#include <QLocale>

namespace {
using Doc = HandoutDocument;

QString row(const QString &label, const QString &value)
{
    return Doc::row({ label, value.isEmpty() ? QStringLiteral("—") : value });
}

QString when(const QDateTime &at)
{
    return at.isValid() ? QLocale().toString(at.toLocalTime(), QLocale::ShortFormat) : QString();
}

std::optional<ReferralStep> firstStep(const ReferralTimeline &timeline, ReferralAction action)
{
    for (const ReferralTimeline::Entry &entry : timeline.entries())
        if (entry.step.action == action && entry.applied)
            return entry.step;
    return std::nullopt;
}

QString section(const QString &title, const QString &text)
{
    return QStringLiteral("<h4>%1</h4><p>%2</p>").arg(Doc::escaped(title), Doc::escaped(text.isEmpty() ? QStringLiteral("—") : text));
}

QString womanRows(const Patient &woman)
{
    return row(ReferralPdf::tr("Name"), woman.name) + row(ReferralPdf::tr("ID number"), woman.nationalId)
        + row(ReferralPdf::tr("Date of birth"), QLocale().toString(woman.birthDate, QLocale::ShortFormat))
        + row(ReferralPdf::tr("Record no."), woman.recordNumber) + row(ReferralPdf::tr("Phone"), woman.phone);
}

QString signature(const QString &role, const QString &name, const QString &date)
{
    return QStringLiteral("<p><br>%1: %2 &nbsp;&nbsp;&nbsp; %3: %4</p>")
        .arg(Doc::escaped(role), Doc::escaped(name.isEmpty() ? QStringLiteral("________________") : name),
            Doc::escaped(ReferralPdf::tr("Date")), Doc::escaped(date.isEmpty() ? QStringLiteral("________") : date));
}
} // namespace

QString ReferralPdf::formHtml(const Referral &r, const QList<ReferralAttachment> &attachments,
    const ReferralTimeline &timeline, const Parties &parties)
{
    const auto sent = firstStep(timeline, ReferralAction::Send);
    QString html = Doc::opening(tr("Referral form"), parties.fromClinic);
    html += QStringLiteral("<table width='100%' border='1' cellspacing='0' cellpadding='4'>");
    html += womanRows(parties.woman);
    html += row(tr("Referral"), tr("%1, %2").arg(Referrals::label(r.direction), Referrals::label(r.urgency)));
    QStringList to { parties.toClinic };
    if (!r.targetDepartment.isEmpty())
        to << r.targetDepartment;
    if (!r.targetDoctor.isEmpty())
        to << r.targetDoctor;
    html += row(tr("Referred to"), to.join(QStringLiteral(" · ")));
    html += row(tr("Sent"), sent ? when(sent->at) : tr("not sent yet (draft)"));
    const QString grade = parties.riskLabel.isEmpty() ? tr("not graded") : parties.riskLabel;
    html += row(tr("Risk grade"), r.riskItems.isEmpty() ? grade : tr("%1: %2").arg(grade, r.riskItems.join(tr("; "))));
    html += QStringLiteral("</table>");
    html += section(tr("Reason for referral"), r.reason);
    html += section(tr("Diagnosis"), r.diagnosis);
    html += section(tr("Clinical summary"), r.summary);
    QStringList items;
    for (const ReferralAttachment &a : attachments)
        items << tr("%1 — %2").arg(Referrals::label(a.kind), a.label);
    html += section(tr("Sent with the referral"), items.join(QLatin1Char('\n')));
    html += signature(tr("Referring doctor"), sent ? sent->author : r.meta.author, sent ? when(sent->at) : QString());
    html += QStringLiteral("</body></html>");
    return html;
}

QString ReferralPdf::returnSlipHtml(const Referral &r, const ReferralTimeline &timeline, const Parties &parties)
{
    const auto outcome = firstStep(timeline, ReferralAction::ReturnOutcome);
    if (!outcome)
        return {};
    const auto sent = firstStep(timeline, ReferralAction::Send);
    const auto arrived = firstStep(timeline, ReferralAction::Arrive);
    QString html = Doc::opening(tr("Referral return slip"), parties.toClinic);
    html += QStringLiteral("<table width='100%' border='1' cellspacing='0' cellpadding='4'>");
    html += womanRows(parties.woman);
    html += row(tr("Referred by"), parties.fromClinic);
    html += row(tr("Sent"), sent ? when(sent->at) : QString());
    html += row(tr("She arrived"), arrived ? when(arrived->at) : QString());
    html += row(tr("Reason for referral"), r.reason);
    html += QStringLiteral("</table>");
    html += section(tr("Diagnosis"), outcome->outcome.diagnosis);
    html += section(tr("What was done"), outcome->outcome.treatment);
    html += section(tr("Plan"), outcome->outcome.plan);
    html += section(tr("Advice for her clinic"), outcome->outcome.advice);
    html += signature(tr("Doctor"), outcome->author, when(outcome->at));
    html += QStringLiteral("</body></html>");
    return html;
}

Result<void> ReferralPdf::writeForm(const Referral &referral, const QList<ReferralAttachment> &attachments,
    const ReferralTimeline &timeline, const Parties &parties, const QString &path)
{
    return HandoutDocument(formHtml(referral, attachments, timeline, parties), QPageSize::A4, QPageLayout::Portrait)
        .writePdf(path, tr("Referral form"));
}

Result<void> ReferralPdf::writeReturnSlip(
    const Referral &referral, const ReferralTimeline &timeline, const Parties &parties, const QString &path)
{
    const QString html = returnSlipHtml(referral, timeline, parties);
    if (html.isEmpty())
        return failure(QStringLiteral("referral.no-outcome"), tr("The outcome of this referral has not been returned yet."));
    return HandoutDocument(html, QPageSize::A4, QPageLayout::Portrait).writePdf(path, tr("Referral return slip"));
}
