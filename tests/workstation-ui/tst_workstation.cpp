// The nurse's first day: register a woman, find her again by the first characters of her
// name, reopen her chart and record a visit — driven through the real widgets, offscreen.
#include "cases/casemanagement.h"
#include "cases/worklists.h"
#include "audit/auditlog.h"
#include "guitesting.h"
#include "sqlscalar.h"
#include "storage/clinicrecords.h"
#include "storage/database.h"
#include "storage/draftstore.h"
#include "workstation-ui/casesummarypdf.h"
#include "workstation-ui/findingsdialog.h"
#include "workstation-ui/handoutexport.h"
#include "workstation-ui/mainwindow.h"
#include "workstation-ui/patientbanner.h"
#include "workstation-ui/patientchartview.h"
#include "workstation-ui/patientlistmodel.h"
#include "workstation-ui/possibleduplicatesdialog.h"
#include "workstation-ui/riskchip.h"
#include "workstation-ui/riskpanel.h"
#include "workstation-ui/visitdialog.h"
#include "workstation-ui/worklistpanel.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

namespace {
const QDate Today(2026, 11, 20);

template <typename T> T *field(QWidget *form, const char *name)
{
    T *widget = form->findChild<T *>(QString::fromLatin1(name));
    if (!widget)
        qFatal("form field %s missing", name);
    return widget;
}

// Chinese is typed through an input method: the IME commits whole characters.
void typeChinese(QWidget *widget, const QString &text)
{
    widget->setFocus();
    QInputMethodEvent event;
    event.setCommitString(text);
    QApplication::sendEvent(widget, &event);
}

void clickSave(QWidget *dialog)
{
    auto *buttons = dialog->findChild<QDialogButtonBox *>();
    QTest::mouseClick(buttons->button(QDialogButtonBox::Save), Qt::LeftButton);
}

// Runs `fill` on the modal dialog that the next action opens.
void whenDialogOpens(std::function<void(QDialog *)> fill)
{
    QTimer::singleShot(0, [fill] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        fill(dialog);
        // A failed check inside fill() must not leave the modal dialog blocking the test.
        if (dialog->isVisible())
            dialog->done(QDialog::Rejected);
    });
}
} // namespace

class TestWorkstation : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void registeredWomanIsFoundByFirstCharactersAndGetsAVisit();
    void impossibleBloodPressureIsRefusedWithAMessage();
    void visitFormProposesTheScheduledAppointmentAndSavesIt();
    void typedVisitSurvivesTheFormBeingDestroyedUnsaved();
    void riskFilterShowsOnlyWomenOfThatColor();
    void tickedFindingChangesTheBannerOnlyAfterConfirmation();
    void phoneFollowUpFromTheOverdueWorklistTakesHerOffIt();
    void longWorklistShowsItsMostUrgentPageAndSaysHowManyMore();
    void caseSummaryPdfIsWrittenWithHistoryContactsAndOutcome();
    void registerAndCaseSummaryAreSavedFromTheFileMenu();
    void aWomanAlreadyRegisteredIsOfferedInsteadOfASecondRecord();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<MainWindow> m_window;
};

void TestWorkstation::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto db = Database::open(
        m_dir->filePath(QStringLiteral("clinic.db")), { QStringLiteral("c1"), QStringLiteral("nurse") });
    QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
    m_database = std::move(*db);
    m_window = std::make_unique<MainWindow>(*m_database, Today);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestWorkstation::cleanup()
{
    m_window.reset();
    m_database.reset();
    m_dir.reset();
}

