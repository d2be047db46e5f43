#include "handouts/antenatalrecordsheet.h"
#include "handouts/visitslip.h"
#include "i18n/translations.h"

#include "pdftext.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// The printed handouts as the woman gets them: the PDF's own text (pdftotext) must hold her
// name, the measured values, her grade's plain-language meaning and her next appointment, in
// Chinese when the workstation runs in Chinese.
class TestVisitSlip : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void chineseSlipHoldsHerValuesGradeMeaningAndAppointment();
    void slipWithoutAppointmentSaysNoneAndIsA5();
    void purpleGradeAddsTheInfectionMeaning();
    void recordHoldsEveryVisitOnA4();
    void unwritablePathGivesAnError();

private:
    HandoutInput input() const;

    QTemporaryDir m_dir;
    HandoutTexts m_texts;
};

void TestVisitSlip::initTestCase()
{
    QVERIFY(installTranslations(QLocale(QLocale::Chinese, QLocale::China)));
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    auto texts = HandoutTexts::load();
    QVERIFY(texts.has_value());
    m_texts = *texts;
    if (pdftotextProgram().isEmpty())
        QSKIP("pdftotext (poppler-utils) is not installed: scripts/install-deps.sh installs it");
}

void TestVisitSlip::cleanupTestCase()
{
    installTranslations(QLocale::c());
    QLocale::setDefault(QLocale::c());
}

HandoutInput TestVisitSlip::input() const
{
    HandoutInput in;
    in.clinicName = QStringLiteral("城东社区卫生服务中心");
    in.patient.name = QStringLiteral("张雅静");
    in.patient.recordNumber = QStringLiteral("MH0012");
    in.patient.birthDate = QDate(1994, 3, 2);
    in.pregnancy.lmp = QDate(2026, 6, 1); // EDD 2027-03-08
    in.pregnancy.gravida = 2;
    in.pregnancy.para = 1;
    in.level = QStringLiteral("yellow");
    in.printedOn = QDate(2026, 11, 2);
    AntenatalVisit first;
    first.visitDate = QDate(2026, 10, 5);
    first.gestationalAge = GestationalAge::fromWeeksAndDays(18, 0);
    first.systolicMmHg = 112;
    first.diastolicMmHg = 70;
    first.weightKg = 58.5;
    first.meta.author = QStringLiteral("nurse-li");
    AntenatalVisit second;
    second.visitDate = QDate(2026, 11, 2);
    second.gestationalAge = GestationalAge::fromWeeksAndDays(22, 0);
    second.systolicMmHg = 128;
    second.diastolicMmHg = 84;
    second.weightKg = 61.2;
    second.fundalHeightCm = 21.5;
    second.fetalHeartRateBpm = 146;
    second.advice = QStringLiteral("注意休息，每天自测血压。");
    second.nextAppointmentOn = QDate(2026, 11, 30);
    second.nextAppointmentPurpose = m_texts.purposeAt(GestationalAge::fromWeeksAndDays(26, 0));
    second.meta.author = QStringLiteral("dr-wang");
    in.visits = { first, second };
    return in;
}

void TestVisitSlip::chineseSlipHoldsHerValuesGradeMeaningAndAppointment()
{
    const HandoutInput in = input();
    const QString path = m_dir.filePath(QStringLiteral("slip.pdf"));
    VisitSlip slip(in, in.visits.last(), m_texts);
    QVERIFY(slip.writePdf(path).has_value());
    QString size;
    const QString text = pdfText(path, &size);
    QVERIFY2(!text.isEmpty(), "pdftotext read nothing");
    for (const QString &expected :
        { QStringLiteral("产前检查告知单"), QStringLiteral("城东社区卫生服务中心"), QStringLiteral("张雅静"),
            QStringLiteral("MH0012"), QStringLiteral("22+0"), QStringLiteral("128/84"),
            QStringLiteral("61.2"), QStringLiteral("21.5"), QStringLiteral("146"), QStringLiteral("血压"),
            QStringLiteral("宫高"), QStringLiteral("胎心"), QStringLiteral("黄色（一般风险）"),
            QStringLiteral("二级及以上医院"), QStringLiteral("注意休息，每天自测血压。"),
            QStringLiteral("下次预约"), QStringLiteral("2026/11/30"), QStringLiteral("26+0"),
            QStringLiteral("葡萄糖耐量"), QStringLiteral("阴道流血") })
        QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral(" missing in: ") + text));
    // The slip prints this visit only: the first visit's weight is not on it.
    QVERIFY(!text.contains(QStringLiteral("58.5")));
    QVERIFY2(size.contains(QLatin1String("420 x 595 pts (A5)")), qPrintable(size)); // portrait A5
}

void TestVisitSlip::slipWithoutAppointmentSaysNoneAndIsA5()
{
    HandoutInput in = input();
    in.level.clear();
    AntenatalVisit visit = in.visits.first();
    const QString path = m_dir.filePath(QStringLiteral("no-appointment.pdf"));
    QVERIFY(VisitSlip(in, visit, m_texts).writePdf(path).has_value());
    const QString text = pdfText(path);
    QVERIFY2(text.contains(QStringLiteral("未预约")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("尚未完成妊娠风险评估")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("112/70")), qPrintable(text));
    QVERIFY(!text.contains(QStringLiteral("黄色")));
}

void TestVisitSlip::purpleGradeAddsTheInfectionMeaning()
{
    HandoutInput in = input();
    in.purple = true;
    const QString path = m_dir.filePath(QStringLiteral("purple.pdf"));
    QVERIFY(VisitSlip(in, in.visits.last(), m_texts).writePdf(path).has_value());
    const QString text = pdfText(path);
    QVERIFY2(text.contains(QStringLiteral("紫色（传染性疾病）")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("预防母婴传播")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("黄色（一般风险）")));
}

void TestVisitSlip::recordHoldsEveryVisitOnA4()
{
    const QString path = m_dir.filePath(QStringLiteral("record.pdf"));
    AntenatalRecordSheet sheet(input(), m_texts);
    QVERIFY(sheet.writePdf(path).has_value());
    QString size;
    const QString text = pdfText(path, &size);
    for (const QString &expected :
        { QStringLiteral("产前检查记录"), QStringLiteral("张雅静"), QStringLiteral("18+0"),
            QStringLiteral("22+0"), QStringLiteral("112/70"), QStringLiteral("128/84"),
            QStringLiteral("58.5"), QStringLiteral("61.2"), QStringLiteral("nurse-li"),
            QStringLiteral("dr-wang"), QStringLiteral("2026/11/30"), QStringLiteral("尿蛋白") })
        QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral(" missing in: ") + text));
    QVERIFY2(size.contains(QLatin1String("842 x 595 pts (A4)")), qPrintable(size)); // landscape A4
}

void TestVisitSlip::unwritablePathGivesAnError()
{
    const HandoutInput in = input();
    const auto written = VisitSlip(in, in.visits.last(), m_texts)
                             .writePdf(m_dir.filePath(QStringLiteral("no/such/dir/slip.pdf")));
    QVERIFY(!written.has_value());
    QCOMPARE(written.error().code, QStringLiteral("handouts.write"));
}

QTEST_MAIN(TestVisitSlip)
#include "tst_visitslip.moc"
