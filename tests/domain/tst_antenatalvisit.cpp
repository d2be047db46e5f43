// Fetal presentation keys (stored and synced, so they must never change) and what a new visit
// records before anything is entered.
#include "domain/antenatalvisit.h"

#include <QTest>

Q_DECLARE_METATYPE(FetalPresentation)

class TestAntenatalVisit : public QObject
{
    Q_OBJECT

private slots:
    void presentationKeysAreFixedAndRoundTrip_data()
    {
        QTest::addColumn<FetalPresentation>("presentation");
        QTest::addColumn<QString>("key");
        QTest::newRow("unknown") << FetalPresentation::Unknown << QStringLiteral("unknown");
        QTest::newRow("cephalic") << FetalPresentation::Cephalic << QStringLiteral("cephalic");
        QTest::newRow("breech") << FetalPresentation::Breech << QStringLiteral("breech");
        QTest::newRow("transverse") << FetalPresentation::Transverse << QStringLiteral("transverse");
        QTest::newRow("oblique") << FetalPresentation::Oblique << QStringLiteral("oblique");
    }
    void presentationKeysAreFixedAndRoundTrip()
    {
        QFETCH(FetalPresentation, presentation);
        QFETCH(QString, key);
        QCOMPARE(presentationKey(presentation), key);
        QCOMPARE(presentationFromKey(key), std::optional<FetalPresentation>(presentation));
    }

    void unknownPresentationKeysAreRefused()
    {
        QVERIFY(!presentationFromKey(QString()));
        QVERIFY(!presentationFromKey(QStringLiteral("Cephalic")));
        QVERIFY(!presentationFromKey(QStringLiteral("vertex")));
    }

    void newVisitHasNothingMeasured()
    {
        const AntenatalVisit visit;
        QCOMPARE(visit.presentation, FetalPresentation::Unknown);
        QCOMPARE(visit.oedema, Oedema::None);
        QCOMPARE(visit.urineProtein, UrineProtein::NotTested);
        QVERIFY(!visit.systolicMmHg && !visit.diastolicMmHg && !visit.pulseBpm && !visit.weightKg);
        QVERIFY(!visit.fundalHeightCm && !visit.abdominalGirthCm && !visit.fetalHeartRateBpm);
    }
};

QTEST_GUILESS_MAIN(TestAntenatalVisit)
#include "tst_antenatalvisit.moc"
