#pragma once

#include "sync/backgroundsync.h"

#include <QElapsedTimer>
#include <QTest>

// Waits, processing events, until the background sync reports `state`; whether it did in time.
inline bool waitForState(BackgroundSync &sync, SyncStatus::State state, int timeout = 60000)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeout) {
        if (sync.status().state == state)
            return true;
        QTest::qWait(20);
    }
    return sync.status().state == state;
}
