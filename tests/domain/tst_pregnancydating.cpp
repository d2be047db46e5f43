// Ultrasound dating overrides the LMP only when the difference exceeds the limit for the
// gestational age at the scan (ACOG Committee Opinion 700).
#include "domain/pregnancydating.h"

#include <QTest>

class TestPregnancyDating : public QObject
{
    Q_OBJECT

private slots:
    void limitsByGestationalAge_data()
    {
        QTest::addColumn<int>("weeks");
        QTest::addColumn<int>("days");
        QTest::addColumn<int>("limit");
        QTest::newRow("8+6") << 8 << 6 << 5;
        QTest::newRow("9+0") << 9 << 0 << 7;
        QTest::newRow("13+6") << 13 << 6 << 7;
        QTest::newRow("15+6") << 15 << 6 << 7;
        QTest::newRow("16+0") << 16 << 0 << 10;
        QTest::newRow("21+6") << 21 << 6 << 10;
        QTest::newRow("22+0") << 22 << 0 << 14;
        QTest::newRow("27+6") << 27 << 6 << 14;
        QTest::newRow("28+0") << 28 << 0 << 21;
    }
    void limitsByGestationalAge()
    {
        QFETCH(int, weeks);
        QFETCH(int, days);
        QFETCH(int, limit);
        QCOMPARE(acceptedDatingDiscrepancyDays(GestationalAge::fromWeeksAndDays(weeks, days)), limit);
    }

    void discrepancyAtTheLimitKeepsTheLmpOneMoreDayUsesTheScan_data()
    {
        QTest::addColumn<int>("scanWeeks");
        QTest::addColumn<int>("limit");
        QTest::newRow("first trimester, 7 days") << 12 << 7;
        QTest::newRow("early, 5 days") << 8 << 5;
        QTest::newRow("mid, 10 days") << 18 << 10;
        QTest::newRow("late second, 14 days") << 24 << 14;
        QTest::newRow("third, 21 days") << 35 << 21;
    }
    void discrepancyAtTheLimitKeepsTheLmpOneMoreDayUsesTheScan()
    {
        QFETCH(int, scanWeeks);
        QFETCH(int, limit);
        const QDate lmp(2026, 1, 5);
        const QDate scan = lmp.addDays(scanWeeks * 7);
        for (int sign : {+1, -1}) {
            const auto atLimit = datePregnancy(lmp, UltrasoundDating{scan, GestationalAge(scanWeeks * 7 + sign * limit)});
            QCOMPARE(atLimit->source, DatingSource::LastMenstrualPeriod);
            QCOMPARE(atLimit->edd, eddByNaegele(lmp));
            QCOMPARE(atLimit->discrepancyDays, sign * limit);
            const auto beyond = datePregnancy(lmp, UltrasoundDating{scan, GestationalAge(scanWeeks * 7 + sign * (limit + 1))});
            QCOMPARE(beyond->source, DatingSource::Ultrasound);
            QCOMPARE(GestationalAge::onDate(beyond->edd, scan).totalDays(), scanWeeks * 7 + sign * (limit + 1));
        }
    }

    void scanAloneDatesAndNothingGivesNoDating()
    {
        const auto byScan = datePregnancy(QDate(), UltrasoundDating{QDate(2026, 5, 1), GestationalAge::fromWeeksAndDays(12, 3)});
        QCOMPARE(byScan->source, DatingSource::Ultrasound);
        QCOMPARE(byScan->edd, QDate(2026, 5, 1).addDays(280 - 87));
        QVERIFY(!datePregnancy(QDate(), std::nullopt));
    }
};

QTEST_GUILESS_MAIN(TestPregnancyDating)
#include "tst_pregnancydating.moc"
