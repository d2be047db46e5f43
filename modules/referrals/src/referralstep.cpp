#include "referrals/referralstep.h"

#include "keyednames.h"

#include <QCoreApplication>

namespace {
using S = ReferralStatus;
using A = ReferralAction;
constexpr std::array StatusNames {
    KeyedName<S> { S::Draft, "draft", QT_TRANSLATE_NOOP("ReferralSteps", "Draft") },
    KeyedName<S> { S::Sent, "sent", QT_TRANSLATE_NOOP("ReferralSteps", "Sent") },
    KeyedName<S> { S::Received, "received", QT_TRANSLATE_NOOP("ReferralSteps", "Received") },
    KeyedName<S> { S::Accepted, "accepted", QT_TRANSLATE_NOOP("ReferralSteps", "Accepted") },
    KeyedName<S> { S::Declined, "declined", QT_TRANSLATE_NOOP("ReferralSteps", "Declined") },
    KeyedName<S> { S::Arrived, "arrived", QT_TRANSLATE_NOOP("ReferralSteps", "Arrived") },
    KeyedName<S> {
        S::OutcomeReturned, "outcome-returned", QT_TRANSLATE_NOOP("ReferralSteps", "Outcome returned") },
    KeyedName<S> { S::Closed, "closed", QT_TRANSLATE_NOOP("ReferralSteps", "Closed") },
    KeyedName<S> { S::Cancelled, "cancelled", QT_TRANSLATE_NOOP("ReferralSteps", "Cancelled") },
};
constexpr std::array ActionNames {
    KeyedName<A> { A::Send, "send", QT_TRANSLATE_NOOP("ReferralSteps", "Sent") },
    KeyedName<A> { A::Receive, "receive", QT_TRANSLATE_NOOP("ReferralSteps", "Received") },
    KeyedName<A> { A::Accept, "accept", QT_TRANSLATE_NOOP("ReferralSteps", "Accepted") },
    KeyedName<A> { A::Decline, "decline", QT_TRANSLATE_NOOP("ReferralSteps", "Declined") },
    KeyedName<A> { A::Arrive, "arrive", QT_TRANSLATE_NOOP("ReferralSteps", "She arrived") },
    KeyedName<A> { A::ReturnOutcome, "return-outcome", QT_TRANSLATE_NOOP("ReferralSteps", "Outcome returned") },
    KeyedName<A> { A::Close, "close", QT_TRANSLATE_NOOP("ReferralSteps", "Closed") },
    KeyedName<A> { A::Cancel, "cancel", QT_TRANSLATE_NOOP("ReferralSteps", "Cancelled") },
};
constexpr std::array ReadingNames {
    KeyedName<ReadingKind> { ReadingKind::None, "", QT_TRANSLATE_NOOP("ReferralSteps", "No reading") },
    KeyedName<ReadingKind> {
        ReadingKind::CtgInterpretation, "ctg-interpretation", QT_TRANSLATE_NOOP("ReferralSteps", "Signed CTG interpretation") },
    KeyedName<ReadingKind> {
        ReadingKind::UltrasoundReport, "ultrasound-report", QT_TRANSLATE_NOOP("ReferralSteps", "Signed ultrasound report") },
};
} // namespace

namespace ReferralSteps {

ReferralSide sideOf(ReferralAction action)
{
    switch (action) {
    case ReferralAction::Send:
    case ReferralAction::Close:
    case ReferralAction::Cancel:
        return ReferralSide::Sender;
    case ReferralAction::Receive:
    case ReferralAction::Accept:
    case ReferralAction::Decline:
    case ReferralAction::Arrive:
    case ReferralAction::ReturnOutcome:
        return ReferralSide::Receiver;
    }
    return ReferralSide::Sender;
}

bool needsReason(ReferralAction action)
{
    return action == ReferralAction::Decline || action == ReferralAction::Cancel;
}

bool isFinal(ReferralStatus status)
{
    return status == ReferralStatus::Closed || status == ReferralStatus::Cancelled;
}

std::optional<ReferralStatus> next(ReferralStatus from, ReferralAction action, ReferralPurpose purpose)
{
    if (purpose == ReferralPurpose::Consultation) {
        if (action == A::Accept || action == A::Arrive)
            return std::nullopt;
        if (action == A::ReturnOutcome)
            return from == S::Sent || from == S::Received ? std::optional<ReferralStatus>(S::OutcomeReturned) : std::nullopt;
    }
    // Receiving acknowledges delivery: it moves a sent referral on, and is a note on any later
    // one (the acknowledgment may reach the sender after the acceptance did).
    if (action == A::Receive && from != S::Draft)
        return from == S::Sent ? S::Received : from;
    switch (from) {
    case S::Draft:
        if (action == A::Send)
            return S::Sent;
        if (action == A::Cancel)
            return S::Cancelled;
        break;
    case S::Sent:
    case S::Received:
        if (action == A::Accept)
            return S::Accepted;
        if (action == A::Decline)
            return S::Declined;
        if (action == A::Cancel)
            return S::Cancelled;
        break;
    case S::Accepted:
        if (action == A::Arrive)
            return S::Arrived;
        if (action == A::Cancel) // she will not go after all
            return S::Cancelled;
        break;
    case S::Declined:
    case S::OutcomeReturned:
        if (action == A::Close)
            return S::Closed;
        break;
    case S::Arrived:
        if (action == A::ReturnOutcome)
            return S::OutcomeReturned;
        break;
    case S::Closed:
    case S::Cancelled:
        break;
    }
    return std::nullopt;
}

QString key(ReferralStatus status)
{
    return QString::fromLatin1(nameOf(StatusNames, status).key);
}

QString key(ReferralAction action)
{
    return QString::fromLatin1(nameOf(ActionNames, action).key);
}

std::optional<ReferralStatus> statusFromKey(const QString &key)
{
    return fromKey(StatusNames, key);
}

std::optional<ReferralAction> actionFromKey(const QString &key)
{
    return fromKey(ActionNames, key);
}

QString key(ReadingKind kind)
{
    return QString::fromLatin1(nameOf(ReadingNames, kind).key);
}

std::optional<ReadingKind> readingKindFromKey(const QString &key)
{
    return fromKey(ReadingNames, key);
}

QString label(ReadingKind kind)
{
    return QCoreApplication::translate("ReferralSteps", nameOf(ReadingNames, kind).label);
}

QString label(ReferralStatus status)
{
    return QCoreApplication::translate("ReferralSteps", nameOf(StatusNames, status).label);
}

QString label(ReferralAction action)
{
    return QCoreApplication::translate("ReferralSteps", nameOf(ActionNames, action).label);
}

} // namespace ReferralSteps
