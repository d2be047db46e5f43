// BMI, the Chinese adult BMI classes (18.5 / 24 / 28) and the gestational weight gain bands of
// WS/T 801-2022: 0–2 kg in the first trimester, totals by term of underweight 11–16, normal 8–14,
// overweight 7–11 and obese 5–9 kg.
#include "domain/bodymass.h"

#include <QTest>

#include <cmath>
#include <limits>

Q_DECLARE_METATYPE(BmiClass)

namespace {
constexpr BmiClass AllClasses[]
    = { BmiClass::Underweight, BmiClass::Normal, BmiClass::Overweight, BmiClass::Obese };

// WS/T 801-2022, table 1: weekly gain in the second and third trimesters (kg/week).
WeightGainBand weeklyRangeOfTheStandard(BmiClass c)
{
    switch (c) {
    case BmiClass::Underweight:
        return { 0.37, 0.56 };
    case BmiClass::Normal:
        return { 0.26, 0.48 };
    case BmiClass::Overweight:
        return { 0.22, 0.37 };
    case BmiClass::Obese:
        return { 0.15, 0.30 };
    }
    return {};
}

WeightGainBand gainAt(BmiClass c, int weeks, int days = 0)
{
    return recommendedWeightGainAt(c, GestationalAge::fromWeeksAndDays(weeks, days));
}
} // namespace

class TestBodyMass : public QObject
{
    Q_OBJECT

private slots:
    void bmiIsWeightOverHeightInMetresSquared_data()
    {
        QTest::addColumn<double>("heightCm");
        QTest::addColumn<double>("weightKg");
        QTest::addColumn<double>("bmi");
        QTest::newRow("160 cm 64 kg is 25") << 160.0 << 64.0 << 25.0;
        QTest::newRow("150 cm 54 kg is 24") << 150.0 << 54.0 << 24.0;
        QTest::newRow("158 cm 52 kg is 20.83") << 158.0 << 52.0 << 52.0 / (1.58 * 1.58);
        QTest::newRow("170 cm 80.92 kg is 28") << 170.0 << 80.92 << 28.0;
        QTest::newRow("shortest accepted 50 cm, 10 kg is 40") << 50.0 << 10.0 << 40.0;
        QTest::newRow("tallest accepted 250 cm, heaviest 400 kg is 64") << 250.0 << 400.0 << 64.0;
    }
    void bmiIsWeightOverHeightInMetresSquared()
    {
        QFETCH(double, heightCm);
        QFETCH(double, weightKg);
        QFETCH(double, bmi);
        const auto value = bodyMassIndex(heightCm, weightKg);
        QVERIFY(value);
        QVERIFY2(std::abs(*value - bmi) < 1e-9, qPrintable(QString::number(*value, 'g', 17)));
    }

    void impossibleHeightOrWeightGivesNoBmi_data()
    {
        QTest::addColumn<double>("heightCm");
        QTest::addColumn<double>("weightKg");
        QTest::newRow("height 0") << 0.0 << 60.0;
        QTest::newRow("height 49.9 cm") << 49.9 << 60.0;
        QTest::newRow("height 250.1 cm") << 250.1 << 60.0;
        QTest::newRow("height in metres (1.6)") << 1.6 << 60.0;
        QTest::newRow("negative height") << -160.0 << 60.0;
        QTest::newRow("weight 0") << 160.0 << 0.0;
        QTest::newRow("weight 9.9 kg") << 160.0 << 9.9;
        QTest::newRow("weight 400.1 kg") << 160.0 << 400.1;
        QTest::newRow("negative weight") << 160.0 << -60.0;
        QTest::newRow("height NaN") << std::numeric_limits<double>::quiet_NaN() << 60.0;
        QTest::newRow("weight NaN") << 160.0 << std::numeric_limits<double>::quiet_NaN();
        QTest::newRow("height infinite") << std::numeric_limits<double>::infinity() << 60.0;
        QTest::newRow("weight infinite") << 160.0 << std::numeric_limits<double>::infinity();
    }
    void impossibleHeightOrWeightGivesNoBmi()
    {
        QFETCH(double, heightCm);
        QFETCH(double, weightKg);
        QVERIFY(!bodyMassIndex(heightCm, weightKg));
    }

