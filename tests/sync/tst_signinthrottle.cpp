// Sign-in throttling on the center's database with a clock the test moves: the delay after the
// free failures, its doubling and its ceiling, attempts while closed not counted, and guessing
// from new devices never closing a device she signs in from.
#include "center/centerdatabase.h"
#include "center/signinthrottle.h"

#include <QTemporaryDir>
#include <QTest>

class TestSignInThrottle : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<CenterDatabase> m_database;
    qint64 m_now = 1'800'000'000;

    SignInThrottle throttle()
    {
        return SignInThrottle(m_database->connection(), ThrottlePolicy {}, [this] { return m_now; });
    }

    qint64 wait(const QString &device)
    {
        const auto seconds = throttle().waitBefore(QStringLiteral("nurse-li"), device);
        return seconds ? *seconds : -1;
    }

    void fail(const QString &device, int times = 1)
    {
        for (int i = 0; i < times; ++i)
            QVERIFY(throttle().failed(QStringLiteral("nurse-li"), device));
    }

private slots:
    void init()
    {
        auto database = CenterDatabase::open(m_dir.filePath(QStringLiteral("center-%1.db").arg(QLatin1String(QTest::currentTestFunction()))));
        QVERIFY(database);
        m_database = std::move(*database);
        QVERIFY(m_database->migrate());
    }

    void delaysDoubleUpToTheirCeiling()
    {
        const QString device = QStringLiteral("stranger");
        fail(device, 4);
        QCOMPARE(wait(device), 0);
        fail(device); // the fifth: still free
        QCOMPARE(wait(device), 0);
        const QList<qint64> expected { 60, 120, 240, 480, 900, 900, 900 };
        for (const qint64 delay : expected) {
            fail(device);
            QCOMPARE(wait(device), delay);
            m_now += delay; // the caller refuses attempts until then, uncounted
            QCOMPARE(wait(device), 0);
        }
    }

    void aSuccessOpensTheCount()
    {
        const QString device = QStringLiteral("her-pc");
        fail(device, 6);
        QVERIFY(wait(device) > 0);
        m_now += 60;
        QVERIFY(throttle().succeeded(QStringLiteral("nurse-li"), device));
        fail(device); // counting starts again: one failure is free
        QCOMPARE(wait(device), 0);
    }

    void guessingFromNewDevicesNeverClosesHerOwn()
    {
        QVERIFY(throttle().succeeded(QStringLiteral("nurse-li"), QStringLiteral("her-pc")));
        // Every new device id shares one count: inventing them does not multiply the guesses.
        for (int i = 0; i < 8; ++i)
            fail(QStringLiteral("invented-%1").arg(i));
        QVERIFY(wait(QStringLiteral("invented-99")) > 0);
        QCOMPARE(wait(QStringLiteral("her-pc")), 0);
        // Another user's counts are hers alone.
        const auto other = throttle().waitBefore(QStringLiteral("dr-wang"), QStringLiteral("invented-1"));
        QVERIFY(other);
        QCOMPARE(*other, 0);
    }

    void anAdministratorClearsEveryCount()
    {
        fail(QStringLiteral("stranger"), 9);
        QVERIFY(wait(QStringLiteral("stranger")) > 0);
        QVERIFY(throttle().clear(QStringLiteral("nurse-li")));
        QCOMPARE(wait(QStringLiteral("stranger")), 0);
    }

    void theRefusalSaysWhenAndWhatToDo()
    {
        const Error refusal = SignInThrottle::locked(61);
        QCOMPARE(refusal.code, QStringLiteral("auth.locked"));
        QVERIFY2(refusal.message.contains(QLatin1String("2 minute")), qPrintable(refusal.message));
        QVERIFY(refusal.message.contains(QLatin1String("administrator")));
    }
};

QTEST_GUILESS_MAIN(TestSignInThrottle)
#include "tst_signinthrottle.moc"
