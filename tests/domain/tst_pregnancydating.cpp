// Ultrasound dating overrides the LMP only when the difference exceeds the limit for the
// gestational age by LMP at the scan (ACOG Committee Opinion 700, 2017, table 1):
// ≤8+6: >5 days; 9+0–13+6: >7; 14+0–15+6: >7; 16+0–21+6: >10; 22+0–27+6: >14; ≥28+0: >21.
#include "domain/pregnancydating.h"

#include <QTest>

namespace {
const QDate Lmp(2026, 1, 5); // EDD by LMP 12 Oct 2026

std::optional<PregnancyDating> dateWithScan(int lmpAgeAtScanDays, int discrepancyDays)
{
    const QDate scan = Lmp.addDays(lmpAgeAtScanDays);
    return datePregnancy(Lmp, UltrasoundDating { scan, GestationalAge(lmpAgeAtScanDays + discrepancyDays) });
}
} // namespace

class TestPregnancyDating : public QObject
{
    Q_OBJECT

private:
    static void addBoundaryRows()
    {
        QTest::addColumn<int>("weeks");
        QTest::addColumn<int>("days");
        QTest::addColumn<int>("limit");
        QTest::newRow("0+0: 5 days") << 0 << 0 << 5;
        QTest::newRow("8+6: 5 days") << 8 << 6 << 5;
        QTest::newRow("9+0: 7 days") << 9 << 0 << 7;
        QTest::newRow("13+6: 7 days") << 13 << 6 << 7;
        QTest::newRow("14+0: 7 days") << 14 << 0 << 7;
        QTest::newRow("15+6: 7 days") << 15 << 6 << 7;
        QTest::newRow("16+0: 10 days") << 16 << 0 << 10;
        QTest::newRow("21+6: 10 days") << 21 << 6 << 10;
        QTest::newRow("22+0: 14 days") << 22 << 0 << 14;
        QTest::newRow("27+6: 14 days") << 27 << 6 << 14;
        QTest::newRow("28+0: 21 days") << 28 << 0 << 21;
        QTest::newRow("40+0: 21 days") << 40 << 0 << 21;
    }

private slots:
    void acogLimitChangesAtEachBandBoundary_data() { addBoundaryRows(); }
    void acogLimitChangesAtEachBandBoundary()
    {
        QFETCH(int, weeks);
        QFETCH(int, days);
        QFETCH(int, limit);
        QCOMPARE(acceptedDatingDiscrepancyDays(GestationalAge::fromWeeksAndDays(weeks, days)), limit);
    }

    void discrepancyAtTheLimitKeepsTheLmpAndOneDayBeyondUsesTheScan_data() { addBoundaryRows(); }
    void discrepancyAtTheLimitKeepsTheLmpAndOneDayBeyondUsesTheScan()
    {
        QFETCH(int, weeks);
        QFETCH(int, days);
        QFETCH(int, limit);
        const int lmpAge = weeks * 7 + days;
        const QDate scan = Lmp.addDays(lmpAge);
        for (int sign : { +1, -1 }) {
            const auto atLimit = dateWithScan(lmpAge, sign * limit);
            QVERIFY(atLimit);
            QCOMPARE(atLimit->source, DatingSource::LastMenstrualPeriod);
            QCOMPARE(atLimit->edd, QDate(2026, 10, 12));
            QCOMPARE(atLimit->discrepancyDays, sign * limit);

            const auto beyond = dateWithScan(lmpAge, sign * (limit + 1));
            QVERIFY(beyond);
            QCOMPARE(beyond->source, DatingSource::Ultrasound);
            QCOMPARE(beyond->discrepancyDays, sign * (limit + 1));
            // A scan that measured more than the LMP says moves the EDD earlier, and vice versa.
            QCOMPARE(beyond->edd, QDate(2026, 10, 12).addDays(-sign * (limit + 1)));
            QCOMPARE(GestationalAge::onDate(beyond->edd, scan).totalDays(), lmpAge + sign * (limit + 1));
        }
    }

    void agreementKeepsTheLmpWithZeroDiscrepancy()
    {
        const auto dating = dateWithScan(12 * 7, 0);
        QCOMPARE(dating->source, DatingSource::LastMenstrualPeriod);
        QCOMPARE(dating->discrepancyDays, 0);
        QCOMPARE(dating->edd, QDate(2026, 10, 12));
    }

    void limitIsChosenByTheGestationalAgeByLmpNotByTheScan()
    {
        // LMP says 21+0 (limit 10), the scan 22+4 (whose own band would allow 14): 11 days redates.
        const auto larger = dateWithScan(21 * 7, 11);
        QCOMPARE(larger->source, DatingSource::Ultrasound);
        // LMP says 22+0 (limit 14), the scan 20+1 (whose own band would allow 10): 13 days keeps the LMP.
        const auto smaller = dateWithScan(22 * 7, -13);
        QCOMPARE(smaller->source, DatingSource::LastMenstrualPeriod);
        QCOMPARE(smaller->discrepancyDays, -13);
    }

    void scanAcrossTheLeapDayCountsTheLeapDay()
    {
        // LMP 1 Dec 2023, scan 1 Mar 2024: 91 days (13+0) by LMP because February 2024 has 29 days.
        const QDate lmp(2023, 12, 1);
        const QDate scan(2024, 3, 1);
        const auto within
            = datePregnancy(lmp, UltrasoundDating { scan, GestationalAge::fromWeeksAndDays(14, 0) });
        QCOMPARE(within->source, DatingSource::LastMenstrualPeriod);
        QCOMPARE(within->discrepancyDays, 7);
        QCOMPARE(within->edd, QDate(2024, 9, 6));
        const auto beyond
            = datePregnancy(lmp, UltrasoundDating { scan, GestationalAge::fromWeeksAndDays(14, 1) });
        QCOMPARE(beyond->source, DatingSource::Ultrasound);
        QCOMPARE(beyond->discrepancyDays, 8);
        QCOMPARE(beyond->edd, QDate(2024, 8, 29));
    }

    void withoutLmpTheScanDatesThePregnancy()
    {
        const auto byScan = datePregnancy(
            QDate(), UltrasoundDating { QDate(2026, 5, 1), GestationalAge::fromWeeksAndDays(12, 3) });
        QVERIFY(byScan);
        QCOMPARE(byScan->source, DatingSource::Ultrasound);
        QCOMPARE(byScan->edd, QDate(2026, 11, 10));
        QCOMPARE(byScan->discrepancyDays, 0);
    }

    void withoutScanTheLmpDatesThePregnancy()
    {
        const auto byLmp = datePregnancy(Lmp, std::nullopt);
        QVERIFY(byLmp);
        QCOMPARE(byLmp->source, DatingSource::LastMenstrualPeriod);
        QCOMPARE(byLmp->edd, QDate(2026, 10, 12));
        QCOMPARE(byLmp->discrepancyDays, 0);
    }

    void scanWithoutDateIsIgnored()
    {
        const UltrasoundDating undated { QDate(), GestationalAge::fromWeeksAndDays(20, 0) };
        const auto byLmp = datePregnancy(Lmp, undated);
        QCOMPARE(byLmp->source, DatingSource::LastMenstrualPeriod);
        QCOMPARE(byLmp->edd, QDate(2026, 10, 12));
        QCOMPARE(byLmp->discrepancyDays, 0);
        QVERIFY(!datePregnancy(QDate(), undated));
    }

    void nothingKnownGivesNoDating() { QVERIFY(!datePregnancy(QDate(), std::nullopt)); }
};

QTEST_GUILESS_MAIN(TestPregnancyDating)
#include "tst_pregnancydating.moc"