    void classCutOffsAre18Point5And24And28_data()
    {
        QTest::addColumn<double>("bmi");
        QTest::addColumn<BmiClass>("cls");
        QTest::newRow("10 underweight") << 10.0 << BmiClass::Underweight;
        QTest::newRow("18.49 underweight") << 18.49 << BmiClass::Underweight;
        QTest::newRow("18.5 normal") << 18.5 << BmiClass::Normal;
        QTest::newRow("18.51 normal") << 18.51 << BmiClass::Normal;
        QTest::newRow("23.99 normal") << 23.99 << BmiClass::Normal;
        QTest::newRow("24 overweight") << 24.0 << BmiClass::Overweight;
        QTest::newRow("24.01 overweight") << 24.01 << BmiClass::Overweight;
        QTest::newRow("25 (WHO overweight) is Chinese overweight") << 25.0 << BmiClass::Overweight;
        QTest::newRow("27.99 overweight") << 27.99 << BmiClass::Overweight;
        QTest::newRow("28 obese") << 28.0 << BmiClass::Obese;
        QTest::newRow("28.01 obese") << 28.01 << BmiClass::Obese;
        QTest::newRow("45 obese") << 45.0 << BmiClass::Obese;
    }
    void classCutOffsAre18Point5And24And28()
    {
        QFETCH(double, bmi);
        QFETCH(BmiClass, cls);
        QCOMPARE(bmiClass(bmi), cls);
    }

    void bmiExactlyOnACutOffFallsInTheUpperClassDespiteRounding_data()
    {
        // At 160 cm the division lands just below each cut-off (18.499999999999996 …).
        QTest::addColumn<double>("weightKg");
        QTest::addColumn<BmiClass>("cls");
        QTest::newRow("47.36 kg is 18.5: normal") << 47.36 << BmiClass::Normal;
        QTest::newRow("47.3 kg is 18.48: underweight") << 47.3 << BmiClass::Underweight;
        QTest::newRow("61.44 kg is 24: overweight") << 61.44 << BmiClass::Overweight;
        QTest::newRow("61.4 kg is 23.98: normal") << 61.4 << BmiClass::Normal;
        QTest::newRow("71.68 kg is 28: obese") << 71.68 << BmiClass::Obese;
        QTest::newRow("71.6 kg is 27.97: overweight") << 71.6 << BmiClass::Overweight;
    }
    void bmiExactlyOnACutOffFallsInTheUpperClassDespiteRounding()
    {
        QFETCH(double, weightKg);
        QFETCH(BmiClass, cls);
        QCOMPARE(bmiClass(*bodyMassIndex(160, weightKg)), cls);
    }

    void totalGainByTermPerClass_data()
    {
        QTest::addColumn<BmiClass>("cls");
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");
        QTest::newRow("underweight 11–16 kg") << BmiClass::Underweight << 11.0 << 16.0;
        QTest::newRow("normal 8–14 kg") << BmiClass::Normal << 8.0 << 14.0;
        QTest::newRow("overweight 7–11 kg") << BmiClass::Overweight << 7.0 << 11.0;
        QTest::newRow("obese 5–9 kg") << BmiClass::Obese << 5.0 << 9.0;
    }
    void totalGainByTermPerClass()
    {
        QFETCH(BmiClass, cls);
        QFETCH(double, low);
        QFETCH(double, high);
        QCOMPARE(recommendedTotalWeightGain(cls).lowKg, low);
        QCOMPARE(recommendedTotalWeightGain(cls).highKg, high);
    }

