#pragma once

#include "referrals/referralstep.h"

#include <QCoreApplication>

// What a button that takes a step says ("Accept", "Return the outcome…"): the step's label in
// the timeline says what was done ("Accepted").
class ReferralVerbs
{
    Q_DECLARE_TR_FUNCTIONS(ReferralVerbs)
public:
    static QString of(ReferralAction action);
    // The same without its shortcut marker and ellipsis, for a window title or a dialog's button.
    static QString plain(ReferralAction action);
};