void TestWorkstation::registeredWomanIsFoundByFirstCharactersAndGetsAVisit()
{
    whenDialogOpens([](QDialog *dialog) {
        typeChinese(field<QLineEdit>(dialog, "name"), QStringLiteral("欧阳秀英"));
        // A valid ID number (check character computed by MOD 11-2) fills in the birth date.
        QTest::keyClicks(field<QLineEdit>(dialog, "nationalId"), QStringLiteral("110101199003070046"));
        QCOMPARE(field<QDateEdit>(dialog, "birthDate")->date(), QDate(1990, 3, 7));
        QTest::keyClicks(field<QLineEdit>(dialog, "phone"), QStringLiteral("13912345678"));
        field<QDateEdit>(dialog, "lmp")->setDate(Today.addDays(-20 * 7));
        field<QSpinBox>(dialog, "gravida")->setValue(2);
        field<QSpinBox>(dialog, "para")->setValue(1);
        QTest::keyClicks(field<QLineEdit>(dialog, "height"), QStringLiteral("160"));
        QTest::keyClicks(field<QLineEdit>(dialog, "prePregnancyWeight"), QStringLiteral("55"));
        clickSave(dialog);
    });
    QTest::keySequence(m_window.get(), QKeySequence::New);
    QVERIFY(m_window->chartView()->chart().has_value());

    // Close the chart, then find her again as a nurse would: type the first two characters.
    m_window->chartView()->closeChart();
    typeChinese(m_window->searchField(), QStringLiteral("欧阳"));
    QCOMPARE(m_window->patientList()->rowCount(), 1);
    QCOMPARE(m_window->patientList()->rowAt(0)->name, QStringLiteral("欧阳秀英"));
    QCOMPARE(m_window->patientList()->index(0, PatientListModel::GestationalAgeToday).data().toString(),
        QStringLiteral("20+0"));
    QTest::keyClick(m_window->searchField(), Qt::Key_Return);
    QVERIFY(m_window->chartView()->chart().has_value());
    QVERIFY(m_window->chartView()->banner()->summaryText().contains(QStringLiteral("欧阳秀英")));
    QVERIFY(m_window->chartView()->banner()->summaryText().contains(QStringLiteral("20+0")));

    // Back at the main window after the dialog closed, as a window manager would do.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    whenDialogOpens([](QDialog *dialog) {
        QTest::keyClicks(field<QLineEdit>(dialog, "systolic"), QStringLiteral("118"));
        QTest::keyClicks(field<QLineEdit>(dialog, "diastolic"), QStringLiteral("76"));
        QTest::keyClicks(field<QLineEdit>(dialog, "weight"), QStringLiteral("60.5"));
        QTest::keyClicks(field<QLineEdit>(dialog, "fundalHeight"), QStringLiteral("20"));
        QTest::keyClicks(field<QLineEdit>(dialog, "fetalHeartRate"), QStringLiteral("145"));
        clickSave(dialog);
    });
    QTest::keySequence(m_window.get(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    const auto &chart = m_window->chartView()->chart();
    QVERIFY(chart.has_value());
    QCOMPARE(chart->visits.size(), 1);
    QCOMPARE(chart->visits.first().systolicMmHg, std::optional<int>(118));
    QCOMPARE(chart->visits.first().gestationalAge.toString(), QStringLiteral("20+0"));
    auto *table = m_window->chartView()->findChild<QTableView *>(QStringLiteral("visitTable"));
    QCOMPARE(table->model()->rowCount(), 1);
    QCOMPARE(table->model()->index(0, 2).data().toString(), QStringLiteral("118/76"));
}

void TestWorkstation::impossibleBloodPressureIsRefusedWithAMessage()
{
    Patient patient;
    patient.name = QStringLiteral("李娜");
    patient.birthDate = QDate(1995, 1, 1);
    Pregnancy pregnancy;
    pregnancy.lmp = Today.addDays(-100);
    ClinicRecords records(*m_database);
    QVERIFY(records.registerPregnancy(patient, pregnancy));
    DraftStore drafts(*m_database);
    VisitDialog dialog(records, drafts, pregnancy, Today);
    dialog.show();
    QTest::keyClicks(field<QLineEdit>(&dialog, "systolic"), QStringLiteral("1400"));
    QTest::keyClicks(field<QLineEdit>(&dialog, "diastolic"), QStringLiteral("80"));
    clickSave(&dialog);
    QVERIFY(dialog.isVisible()); // not saved
    bool messageShown = false;
    for (QLabel *label : dialog.findChildren<QLabel *>())
        messageShown = messageShown || (label->isVisible() && label->text().contains(QStringLiteral("260")));
    QVERIFY(messageShown);
    auto loaded = records.loadChart(patient.meta.id);
    QVERIFY(loaded && *loaded);
    QCOMPARE((*loaded)->visits.size(), 0);
}

void TestWorkstation::visitFormProposesTheScheduledAppointmentAndSavesIt()
{
    Patient patient;
    patient.name = QStringLiteral("赵敏");
    patient.birthDate = QDate(1993, 4, 4);
    Pregnancy pregnancy;
    pregnancy.lmp = Today.addDays(-20 * 7); // 20+0 today
    ClinicRecords records(*m_database);
    QVERIFY(records.registerPregnancy(patient, pregnancy));
    DraftStore drafts(*m_database);
    VisitDialog dialog(records, drafts, pregnancy, Today);
    dialog.show();
    auto *appointment = field<QDateEdit>(&dialog, "nextAppointment");
    auto *purpose = field<QLineEdit>(&dialog, "appointmentPurpose");
    // Every 4 weeks before 28: 24+0, still the anomaly-scan window.
    QVERIFY(field<QCheckBox>(&dialog, "makeAppointment")->isChecked());
    QCOMPARE(appointment->date(), Today.addDays(28));
    QVERIFY2(purpose->text().contains(QStringLiteral("anomaly scan")), qPrintable(purpose->text()));
    // A visit date a week back (19+0) moves the proposal with it.
    field<QDateEdit>(&dialog, "visitDate")->setDate(Today.addDays(-7));
    QCOMPARE(appointment->date(), Today.addDays(21));
    // Once the nurse writes her own, a changed visit date leaves it alone.
    purpose->clear();
    QTest::keyClicks(purpose, QStringLiteral("recheck blood pressure"));
    field<QDateEdit>(&dialog, "visitDate")->setDate(Today);
    QCOMPARE(purpose->text(), QStringLiteral("recheck blood pressure"));
    field<QPlainTextEdit>(&dialog, "advice")->setPlainText(QStringLiteral("每天自测血压"));
    QTest::keyClicks(field<QLineEdit>(&dialog, "systolic"), QStringLiteral("124"));
    QTest::keyClicks(field<QLineEdit>(&dialog, "diastolic"), QStringLiteral("80"));
    clickSave(&dialog);
    QVERIFY(!dialog.isVisible());
    auto loaded = records.loadChart(patient.meta.id);
    QVERIFY(loaded && *loaded);
    const AntenatalVisit saved = (*loaded)->visits.first();
    QCOMPARE(saved.nextAppointmentOn, Today.addDays(21));
    QCOMPARE(saved.nextAppointmentPurpose, QStringLiteral("recheck blood pressure"));
    QCOMPARE(saved.advice, QStringLiteral("每天自测血压"));
    // She is on tomorrow's list three weeks less a day from now, and her slip can be written.
    Worklists lists(*m_database, CaseSettings::defaults());
    QCOMPARE(*lists.count(WorklistKind::AppointmentsTomorrow, Today.addDays(20)), 1);
    QWidget host;
    HandoutExport handouts(&host);
    handouts.setChart(**loaded, QStringLiteral("green"), false, Today);
    QTemporaryDir dir;
    QVERIFY(handouts.writePdf(HandoutExport::Kind::VisitSlip, dir.filePath(QStringLiteral("slip.pdf"))).has_value());
    QVERIFY(QFileInfo(dir.filePath(QStringLiteral("slip.pdf"))).size() > 1000);
    QVERIFY(handouts.writePdf(HandoutExport::Kind::AntenatalRecord, dir.filePath(QStringLiteral("record.pdf"))).has_value());

    // An appointment on or before the visit date is refused with a message.
    VisitDialog second(records, drafts, pregnancy, Today);
    second.show();
    field<QDateEdit>(&second, "nextAppointment")->setMinimumDate(Today.addDays(-30));
    field<QDateEdit>(&second, "nextAppointment")->setDate(Today.addDays(-1));
    clickSave(&second);
    QVERIFY(second.isVisible());
}

void TestWorkstation::typedVisitSurvivesTheFormBeingDestroyedUnsaved()
{
    Patient patient;
    patient.name = QStringLiteral("王芳");
    patient.birthDate = QDate(1992, 5, 5);
    Pregnancy pregnancy;
    pregnancy.lmp = Today.addDays(-150);
    ClinicRecords records(*m_database);
    QVERIFY(records.registerPregnancy(patient, pregnancy));
    DraftStore drafts(*m_database);
    {
        auto dialog = std::make_unique<VisitDialog>(records, drafts, pregnancy, Today);
        dialog->show();
        QTest::keyClicks(field<QLineEdit>(dialog.get(), "systolic"), QStringLiteral("132"));
        // The draft reaches the database within a moment of typing, before any Save.
        QTRY_VERIFY_WITH_TIMEOUT(
            drafts.load(QStringLiteral("visit:") + pregnancy.meta.id.toString(QUuid::WithoutBraces))
                .value_or(std::nullopt)
                .has_value(),
            3000);
    } // destroyed as in a crash: no reject(), no accept()
    VisitDialog reopened(records, drafts, pregnancy, Today);
    QCOMPARE(field<QLineEdit>(&reopened, "systolic")->text(), QStringLiteral("132"));
}

void TestWorkstation::riskFilterShowsOnlyWomenOfThatColor()
{
    ClinicRecords records(*m_database);
    QList<QUuid> pregnancies;
    for (const char *name : { "张红", "张丽", "张敏" }) {
        Patient patient;
        patient.name = QString::fromUtf8(name);
        patient.birthDate = QDate(1990, 1, 1);
        Pregnancy pregnancy;
        pregnancy.lmp = Today.addDays(-90);
        QVERIFY(records.registerPregnancy(patient, pregnancy));
        pregnancies.append(pregnancy.meta.id);
    }
    QSqlQuery grade(m_database->connection());
    QVERIFY(
        grade.exec(QStringLiteral("UPDATE pregnancy SET risk_level = 'red', risk_purple = 1 WHERE id = '%1'")
                       .arg(pregnancies[1].toString(QUuid::WithoutBraces))));
    QVERIFY(grade.exec(QStringLiteral("UPDATE pregnancy SET risk_level = 'green' WHERE id = '%1'")
                           .arg(pregnancies[2].toString(QUuid::WithoutBraces))));
    auto *filter = m_window->findChild<QComboBox *>(QStringLiteral("riskFilter"));
    QVERIFY(filter);
    m_window->patientList()->refresh();
    QCOMPARE(m_window->patientList()->rowCount(), 3);
    filter->setCurrentIndex(filter->findData(QStringLiteral("red")));
    QCOMPARE(m_window->patientList()->rowCount(), 1);
    QCOMPARE(m_window->patientList()->rowAt(0)->name, QStringLiteral("张丽"));
    filter->setCurrentIndex(filter->findData(QStringLiteral("purple")));
    QCOMPARE(m_window->patientList()->rowCount(), 1);
    filter->setCurrentIndex(filter->findData(QStringLiteral("ungraded")));
    QCOMPARE(m_window->patientList()->rowCount(), 1);
    QCOMPARE(m_window->patientList()->rowAt(0)->name, QStringLiteral("张红"));
    filter->setCurrentIndex(0);
    QCOMPARE(m_window->patientList()->rowCount(), 3);
}

void TestWorkstation::tickedFindingChangesTheBannerOnlyAfterConfirmation()
{
    Patient patient;
    patient.name = QStringLiteral("周晓燕");
    patient.birthDate = QDate(1994, 6, 1);
    Pregnancy pregnancy;
    pregnancy.lmp = Today.addDays(-120);
    QVERIFY(ClinicRecords(*m_database).registerPregnancy(patient, pregnancy));
    QVERIFY(m_window->openPatient(patient.meta.id));
    PatientChartView *chart = m_window->chartView();
    auto *chip = chart->banner()->findChild<RiskChip *>();
    auto *pending = chart->banner()->findChild<QLabel *>(QStringLiteral("gradePending"));
    auto *confirm = chart->riskPanel()->findChild<QPushButton *>(QStringLiteral("confirmGrade"));
    // A new pregnancy: the rules propose green; nothing is decided until a clinician confirms.
    QVERIFY(pending->isVisibleTo(chart));
    QCOMPARE(chip->level(), QString());
    QTest::mouseClick(confirm, Qt::LeftButton);
    QCOMPARE(chip->level(), QStringLiteral("green"));
    QVERIFY(!pending->isVisibleTo(chart));
    QVERIFY(!chart->banner()->findChild<QLabel *>(QStringLiteral("reportingAlert"))->isVisibleTo(chart));

    // The obstetrician ticks "any cardiomyopathy" (red 1.1.4) on the assessment form.
    whenDialogOpens([](QDialog *dialog) {
        auto *form = qobject_cast<FindingsDialog *>(dialog);
        QVERIFY(form);
        form->findChild<QLineEdit *>(QStringLiteral("findingSearch"))->setText(QStringLiteral("red.1.1"));
        form->setTicked(QStringLiteral("red.1.1.4"), true);
        dialog->accept();
    });
    QTest::mouseClick(
        chart->riskPanel()->findChild<QPushButton *>(QStringLiteral("assessmentForm")), Qt::LeftButton);
    // Proposed, not yet decided: the banner still shows green, and says a decision is waiting.
    QCOMPARE(chip->level(), QStringLiteral("green"));
    QVERIFY(pending->isVisibleTo(chart));
    QTest::mouseClick(confirm, Qt::LeftButton);
    QCOMPARE(chip->level(), QStringLiteral("red"));
    QVERIFY(!pending->isVisibleTo(chart));
    const auto &grades = chart->chart()->grades;
    QCOMPARE(grades.last().status, RiskGradeRecord::Status::Confirmed);
    QCOMPARE(grades.last().decidedBy, QStringLiteral("nurse"));
    // A red grade opens the case file with its reporting clock, shown on the banner.
    auto *alert = chart->banner()->findChild<QLabel *>(QStringLiteral("reportingAlert"));
    QVERIFY(alert->isVisibleTo(chart));
    QVERIFY(alert->text().contains(QLocale().toString(Today.addDays(3), QLocale::ShortFormat)));
    Worklists worklists(*m_database, CaseSettings::defaults());
    QCOMPARE(*worklists.count(WorklistKind::Unreported, QDate::currentDate()), 1);
}

void TestWorkstation::phoneFollowUpFromTheOverdueWorklistTakesHerOffIt()
{
    Patient patient;
    patient.name = QStringLiteral("赵雪");
    patient.birthDate = QDate(1988, 8, 8);
    patient.phone = QStringLiteral("13700001234");
    Pregnancy pregnancy;
    pregnancy.lmp = Today.addDays(-200);
    QVERIFY(ClinicRecords(*m_database).registerPregnancy(patient, pregnancy));
    // Graded red ten days ago: the weekly contact was due three days ago.
    CaseManagement cases(*m_database, CaseSettings::defaults());
    QVERIFY(cases.openCase(pregnancy.meta.id, QStringLiteral("red"), false, Today.addDays(-10)));
    WorklistPanel *worklists = m_window->worklists();
    worklists->refresh();
    QCOMPARE(m_window->navigation()->tabText(1), QStringLiteral("Worklists (2)")); // overdue + unreported
    m_window->navigation()->setCurrentIndex(1);
    worklists->showList(WorklistKind::Overdue);
    QCOMPARE(worklists->items().size(), 1);
    auto *table = worklists->findChild<QTableWidget *>(QStringLiteral("worklistTable"));
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("赵雪"));
    table->selectRow(0);

    whenDialogOpens([](QDialog *dialog) {
        QCOMPARE(dialog->findChild<QComboBox *>(QStringLiteral("kind"))->currentData().toString(),
            QStringLiteral("phone-call"));
        typeChinese(dialog->findChild<QPlainTextEdit *>(QStringLiteral("findings")),
            QStringLiteral("无头痛，胎动正常"));
        typeChinese(dialog->findChild<QPlainTextEdit *>(QStringLiteral("advice")),
            QStringLiteral("每日测血压，周五来院"));
        clickSave(dialog);
    });
    QTest::mouseClick(worklists->findChild<QPushButton *>(QStringLiteral("recordContact")), Qt::LeftButton);
    QCOMPARE(worklists->items().size(), 0);
    QCOMPARE(worklists->countOf(WorklistKind::Overdue), 0);
    QCOMPARE(m_window->navigation()->tabText(1), QStringLiteral("Worklists (1)"));
    const auto contacts = cases.repository().contacts(
        cases.repository().currentForPregnancy(pregnancy.meta.id).value()->meta.id);
    QCOMPARE(contacts->size(), 2);
    QCOMPARE(contacts->first().advice, QStringLiteral("每日测血压，周五来院"));
    QCOMPARE(contacts->last().dueOn, Today.addDays(7));
}

