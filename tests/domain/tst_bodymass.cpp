// BMI, its Chinese adult classes, and gestational weight gain bands of WS/T 801-2022.
#include "domain/bodymass.h"

#include <QTest>

class TestBodyMass : public QObject
{
    Q_OBJECT

private slots:
    void bmiIsWeightOverHeightSquared()
    {
        QCOMPARE(*bodyMassIndex(160, 64), 25.0);
        QVERIFY(std::abs(*bodyMassIndex(158, 52) - 20.83) < 0.01);
        QVERIFY(!bodyMassIndex(0, 60));
        QVERIFY(!bodyMassIndex(160, 0));
        QVERIFY(!bodyMassIndex(300, 60));
    }

    void classCutOffs_data()
    {
        QTest::addColumn<double>("bmi");
        QTest::addColumn<int>("cls");
        QTest::newRow("18.49 underweight") << 18.49 << int(BmiClass::Underweight);
        QTest::newRow("18.5 normal") << 18.5 << int(BmiClass::Normal);
        QTest::newRow("23.99 normal") << 23.99 << int(BmiClass::Normal);
        QTest::newRow("24 overweight") << 24.0 << int(BmiClass::Overweight);
        QTest::newRow("27.99 overweight") << 27.99 << int(BmiClass::Overweight);
        QTest::newRow("28 obese") << 28.0 << int(BmiClass::Obese);
    }
    void classCutOffs()
    {
        QFETCH(double, bmi);
        QFETCH(int, cls);
        QCOMPARE(int(bmiClass(bmi)), cls);
    }

    void totalGainBands_data()
    {
        QTest::addColumn<int>("cls");
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");
        QTest::newRow("underweight 11–16") << int(BmiClass::Underweight) << 11.0 << 16.0;
        QTest::newRow("normal 8–14") << int(BmiClass::Normal) << 8.0 << 14.0;
        QTest::newRow("overweight 7–11") << int(BmiClass::Overweight) << 7.0 << 11.0;
        QTest::newRow("obese 5–9") << int(BmiClass::Obese) << 5.0 << 9.0;
    }
    void totalGainBands()
    {
        QFETCH(int, cls);
        QFETCH(double, low);
        QFETCH(double, high);
        const auto c = static_cast<BmiClass>(cls);
        QCOMPARE(recommendedTotalWeightGain(c).lowKg, low);
        QCOMPARE(recommendedTotalWeightGain(c).highKg, high);
        const WeightGainBand atTerm = recommendedWeightGainAt(c, GestationalAge::fromWeeksAndDays(40, 0));
        QVERIFY(atTerm.lowKg <= low && atTerm.highKg <= high);
        QVERIFY(atTerm.highKg > atTerm.lowKg);
    }

    void bandGrowsThroughPregnancy()
    {
        for (BmiClass c : {BmiClass::Underweight, BmiClass::Normal, BmiClass::Overweight, BmiClass::Obese}) {
            QCOMPARE(recommendedWeightGainAt(c, GestationalAge(0)).highKg, 0.0);
            QCOMPARE(recommendedWeightGainAt(c, GestationalAge::fromWeeksAndDays(13, 0)).highKg, 2.0);
            double previousHigh = 0;
            for (int week = 0; week <= 40; ++week) {
                const WeightGainBand b = recommendedWeightGainAt(c, GestationalAge::fromWeeksAndDays(week, 0));
                QVERIFY(b.lowKg <= b.highKg);
                QVERIFY(b.highKg >= previousHigh);
                previousHigh = b.highKg;
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestBodyMass)
#include "tst_bodymass.moc"
