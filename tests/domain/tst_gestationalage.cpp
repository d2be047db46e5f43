// Gestational age and EDD arithmetic: GA from the EDD on many dates, the "32+4" notation and its
// parts, trimester boundaries, and Naegele's rule (LMP + 280 days, ACOG/SMFM Committee Opinion 700)
// across leap years, month ends and year ends. Expected dates were computed independently.
#include "domain/gestationalage.h"

#include <QTest>

#include <array>

class TestGestationalAge : public QObject
{
    Q_OBJECT

private slots:
    void gestationalAgeFromALeapDayEdd_data()
    {
        // EDD 29 Feb 2024 (LMP 25 May 2023): every date below is counted across the leap day.
        QTest::addColumn<QDate>("date");
        QTest::addColumn<int>("days");
        QTest::addColumn<QString>("text");
        QTest::newRow("the LMP is 0+0") << QDate(2023, 5, 25) << 0 << QStringLiteral("0+0");
        QTest::newRow("last day of May is 0+6") << QDate(2023, 5, 31) << 6 << QStringLiteral("0+6");
        QTest::newRow("30 June is 5+1") << QDate(2023, 6, 30) << 36 << QStringLiteral("5+1");
        QTest::newRow("24 August is 13+0") << QDate(2023, 8, 24) << 91 << QStringLiteral("13+0");
        QTest::newRow("31 August is 14+0") << QDate(2023, 8, 31) << 98 << QStringLiteral("14+0");
        QTest::newRow("7 December is 28+0") << QDate(2023, 12, 7) << 196 << QStringLiteral("28+0");
        QTest::newRow("New Year's Eve is 31+3") << QDate(2023, 12, 31) << 220 << QStringLiteral("31+3");
        QTest::newRow("New Year's Day is 31+4") << QDate(2024, 1, 1) << 221 << QStringLiteral("31+4");
        QTest::newRow("8 January is 32+4") << QDate(2024, 1, 8) << 228 << QStringLiteral("32+4");
        QTest::newRow("28 February is 39+6") << QDate(2024, 2, 28) << 279 << QStringLiteral("39+6");
        QTest::newRow("the EDD is 40+0") << QDate(2024, 2, 29) << 280 << QStringLiteral("40+0");
        QTest::newRow("1 March is 40+1") << QDate(2024, 3, 1) << 281 << QStringLiteral("40+1");
        QTest::newRow("7 March is 41+0") << QDate(2024, 3, 7) << 287 << QStringLiteral("41+0");
        QTest::newRow("14 March is 42+0") << QDate(2024, 3, 14) << 294 << QStringLiteral("42+0");
        QTest::newRow("the day before the LMP is -1 day")
            << QDate(2023, 5, 24) << -1 << QStringLiteral("-1+6");
        QTest::newRow("a week before the LMP is -7 days")
            << QDate(2023, 5, 18) << -7 << QStringLiteral("-1+0");
    }
    void gestationalAgeFromALeapDayEdd()
    {
        QFETCH(QDate, date);
        QFETCH(int, days);
        QFETCH(QString, text);
        const GestationalAge age = GestationalAge::onDate(QDate(2024, 2, 29), date);
        QCOMPARE(age.totalDays(), days);
        QCOMPARE(age.toString(), text);
    }

    void gestationalAgeAcrossTheYearEndCountsDaysNotCalendarMonths()
    {
        const QDate edd(2027, 1, 3);
        QCOMPARE(GestationalAge::onDate(edd, QDate(2026, 12, 31)).toString(), QStringLiteral("39+4"));
        QCOMPARE(GestationalAge::onDate(edd, QDate(2027, 1, 1)).toString(), QStringLiteral("39+5"));
        QCOMPARE(GestationalAge::onDate(edd, QDate(2027, 1, 10)).toString(), QStringLiteral("41+0"));
    }

