// The growth standards' equations and tables (resources/growth) against the values their
// publications print, and the validation that refuses a mistyped standard.
//  - INTERGROWTH-21st biometry: the 3rd, 10th, 50th, 90th and 97th centiles of HC, BPD, AC and FL
//    at 20, 30 and 40 weeks as printed in the INTERGROWTH-21st Project's centile tables of the
//    fetal growth standards (Papageorghiou et al., Lancet 2014;384:869-879; one decimal, so
//    within 0.15 mm).
//  - Hadlock 1991 (Radiology 181:129-133): Table 2 at 20, 30 and 40 weeks, and every week's 50th
//    centile within 1% of the paper's own regression ln EFW = 0.578 + 0.332·GA − 0.00354·GA².
#include "biometry/growthstandard.h"

#include <QFile>
#include <QTest>

#include <algorithm>
#include <cmath>

namespace {
struct PrintedRow
{
    GrowthMeasure measure;
    double weeks;
    double centiles[5]; // 3rd, 10th, 50th, 90th, 97th
};

const double printedCentiles[5] = { 3, 10, 50, 90, 97 };

const PrintedRow intergrowthTable[] = {
    { GrowthMeasure::Hc, 20, { 158.5, 163.0, 172.5, 182.0, 186.5 } },
    { GrowthMeasure::Hc, 30, { 261.0, 266.5, 278.4, 290.2, 295.8 } },
    { GrowthMeasure::Hc, 40, { 309.6, 317.4, 333.9, 350.5, 358.3 } },
    { GrowthMeasure::Bpd, 20, { 44.1, 45.5, 48.4, 51.4, 52.8 } },
    { GrowthMeasure::Bpd, 30, { 73.1, 75.0, 78.9, 82.8, 84.7 } },
    { GrowthMeasure::Bpd, 40, { 87.5, 89.9, 94.9, 99.9, 102.3 } },
    { GrowthMeasure::Ac, 20, { 133.4, 138.0, 147.7, 157.5, 162.1 } },
    { GrowthMeasure::Ac, 30, { 230.6, 238.0, 253.8, 269.6, 277.0 } },
    { GrowthMeasure::Ac, 40, { 307.7, 321.1, 349.8, 378.5, 392.0 } },
    { GrowthMeasure::Fl, 20, { 28.0, 29.0, 31.3, 33.6, 34.6 } },
    { GrowthMeasure::Fl, 30, { 51.3, 52.6, 55.5, 58.4, 59.7 } },
    { GrowthMeasure::Fl, 40, { 66.1, 68.0, 72.1, 76.2, 78.2 } },
};

const PrintedRow hadlockTable2[] = {
    { GrowthMeasure::Efw, 20, { 248, 275, 331, 387, 414 } },
    { GrowthMeasure::Efw, 30, { 1169, 1294, 1559, 1824, 1949 } },
    { GrowthMeasure::Efw, 40, { 2714, 3004, 3619, 4234, 4524 } },
};

GrowthStandard standard(const char *id)
{
    auto s = GrowthStandard::builtIn(QLatin1String(id));
    if (!s)
        qFatal("%s", qPrintable(s.error().message));
    return *s;
}

QByteArray builtInJson(const char *id)
{
    QFile file(QStringLiteral(":/growth/%1.json").arg(QLatin1String(id)));
    file.open(QIODevice::ReadOnly);
    return file.readAll();
}
} // namespace

class TestGrowthStandard : public QObject
{
    Q_OBJECT

private slots:
    void bothBuiltInStandardsLoadAndCiteEveryCurve()
    {
        for (const QString &id : GrowthStandard::builtInIds()) {
            auto s = GrowthStandard::builtIn(id);
            QVERIFY2(s, qPrintable(s ? QString() : s.error().message));
            for (GrowthMeasure m : GrowthMeasures::all())
                QVERIFY(!s->source(m).isEmpty());
        }
        QCOMPARE(GrowthStandard::builtIn(QStringLiteral("nichd")).error().code,
            QStringLiteral("growth.standard-unknown"));
    }

    void intergrowthBiometryCentilesAreThePrintedOnes()
    {
        const GrowthStandard ig = standard("intergrowth21");
        for (const PrintedRow &row : intergrowthTable) {
            for (int i = 0; i < 5; ++i) {
                const auto value = ig.valueAtCentile(row.measure, row.weeks, printedCentiles[i]);
                QVERIFY(value);
                QVERIFY2(std::abs(*value - row.centiles[i]) <= 0.15,
                    qPrintable(QStringLiteral("%1 at %2 weeks, centile %3: %4, printed %5")
                                   .arg(GrowthMeasures::abbreviation(row.measure))
                                   .arg(row.weeks)
                                   .arg(printedCentiles[i])
                                   .arg(*value)
                                   .arg(row.centiles[i])));
            }
        }
    }

