#include "sync/retrypolicy.h"

#include <QTest>

using std::chrono::seconds;

// The waits between failed sync rounds: doubling from the first, capped, and spread by jitter.
class TestRetryPolicy : public QObject
{
    Q_OBJECT
private slots:
    void waitsDoubleUntilTheCeiling()
    {
        const RetryPolicy policy(seconds(10), seconds(600), 0.0);
        QCOMPARE(policy.delayAfter(1, 0.5), seconds(10));
        QCOMPARE(policy.delayAfter(2, 0.5), seconds(20));
        QCOMPARE(policy.delayAfter(3, 0.5), seconds(40));
        QCOMPARE(policy.delayAfter(6, 0.5), seconds(320));
        QCOMPARE(policy.delayAfter(7, 0.5), seconds(600));
        QCOMPARE(policy.delayAfter(1000, 0.5), seconds(600)); // no overflow after a long outage
    }

    void jitterSpreadsTheWaitBothWaysButNeverPastTheCeiling()
    {
        const RetryPolicy policy(seconds(10), seconds(600), 0.2);
        QCOMPARE(policy.delayAfter(2, 0.0), seconds(16));
        QCOMPARE(policy.delayAfter(2, 0.5), seconds(20));
        QCOMPARE(policy.delayAfter(2, 0.9999), seconds(24));
        QCOMPARE(policy.delayAfter(10, 0.9999), seconds(600));
        QCOMPARE(policy.delayAfter(10, 0.0), seconds(480));
    }

    void drawnWaitsDifferBetweenClinics()
    {
        // Many clinics failing at once must not all come back at the same second.
        const RetryPolicy policy;
        QSet<qint64> waits;
        for (int clinic = 0; clinic < 50; ++clinic) {
            const seconds wait = policy.delayAfter(4);
            QVERIFY(wait >= seconds(64) && wait <= seconds(96));
            waits.insert(wait.count());
        }
        QVERIFY(waits.size() > 5);
    }

    void aFirstFailureWaitsAtLeastASecond()
    {
        QCOMPARE(RetryPolicy(seconds(0), seconds(0), 0.5).delayAfter(1, 0.0), seconds(1));
        QCOMPARE(RetryPolicy(seconds(10), seconds(600), 0.2).delayAfter(0, 0.5), seconds(10));
    }
};

QTEST_APPLESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
