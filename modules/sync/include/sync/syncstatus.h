#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <optional>

// What the workstation shows about sync: one state, what is waiting on either side, and the
// progress of a round under way.
struct SyncStatus
{
    enum class State {
        NotConfigured, // no regional center set up: the clinic works on its own
        SignInNeeded, // the center needs the user's password again
        Offline, // the last round failed; nextAttempt says when it tries again
        Syncing, // a round is under way (recordsDone, bytesMoved)
        UpToDate, // the last round finished
    };
    State state = State::NotConfigured;
    QString message; // translated: why offline or why sign-in is needed
    int pending = 0; // local changes not yet accepted by the center
    int refused = 0; // local changes the center refused, kept with the reason
    int openConflicts = 0;
    int recordsDone = 0;
    qint64 bytesMoved = 0;
    QDateTime lastSynced;
    QDateTime nextAttempt;
    // This computer's clock behind (+) or ahead (−) of the center's at the last answer, seconds.
    std::optional<qint64> clockOffsetSeconds;
};
Q_DECLARE_METATYPE(SyncStatus)
