// Measurement ranges: a value is kept only inside the range its formulas were derived on, both
// limits included, and a refused value never replaces the one already measured.
#include "biometry/fetalbiometry.h"

#include <QTest>

#include <limits>

class TestFetalBiometry : public QObject
{
    Q_OBJECT

private slots:
    void everyMeasureAcceptsBothLimitsAndRefusesJustBeyond()
    {
        for (BiometryMeasure m : BiometryMeasures::all()) {
            const double lo = BiometryMeasures::minimumMm(m);
            const double hi = BiometryMeasures::maximumMm(m);
            QVERIFY2(lo < hi, qPrintable(BiometryMeasures::key(m)));
            QVERIFY(BiometryMeasures::validate(m, lo));
            QVERIFY(BiometryMeasures::validate(m, hi));
            QCOMPARE(BiometryMeasures::validate(m, lo - 0.01).error().code,
                QStringLiteral("biometry.out-of-range"));
            QCOMPARE(BiometryMeasures::validate(m, hi + 0.01).error().code,
                QStringLiteral("biometry.out-of-range"));
        }
    }

    void notANumberAndInfinityAreRefusedWithAMessage()
    {
        auto nan = BiometryMeasures::validate(BiometryMeasure::Hc, std::numeric_limits<double>::quiet_NaN());
        QVERIFY(!nan);
        QVERIFY(nan.error().message.contains(QStringLiteral("HC")));
        QVERIFY(!BiometryMeasures::validate(BiometryMeasure::Ac, std::numeric_limits<double>::infinity()));
    }

    void refusedValueKeepsThePreviousOne()
    {
        FetalBiometry b;
        QVERIFY(b.isEmpty());
        QVERIFY(b.set(BiometryMeasure::Fl, 55));
        QVERIFY(!b.set(BiometryMeasure::Fl, 200));
        QCOMPARE(b.millimetres(BiometryMeasure::Fl), std::optional<double>(55));
        QCOMPARE(b.centimetres(BiometryMeasure::Fl), std::optional<double>(5.5));
        b.clear(BiometryMeasure::Fl);
        QVERIFY(!b.has(BiometryMeasure::Fl));
        QVERIFY(b.isEmpty());
    }

    void keysAreStableForStorage()
    {
        QStringList keys;
        for (BiometryMeasure m : BiometryMeasures::all())
            keys << BiometryMeasures::key(m);
        QCOMPARE(keys.join(QLatin1Char(',')), QStringLiteral("bpd,hc,ac,fl,crl,nt"));
        QCOMPARE(BiometryMeasures::drawing(BiometryMeasure::Hc), BiometryMeasures::Drawing::Ellipse);
        QCOMPARE(BiometryMeasures::drawing(BiometryMeasure::Bpd), BiometryMeasures::Drawing::Distance);
    }
};

QTEST_GUILESS_MAIN(TestFetalBiometry)
#include "tst_fetalbiometry.moc"