    void aPrintedCentileValueReadsBackAsThatCentile()
    {
        // The other direction, as the chart uses it: the printed 10th-centile AC at 30 weeks
        // (238.0 mm) is at the 10th centile, z −1.28, within the table's rounding.
        const GrowthStandard ig = standard("intergrowth21");
        const auto z = ig.zScore(GrowthMeasure::Ac, 30, 238.0);
        QVERIFY(z);
        QVERIFY2(std::abs(*z - -1.2816) < 0.01, qPrintable(QString::number(*z)));
        QVERIFY(std::abs(*ig.centile(GrowthMeasure::Ac, 30, 238.0) - 10) < 0.2);
        QVERIFY(std::abs(*ig.centile(GrowthMeasure::Hc, 40, 333.9) - 50) < 0.5);
    }

    void intergrowthCoversFourteenToFortyWeeksAndEfwFromTwentyTwo()
    {
        const GrowthStandard ig = standard("intergrowth21");
        QVERIFY(ig.zScore(GrowthMeasure::Hc, 14.0, 97.9));
        QVERIFY(!ig.zScore(GrowthMeasure::Hc, 13.9, 97.9));
        QVERIFY(ig.zScore(GrowthMeasure::Hc, 40.0, 333.9));
        QVERIFY(!ig.zScore(GrowthMeasure::Hc, 40.1, 333.9));
        QVERIFY(!ig.zScore(GrowthMeasure::Efw, 21.9, 500));
        QVERIFY(ig.zScore(GrowthMeasure::Efw, 22.0, 500));
    }

    void intergrowthWeightZScoresRoundTripAndMatchTheBiometry()
    {
        const GrowthStandard ig = standard("intergrowth21");
        for (double weeks : { 22.0, 28.0, 34.0, 40.0 }) {
            for (double centile : { 3.0, 10.0, 50.0, 90.0, 97.0 }) {
                const auto grams = ig.valueAtCentile(GrowthMeasure::Efw, weeks, centile);
                QVERIFY(grams);
                QVERIFY(std::abs(*ig.centile(GrowthMeasure::Efw, weeks, *grams) - centile) < 1e-6);
            }
        }
        // A fetus on the 50th centile of HC and AC (Papageorghiou 2014) weighs, by Stirnemann
        // 2017's formula, close to the 50th centile of Stirnemann's weight standard.
        for (double weeks : { 30.0, 40.0 }) {
            FetalBiometry median;
            QVERIFY(median.set(BiometryMeasure::Hc, *ig.valueAtCentile(GrowthMeasure::Hc, weeks, 50)));
            QVERIFY(median.set(BiometryMeasure::Ac, *ig.valueAtCentile(GrowthMeasure::Ac, weeks, 50)));
            const auto grams = ig.estimatedWeightGrams(median);
            QVERIFY(grams);
            const double centile = *ig.centile(GrowthMeasure::Efw, weeks, *grams);
            QVERIFY2(centile > 35 && centile < 65,
                qPrintable(QStringLiteral("%1 g: P%2").arg(*grams).arg(centile)));
        }
        FetalBiometry noHead;
        QVERIFY(noHead.set(BiometryMeasure::Ac, 250));
        QVERIFY(noHead.set(BiometryMeasure::Fl, 55));
        QVERIFY(!ig.estimatedWeightGrams(noHead)); // INTERGROWTH's formula needs HC
    }

    void hadlockWeightCentilesAreTable2()
    {
        const GrowthStandard hadlock = standard("hadlock");
        for (const PrintedRow &row : hadlockTable2) {
            for (int i = 0; i < 5; ++i) {
                QCOMPARE(qRound(*hadlock.valueAtCentile(GrowthMeasure::Efw, row.weeks, printedCentiles[i])),
                    qRound(row.centiles[i]));
                QVERIFY(std::abs(*hadlock.centile(GrowthMeasure::Efw, row.weeks, row.centiles[i])
                            - printedCentiles[i])
                    < 1e-6);
            }
        }
        // Between weeks: halfway between 30 and 31 weeks, halfway between their 10th centiles.
        QVERIFY(std::abs(*hadlock.centile(GrowthMeasure::Efw, 30.5, (1294 + 1453) / 2.0) - 10) < 1e-6);
    }