void TestWorkstation::longWorklistShowsItsMostUrgentPageAndSaysHowManyMore()
{
    // One more unassigned case than a page holds, each opened a day later than the one before.
    QSqlQuery((*m_database).connection()).exec(QStringLiteral("PRAGMA synchronous = OFF")); // setting up
    ClinicRecords records(*m_database);
    CaseManagement cases(*m_database, CaseSettings::defaults());
    const int women = Worklists::FirstPage + 1;
    for (int i = 0; i < women; ++i) {
        Patient patient;
        patient.name = QStringLiteral("孕妇%1").arg(i, 3, 10, QLatin1Char('0'));
        patient.birthDate = QDate(1990, 1, 1);
        Pregnancy pregnancy;
        pregnancy.lmp = Today.addDays(-150);
        QVERIFY(records.registerPregnancy(patient, pregnancy));
        QVERIFY(cases.openCase(pregnancy.meta.id, QStringLiteral("orange"), false, Today.addDays(-women + i)));
    }
    WorklistPanel *worklists = m_window->worklists();
    worklists->refresh();
    worklists->showList(WorklistKind::Unassigned);
    QCOMPARE(worklists->countOf(WorklistKind::Unassigned), women);
    QCOMPARE(worklists->items().size(), Worklists::FirstPage);
    auto *table = worklists->findChild<QTableWidget *>(QStringLiteral("worklistTable"));
    QCOMPARE(table->rowCount(), Worklists::FirstPage);
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("孕妇000")); // open longest
    QVERIFY(table->item(0, 2)->text().contains(QLocale().toString(Today.addDays(-women), QLocale::ShortFormat)));
    auto *shown = worklists->findChild<QLabel *>(QStringLiteral("worklistShown"));
    QVERIFY(shown->isVisibleTo(worklists));
    QVERIFY2(shown->text().contains(QLocale().toString(women)), qPrintable(shown->text()));
    // A short list needs no such note.
    worklists->showList(WorklistKind::Due);
    QVERIFY(!shown->isVisibleTo(worklists));
    m_window->navigation()->setCurrentIndex(1);
    worklists->showList(WorklistKind::Unassigned);
    saveScreenshot(m_window.get(), QStringLiteral("main-window-long-worklist"));
}

