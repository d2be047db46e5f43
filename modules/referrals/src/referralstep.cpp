#include "referrals/referralstep.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>

namespace {
// A value's stable key (storage, sync) and its label (screens), in one table per enum.
template <typename Value> struct Name
{
    Value value;
    const char *key;
    const char *label;
};

using S = ReferralStatus;
using A = ReferralAction;
constexpr std::array StatusNames {
    Name<S> { S::Draft, "draft", QT_TRANSLATE_NOOP("ReferralSteps", "Draft") },
    Name<S> { S::Sent, "sent", QT_TRANSLATE_NOOP("ReferralSteps", "Sent") },
    Name<S> { S::Received, "received", QT_TRANSLATE_NOOP("ReferralSteps", "Received") },
    Name<S> { S::Accepted, "accepted", QT_TRANSLATE_NOOP("ReferralSteps", "Accepted") },
    Name<S> { S::Declined, "declined", QT_TRANSLATE_NOOP("ReferralSteps", "Declined") },
    Name<S> { S::Arrived, "arrived", QT_TRANSLATE_NOOP("ReferralSteps", "Arrived") },
    Name<S> {
        S::OutcomeReturned, "outcome-returned", QT_TRANSLATE_NOOP("ReferralSteps", "Outcome returned") },
    Name<S> { S::Closed, "closed", QT_TRANSLATE_NOOP("ReferralSteps", "Closed") },
    Name<S> { S::Cancelled, "cancelled", QT_TRANSLATE_NOOP("ReferralSteps", "Cancelled") },
};
constexpr std::array ActionNames {
    Name<A> { A::Send, "send", QT_TRANSLATE_NOOP("ReferralSteps", "Sent") },
    Name<A> { A::Receive, "receive", QT_TRANSLATE_NOOP("ReferralSteps", "Received") },
    Name<A> { A::Accept, "accept", QT_TRANSLATE_NOOP("ReferralSteps", "Accepted") },
    Name<A> { A::Decline, "decline", QT_TRANSLATE_NOOP("ReferralSteps", "Declined") },
    Name<A> { A::Arrive, "arrive", QT_TRANSLATE_NOOP("ReferralSteps", "She arrived") },
    Name<A> { A::ReturnOutcome, "return-outcome", QT_TRANSLATE_NOOP("ReferralSteps", "Outcome returned") },
    Name<A> { A::Close, "close", QT_TRANSLATE_NOOP("ReferralSteps", "Closed") },
    Name<A> { A::Cancel, "cancel", QT_TRANSLATE_NOOP("ReferralSteps", "Cancelled") },
};

template <typename Value, std::size_t N>
const Name<Value> &nameOf(const std::array<Name<Value>, N> &names, Value value)
{
    return *std::find_if(
        names.cbegin(), names.cend(), [value](const Name<Value> &name) { return name.value == value; });
}

template <typename Value, std::size_t N>
std::optional<Value> fromKey(const std::array<Name<Value>, N> &names, const QString &key)
{
    for (const Name<Value> &name : names)
        if (key == QLatin1String(name.key))
            return name.value;
    return std::nullopt;
}
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

std::optional<ReferralStatus> next(ReferralStatus from, ReferralAction action)
{
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

QString label(ReferralStatus status)
{
    return QCoreApplication::translate("ReferralSteps", nameOf(StatusNames, status).label);
}

QString label(ReferralAction action)
{
    return QCoreApplication::translate("ReferralSteps", nameOf(ActionNames, action).label);
}

} // namespace ReferralSteps
