// Gestational age and EDD arithmetic across month ends and leap years, and age in completed
// years for birthdays on 29 February.
#include "domain/gestationalage.h"
#include "domain/patient.h"

#include <QTest>

class TestGestationalAge : public QObject
{
    Q_OBJECT

private slots:
    void eddIsLmpPlus280Days_data()
    {
        QTest::addColumn<QDate>("lmp");
        QTest::addColumn<QDate>("edd");
        QTest::newRow("ordinary") << QDate(2026, 3, 10) << QDate(2026, 12, 15);
        QTest::newRow("across a leap February") << QDate(2023, 5, 24) << QDate(2024, 2, 28);
        QTest::newRow("onto the leap day") << QDate(2023, 5, 25) << QDate(2024, 2, 29);
        QTest::newRow("from the leap day") << QDate(2024, 2, 29) << QDate(2024, 12, 5);
        QTest::newRow("31 May, no leap year ahead") << QDate(2026, 5, 31) << QDate(2027, 3, 7);
        QTest::newRow("31 May before a leap February") << QDate(2027, 5, 31) << QDate(2028, 3, 6);
        QTest::newRow("year end") << QDate(2026, 12, 31) << QDate(2027, 10, 7);
        QTest::newRow("30 November") << QDate(2026, 11, 30) << QDate(2027, 9, 6);
    }
    void eddIsLmpPlus280Days()
    {
        QFETCH(QDate, lmp);
        QFETCH(QDate, edd);
        QCOMPARE(eddByNaegele(lmp), edd);
        QCOMPARE(lmpEquivalentForEdd(edd), lmp);
    }

    void gestationalAgeIsZeroOnTheLmpAndFortyWeeksOnTheEddForEveryDay()
    {
        for (QDate lmp(2020, 1, 1); lmp <= QDate(2028, 12, 31); lmp = lmp.addDays(1)) {
            const QDate edd = eddByNaegele(lmp);
            QCOMPARE(GestationalAge::onDate(edd, lmp).totalDays(), 0);
            QCOMPARE(GestationalAge::onDate(edd, edd).toString(), QStringLiteral("40+0"));
            QCOMPARE(GestationalAge::onDate(edd, lmp.addDays(7 * 20 + 3)).toString(), QStringLiteral("20+3"));
        }
    }

    void invalidLmpHasNoEdd()
    {
        QVERIFY(!eddByNaegele(QDate()).isValid());
    }

    void notationAndParts_data()
    {
        QTest::addColumn<int>("days");
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("trimester");
        QTest::newRow("0+0") << 0 << "0+0" << 1;
        QTest::newRow("13+6 first trimester") << 13 * 7 + 6 << "13+6" << 1;
        QTest::newRow("14+0 second") << 14 * 7 << "14+0" << 2;
        QTest::newRow("27+6 second") << 27 * 7 + 6 << "27+6" << 2;
        QTest::newRow("28+0 third") << 28 * 7 << "28+0" << 3;
        QTest::newRow("42+1") << 42 * 7 + 1 << "42+1" << 3;
    }
    void notationAndParts()
    {
        QFETCH(int, days);
        QFETCH(QString, text);
        QFETCH(int, trimester);
        const GestationalAge age(days);
        QCOMPARE(age.toString(), text);
        QCOMPARE(age.trimester(), trimester);
        QCOMPARE(age.completedWeeks() * 7 + age.extraDays(), days);
    }

    void ageInCompletedYears_data()
    {
        QTest::addColumn<QDate>("birth");
        QTest::addColumn<QDate>("on");
        QTest::addColumn<int>("age");
        QTest::newRow("day before birthday") << QDate(1991, 11, 21) << QDate(2026, 11, 20) << 34;
        QTest::newRow("on birthday") << QDate(1991, 11, 20) << QDate(2026, 11, 20) << 35;
        QTest::newRow("day after birthday") << QDate(1991, 11, 19) << QDate(2026, 11, 20) << 35;
        QTest::newRow("leap-day birthday, 28 Feb of a common year") << QDate(2000, 2, 29) << QDate(2035, 2, 28) << 34;
        QTest::newRow("leap-day birthday, 1 March of a common year") << QDate(2000, 2, 29) << QDate(2035, 3, 1) << 35;
        QTest::newRow("leap-day birthday in a leap year") << QDate(2000, 2, 29) << QDate(2036, 2, 29) << 36;
    }
    void ageInCompletedYears()
    {
        QFETCH(QDate, birth);
        QFETCH(QDate, on);
        QFETCH(int, age);
        Patient p;
        p.birthDate = birth;
        QCOMPARE(p.ageInYearsOn(on), age);
    }
};

QTEST_GUILESS_MAIN(TestGestationalAge)
#include "tst_gestationalage.moc"
