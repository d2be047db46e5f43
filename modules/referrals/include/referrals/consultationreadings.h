#pragma once

#include "ctg-records/ctginterpretation.h"
#include "domain/result.h"
#include "referrals/referralrepository.h"
#include "ultrasound-exams/ultrasoundreport.h"

#include <QCoreApplication>

#include <optional>

// A CTG or ultrasound reading consultation (远程会诊) is answered where the reading is done: the
// consultant opens the attached trace in the CTG viewer, or the attached study in the DICOM
// viewer, and what she signs there — the interpretation, the report — is the opinion returned to
// the asking clinic, named by the opinion step so that the asker opens the reading itself
// (docs/referrals.md). This finds the consultation a trace or study is awaited by, and answers it.
class ConsultationReadings
{
    Q_DECLARE_TR_FUNCTIONS(ConsultationReadings)
public:
    explicit ConsultationReadings(ReferralRepository &repository);

    // The open consultation this clinic is asked to answer by reading this trace (a CTG reading
    // with it attached) or this study (an ultrasound reading), the oldest if several; none when
    // it is not awaited.
    Result<std::optional<Referral>> awaitingTrace(const QUuid &traceId) const;
    Result<std::optional<Referral>> awaitingStudy(const QString &studyInstanceUid) const;

    // Answers the consultation awaiting the trace or study with the signed interpretation or
    // report: its text is the opinion. Nothing when none awaits it; refused while unsigned.
    Result<std::optional<ReferralStep>> answer(const CtgInterpretation &interpretation);
    Result<std::optional<ReferralStep>> answer(const UltrasoundReport &report);

private:
    // Takes the opinion step on the consultation found, if one was.
    Result<std::optional<ReferralStep>> answerWith(const Result<std::optional<Referral>> &consultation, const ReferralOutcome &opinion);
    Result<std::optional<Referral>> awaiting(ConsultationKind kind, ReferralAttachmentKind attached, const QString &itemRef) const;

    ReferralRepository &m_repository;
};