    void hadlockTable2MediansFollowThePapersRegression()
    {
        const GrowthStandard hadlock = standard("hadlock");
        for (int week = 10; week <= 40; ++week) {
            const double regression = std::exp(0.578 + 0.332 * week - 0.00354 * week * week);
            const double printed = *hadlock.valueAtCentile(GrowthMeasure::Efw, week, 50);
            // Printed in whole grams: 1%, or the rounding at 10 weeks (35 g for 34.6 g).
            QVERIFY2(std::abs(printed - regression) <= std::max(0.01 * regression, 0.5),
                qPrintable(QStringLiteral("%1 weeks: %2 g, regression %3 g")
                               .arg(week)
                               .arg(printed)
                               .arg(regression)));
        }
    }

    void hadlockBiometryHasOnlyTheSizeItDatesAtEachWeek()
    {
        // Hadlock 1984 HC → 8.96 + 0.540·HC + 0.0003·HC³ weeks: the 50th line at 30 weeks is
        // the HC that formula dates at 30+0, and there is no spread to give a centile.
        const GrowthStandard hadlock = standard("hadlock");
        QVERIFY(!hadlock.hasCentiles(GrowthMeasure::Hc));
        QVERIFY(hadlock.hasCentiles(GrowthMeasure::Efw));
        const auto hc = hadlock.valueAtCentile(GrowthMeasure::Hc, 30, 50);
        QVERIFY(hc);
        const double cm = *hc / 10;
        QVERIFY(std::abs(8.96 + 0.540 * cm + 0.0003 * cm * cm * cm - 30) < 1e-6);
        QVERIFY(!hadlock.valueAtCentile(GrowthMeasure::Hc, 30, 10));
        QVERIFY(!hadlock.centile(GrowthMeasure::Hc, 30, *hc));
    }

    void normalCentileAndZAreInverse()
    {
        QVERIFY(std::abs(GrowthStandard::zOfCentile(10) - -1.281552) < 1e-5);
        QVERIFY(std::abs(GrowthStandard::zOfCentile(97) - 1.880794) < 1e-5);
        QVERIFY(std::abs(GrowthStandard::centileOfZ(0) - 50) < 1e-12);
    }

    void aMistypedCoefficientIsRefused()
    {
        // HC's GA² coefficient with its decimal point slipped (0.169267 for 1.69267): the median
        // is no longer a size that grows, and the file is refused with what is wrong rather
        // than drawn.
        QByteArray json = builtInJson("intergrowth21");
        QVERIFY(json.contains("[1.69267, 2, 0]"));
        json.replace("[1.69267, 2, 0]", "[0.169267, 2, 0]");
        auto s = GrowthStandard::fromJson(json);
        QVERIFY(!s);
        QCOMPARE(s.error().code, QStringLiteral("growth.standard-invalid"));
        QVERIFY2(s.error().message.contains(QStringLiteral("HC")), qPrintable(s.error().message));
    }

    void incompleteOrMalformedStandardsAreRefused()
    {
        QCOMPARE(GrowthStandard::fromJson("{").error().code, QStringLiteral("growth.standard-invalid"));
        QByteArray noEfw = builtInJson("intergrowth21");
        noEfw.replace("\"efw\": {", "\"weight\": {");
        QVERIFY(!GrowthStandard::fromJson(noEfw));
        QByteArray unknownModel = builtInJson("intergrowth21");
        unknownModel.replace("\"model\": \"normal\"", "\"model\": \"spline\"");
        QVERIFY(!GrowthStandard::fromJson(unknownModel));
        QByteArray noSource = builtInJson("hadlock");
        noSource.replace("\"source\": \"Hadlock FP, Harrist RB", "\"note\": \"Hadlock FP, Harrist RB");
        QVERIFY(!GrowthStandard::fromJson(noSource));
        // Table 2 with two centiles swapped in the 30-week row.
        QByteArray swapped = builtInJson("hadlock");
        QVERIFY(swapped.contains("[30, 1169, 1294, 1559, 1824, 1949]"));
        swapped.replace("[30, 1169, 1294, 1559, 1824, 1949]", "[30, 1294, 1169, 1559, 1824, 1949]");
        QVERIFY(!GrowthStandard::fromJson(swapped));
    }
};

QTEST_GUILESS_MAIN(TestGrowthStandard)
#include "tst_growthstandard.moc"