void TestWorkstation::caseSummaryPdfIsWrittenWithHistoryContactsAndOutcome()
{
    Patient patient;
    patient.name = QStringLiteral("钱玉兰");
    patient.birthDate = QDate(1985, 1, 1);
    Pregnancy pregnancy;
    pregnancy.lmp = Today.addDays(-260);
    ClinicRecords records(*m_database);
    QVERIFY(records.registerPregnancy(patient, pregnancy));
    CaseManagement cases(*m_database, CaseSettings::defaults());
    const CaseFile opened
        = cases.openCase(pregnancy.meta.id, QStringLiteral("orange"), false, Today.addDays(-60)).value();
    FollowUpContact call;
    call.doneOn = Today.addDays(-50);
    call.outcome = QStringLiteral("reached");
    call.advice = QStringLiteral("低盐饮食");
    QVERIFY(cases.recordContact(opened.meta.id, call, Today));
    const PatientChart chart = **records.loadChart(patient.meta.id);
    const CaseFile caseFile = **cases.repository().find(opened.meta.id);
    const auto contacts = *cases.repository().contacts(opened.meta.id);
    const QString html = CaseSummaryPdf::html(chart, caseFile, contacts);
    QVERIFY(html.contains(QStringLiteral("钱玉兰")));
    QVERIFY(html.contains(QStringLiteral("低盐饮食")));
    const QString path = QDir(m_dir->path()).filePath(QStringLiteral("summary.pdf"));
    QVERIFY(CaseSummaryPdf::write(path, chart, caseFile, contacts));
    QFile pdf(path);
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    const QByteArray bytes = pdf.readAll();
    QVERIFY(bytes.startsWith("%PDF"));
    QVERIFY(bytes.size() > 2000);
}

