#pragma once

#include "referrals/referral.h"

#include <QDateTime>
#include <QString>
#include <QUuid>

#include <optional>

// Where a referral stands (FHIR R4 Task.status in brackets, docs/referrals.md).
enum class ReferralStatus {
    Draft, // written, not sent yet (draft)
    Sent, // on its way to the receiving clinic (requested)
    Received, // the receiving clinic's workstation has it (received)
    Accepted, // the receiving clinic will see her (accepted)
    Declined, // the receiving clinic will not, with a reason (rejected)
    Arrived, // she came (in-progress)
    OutcomeReturned, // the return slip (回执) is back with the sender (completed, output)
    Closed, // the sender closed it (completed)
    Cancelled, // the sender withdrew it, with a reason (cancelled)
};

// What one side does to a referral.
enum class ReferralAction { Send, Receive, Accept, Decline, Arrive, ReturnOutcome, Close, Cancel };

// The two sides: the clinic that refers her, and the clinic she is referred to.
enum class ReferralSide { Sender, Receiver };

// What a consultation was answered with when the consultant read the attachment in a viewer:
// her signed interpretation of the trace, or her signed report of the study (docs/referrals.md).
enum class ReadingKind { None, CtgInterpretation, UltrasoundReport };

struct SignedReading
{
    ReadingKind kind = ReadingKind::None;
    QUuid recordId; // the ctg_interpretation or ultrasound_report record

    bool isNone() const { return kind == ReadingKind::None; }
};

// What the receiving clinic returns to the sender (回执), with the return-outcome step; for a
// consultation, the opinion (diagnosis) and what is recommended (plan), and the signed reading
// it comes from.
struct ReferralOutcome
{
    QString diagnosis; // her diagnosis at the receiving clinic
    QString treatment; // what was done
    QString plan; // the plan from here
    QString advice; // down-referral advice for her clinic: follow-up, postpartum care
    SignedReading reading;

    bool isEmpty() const
    {
        return diagnosis.isEmpty() && treatment.isEmpty() && plan.isEmpty() && advice.isEmpty() && reading.isNone();
    }
};

// One step as recorded by the workstation that took it: append-only, synced as a record of its
// own, never changed afterwards.
struct ReferralStep
{
    QUuid id;
    QUuid referralId;
    ReferralAction action = ReferralAction::Send;
    QString clinicId; // where it was taken
    QString author; // who took it
    QDateTime at; // when (UTC)
    QString reason; // why: required to decline or cancel
    ReferralOutcome outcome; // with return-outcome only
};

namespace ReferralSteps {
// The side that takes an action: the receiver receives, accepts, declines, records the arrival
// and returns the outcome; the sender sends, closes and cancels.
ReferralSide sideOf(ReferralAction action);
// Whether the action needs a reason written (declining, cancelling).
bool needsReason(ReferralAction action);
// The status the action leads to from `from`, or nothing when it does not apply there (an
// accept of a referral already declined, a cancel of a closed one). A consultation is answered
// from sent or received with its opinion (return-outcome) or declined, then closed once the
// asker has read it: she is not accepted and does not arrive.
std::optional<ReferralStatus> next(ReferralStatus from, ReferralAction action, ReferralPurpose purpose = ReferralPurpose::Referral);
// Whether no further step applies (closed, cancelled; declined until the sender closes it).
bool isFinal(ReferralStatus status);

// Stable names for storage and sync ("sent", "return-outcome"), and back.
QString key(ReferralStatus status);
QString key(ReferralAction action);
std::optional<ReferralStatus> statusFromKey(const QString &key);
std::optional<ReferralAction> actionFromKey(const QString &key);
QString key(ReadingKind kind); // "" for none
std::optional<ReadingKind> readingKindFromKey(const QString &key);

// Translated names for screens and printouts.
QString label(ReferralStatus status);
QString label(ReferralAction action);
QString label(ReadingKind kind);
} // namespace ReferralSteps
