// The screening and assessment forms driven through the real widgets, offscreen: a positive
// screen leads to the assessment form, the form finds items by Chinese words and by id, shows
// what the record already says with its evidence, and a ticked finding changes the banner only
// once a clinician confirms the proposal. OBSLINK_SCREENSHOT_DIR=dir saves what the forms look
// like; OBSLINK_TEST_QM=file.qm shows them in that language.
#include "guitesting.h"
#include "storage/database.h"
#include "workstation-ui/evidencetext.h"
#include "workstation-ui/findingsdialog.h"
#include "workstation-ui/mainwindow.h"
#include "workstation-ui/patientbanner.h"
#include "workstation-ui/patientchartview.h"
#include "workstation-ui/riskchip.h"
#include "workstation-ui/riskpanel.h"
#include "workstation-ui/screeningdialog.h"

#include <QApplication>
#include <QChartView>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScatterSeries>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTranslator>
#include <QTreeWidget>

namespace {
const QDate Today(2026, 11, 20);

QString inLanguage(const LocalizedText &text)
{
    return text.forLanguage(QLocale().name());
}

// The decided grades drawn on the Risk tab's timeline: (level color, marker shape) per point.
QList<std::pair<QColor, QScatterSeries::MarkerShape>> timelinePoints(RiskPanel *panel)
{
    QList<std::pair<QColor, QScatterSeries::MarkerShape>> points;
    for (QAbstractSeries *series :
        panel->findChild<QChartView *>(QStringLiteral("gradeTimeline"))->chart()->series())
        if (auto *scatter = qobject_cast<QScatterSeries *>(series))
            for (int i = 0; i < scatter->count(); ++i)
                points.append({ scatter->color(), scatter->markerShape() });
    return points;
}

QStringList visibleRuleIds(QTreeWidget *tree)
{
    QStringList ids;
    for (int g = 0; g < tree->topLevelItemCount(); ++g)
        for (int i = 0; i < tree->topLevelItem(g)->childCount(); ++i) {
            QTreeWidgetItem *item = tree->topLevelItem(g)->child(i);
            if (!item->isHidden() && !tree->topLevelItem(g)->isHidden())
                ids.append(item->data(FindingsDialog::ItemColumn, FindingsDialog::RuleIdRole).toString());
        }
    return ids;
}
} // namespace

class TestRiskForms : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void positiveScreeningLeadsToTheAssessmentFormAndTheBannerChangesOnlyOnConfirmation();
    void negativeScreeningIsGreenAndOpensNoAssessment();
    void assessmentFormFindsItemsByChineseWordsPinyinAndId();
    void itemsTheRecordAnswersShowTheirEvidenceOnBothForms();
    void tickedRedFindingTurnsTheBannerRedOnlyOnConfirmationAndStartsTheReportingClock();

private:
    QUuid registerWoman(const QString &name, const QDate &birthDate);
    PatientChartView *openChart(const QUuid &patientId);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<MainWindow> m_window;
};

void TestRiskForms::initTestCase()
{
    if (const QString qm = qEnvironmentVariable("OBSLINK_TEST_QM"); !qm.isEmpty()) {
        auto *translator = new QTranslator(this);
        QVERIFY(translator->load(qm));
        QCoreApplication::installTranslator(translator);
        QLocale::setDefault(QLocale(translator->language()));
    }
}

void TestRiskForms::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto db = Database::open(m_dir->filePath(QStringLiteral("clinic.db")), {QStringLiteral("c1"), QStringLiteral("dr-wang")});
    QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
    m_database = std::move(*db);
    m_window = std::make_unique<MainWindow>(*m_database, Today);
    m_window->resize(1500, 950);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestRiskForms::cleanup()
{
    m_window.reset();
    m_database.reset();
    m_dir.reset();
}

QUuid TestRiskForms::registerWoman(const QString &name, const QDate &birthDate)
{
    Patient patient;
    patient.name = name;
    patient.birthDate = birthDate;
    Pregnancy pregnancy;
    pregnancy.lmp = Today.addDays(-84);
    pregnancy.bookingDate = Today;
    pregnancy.heightCm = 160;
    pregnancy.prePregnancyWeightKg = 55;
    if (!ClinicRecords(*m_database).registerPregnancy(patient, pregnancy))
        qFatal("cannot register the test pregnancy");
    return patient.meta.id;
}

PatientChartView *TestRiskForms::openChart(const QUuid &patientId)
{
    if (!m_window->openPatient(patientId))
        qFatal("cannot open the test chart");
    PatientChartView *chart = m_window->chartView();
    chart->tabs()->setCurrentWidget(chart->riskPanel());
    return chart;
}