namespace {
QAction *fileMenuAction(QMainWindow *window, const QString &text)
{
    for (QAction *action : window->menuBar()->actions().first()->menu()->actions())
        if (action->text() == text)
            return action;
    qFatal("no File menu action %s", qPrintable(text));
}

} // namespace

void TestWorkstation::registerAndCaseSummaryAreSavedFromTheFileMenu()
{
    Patient patient;
    patient.name = QStringLiteral("周敏");
    patient.recordNumber = QStringLiteral("HR-7");
    patient.birthDate = QDate(1987, 7, 7);
    Pregnancy pregnancy;
    pregnancy.lmp = Today.addDays(-200);
    QVERIFY(ClinicRecords(*m_database).registerPregnancy(patient, pregnancy));
    CaseManagement cases(*m_database, CaseSettings::defaults());
    QVERIFY(
        cases.openCase(pregnancy.meta.id, QStringLiteral("red"), false, Today.addDays(-30))); // in October

    // File → Export monthly high-risk register…: last month is proposed.
    const QString csvPath = QDir(m_dir->path()).filePath(QStringLiteral("register.csv"));
    bool asked = false;
    whenModal<QInputDialog>([&](QInputDialog *dialog) {
        QCOMPARE(dialog->textValue(), QStringLiteral("2026-10"));
        asked = true;
        saveAs(csvPath);
        dialog->accept();
    });
    fileMenuAction(m_window.get(), QStringLiteral("Export monthly high-risk &register…"))->trigger();
    QVERIFY(asked);
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QByteArray register_ = csv.readAll();
    QVERIFY(register_.startsWith("\xEF\xBB\xBF"));
    QVERIFY(register_.contains(QStringLiteral("周敏").toUtf8()));
    QCOMPARE(register_.count("\r\n"), 2); // the header and her

    // File → Case summary (PDF)… for the open chart.
    QVERIFY(m_window->openPatient(patient.meta.id));
    const QString pdfPath = QDir(m_dir->path()).filePath(QStringLiteral("summary.pdf"));
    saveAs(pdfPath);
    fileMenuAction(m_window.get(), QStringLiteral("Case &summary (PDF)…"))->trigger();
    QFile pdf(pdfPath);
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.readAll().startsWith("%PDF"));

    // Her antenatal record from the chart's Handouts menu.
    auto *chartView = m_window->findChild<PatientChartView *>();
    QVERIFY(chartView);
    QVERIFY(chartView->handouts()->writePdf(HandoutExport::Kind::AntenatalRecord, QDir(m_dir->path()).filePath(QStringLiteral("record.pdf"))));

    // Each left its entry in the audit trail, in order, with the woman where there is one: first
    // her registration and case file, chained as edits before the register went out; opening
    // her chart graded her, an edit of its own before the chart-opened entry.
    const QString her = patient.meta.id.toString(QUuid::WithoutBraces);
    const auto trail = AuditTrail(m_database->connection()).entries();
    QVERIFY(trail);
    const QList<AuditAction> actions { AuditAction::RecordEdited, AuditAction::Exported, AuditAction::RecordEdited,
        AuditAction::ChartOpened, AuditAction::Exported, AuditAction::Exported };
    QCOMPARE(trail->size(), actions.size());
    for (int i = 0; i < actions.size(); ++i) {
        QCOMPARE(trail->at(i).action, actions.at(i));
        QCOMPARE(trail->at(i).patientId, i == 1 ? QString() : her);
    }
    QVERIFY(trail->at(0).detail.contains(QStringLiteral("case_file")));
    QVERIFY(trail->at(1).detail.contains(QStringLiteral("2026-10")));
    QVERIFY(trail->at(2).detail.contains(QStringLiteral("risk_assessment")));
    QVERIFY(trail->at(4).detail.contains(QStringLiteral("case-summary-pdf")));
    QVERIFY(trail->at(5).detail.contains(QStringLiteral("antenatal-record")));
    QVERIFY(!*AuditTrail(m_database->connection()).verify());
}

