// Gestational age by ultrasound: Robinson's CRL formula at the FMF window's published ends
// (45 mm is 11+0, 84 mm is 13+6), the 84 mm dating limit on both sides, Hadlock 1984's single
// formulas at values worked by hand, and the composite against the single formulas.
#include "biometry/ultrasoundgestationalage.h"

#include <QTest>

class TestUltrasoundGestationalAge : public QObject
{
    Q_OBJECT

private slots:
    void crlOf45mmIs11Weeks()
    {
        auto ga = UltrasoundGestationalAge::fromCrl(45);
        QVERIFY(ga);
        QCOMPARE(ga->age.toString(), QStringLiteral("11+0"));
        QCOMPARE(ga->method, UltrasoundGestationalAge::Method::RobinsonCrl);
    }

    void crlOf84mmIs13Weeks6DaysAndStillDates()
    {
        auto ga = UltrasoundGestationalAge::fromCrl(84);
        QVERIFY(ga);
        QCOMPARE(ga->age.toString(), QStringLiteral("13+6"));
    }

    void crlJustAbove84mmNoLongerDates()
    {
        QCOMPARE(UltrasoundGestationalAge::fromCrl(84.1).error().code,
            QStringLiteral("biometry.crl-not-for-dating"));
        FetalBiometry b;
        QVERIFY(b.set(BiometryMeasure::Crl, 90));
        QCOMPARE(UltrasoundGestationalAge::estimate(b).error().code,
            QStringLiteral("biometry.crl-not-for-dating"));
    }

    void crlOf10mmByHand()
    {
        // 8.052·√10 + 23.73 = 49.19 days: 7+0.
        QCOMPARE(UltrasoundGestationalAge::fromCrl(10)->age.totalDays(), 49);
    }

    void crlOutsideItsRangeIsRefused()
    {
        QCOMPARE(
            UltrasoundGestationalAge::fromCrl(2.9).error().code, QStringLiteral("biometry.out-of-range"));
        QVERIFY(UltrasoundGestationalAge::fromCrl(3));
    }

    void hadlockSingleFormulasByHand()
    {
        // BPD 9.0 cm: 9.54 + 13.338 + 13.5756 = 36.45 weeks = 255.2 days → 36+3.
        QCOMPARE(UltrasoundGestationalAge::fromSingle(BiometryMeasure::Bpd, 90)->age.toString(),
            QStringLiteral("36+3"));
        // HC 30 cm: 8.96 + 16.2 + 8.1 = 33.26 weeks = 232.8 days → 33+1.
        QCOMPARE(UltrasoundGestationalAge::fromSingle(BiometryMeasure::Hc, 300)->age.toString(),
            QStringLiteral("33+1"));
        // AC 30 cm: 8.14 + 22.59 + 3.24 = 33.97 weeks = 237.8 days → 33+6.
        QCOMPARE(UltrasoundGestationalAge::fromSingle(BiometryMeasure::Ac, 300)->age.toString(),
            QStringLiteral("33+6"));
        // FL 6.0 cm: 10.35 + 14.76 + 6.12 = 31.23 weeks = 218.6 days → 31+1.
        QCOMPARE(UltrasoundGestationalAge::fromSingle(BiometryMeasure::Fl, 60)->age.toString(),
            QStringLiteral("31+1"));
    }

    void ntDoesNotDate()
    {
        QCOMPARE(UltrasoundGestationalAge::fromSingle(BiometryMeasure::Nt, 2).error().code,
            QStringLiteral("biometry.not-dating"));
    }

    void compositeNeedsAllFourAndAgreesWithTheSingleFormulas()
    {
        // Each value is 30+0 by its own Hadlock 1984 formula; the composite regression from the
        // same paper must land within half a week of it.
        FetalBiometry b;
        QVERIFY(b.set(BiometryMeasure::Bpd, 74.79));
        QVERIFY(b.set(BiometryMeasure::Hc, 274.60));
        QVERIFY(b.set(BiometryMeasure::Ac, 258.39));
        auto three = UltrasoundGestationalAge::estimate(b);
        QCOMPARE(three->method, UltrasoundGestationalAge::Method::HadlockAverage);
        QCOMPARE(three->parameters, 3);
        QVERIFY(std::abs(three->age.totalDays() - 210) <= 1);
        QVERIFY(b.set(BiometryMeasure::Fl, 57.24));
        auto all = UltrasoundGestationalAge::estimate(b);
        QCOMPARE(all->method, UltrasoundGestationalAge::Method::HadlockComposite);
        QVERIFY2(std::abs(all->age.totalDays() - 210) <= 3, qPrintable(all->age.toString()));
    }

    void crlTakesPrecedenceInTheFirstTrimester()
    {
        FetalBiometry b;
        QVERIFY(b.set(BiometryMeasure::Crl, 45));
        QVERIFY(b.set(BiometryMeasure::Bpd, 20));
        QCOMPARE(
            UltrasoundGestationalAge::estimate(b)->method, UltrasoundGestationalAge::Method::RobinsonCrl);
    }

    void nothingToDateBySaysWhatIsNeeded()
    {
        FetalBiometry b;
        QVERIFY(b.set(BiometryMeasure::Nt, 2.1));
        auto ga = UltrasoundGestationalAge::estimate(b);
        QCOMPARE(ga.error().code, QStringLiteral("biometry.ga-incomplete"));
        QVERIFY(ga.error().message.contains(QStringLiteral("CRL")));
    }
};

QTEST_GUILESS_MAIN(TestUltrasoundGestationalAge)
#include "tst_ultrasoundgestationalage.moc"