void TestRiskForms::positiveScreeningLeadsToTheAssessmentFormAndTheBannerChangesOnlyOnConfirmation()
{
    PatientChartView *chart = openChart(registerWoman(QStringLiteral("林静"), QDate(1996, 4, 2)));
    RiskPanel *panel = chart->riskPanel();
    auto *chip = chart->banner()->findChild<RiskChip *>();
    QCOMPARE(panel->findChild<QLabel *>(QStringLiteral("screeningStatus"))->property("screening").toString(), QStringLiteral("none"));
    QCOMPARE(chip->level(), QString());

    bool screened = false;
    bool assessed = false;
    whenModal<ScreeningDialog>([&screened](ScreeningDialog *form) {
        auto *result = form->findChild<QLabel *>(QStringLiteral("screeningResult"));
        QVERIFY(!result->property("positive").toBool());
        // History of epilepsy (national form 7.7.3): one "yes" makes the screen positive.
        form->setTicked(QStringLiteral("screen.7.7.3"), true);
        QVERIFY(form->isPositive());
        QVERIFY(result->property("positive").toBool());
        saveScreenshot(form, QStringLiteral("riskforms-screening-positive"));
        screened = true;
        QTest::mouseClick(form->findChild<QPushButton *>(QStringLiteral("saveScreening")), Qt::LeftButton);
    });
    whenModal<FindingsDialog>([&assessed](FindingsDialog *form) {
        // The screening's epilepsy answer points at yellow 2.7, highlighted for confirmation.
        QTreeWidgetItem *epilepsy = form->itemFor(QStringLiteral("yellow.2.7"));
        QCOMPARE(FindingsDialog::statusOf(epilepsy), FindingsDialog::ItemStatus::Suggested);
        QVERIFY(epilepsy->text(FindingsDialog::StatusColumn).contains(inLanguage(ScreeningChecklist::national2017().item(QStringLiteral("screen.7.7.3"))->label)));
        QVERIFY(form->tickedFindings().isEmpty()); // suggested is not ticked
        form->setTicked(QStringLiteral("yellow.2.7"), true);
        saveScreenshot(form, QStringLiteral("riskforms-assessment"));
        assessed = true;
        form->accept();
    });
    QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("screeningForm")), Qt::LeftButton);
    QVERIFY(screened);
    QVERIFY(assessed);

    const QList<RiskFindingRecord> findings = m_window->chartView()->chart().value().findings;
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings.first().ruleId, QStringLiteral("yellow.2.7"));
    QCOMPARE(panel->findChild<QLabel *>(QStringLiteral("screeningStatus"))->property("screening").toString(), QStringLiteral("positive"));
    // Proposed yellow; the banner shows no grade until the clinician confirms.
    QCOMPARE(chip->level(), QString());
    QVERIFY(chart->banner()->findChild<QLabel *>(QStringLiteral("gradePending"))->isVisibleTo(chart));
    // Layer 2 shows the epilepsy under neurological disease, ticked by dr-wang.
    auto *profile = panel->findChild<QTreeWidget *>(QStringLiteral("diseaseProfile"));
    const auto found = profile->findItems(inLanguage(RuleSet::national2017().rule(QStringLiteral("yellow.2.7"))->label), Qt::MatchStartsWith | Qt::MatchRecursive);
    QCOMPARE(found.size(), 1);
    QVERIFY(found.first()->text(2).contains(QStringLiteral("dr-wang")));
    saveScreenshot(m_window.get(), QStringLiteral("riskforms-panel-proposed"));

    QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("confirmGrade")), Qt::LeftButton);
    QCOMPARE(chip->level(), QStringLiteral("yellow"));
    // Layer 1 now says what yellow calls for, from the rule file.
    QVERIFY(panel->findChild<QLabel *>(QStringLiteral("managementGuidance"))->text().contains(inLanguage(RuleSet::national2017().level(QStringLiteral("yellow"))->care)));
    // The timeline shows the decision at 12 weeks as a yellow square (shape as well as color).
    QCOMPARE(timelinePoints(panel).size(), 1);
    QCOMPARE(timelinePoints(panel).first().first, RiskAppearance::color(QStringLiteral("yellow")));
    QCOMPARE(timelinePoints(panel).first().second, QScatterSeries::MarkerShapeRectangle);
    saveScreenshot(m_window.get(), QStringLiteral("riskforms-panel-confirmed"));
}