    void notationIsCompletedWeeksPlusDays_data()
    {
        QTest::addColumn<int>("days");
        QTest::addColumn<int>("weeks");
        QTest::addColumn<int>("extra");
        QTest::addColumn<QString>("text");
        QTest::newRow("0 days") << 0 << 0 << 0 << QStringLiteral("0+0");
        QTest::newRow("6 days") << 6 << 0 << 6 << QStringLiteral("0+6");
        QTest::newRow("7 days") << 7 << 1 << 0 << QStringLiteral("1+0");
        QTest::newRow("69 days") << 69 << 9 << 6 << QStringLiteral("9+6");
        QTest::newRow("228 days") << 228 << 32 << 4 << QStringLiteral("32+4");
        QTest::newRow("280 days") << 280 << 40 << 0 << QStringLiteral("40+0");
        QTest::newRow("295 days") << 295 << 42 << 1 << QStringLiteral("42+1");
        QTest::newRow("700 days") << 700 << 100 << 0 << QStringLiteral("100+0");
        QTest::newRow("-1 day") << -1 << -1 << 6 << QStringLiteral("-1+6");
        QTest::newRow("-6 days") << -6 << -1 << 1 << QStringLiteral("-1+1");
        QTest::newRow("-7 days") << -7 << -1 << 0 << QStringLiteral("-1+0");
        QTest::newRow("-8 days") << -8 << -2 << 6 << QStringLiteral("-2+6");
    }
    void notationIsCompletedWeeksPlusDays()
    {
        QFETCH(int, days);
        QFETCH(int, weeks);
        QFETCH(int, extra);
        QFETCH(QString, text);
        const GestationalAge age(days);
        QCOMPARE(age.completedWeeks(), weeks);
        QCOMPARE(age.extraDays(), extra);
        QCOMPARE(age.toString(), text);
    }

    void weeksAndDaysRecomposeEveryDayCountWithExtraDaysZeroToSix()
    {
        for (int days = -400; days <= 400; ++days) {
            const GestationalAge age(days);
            QVERIFY(age.extraDays() >= 0 && age.extraDays() <= 6);
            QCOMPARE(age.completedWeeks() * 7 + age.extraDays(), days);
            QCOMPARE(GestationalAge::fromWeeksAndDays(age.completedWeeks(), age.extraDays()), age);
        }
    }

    void fromWeeksAndDaysCountsSevenDaysAWeek()
    {
        QCOMPARE(GestationalAge::fromWeeksAndDays(32, 4).totalDays(), 228);
        QCOMPARE(GestationalAge::fromWeeksAndDays(40, 0).totalDays(), GestationalAge::DaysAtTerm);
        QCOMPARE(GestationalAge::fromWeeksAndDays(0, 0).totalDays(), 0);
        QCOMPARE(GestationalAge().totalDays(), 0);
    }

    void trimesterBoundariesAre14Plus0And28Plus0_data()
    {
        QTest::addColumn<int>("weeks");
        QTest::addColumn<int>("days");
        QTest::addColumn<int>("trimester");
        QTest::newRow("before the LMP is first") << -1 << 0 << 1;
        QTest::newRow("0+0 first") << 0 << 0 << 1;
        QTest::newRow("13+6 first") << 13 << 6 << 1;
        QTest::newRow("14+0 second") << 14 << 0 << 2;
        QTest::newRow("27+6 second") << 27 << 6 << 2;
        QTest::newRow("28+0 third") << 28 << 0 << 3;
        QTest::newRow("40+0 third") << 40 << 0 << 3;
        QTest::newRow("43+0 third") << 43 << 0 << 3;
    }
    void trimesterBoundariesAre14Plus0And28Plus0()
    {
        QFETCH(int, weeks);
        QFETCH(int, days);
        QFETCH(int, trimester);
        QCOMPARE(GestationalAge::fromWeeksAndDays(weeks, days).trimester(), trimester);
    }

