// Age in completed years (周岁), the figure the risk rules compare with 35 and 40: the birthday
// counts from its own day, and a 29 February birthday from 1 March in common years.
#include "domain/patient.h"

#include <QTest>

namespace {
int ageOn(const QDate &birth, const QDate &on)
{
    Patient patient;
    patient.birthDate = birth;
    return patient.ageInYearsOn(on);
}
} // namespace

class TestPatient : public QObject
{
    Q_OBJECT

private slots:
    void ageInCompletedYears_data()
    {
        QTest::addColumn<QDate>("birth");
        QTest::addColumn<QDate>("on");
        QTest::addColumn<int>("age");
        QTest::newRow("day before the 35th birthday is 34")
            << QDate(1991, 11, 20) << QDate(2026, 11, 19) << 34;
        QTest::newRow("on the 35th birthday is 35") << QDate(1991, 11, 20) << QDate(2026, 11, 20) << 35;
        QTest::newRow("day after the 35th birthday is 35")
            << QDate(1991, 11, 20) << QDate(2026, 11, 21) << 35;
        QTest::newRow("a month before the birthday is 34")
            << QDate(1991, 11, 20) << QDate(2026, 10, 20) << 34;
        QTest::newRow("a month after the birthday is 35") << QDate(1991, 11, 20) << QDate(2026, 12, 20) << 35;
        QTest::newRow("New Year's Eve birthday, the day before")
            << QDate(1986, 12, 31) << QDate(2026, 12, 30) << 39;
        QTest::newRow("New Year's Eve birthday, on it") << QDate(1986, 12, 31) << QDate(2026, 12, 31) << 40;
        QTest::newRow("New Year's Day birthday, the day before")
            << QDate(1987, 1, 1) << QDate(2026, 12, 31) << 39;
        QTest::newRow("New Year's Day birthday, on it") << QDate(1987, 1, 1) << QDate(2027, 1, 1) << 40;
        QTest::newRow("on the day of birth is 0") << QDate(2000, 6, 15) << QDate(2000, 6, 15) << 0;
        QTest::newRow("leap-day birthday on 28 Feb of a common year is not yet")
            << QDate(2000, 2, 29) << QDate(2035, 2, 28) << 34;
        QTest::newRow("leap-day birthday on 1 Mar of a common year has come")
            << QDate(2000, 2, 29) << QDate(2035, 3, 1) << 35;
        QTest::newRow("leap-day birthday on 28 Feb of a leap year is not yet")
            << QDate(2000, 2, 29) << QDate(2036, 2, 28) << 35;
        QTest::newRow("leap-day birthday on 29 Feb of a leap year has come")
            << QDate(2000, 2, 29) << QDate(2036, 2, 29) << 36;
        QTest::newRow("28 Feb birthday on 28 Feb of a leap year has come")
            << QDate(1991, 2, 28) << QDate(2028, 2, 28) << 37;
        QTest::newRow("1 Mar birthday on 29 Feb of a leap year is not yet")
            << QDate(1991, 3, 1) << QDate(2028, 2, 29) << 36;
    }
    void ageInCompletedYears()
    {
        QFETCH(QDate, birth);
        QFETCH(QDate, on);
        QFETCH(int, age);
        QCOMPARE(ageOn(birth, on), age);
    }

    void ageBeforeBirthIsNegative() { QCOMPARE(ageOn(QDate(2000, 6, 15), QDate(2000, 6, 14)), -1); }

    void unknownDatesGiveMinusOne()
    {
        QCOMPARE(ageOn(QDate(), QDate(2026, 11, 20)), -1);
        QCOMPARE(ageOn(QDate(1990, 3, 7), QDate()), -1);
    }

    void ageGrowsByOneOnEachBirthdayOverFortyYears()
    {
        const QDate birth(1988, 2, 29);
        for (QDate on = birth; on <= QDate(2028, 12, 31); on = on.addDays(1)) {
            // Independent count: birthdays that have come, with 29 Feb falling on 1 Mar in common years.
            int expected = on.year() - birth.year();
            const QDate birthdayThisYear
                = QDate::isLeapYear(on.year()) ? QDate(on.year(), 2, 29) : QDate(on.year(), 3, 1);
            if (on < birthdayThisYear)
                --expected;
            QCOMPARE(ageOn(birth, on), expected);
        }
    }
};

QTEST_GUILESS_MAIN(TestPatient)
#include "tst_patient.moc"