void TestWorkstation::aWomanAlreadyRegisteredIsOfferedInsteadOfASecondRecord()
{
    Patient existing;
    existing.name = QStringLiteral("孙敏");
    existing.birthDate = QDate(1991, 5, 5);
    existing.phone = QStringLiteral("13700001111");
    Pregnancy pregnancy;
    pregnancy.lmp = Today.addDays(-100);
    QVERIFY(ClinicRecords(*m_database).registerPregnancy(existing, pregnancy));
    const auto registerAgain = [](const std::function<void(PossibleDuplicatesDialog *)> &choose) {
        whenDialogOpens([choose](QDialog *dialog) {
            typeChinese(field<QLineEdit>(dialog, "name"), QStringLiteral("孙敏"));
            field<QDateEdit>(dialog, "birthDate")->setDate(QDate(1991, 5, 5));
            field<QDateEdit>(dialog, "lmp")->setDate(Today.addDays(-60));
            whenModal<PossibleDuplicatesDialog>([choose](PossibleDuplicatesDialog *check) { choose(check); });
            clickSave(dialog);
        });
    };

    // The usual answer: she is the woman on record, whose chart opens; no second record.
    bool offered = false;
    registerAgain([&](PossibleDuplicatesDialog *check) {
        offered = true;
        QCOMPARE(check->matchesTable()->rowCount(), 1);
        QVERIFY(check->matchesTable()->item(0, 5)->text().contains(IdentityMatch::label(IdentityMatch::Rule::NameAndBirthDate)));
        QVERIFY(!check->registerButton()->isEnabled()); // not without a reason
        check->openButton()->click();
    });
    QTest::keySequence(m_window.get(), QKeySequence::New);
    QVERIFY(offered);
    QVERIFY(m_window->chartView()->chart().has_value());
    QCOMPARE(m_window->chartView()->chart()->patient.meta.id, existing.meta.id);
    QCOMPARE(sqlNumber(m_database->connection(), QStringLiteral("SELECT count(*) FROM patient")), 1);

    // A namesake born the same day: registered, with the reason in the audit trail.
    m_window->activateWindow(); // back at the main window, as a window manager would do
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    registerAgain([](PossibleDuplicatesDialog *check) {
        check->reasonField()->setText(QStringLiteral("另一位同名同日生孕妇"));
        check->registerButton()->click();
    });
    QTest::keySequence(m_window.get(), QKeySequence::New);
    QCOMPARE(sqlNumber(m_database->connection(), QStringLiteral("SELECT count(*) FROM patient")), 2);
    QVERIFY(m_window->chartView()->chart()->patient.meta.id != existing.meta.id);
    const auto trail = AuditTrail(m_database->connection()).forPatient(m_window->chartView()->chart()->patient.meta.id.toString(QUuid::WithoutBraces));
    QVERIFY(trail);
    QVERIFY(std::any_of(trail->cbegin(), trail->cend(), [](const AuditEntry &e) {
        return e.detail.contains(QStringLiteral("registered-despite-possible-duplicate")) && e.detail.contains(QStringLiteral("另一位同名同日生孕妇"));
    }));
}

QTEST_MAIN(TestWorkstation)
#include "tst_workstation.moc"
