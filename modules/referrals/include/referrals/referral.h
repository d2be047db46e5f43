#pragma once

#include "domain/recordmeta.h"

#include <QStringList>
#include <QUuid>

#include <optional>

// Up to the center or a higher-level clinic when her risk rises; down to her clinic for
// follow-up or postpartum care.
enum class ReferralDirection { Up, Down };

// How soon the receiving clinic must act (FHIR ServiceRequest.priority stat / urgent / routine).
enum class ReferralUrgency { Emergency, Urgent, Routine };

// A referral hands her over; a consultation (远程会诊) asks the other clinic's opinion on her
// record and attachments while she stays (docs/referrals.md).
enum class ReferralPurpose { Referral, Consultation };

// What a consultation asks for: an opinion, the reading of a CTG trace, of an ultrasound study.
enum class ConsultationKind { General, CtgReading, UltrasoundReading };

// What the sender attaches for the receiver to read.
enum class ReferralAttachmentKind { Ctg, Study, UltrasoundReport, Lab, CaseSummary };

// The request itself, as the sender wrote it (docs/referrals.md). It can be edited while it is a
// draft; from the send step on it is what the receiving clinic was sent, and stays so. Where it
// stands is not a field of it but what its steps lead to (ReferralTimeline).
struct Referral
{
    RecordMeta meta; // meta.clinicId: the sending clinic
    QUuid pregnancyId;
    ReferralPurpose purpose = ReferralPurpose::Referral;
    ConsultationKind consultationKind = ConsultationKind::General; // a consultation's
    ReferralDirection direction = ReferralDirection::Up;
    ReferralUrgency urgency = ReferralUrgency::Routine;
    QString targetClinic; // the receiving clinic's id in the region
    QString targetDepartment; // when known
    QString targetDoctor; // when known
    QString reason; // why she is referred; a consultation's question
    QString diagnosis;
    QString riskColour; // her five-color grade when it was written (grading's colour key)
    QStringList riskItems; // the risk items behind that grade, as shown to clinicians
    QString summary; // the clinical summary
};

// One item the sender picked: a CTG trace or lab (by record id), an ultrasound study (by Study
// Instance UID) or its report, the case-file summary.
struct ReferralAttachment
{
    RecordMeta meta;
    QUuid referralId;
    ReferralAttachmentKind kind = ReferralAttachmentKind::Ctg;
    QString itemRef;
    QString label; // what the receiver sees in the list ("CTG 2026-12-01 10:20, 40 min")
};

namespace Referrals {
QString key(ReferralDirection direction);
QString key(ReferralUrgency urgency);
QString key(ReferralAttachmentKind kind);
QString key(ReferralPurpose purpose);
QString key(ConsultationKind kind);
std::optional<ReferralPurpose> purposeFromKey(const QString &key);
std::optional<ConsultationKind> consultationKindFromKey(const QString &key);
std::optional<ReferralDirection> directionFromKey(const QString &key);
std::optional<ReferralUrgency> urgencyFromKey(const QString &key);
std::optional<ReferralAttachmentKind> attachmentKindFromKey(const QString &key);

QString label(ReferralDirection direction);
QString label(ReferralUrgency urgency);
QString label(ReferralAttachmentKind kind);
QString label(ReferralPurpose purpose);
QString label(ConsultationKind kind);
} // namespace Referrals