    void agesCompareByDays()
    {
        const auto early = GestationalAge::fromWeeksAndDays(13, 6);
        const auto later = GestationalAge::fromWeeksAndDays(14, 0);
        QVERIFY(early < later);
        QVERIFY(later > early);
        QVERIFY(early != later);
        QVERIFY(GestationalAge(98) == later);
        QVERIFY(GestationalAge(-1) < GestationalAge(0));
    }

    void naegeleAddsTwoHundredEightyDays_data()
    {
        QTest::addColumn<QDate>("lmp");
        QTest::addColumn<QDate>("edd");
        QTest::newRow("ordinary: 10 Mar 2026 → 15 Dec 2026") << QDate(2026, 3, 10) << QDate(2026, 12, 15);
        QTest::newRow("24 May 2023 lands on 28 Feb 2024, before the leap day")
            << QDate(2023, 5, 24) << QDate(2024, 2, 28);
        QTest::newRow("25 May 2023 lands on the leap day 29 Feb 2024")
            << QDate(2023, 5, 25) << QDate(2024, 2, 29);
        QTest::newRow("1 Jun 2023 lands on 7 Mar 2024 across the leap day")
            << QDate(2023, 6, 1) << QDate(2024, 3, 7);
        QTest::newRow("1 Jun 2024 lands on 8 Mar 2025 with no leap day")
            << QDate(2024, 6, 1) << QDate(2025, 3, 8);
        QTest::newRow("leap day 2020 → 5 Dec 2020") << QDate(2020, 2, 29) << QDate(2020, 12, 5);
        QTest::newRow("leap day 2024 → 5 Dec 2024") << QDate(2024, 2, 29) << QDate(2024, 12, 5);
        QTest::newRow("leap day 2028 → 5 Dec 2028") << QDate(2028, 2, 29) << QDate(2028, 12, 5);
        QTest::newRow("31 May 2026 → 7 Mar 2027, common February") << QDate(2026, 5, 31) << QDate(2027, 3, 7);
        QTest::newRow("31 May 2027 → 6 Mar 2028, leap February") << QDate(2027, 5, 31) << QDate(2028, 3, 6);
        QTest::newRow("31 Mar 2026 → 5 Jan 2027") << QDate(2026, 3, 31) << QDate(2027, 1, 5);
        QTest::newRow("1 Apr 2026 → 6 Jan 2027") << QDate(2026, 4, 1) << QDate(2027, 1, 6);
        QTest::newRow("31 Aug 2026 → 7 Jun 2027") << QDate(2026, 8, 31) << QDate(2027, 6, 7);
        QTest::newRow("31 Aug 2027 → 6 Jun 2028, leap February") << QDate(2027, 8, 31) << QDate(2028, 6, 6);
        QTest::newRow("29 Nov 2026 → 5 Sep 2027") << QDate(2026, 11, 29) << QDate(2027, 9, 5);
        QTest::newRow("30 Nov 2026 → 6 Sep 2027") << QDate(2026, 11, 30) << QDate(2027, 9, 6);
        QTest::newRow("30 Nov 2023 → 5 Sep 2024, leap February") << QDate(2023, 11, 30) << QDate(2024, 9, 5);
        QTest::newRow("29 Nov 2027 → 4 Sep 2028, leap February") << QDate(2027, 11, 29) << QDate(2028, 9, 4);
        QTest::newRow("26 Mar 2023 lands on New Year's Eve") << QDate(2023, 3, 26) << QDate(2023, 12, 31);
        QTest::newRow("26 Mar 2024 lands on New Year's Eve") << QDate(2024, 3, 26) << QDate(2024, 12, 31);
        QTest::newRow("New Year's Eve 2026 → 7 Oct 2027") << QDate(2026, 12, 31) << QDate(2027, 10, 7);
        QTest::newRow("New Year's Eve 2027 → 6 Oct 2028, leap February")
            << QDate(2027, 12, 31) << QDate(2028, 10, 6);
        QTest::newRow("New Year's Day 2027 → 8 Oct 2027") << QDate(2027, 1, 1) << QDate(2027, 10, 8);
    }
    void naegeleAddsTwoHundredEightyDays()
    {
        QFETCH(QDate, lmp);
        QFETCH(QDate, edd);
        QCOMPARE(eddByNaegele(lmp), edd);
        QCOMPARE(lmpEquivalentForEdd(edd), lmp);
        QCOMPARE(GestationalAge::onDate(edd, lmp).toString(), QStringLiteral("0+0"));
        QCOMPARE(GestationalAge::onDate(edd, edd).toString(), QStringLiteral("40+0"));
    }