// A woman of 36 already decided yellow; at a later visit the clinician ticks cardiomyopathy
// (red 1.1.4) on the assessment form. The banner stays yellow while red is only proposed, turns
// red when she confirms, and the reporting clock (3 days) starts.
void TestRiskForms::tickedRedFindingTurnsTheBannerRedOnlyOnConfirmationAndStartsTheReportingClock()
{
    PatientChartView *chart = openChart(registerWoman(QStringLiteral("周敏"), QDate(1990, 5, 6)));
    RiskPanel *panel = chart->riskPanel();
    auto *chip = chart->banner()->findChild<RiskChip *>();
    auto *confirm = panel->findChild<QPushButton *>(QStringLiteral("confirmGrade"));
    QVERIFY(confirm->isEnabled()); // the rules propose yellow for her age
    QTest::mouseClick(confirm, Qt::LeftButton);
    QCOMPARE(chip->level(), QStringLiteral("yellow"));
    auto *alert = chart->banner()->findChild<QLabel *>(QStringLiteral("reportingAlert"));
    QVERIFY(!alert->isVisibleTo(chart));

    bool ticked = false;
    whenModal<FindingsDialog>([&ticked](FindingsDialog *form) {
        form->setTicked(QStringLiteral("red.1.1.4"), true);
        ticked = true;
        form->accept();
    });
    QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("assessmentForm")), Qt::LeftButton);
    QVERIFY(ticked);
    QCOMPARE(chip->level(), QStringLiteral("yellow"));
    QVERIFY(chart->banner()->findChild<QLabel *>(QStringLiteral("gradePending"))->isVisibleTo(chart));
    QVERIFY(confirm->isEnabled());
    QTest::mouseClick(confirm, Qt::LeftButton);
    QCOMPARE(chip->level(), QStringLiteral("red"));
    QVERIFY(alert->isVisibleTo(chart));
    QVERIFY(alert->text().contains(QLocale().toString(Today.addDays(3), QLocale::ShortFormat)));
    // Both decisions stand on the timeline: a yellow square and a red star.
    const auto points = timelinePoints(panel);
    QCOMPARE(points.size(), 2);
    QVERIFY(points.contains(
        std::pair { RiskAppearance::color(QStringLiteral("red")), QScatterSeries::MarkerShapeStar }));
    saveScreenshot(m_window.get(), QStringLiteral("riskforms-panel-red"));
}

void TestRiskForms::negativeScreeningIsGreenAndOpensNoAssessment()
{
    PatientChartView *chart = openChart(registerWoman(QStringLiteral("吴倩"), QDate(1997, 1, 9)));
    bool assessmentOpened = false;
    whenModal<ScreeningDialog>([](ScreeningDialog *form) {
        QVERIFY(!form->isPositive());
        saveScreenshot(form, QStringLiteral("riskforms-screening-negative"));
        QTest::mouseClick(form->findChild<QPushButton *>(QStringLiteral("saveScreening")), Qt::LeftButton);
    });
    whenModal<FindingsDialog>([&assessmentOpened](FindingsDialog *) { assessmentOpened = true; }, 20);
    QTest::mouseClick(chart->riskPanel()->findChild<QPushButton *>(QStringLiteral("screeningForm")), Qt::LeftButton);
    QTest::qWait(300); // long enough for a wrongly opened assessment form to be seen
    QVERIFY(!assessmentOpened);
    QCOMPARE(chart->riskPanel()->findChild<QLabel *>(QStringLiteral("screeningStatus"))->property("screening").toString(), QStringLiteral("negative"));
}

void TestRiskForms::assessmentFormFindsItemsByChineseWordsPinyinAndId()
{
    PatientChartView *chart = openChart(registerWoman(QStringLiteral("郑敏"), QDate(1995, 5, 5)));
    bool checked = false;
    whenModal<FindingsDialog>([&checked](FindingsDialog *form) {
        auto *search = form->findChild<QLineEdit *>(QStringLiteral("findingSearch"));
        auto *tree = form->findChild<QTreeWidget *>(QStringLiteral("findingTree"));
        search->setText(QStringLiteral("心肌病"));
        const QStringList byChinese = visibleRuleIds(tree);
        QVERIFY2(byChinese.contains(QStringLiteral("red.1.1.4")), qPrintable(byChinese.join(QLatin1Char(' '))));
        QVERIFY(byChinese.contains(QStringLiteral("orange.2.1.5")));
        QVERIFY(!byChinese.contains(QStringLiteral("red.1.1.1")));
        // The same items by the pinyin of 心肌病: full or mixed, no other item; the initials
        // also find 传染性疾病 (性疾病 is xjb too).
        for (const QString &pinyin : {QStringLiteral("xinjibing"), QStringLiteral("xīn jī bìng"), QStringLiteral("心jb"), QStringLiteral("xin肌病")}) {
            search->setText(pinyin);
            QCOMPARE(visibleRuleIds(tree), byChinese);
        }
        search->setText(QStringLiteral("xjb"));
        const QStringList byInitials = visibleRuleIds(tree);
        for (const QString &id : byChinese)
            QVERIFY(byInitials.contains(id));
        QVERIFY(!byInitials.contains(QStringLiteral("red.1.1.1")));
        search->setText(QStringLiteral("xjbz"));
        QVERIFY(!visibleRuleIds(tree).contains(QStringLiteral("red.1.1.4")));
        search->setText(QStringLiteral("red.1.1.4"));
        QCOMPARE(visibleRuleIds(tree), QStringList{QStringLiteral("red.1.1.4")});
        search->setText(QStringLiteral("Cardiomyopathy stable"));
        QCOMPARE(visibleRuleIds(tree), QStringList{QStringLiteral("orange.2.1.5")});
        search->clear();
        QCOMPARE(visibleRuleIds(tree).size(), RuleSet::national2017().rules.size());
        checked = true;
    });
    QTest::mouseClick(chart->riskPanel()->findChild<QPushButton *>(QStringLiteral("assessmentForm")), Qt::LeftButton);
    QVERIFY(checked);
}

