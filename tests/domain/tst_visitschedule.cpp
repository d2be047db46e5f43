// The recommended antenatal visit schedule (中华医学会 孕前和孕期保健指南 2018): windows at 6–13+6,
// 14–19+6, 20–24, 25–28, 29–32, 33–36 weeks and weekly from 37 to 41; every 4 weeks before 28+0,
// every 2 weeks to 36+0, then weekly; never due after 41+6.
#include "domain/visitschedule.h"

#include <QTest>

namespace {
const QDate Edd(2024, 2, 29); // a leap-day EDD so that late intervals cross 29 February

QDate dateAt(int weeks, int days)
{
    return Edd.addDays(
        GestationalAge::fromWeeksAndDays(weeks, days).totalDays() - GestationalAge::DaysAtTerm);
}
} // namespace

class TestVisitSchedule : public QObject
{
    Q_OBJECT

private slots:
    void elevenWindowsFromSixToFortyOnePlusSix()
    {
        const QList<ScheduledCheck> checks = VisitSchedule::recommendedChecks();
        const QStringList expected {
            QStringLiteral("6+0–13+6"),
            QStringLiteral("14+0–19+6"),
            QStringLiteral("20+0–24+6"),
            QStringLiteral("25+0–28+6"),
            QStringLiteral("29+0–32+6"),
            QStringLiteral("33+0–36+6"),
            QStringLiteral("37+0–37+6"),
            QStringLiteral("38+0–38+6"),
            QStringLiteral("39+0–39+6"),
            QStringLiteral("40+0–40+6"),
            QStringLiteral("41+0–41+6"),
        };
        QStringList actual;
        for (const ScheduledCheck &check : checks)
            actual << check.from.toString() + QChar(0x2013) + check.to.toString();
        QCOMPARE(actual, expected);
    }

    void windowsFollowEachOtherWithoutGapOrOverlap()
    {
        const QList<ScheduledCheck> checks = VisitSchedule::recommendedChecks();
        for (qsizetype i = 0; i < checks.size(); ++i) {
            QVERIFY(checks[i].from <= checks[i].to);
            if (i > 0)
                QCOMPARE(checks[i].from.totalDays(), checks[i - 1].to.totalDays() + 1);
        }
    }

    void intervalIs28Then14Then7Days_data()
    {
        QTest::addColumn<int>("weeks");
        QTest::addColumn<int>("days");
        QTest::addColumn<int>("interval");
        QTest::newRow("0+0: 28") << 0 << 0 << 28;
        QTest::newRow("12+0: 28") << 12 << 0 << 28;
        QTest::newRow("27+6: 28") << 27 << 6 << 28;
        QTest::newRow("28+0: 14") << 28 << 0 << 14;
        QTest::newRow("35+6: 14") << 35 << 6 << 14;
        QTest::newRow("36+0: 7") << 36 << 0 << 7;
        QTest::newRow("41+6: 7") << 41 << 6 << 7;
        QTest::newRow("43+0: 7") << 43 << 0 << 7;
    }
    void intervalIs28Then14Then7Days()
    {
        QFETCH(int, weeks);
        QFETCH(int, days);
        QFETCH(int, interval);
        QCOMPARE(VisitSchedule::intervalDaysAfter(GestationalAge::fromWeeksAndDays(weeks, days)), interval);
    }

    void nextDueFollowsTheLastVisit_data()
    {
        QTest::addColumn<QDate>("lastVisit");
        QTest::addColumn<QDate>("due");
        QTest::newRow("8+0 → 12+0") << QDate(2023, 7, 20) << QDate(2023, 8, 17);
        QTest::newRow("20+0 → 24+0") << QDate(2023, 10, 12) << QDate(2023, 11, 9);
        QTest::newRow("27+6 → 31+6") << QDate(2023, 12, 6) << QDate(2024, 1, 3);
        QTest::newRow("28+0 → 30+0") << QDate(2023, 12, 7) << QDate(2023, 12, 21);
        QTest::newRow("35+6 → 37+6") << QDate(2024, 1, 31) << QDate(2024, 2, 14);
        QTest::newRow("36+0 → 37+0") << QDate(2024, 2, 1) << QDate(2024, 2, 8);
        QTest::newRow("38+6 → 39+6 on the leap day") << QDate(2024, 2, 21) << QDate(2024, 2, 28);
        QTest::newRow("39+6 → 40+6 across the leap day") << QDate(2024, 2, 28) << QDate(2024, 3, 6);
        QTest::newRow("40+6 → 41+6") << QDate(2024, 3, 6) << QDate(2024, 3, 13);
        QTest::newRow("41+0 → clamped to 41+6") << QDate(2024, 3, 7) << QDate(2024, 3, 13);
        QTest::newRow("41+6 → clamped to 41+6") << QDate(2024, 3, 13) << QDate(2024, 3, 13);
    }
    void nextDueFollowsTheLastVisit()
    {
        QFETCH(QDate, lastVisit);
        QFETCH(QDate, due);
        QCOMPARE(VisitSchedule::nextDue(Edd, lastVisit, QDate()), due);
        // An overdue check stays due on its date: today does not move it.
        QCOMPARE(VisitSchedule::nextDue(Edd, lastVisit, due.addDays(20)), due);
    }