    void naegeleFromLeapDayLmpLandsOnFifthOfDecember()
    {
        // The calendar form (+9 months +7 days) would give 6 December; the day count gives 5.
        QCOMPARE(eddByNaegele(QDate(2024, 2, 29)), QDate(2024, 12, 5));
    }

    void invalidDatesHaveNoEddAndNoLmpEquivalent()
    {
        QVERIFY(!eddByNaegele(QDate()).isValid());
        QVERIFY(!lmpEquivalentForEdd(QDate()).isValid());
        QVERIFY(!eddByNaegele(QDate(2023, 2, 29)).isValid());
    }

    void everyLmpFrom2020To2028IsZeroPlusZeroOnItselfAndFortyPlusZeroOnItsEdd()
    {
        int lmps = 0;
        for (QDate lmp(2020, 1, 1); lmp <= QDate(2028, 12, 31); lmp = lmp.addDays(1)) {
            const QDate edd = eddByNaegele(lmp);
            QCOMPARE(lmp.daysTo(edd), qint64(280));
            QCOMPARE(lmpEquivalentForEdd(edd), lmp);
            QCOMPARE(GestationalAge::onDate(edd, lmp).toString(), QStringLiteral("0+0"));
            QCOMPARE(GestationalAge::onDate(edd, edd).toString(), QStringLiteral("40+0"));
            // Each later day adds exactly one day of gestation, whatever months and leap days lie between.
            for (int day = 0; day <= 300; ++day)
                QCOMPARE(GestationalAge::onDate(edd, lmp.addDays(day)).totalDays(), day);
            ++lmps;
        }
        QCOMPARE(lmps, 3288); // 9 years, three of them leap years
    }

    void calendarNaegeleIsAtMostThreeDaysLaterThanTheDayCount()
    {
        // The calendar form (+9 months +7 days, 月份加9日数加7) spans 280–283 days; on the day-count
        // EDD it would read 0 to 3 days short of 40+0. Tally over 2020–2028, counted independently.
        std::array<int, 4> byDaysLater {};
        for (QDate lmp(2020, 1, 1); lmp <= QDate(2028, 12, 31); lmp = lmp.addDays(1)) {
            const QDate calendarEdd = lmp.addMonths(9).addDays(7);
            const qint64 later = eddByNaegele(lmp).daysTo(calendarEdd);
            QVERIFY2(later >= 0 && later <= 3, qPrintable(lmp.toString(Qt::ISODate)));
            const int gaOnLmpByCalendarEdd = GestationalAge::onDate(calendarEdd, lmp).totalDays();
            QVERIFY(gaOnLmpByCalendarEdd >= -3 && gaOnLmpByCalendarEdd <= 0);
            ++byDaysLater[static_cast<size_t>(later)];
        }
        QCOMPARE(byDaysLater[0], 1439);
        QCOMPARE(byDaysLater[1], 917);
        QCOMPARE(byDaysLater[2], 678);
        QCOMPARE(byDaysLater[3], 254);
        QCOMPARE(QDate(2023, 5, 24).addMonths(9).addDays(7), QDate(2024, 3, 2));
        QCOMPARE(eddByNaegele(QDate(2023, 5, 24)), QDate(2024, 2, 28));
    }
};

QTEST_GUILESS_MAIN(TestGestationalAge)
#include "tst_gestationalage.moc"
