#include "referrals/consultationreadings.h"

ConsultationReadings::ConsultationReadings(ReferralRepository &repository)
    : m_repository(repository)
{
}

Result<std::optional<Referral>> ConsultationReadings::awaitingTrace(const QUuid &traceId) const
{
    return awaiting(ConsultationKind::CtgReading, ReferralAttachmentKind::Ctg, traceId.toString(QUuid::WithoutBraces));
}

Result<std::optional<Referral>> ConsultationReadings::awaitingStudy(const QString &studyInstanceUid) const
{
    return awaiting(ConsultationKind::UltrasoundReading, ReferralAttachmentKind::Study, studyInstanceUid);
}

Result<std::optional<Referral>> ConsultationReadings::awaiting(
    ConsultationKind kind, ReferralAttachmentKind attached, const QString &itemRef) const
{
    if (itemRef.isEmpty())
        return std::optional<Referral>();
    auto incoming = m_repository.incoming();
    if (!incoming)
        return tl::unexpected(incoming.error());
    std::optional<Referral> oldest;
    QDateTime oldestSent;
    for (const ReferralListRow &row : *incoming) {
        const Referral &r = row.referral;
        if (r.purpose != ReferralPurpose::Consultation || r.consultationKind != kind
            || !ReferralSteps::next(row.status, ReferralAction::ReturnOutcome, r.purpose))
            continue;
        auto attachments = m_repository.attachments(r.meta.id);
        if (!attachments)
            return tl::unexpected(attachments.error());
        const bool asked = std::any_of(attachments->cbegin(), attachments->cend(),
            [&](const ReferralAttachment &a) { return a.kind == attached && a.itemRef == itemRef; });
        if (asked && (!oldest || row.sentAt < oldestSent)) {
            oldest = r;
            oldestSent = row.sentAt;
        }
    }
    return oldest;
}

Result<std::optional<ReferralStep>> ConsultationReadings::answer(const CtgInterpretation &interpretation)
{
    if (!interpretation.isSigned())
        return failure(QStringLiteral("referral.reading-unsigned"), tr("Sign the interpretation before it answers the consultation."));
    // Only what this clinic signed answers what this clinic was asked: an interpretation that
    // came with the trace from the asking clinic is not the consultant's opinion.
    if (interpretation.meta.clinicId != m_repository.clinicId())
        return std::optional<ReferralStep>();
    ReferralOutcome opinion;
    opinion.diagnosis = interpretation.text.trimmed();
    opinion.reading = { ReadingKind::CtgInterpretation, interpretation.meta.id };
    return answerWith(awaitingTrace(interpretation.traceId), opinion);
}

Result<std::optional<ReferralStep>> ConsultationReadings::answer(const UltrasoundReport &report)
{
    if (!report.isSigned())
        return failure(QStringLiteral("referral.reading-unsigned"), tr("Sign the report before it answers the consultation."));
    if (report.meta.clinicId != m_repository.clinicId())
        return std::optional<ReferralStep>();
    const auto consultation = awaitingStudy(report.studyInstanceUid);
    // The report must be filed under the woman the consultation is about, or the asker could
    // never open it from the opinion.
    if (consultation && *consultation && (*consultation)->pregnancyId != report.pregnancyId)
        return failure(QStringLiteral("referral.reading-other-woman"),
            tr("This report is filed under another woman than the consultation asks about: open her chart, then the study's report."));
    ReferralOutcome opinion;
    // The impression (超声提示) is the answer to the question; the findings stay in the report.
    opinion.diagnosis = report.impression.trimmed().isEmpty() ? report.findings.trimmed() : report.impression.trimmed();
    opinion.reading = { ReadingKind::UltrasoundReport, report.meta.id };
    return answerWith(consultation, opinion);
}

Result<std::optional<ReferralStep>> ConsultationReadings::answerWith(
    const Result<std::optional<Referral>> &consultation, const ReferralOutcome &opinion)
{
    if (!consultation)
        return tl::unexpected(consultation.error());
    if (!*consultation)
        return std::optional<ReferralStep>();
    auto step = m_repository.take((*consultation)->meta.id, ReferralAction::ReturnOutcome, {}, opinion);
    if (!step)
        return tl::unexpected(step.error());
    return std::optional<ReferralStep>(*step);
}
