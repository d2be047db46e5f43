// The recommended antenatal visit schedule (孕前和孕期保健指南 2018).
#include "domain/visitschedule.h"

#include <QTest>

class TestVisitSchedule : public QObject
{
    Q_OBJECT

private slots:
    void elevenRecommendedChecks()
    {
        const auto checks = VisitSchedule::recommendedChecks();
        QCOMPARE(checks.size(), 11);
        QCOMPARE(checks.first().from.toString(), QStringLiteral("6+0"));
        QCOMPARE(checks.first().to.toString(), QStringLiteral("13+6"));
        QCOMPARE(checks.last().from.toString(), QStringLiteral("41+0"));
        for (qsizetype i = 1; i < checks.size(); ++i)
            QCOMPARE(checks[i].from.totalDays(), checks[i - 1].to.totalDays() + 1);
    }

    void intervalShortensAt28And36Weeks_data()
    {
        QTest::addColumn<int>("days");
        QTest::addColumn<int>("interval");
        QTest::newRow("27+6") << 27 * 7 + 6 << 28;
        QTest::newRow("28+0") << 28 * 7 << 14;
        QTest::newRow("35+6") << 35 * 7 + 6 << 14;
        QTest::newRow("36+0") << 36 * 7 << 7;
    }
    void intervalShortensAt28And36Weeks()
    {
        QFETCH(int, days);
        QFETCH(int, interval);
        QCOMPARE(VisitSchedule::intervalDaysAfter(GestationalAge(days)), interval);
    }

    void nextDueFollowsTheLastVisit()
    {
        const QDate edd(2027, 3, 1);
        const QDate at30Weeks = edd.addDays(-70);
        QCOMPARE(VisitSchedule::nextDue(edd, at30Weeks, {}), at30Weeks.addDays(14));
        const QDate at20Weeks = edd.addDays(-140);
        QCOMPARE(VisitSchedule::nextDue(edd, at20Weeks, {}), at20Weeks.addDays(28));
    }

    void withoutVisitsTheBookingCheckIsDueFromSixWeeks()
    {
        const QDate edd(2027, 3, 1);
        const QDate sixWeeks = edd.addDays(42 - 280);
        QCOMPARE(VisitSchedule::nextDue(edd, {}, sixWeeks.addDays(-10)), sixWeeks);
        QCOMPARE(VisitSchedule::nextDue(edd, {}, sixWeeks.addDays(10)), sixWeeks.addDays(10));
    }

    void neverPast41Plus6()
    {
        const QDate edd(2027, 3, 1);
        QCOMPARE(VisitSchedule::nextDue(edd, edd.addDays(6), {}), edd.addDays(13));
        QVERIFY(!VisitSchedule::nextDue(QDate(), QDate(), QDate()).isValid());
    }
};

QTEST_GUILESS_MAIN(TestVisitSchedule)
#include "tst_visitschedule.moc"