    void withoutVisitsTheBookingCheckIsDueFromSixWeeks_data()
    {
        QTest::addColumn<QDate>("today");
        QTest::addColumn<QDate>("due");
        QTest::newRow("at 5+0 it is due at 6+0") << QDate(2023, 6, 29) << QDate(2023, 7, 6);
        QTest::newRow("at 5+6 it is due at 6+0") << QDate(2023, 7, 5) << QDate(2023, 7, 6);
        QTest::newRow("at 6+0 it is due that day") << QDate(2023, 7, 6) << QDate(2023, 7, 6);
        QTest::newRow("at 6+1 it is due that day") << QDate(2023, 7, 7) << QDate(2023, 7, 7);
        QTest::newRow("at 10+0 it is due that day") << QDate(2023, 8, 3) << QDate(2023, 8, 3);
        QTest::newRow("at 41+6 it is due that day") << QDate(2024, 3, 13) << QDate(2024, 3, 13);
        QTest::newRow("at 42+3 it stays at 41+6") << QDate(2024, 3, 17) << QDate(2024, 3, 13);
        QTest::newRow("unknown today: 6+0") << QDate() << QDate(2023, 7, 6);
    }
    void withoutVisitsTheBookingCheckIsDueFromSixWeeks()
    {
        QFETCH(QDate, today);
        QFETCH(QDate, due);
        QCOMPARE(VisitSchedule::nextDue(Edd, QDate(), today), due);
    }

    void withoutEddNothingIsDue()
    {
        QVERIFY(!VisitSchedule::nextDue(QDate(), QDate(), QDate()).isValid());
        QVERIFY(!VisitSchedule::nextDue(QDate(), QDate(2024, 1, 1), QDate(2024, 1, 2)).isValid());
    }

    void dueDateIsNeverAfter41Plus6()
    {
        const QDate latest = dateAt(41, 6);
        for (QDate visit = dateAt(0, 0); visit <= dateAt(44, 0); visit = visit.addDays(1)) {
            QVERIFY(VisitSchedule::nextDue(Edd, visit, QDate()) <= latest);
            QVERIFY(VisitSchedule::nextDue(Edd, QDate(), visit) <= latest);
        }
    }

    void attendingOnEveryDueDateVisitsEveryRecommendedWindow()
    {
        QStringList visits;
        QDate due = VisitSchedule::nextDue(Edd, QDate(), dateAt(6, 0));
        for (int i = 0; i < 20; ++i) {
            visits << GestationalAge::onDate(Edd, due).toString();
            const QDate next = VisitSchedule::nextDue(Edd, due, QDate());
            if (next == due)
                break; // 41+6 reached: no later check is scheduled
            due = next;
        }
        const QStringList expected = QStringLiteral("6+0 10+0 14+0 18+0 22+0 26+0 30+0 32+0 34+0 36+0 "
                                                    "37+0 38+0 39+0 40+0 41+0 41+6")
                                         .split(QLatin1Char(' '));
        QCOMPARE(visits, expected);
        for (const ScheduledCheck &check : VisitSchedule::recommendedChecks()) {
            bool visited = false;
            for (const QString &v : visits) {
                const QStringList parts = v.split(QLatin1Char('+'));
                const auto age = GestationalAge::fromWeeksAndDays(parts[0].toInt(), parts[1].toInt());
                visited = visited || (age >= check.from && age <= check.to);
            }
            QVERIFY2(visited, qPrintable(check.from.toString()));
        }
    }
};

QTEST_GUILESS_MAIN(TestVisitSchedule)
#include "tst_visitschedule.moc"
