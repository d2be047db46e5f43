// The workstation's clock against the center's: the offset from the center's Date header and
// the middle of the request, the 5-minute tolerance on both sides and both ways, and headers
// that are not an HTTP date.
#include "sync/clockcheck.h"

#include <QTest>

class TestClockCheck : public QObject
{
    Q_OBJECT

private slots:
    void theOffsetIsTakenAgainstTheMiddleOfTheRequest()
    {
        const QDateTime sent(QDate(2026, 12, 7), QTime(9, 0, 0), Qt::UTC);
        const QDateTime received = sent.addSecs(4);
        // The center said 09:07:02 while this clock said 09:00:02: seven minutes behind.
        QCOMPARE(ClockCheck::offsetSeconds("Mon, 07 Dec 2026 09:07:02 GMT", sent, received), std::optional<qint64>(420));
        QCOMPARE(ClockCheck::offsetSeconds("Mon, 07 Dec 2026 08:55:02 GMT", sent, received), std::optional<qint64>(-300));
        QCOMPARE(ClockCheck::offsetSeconds("Mon, 07 Dec 2026 09:00:02 GMT", sent, received), std::optional<qint64>(0));
    }

    void fiveMinutesEitherWayIsTheLimit()
    {
        QVERIFY(!ClockCheck::isOff(300));
        QVERIFY(ClockCheck::isOff(301));
        QVERIFY(!ClockCheck::isOff(-300));
        QVERIFY(ClockCheck::isOff(-301));
        QVERIFY(ClockCheck::warning(420).contains(QStringLiteral("7 minute(s) behind")));
        QVERIFY(ClockCheck::warning(-3600).contains(QStringLiteral("60 minute(s) ahead")));
    }

    void aHeaderThatIsNotAnHttpDateGivesNothing()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const QByteArray &header : { QByteArray(), QByteArray("yesterday"), QByteArray("2026-12-07T09:00:00Z"),
                 QByteArray("Mon, 32 Dec 2026 09:00:00 GMT") })
            QVERIFY2(!ClockCheck::offsetSeconds(header, now, now), header.constData());
    }
};

QTEST_GUILESS_MAIN(TestClockCheck)
#include "tst_clockcheck.moc"