void TestRiskForms::itemsTheRecordAnswersShowTheirEvidenceOnBothForms()
{
    const QUuid id = registerWoman(QStringLiteral("冯丽"), QDate(1990, 3, 3)); // 36
    QList<LabResult> labs{LabResult{}};
    labs[0].pregnancyId = (*ClinicRecords(*m_database).loadChart(id))->pregnancy->meta.id;
    labs[0].takenOn = Today.addDays(-1);
    labs[0].test = LabTest::Haemoglobin;
    labs[0].value = 95;
    QVERIFY(ClinicRecords(*m_database).saveLabs(labs));
    PatientChartView *chart = openChart(id);
    bool screeningChecked = false;
    bool assessmentChecked = false;
    whenModal<ScreeningDialog>([&screeningChecked](ScreeningDialog *form) {
        QTreeWidgetItem *hb = form->itemFor(QStringLiteral("screen.6.1"));
        QCOMPARE(hb->checkState(ScreeningDialog::ItemColumn), Qt::Checked);
        QVERIFY(!(hb->flags() & Qt::ItemIsUserCheckable)); // the record's answer cannot be unticked
        QVERIFY2(hb->text(ScreeningDialog::FromRecordColumn).contains(QStringLiteral("95 g/L")),
                 qPrintable(hb->text(ScreeningDialog::FromRecordColumn)));
        QVERIFY(form->itemFor(QStringLiteral("screen.1.1"))->text(ScreeningDialog::FromRecordColumn).contains(QStringLiteral("36")));
        QVERIFY(form->isPositive());
        QVERIFY(form->tickedItems().isEmpty()); // the clinician ticked nothing herself
        QCOMPARE(form->itemFor(QStringLiteral("screen.1.3"))->text(ScreeningDialog::FromRecordColumn),
                 ScreeningDialog::tr("No, from the record"));
        QCOMPARE(form->itemFor(QStringLiteral("screen.7.1.5"))->text(ScreeningDialog::FromRecordColumn),
                 ScreeningDialog::tr("Not in the record yet: ask or examine her"));
        saveScreenshot(form, QStringLiteral("riskforms-screening-from-record"));
        screeningChecked = true;
    });
    QTest::mouseClick(chart->riskPanel()->findChild<QPushButton *>(QStringLiteral("screeningForm")), Qt::LeftButton);
    QVERIFY(screeningChecked);
    whenModal<FindingsDialog>([&assessmentChecked](FindingsDialog *form) {
        QTreeWidgetItem *anaemia = form->itemFor(QStringLiteral("yellow.2.6.2"));
        QCOMPARE(FindingsDialog::statusOf(anaemia), FindingsDialog::ItemStatus::FromRecord);
        QVERIFY2(anaemia->text(FindingsDialog::StatusColumn).startsWith(FindingsDialog::tr("From the record: %1").arg(EvidenceText::inputName(QStringLiteral("hbGramsPerLitre")) + QStringLiteral(" 95 g/L"))),
                 qPrintable(anaemia->text(FindingsDialog::StatusColumn)));
        QCOMPARE(FindingsDialog::statusOf(form->itemFor(QStringLiteral("red.1.6"))), FindingsDialog::ItemStatus::Plain);
        // Age ≥40 is computed only: at 36 it does not apply, and it is no suggestion either.
        QCOMPARE(FindingsDialog::statusOf(form->itemFor(QStringLiteral("orange.1.1"))), FindingsDialog::ItemStatus::Plain);
        QCOMPARE(FindingsDialog::statusOf(form->itemFor(QStringLiteral("yellow.1.1"))), FindingsDialog::ItemStatus::FromRecord);
        assessmentChecked = true;
    });
    QTest::mouseClick(chart->riskPanel()->findChild<QPushButton *>(QStringLiteral("assessmentForm")), Qt::LeftButton);
    QVERIFY(assessmentChecked);
}

QTEST_MAIN(TestRiskForms)
#include "tst_riskforms.moc"
