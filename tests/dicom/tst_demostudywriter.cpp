#include "dicom/demostudywriter.h"
#include "i18n/translations.h"

#include <QTest>

// The demo PACS studies speak the demo's language: `obslink-cli pacs demo-studies` run in a
// Chinese locale writes Chinese study descriptions (and names where no clinic database gives
// them), so that a workstation running in Chinese shows no English demo text.
class TestDemoStudyWriter : public QObject
{
    Q_OBJECT
private slots:
    void descriptionsAreEnglishWithoutTranslation();
    void descriptionsAreChineseInAChineseLocale();
};

void TestDemoStudyWriter::descriptionsAreEnglishWithoutTranslation()
{
    installTranslations(QLocale::c());
    const QList<DemoStudy> studies = DemoStudyWriter::demoSet(QDate(2026, 12, 6));
    QCOMPARE(studies.size(), 5);
    QCOMPARE(studies.first().description, QStringLiteral("Second-trimester anomaly scan"));
    QCOMPARE(studies.first().patientName, QStringLiteral("Demo^Li Na"));
}

void TestDemoStudyWriter::descriptionsAreChineseInAChineseLocale()
{
    QVERIFY(installTranslations(QLocale(QLocale::Chinese, QLocale::China)));
    const QList<DemoStudy> studies = DemoStudyWriter::demoSet(QDate(2026, 12, 6));
    for (const DemoStudy &study : studies) {
        bool chinese = false;
        for (QChar c : study.description)
            chinese = chinese || (c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff);
        QVERIFY2(chinese, qPrintable(study.description));
    }
    QCOMPARE(studies.at(0).description, QStringLiteral("中孕期胎儿系统超声检查"));
    QCOMPARE(studies.at(0).patientName, QStringLiteral("演示^李娜"));
    installTranslations(QLocale::c());
}

QTEST_GUILESS_MAIN(TestDemoStudyWriter)
#include "tst_demostudywriter.moc"
