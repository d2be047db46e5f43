// Laboratory test keys (stored and synced, so they must never change), their fixed units, and
// which tests are qualitative.
#include "domain/labresult.h"

#include <QTest>

Q_DECLARE_METATYPE(LabTest)

class TestLabResult : public QObject
{
    Q_OBJECT

private slots:
    void keysAndUnitsAreFixed_data()
    {
        QTest::addColumn<LabTest>("test");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("unit");
        QTest::addColumn<bool>("qualitative");
        QTest::newRow("haemoglobin") << LabTest::Haemoglobin << QStringLiteral("hb") << QStringLiteral("g/L")
                                     << false;
        QTest::newRow("platelets") << LabTest::Platelets << QStringLiteral("plt") << QStringLiteral("×10⁹/L")
                                   << false;
        QTest::newRow("fasting glucose")
            << LabTest::FastingGlucose << QStringLiteral("glucose") << QStringLiteral("mmol/L") << false;
        QTest::newRow("OGTT 1 h") << LabTest::Ogtt1h << QStringLiteral("ogtt1h") << QStringLiteral("mmol/L")
                                  << false;
        QTest::newRow("OGTT 2 h") << LabTest::Ogtt2h << QStringLiteral("ogtt2h") << QStringLiteral("mmol/L")
                                  << false;
        QTest::newRow("ALT") << LabTest::Alt << QStringLiteral("alt") << QStringLiteral("U/L") << false;
        QTest::newRow("creatinine") << LabTest::Creatinine << QStringLiteral("creatinine")
                                    << QStringLiteral("µmol/L") << false;
        QTest::newRow("HBsAg") << LabTest::HBsAg << QStringLiteral("hbsag") << QString() << true;
        QTest::newRow("syphilis") << LabTest::Syphilis << QStringLiteral("syphilis") << QString() << true;
        QTest::newRow("HIV") << LabTest::Hiv << QStringLiteral("hiv") << QString() << true;
    }
    void keysAndUnitsAreFixed()
    {
        QFETCH(LabTest, test);
        QFETCH(QString, key);
        QFETCH(QString, unit);
        QFETCH(bool, qualitative);
        QCOMPARE(labTestKey(test), key);
        QCOMPARE(labTestFromKey(key), std::optional<LabTest>(test));
        QCOMPARE(labTestUnit(test), unit);
        QCOMPARE(isQualitative(test), qualitative);
        QCOMPARE(labTestUnit(test).isEmpty(), qualitative);
    }

    void everyTestRoundTripsThroughItsKeyAndKeysAreDistinct()
    {
        QStringList keys;
        for (int i = int(LabTest::Haemoglobin); i <= int(LabTest::Hiv); ++i) {
            const auto test = static_cast<LabTest>(i);
            const QString key = labTestKey(test);
            QVERIFY(!key.isEmpty());
            QVERIFY2(!keys.contains(key), qPrintable(key));
            keys << key;
            QCOMPARE(labTestFromKey(key), std::optional<LabTest>(test));
        }
        QCOMPARE(keys.size(), 10);
    }

    void unknownKeysAreRefused()
    {
        QVERIFY(!labTestFromKey(QString()));
        QVERIFY(!labTestFromKey(QStringLiteral("HB")));
        QVERIFY(!labTestFromKey(QStringLiteral("hb ")));
        QVERIFY(!labTestFromKey(QStringLiteral("ferritin")));
    }

    void newResultIsUnknownSerologyWithoutValues()
    {
        const LabResult result;
        QCOMPARE(result.serology, Serology::Unknown);
        QVERIFY(!result.value);
        QVERIFY(!result.upperLimitOfNormal);
    }
};

QTEST_GUILESS_MAIN(TestLabResult)
#include "tst_labresult.moc"