    void gainBandAtEachMilestone_data()
    {
        // From 14+0 to 40+0 (26 weeks) the band widens steadily from 0–2 kg to the total; at 20+0
        // six of those 26 weeks have passed.
        QTest::addColumn<BmiClass>("cls");
        QTest::addColumn<int>("weeks");
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");
        const struct
        {
            BmiClass cls;
            const char *name;
            double totalLow;
            double totalHigh;
        } classes[]
            = { { BmiClass::Underweight, "underweight", 11, 16 }, { BmiClass::Normal, "normal", 8, 14 },
                  { BmiClass::Overweight, "overweight", 7, 11 }, { BmiClass::Obese, "obese", 5, 9 } };
        for (const auto &c : classes) {
            const auto row = [&](int weeks, double low, double high) {
                QTest::addRow("%s at %d+0", c.name, weeks) << c.cls << weeks << low << high;
            };
            row(0, 0.0, 0.0);
            row(7, 0.0, 1.0);
            row(13, 0.0, 2.0 * 13 / 14);
            row(14, 0.0, 2.0);
            row(20, c.totalLow * 6 / 26, 2.0 + (c.totalHigh - 2.0) * 6 / 26);
            row(27, c.totalLow * 13 / 26, 2.0 + (c.totalHigh - 2.0) * 13 / 26);
            row(40, c.totalLow, c.totalHigh);
            row(42, c.totalLow, c.totalHigh);
        }
    }
    void gainBandAtEachMilestone()
    {
        QFETCH(BmiClass, cls);
        QFETCH(int, weeks);
        QFETCH(double, low);
        QFETCH(double, high);
        const WeightGainBand band = gainAt(cls, weeks);
        QVERIFY2(std::abs(band.lowKg - low) < 1e-9, qPrintable(QString::number(band.lowKg)));
        QVERIFY2(std::abs(band.highKg - high) < 1e-9, qPrintable(QString::number(band.highKg)));
    }

    void firstTrimesterAllowsUpToTwoKilogramsForEveryClass()
    {
        for (BmiClass c : AllClasses) {
            for (int day = 0; day <= 14 * 7; ++day) {
                const WeightGainBand band = recommendedWeightGainAt(c, GestationalAge(day));
                QCOMPARE(band.lowKg, 0.0);
                QVERIFY(std::abs(band.highKg - 2.0 * day / 98) < 1e-12);
            }
            QVERIFY(gainAt(c, 13, 6).highKg < 2.0);
            QVERIFY(gainAt(c, 14, 1).highKg > 2.0);
            QVERIFY(gainAt(c, 14, 1).lowKg > 0.0);
        }
    }

    void weeklySlopeAfterTheFirstTrimesterLiesWithinTheStandardsWeeklyRange()
    {
        for (BmiClass c : AllClasses) {
            const WeightGainBand weekly = weeklyRangeOfTheStandard(c);
            for (int week = 14; week < 40; ++week) {
                const WeightGainBand now = gainAt(c, week);
                const WeightGainBand next = gainAt(c, week + 1);
                const double lowSlope = next.lowKg - now.lowKg;
                const double highSlope = next.highKg - now.highKg;
                QVERIFY2(lowSlope >= weekly.lowKg && lowSlope <= weekly.highKg,
                    qPrintable(QString::number(lowSlope)));
                QVERIFY2(highSlope >= weekly.lowKg && highSlope <= weekly.highKg,
                    qPrintable(QString::number(highSlope)));
            }
        }
    }

    void bandNeverShrinksAndEndsOnTheTotal()
    {
        for (BmiClass c : AllClasses) {
            WeightGainBand previous { 0, 0 };
            for (int day = 0; day <= 300; ++day) {
                const WeightGainBand band = recommendedWeightGainAt(c, GestationalAge(day));
                QVERIFY(band.lowKg <= band.highKg);
                QVERIFY(band.lowKg >= previous.lowKg);
                QVERIFY(band.highKg >= previous.highKg);
                QVERIFY(band.lowKg <= recommendedTotalWeightGain(c).lowKg);
                QVERIFY(band.highKg <= recommendedTotalWeightGain(c).highKg);
                previous = band;
            }
            QCOMPARE(previous.lowKg, recommendedTotalWeightGain(c).lowKg);
            QCOMPARE(previous.highKg, recommendedTotalWeightGain(c).highKg);
        }
    }

    void gestationalAgeBeforeTheLmpAllowsNoGain()
    {
        for (BmiClass c : AllClasses) {
            QCOMPARE(recommendedWeightGainAt(c, GestationalAge(-10)).lowKg, 0.0);
            QCOMPARE(recommendedWeightGainAt(c, GestationalAge(-10)).highKg, 0.0);
        }
    }
};

QTEST_GUILESS_MAIN(TestBodyMass)
#include "tst_bodymass.moc"
