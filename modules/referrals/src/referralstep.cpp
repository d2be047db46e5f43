#include "referrals/referralstep.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>

namespace {
struct StatusName
{
    ReferralStatus status;
    const char *key;
    const char *label;
};
constexpr std::array StatusNames {
    StatusName { ReferralStatus::Draft, "draft", QT_TRANSLATE_NOOP("ReferralSteps", "Draft") },
    StatusName { ReferralStatus::Sent, "sent", QT_TRANSLATE_NOOP("ReferralSteps", "Sent") },
    StatusName { ReferralStatus::Received, "received", QT_TRANSLATE_NOOP("ReferralSteps", "Received") },
    StatusName { ReferralStatus::Accepted, "accepted", QT_TRANSLATE_NOOP("ReferralSteps", "Accepted") },
    StatusName { ReferralStatus::Declined, "declined", QT_TRANSLATE_NOOP("ReferralSteps", "Declined") },
    StatusName { ReferralStatus::Arrived, "arrived", QT_TRANSLATE_NOOP("ReferralSteps", "Arrived") },
    StatusName { ReferralStatus::OutcomeReturned, "outcome-returned",
        QT_TRANSLATE_NOOP("ReferralSteps", "Outcome returned") },
    StatusName { ReferralStatus::Closed, "closed", QT_TRANSLATE_NOOP("ReferralSteps", "Closed") },
    StatusName { ReferralStatus::Cancelled, "cancelled", QT_TRANSLATE_NOOP("ReferralSteps", "Cancelled") },
};

struct ActionName
{
    ReferralAction action;
    const char *key;
    const char *label;
};
constexpr std::array ActionNames {
    ActionName { ReferralAction::Send, "send", QT_TRANSLATE_NOOP("ReferralSteps", "Sent") },
    ActionName { ReferralAction::Receive, "receive", QT_TRANSLATE_NOOP("ReferralSteps", "Received") },
    ActionName { ReferralAction::Accept, "accept", QT_TRANSLATE_NOOP("ReferralSteps", "Accepted") },
    ActionName { ReferralAction::Decline, "decline", QT_TRANSLATE_NOOP("ReferralSteps", "Declined") },
    ActionName { ReferralAction::Arrive, "arrive", QT_TRANSLATE_NOOP("ReferralSteps", "She arrived") },
    ActionName { ReferralAction::ReturnOutcome, "return-outcome",
        QT_TRANSLATE_NOOP("ReferralSteps", "Outcome returned") },
    ActionName { ReferralAction::Close, "close", QT_TRANSLATE_NOOP("ReferralSteps", "Closed") },
    ActionName { ReferralAction::Cancel, "cancel", QT_TRANSLATE_NOOP("ReferralSteps", "Cancelled") },
};

const StatusName &nameOf(ReferralStatus status)
{
    return *std::find_if(StatusNames.cbegin(), StatusNames.cend(),
        [status](const StatusName &name) { return name.status == status; });
}

const ActionName &nameOf(ReferralAction action)
{
    return *std::find_if(ActionNames.cbegin(), ActionNames.cend(),
        [action](const ActionName &name) { return name.action == action; });
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
    using S = ReferralStatus;
    using A = ReferralAction;
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
    return QString::fromLatin1(nameOf(status).key);
}

QString key(ReferralAction action)
{
    return QString::fromLatin1(nameOf(action).key);
}

std::optional<ReferralStatus> statusFromKey(const QString &key)
{
    for (const StatusName &name : StatusNames)
        if (key == QLatin1String(name.key))
            return name.status;
    return std::nullopt;
}

std::optional<ReferralAction> actionFromKey(const QString &key)
{
    for (const ActionName &name : ActionNames)
        if (key == QLatin1String(name.key))
            return name.action;
    return std::nullopt;
}

QString label(ReferralStatus status)
{
    return QCoreApplication::translate("ReferralSteps", nameOf(status).label);
}

QString label(ReferralAction action)
{
    return QCoreApplication::translate("ReferralSteps", nameOf(action).label);
}

} // namespace ReferralSteps
