// A pregnancy's EDD and gestational age after the dating rule, its pre-pregnancy BMI, and the
// status keys that storage and sync write.
#include "domain/pregnancy.h"

#include <QTest>

class TestPregnancy : public QObject
{
    Q_OBJECT

private slots:
    void eddComesFromTheLmpWhenTheScanAgrees()
    {
        Pregnancy p;
        p.lmp = QDate(2023, 5, 25);
        QCOMPARE(p.edd(), QDate(2024, 2, 29));
        p.ultrasoundDating
            = UltrasoundDating { QDate(2023, 8, 10), GestationalAge::fromWeeksAndDays(11, 0) }; // LMP: 11+0
        QCOMPARE(p.edd(), QDate(2024, 2, 29));
    }

    void eddComesFromTheScanWhenItDisagreesBeyondTheLimit()
    {
        Pregnancy p;
        p.lmp = QDate(2023, 5, 25);
        p.ultrasoundDating = UltrasoundDating { QDate(2023, 8, 10),
            GestationalAge::fromWeeksAndDays(12, 1) }; // +8 days at 11+0
        QCOMPARE(p.edd(), QDate(2024, 2, 21));
        QCOMPARE(p.gestationalAgeOn(QDate(2023, 8, 10))->toString(), QStringLiteral("12+1"));
    }

    void gestationalAgeFollowsTheEdd()
    {
        Pregnancy p;
        p.lmp = QDate(2026, 5, 31);
        QCOMPARE(p.gestationalAgeOn(QDate(2026, 5, 31))->toString(), QStringLiteral("0+0"));
        QCOMPARE(p.gestationalAgeOn(QDate(2027, 1, 1))->toString(), QStringLiteral("30+5"));
        QCOMPARE(p.gestationalAgeOn(QDate(2027, 3, 7))->toString(), QStringLiteral("40+0"));
    }

    void undatedPregnancyHasNoEddAndNoGestationalAge()
    {
        Pregnancy p;
        QVERIFY(!p.edd().isValid());
        QVERIFY(!p.gestationalAgeOn(QDate(2026, 11, 20)));
        p.lmp = QDate(2026, 5, 31);
        QVERIFY(!p.gestationalAgeOn(QDate()));
    }

    void prePregnancyBmiNeedsHeightAndWeight()
    {
        Pregnancy p;
        QVERIFY(!p.prePregnancyBmi());
        p.heightCm = 160;
        QVERIFY(!p.prePregnancyBmi());
        p.prePregnancyWeightKg = 64;
        QCOMPARE(*p.prePregnancyBmi(), 25.0);
        p.heightCm.reset();
        QVERIFY(!p.prePregnancyBmi());
        p.heightCm = 16; // metres typed into centimetres
        QVERIFY(!p.prePregnancyBmi());
    }

    void newPregnancyIsABookedFirstSingleton()
    {
        const Pregnancy p;
        QCOMPARE(p.status, PregnancyStatus::Booked);
        QCOMPARE(p.gravida, 1);
        QCOMPARE(p.para, 0);
        QCOMPARE(p.fetuses, 1);
        QCOMPARE(p.uterineSurgeries, 0);
    }

    void statusKeysAreStableAndRoundTrip_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("key");
        QTest::newRow("booked") << int(PregnancyStatus::Booked) << QStringLiteral("booked");
        QTest::newRow("delivered") << int(PregnancyStatus::Delivered) << QStringLiteral("delivered");
        QTest::newRow("closed") << int(PregnancyStatus::Closed) << QStringLiteral("closed");
        QTest::newRow("transferred") << int(PregnancyStatus::Transferred) << QStringLiteral("transferred");
    }
    void statusKeysAreStableAndRoundTrip()
    {
        QFETCH(int, status);
        QFETCH(QString, key);
        const auto value = static_cast<PregnancyStatus>(status);
        QCOMPARE(pregnancyStatusKey(value), key);
        QCOMPARE(pregnancyStatusFromKey(key), std::optional<PregnancyStatus>(value));
    }

    void unknownStatusKeysAreRefused()
    {
        QVERIFY(!pregnancyStatusFromKey(QString()));
        QVERIFY(!pregnancyStatusFromKey(QStringLiteral("Booked")));
        QVERIFY(!pregnancyStatusFromKey(QStringLiteral("aborted")));
    }
};

QTEST_GUILESS_MAIN(TestPregnancy)
#include "tst_pregnancy.moc"
