// The chart's case management page as a nurse uses it, offscreen: closing a case through the
// closure form (refused while a required field is missing, the field named), the closed case
// read-only, an audited amendment with its reason in the history, the report marked, the
// responsibility and delivery level saved only as the color requires, a contact recorded.
#include "cases-ui/amendmenthistory.h"
#include "cases-ui/caseamendmentdialog.h"
#include "cases-ui/caseclosuredialog.h"
#include "cases-ui/casefileview.h"
#include "cases-ui/contactdialog.h"
#include "cases/casemanagement.h"
#include "cases/worklists.h"
#include "casestestsupport.h"
#include "testtranslation.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>

using namespace CasesTest;

namespace {
template <typename T> T *field(QWidget *form, const QString &name)
{
    T *widget = form->findChild<T *>(name);
    if (!widget)
        qFatal("field %s missing", qPrintable(name));
    return widget;
}

void choose(QWidget *form, const QString &name, const QString &key)
{
    auto *box = field<QComboBox>(form, name);
    box->setCurrentIndex(box->findData(key));
    QVERIFY2(box->currentData().toString() == key, qPrintable(name));
}

void type(QWidget *form, const QString &name, const QString &text)
{
    auto *edit = field<QLineEdit>(form, name);
    edit->setFocus();
    edit->clear();
    QTest::keyClicks(edit, text);
}

void clickAccept(QDialog *dialog)
{
    QTest::mouseClick(field<QPushButton>(dialog, QStringLiteral("accept")), Qt::LeftButton);
}

} // namespace

class TestCaseFileView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void nurseOpensACaseForAYellowPregnancyWithNothingToReport();
    void closureWithoutBloodLossIsRefusedNamingItThenClosesReadOnly();
    void transferOutAsksOnlyWhereSheWent();
    void amendmentNeedsAReasonAndIsListedWithWhoAndWhen();
    void overdueReportIsMarkedReportedAndLeavesTheUnreportedList();
    void deliveryBelowTheLevelTheColorRequiresIsRefused();
    void contactRecordedOnTheCasePageJoinsTheFollowUpPlan();

private:
    CaseFile openRedCase(int daysAgo);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<CaseManagement> m_cases;
    std::unique_ptr<CaseFileView> m_view;
    Pregnancy m_pregnancy;
};

void TestCaseFileView::initTestCase()
{
    QVERIFY(installTestTranslation(this));
}

void TestCaseFileView::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto db = Database::open(
        m_dir->filePath(QStringLiteral("clinic.db")), { QStringLiteral("c1"), QStringLiteral("nurse.li") });
    QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
    m_database = std::move(*db);
    m_cases = std::make_unique<CaseManagement>(*m_database, CaseSettings::defaults());
    m_pregnancy
        = addWoman(*m_database, QStringLiteral("孙丽华"), QStringLiteral("R-0001"), QStringLiteral("red"));
    m_view = std::make_unique<CaseFileView>(*m_cases);
    m_view->setToday(Today);
    m_view->resize(760, 900);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestCaseFileView::cleanup()
{
    m_view.reset();
    m_cases.reset();
    m_database.reset();
    m_dir.reset();
}

CaseFile TestCaseFileView::openRedCase(int daysAgo)
{
    auto opened
        = m_cases->openCase(m_pregnancy.meta.id, QStringLiteral("red"), false, Today.addDays(-daysAgo));
    if (!opened)
        qFatal("cannot open the case: %s", qPrintable(opened.error().message));
    m_view->showPregnancy(m_pregnancy.meta.id, QStringLiteral("孙丽华"), QStringLiteral("red"), false);
    return *opened;
}

void TestCaseFileView::nurseOpensACaseForAYellowPregnancyWithNothingToReport()
{
    const Pregnancy yellow
        = addWoman(*m_database, QStringLiteral("吴燕"), QStringLiteral("Y-0002"), QStringLiteral("yellow"));
    m_view->showPregnancy(yellow.meta.id, QStringLiteral("吴燕"), QStringLiteral("yellow"), false);
    QVERIFY(!m_view->caseFile());
    auto *open = field<QPushButton>(m_view.get(), QStringLiteral("openCase"));
    QVERIFY(open->isVisibleTo(m_view.get()));
    QVERIFY(!field<QWidget>(m_view.get(), QStringLiteral("contacts"))->isVisibleTo(m_view.get()));
    saveScreenshot(m_view.get(), QStringLiteral("case-file-none"));
    QSignalSpy changed(m_view.get(), &CaseFileView::caseChanged);
    QTest::mouseClick(open, Qt::LeftButton);
    QCOMPARE(changed.size(), 1);
    QVERIFY(m_view->caseFile());
    QCOMPARE(m_view->caseFile()->level, QStringLiteral("yellow"));
    QVERIFY(!open->isVisibleTo(m_view.get()));
    QCOMPARE(field<QLabel>(m_view.get(), QStringLiteral("reportStatus"))->property("status").toString(),
        QStringLiteral("not-required"));
    // Yellow is contacted every four weeks (case settings).
    QCOMPARE(field<QTableWidget>(m_view.get(), QStringLiteral("contacts"))->item(0, 0)->text(),
        QLocale().toString(Today.addDays(28), QLocale::ShortFormat));
}

void TestCaseFileView::closureWithoutBloodLossIsRefusedNamingItThenClosesReadOnly()
{
    openRedCase(90);
    QVERIFY(field<QPushButton>(m_view.get(), QStringLiteral("closeCase"))->isVisibleTo(m_view.get()));
    bool refused = false;
    bool accepted = false;
    whenModal<CaseClosureDialog>([&](CaseClosureDialog *dialog) {
        field<QDateEdit>(dialog, QStringLiteral("date"))->setDate(Today.addDays(-40));
        type(dialog, QStringLiteral("gestationalAge"), QStringLiteral("38+2"));
        choose(dialog, QStringLiteral("mode"), QStringLiteral("caesarean"));
        type(dialog, QStringLiteral("place"), QStringLiteral("County MCH hospital"));
        choose(dialog, QStringLiteral("placeLevel"), QStringLiteral("tertiary"));
        choose(dialog, QStringLiteral("maternalOutcome"), QStringLiteral("well"));
        choose(dialog, QStringLiteral("newborn1.sex"), QStringLiteral("female"));
        type(dialog, QStringLiteral("newborn1.weightGrams"), QStringLiteral("3200"));
        type(dialog, QStringLiteral("newborn1.apgar1"), QStringLiteral("9"));
        type(dialog, QStringLiteral("newborn1.apgar5"), QStringLiteral("10"));
        choose(dialog, QStringLiteral("newborn1.outcome"), QStringLiteral("live"));
        field<QDateEdit>(dialog, QStringLiteral("postpartumCheckOn"))->setDate(Today.addDays(-1));
        // Twins were announced, the second baby's block left empty, and no blood loss.
        QTest::mouseClick(field<QPushButton>(dialog, QStringLiteral("addNewborn")), Qt::LeftButton);
        QCOMPARE(dialog->newbornCount(), 2);
        clickAccept(dialog);
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->errorFields().contains(QStringLiteral("bloodLoss")));
        QVERIFY(dialog->errorFields().contains(QStringLiteral("newborns")));
        QVERIFY(!dialog->errorFields().contains(QStringLiteral("mode")));
        auto *errors = field<QLabel>(dialog, QStringLiteral("errors"));
        QVERIFY(errors->isVisible());
        if (!isTranslatedTestRun()) {
            QVERIFY(errors->text().contains(QStringLiteral("blood loss")));
            QVERIFY(errors->text().contains(QStringLiteral("Newborn 2")));
        }
        QCOMPARE(field<QLineEdit>(dialog, QStringLiteral("bloodLossMl"))->property("caseFormError").toBool(),
            true);
        saveScreenshot(dialog, QStringLiteral("case-closure-refused"));
        QVERIFY(m_cases->repository().currentForPregnancy(m_pregnancy.meta.id).value()->status
            == CaseFile::Status::Open);
        refused = true;

        QTest::mouseClick(field<QPushButton>(dialog, QStringLiteral("removeNewborn")), Qt::LeftButton);
        QCOMPARE(dialog->newbornCount(), 1);
        type(dialog, QStringLiteral("bloodLossMl"), QStringLiteral("350"));
        clickAccept(dialog);
        QVERIFY2(!dialog->isVisible(), qPrintable(field<QLabel>(dialog, QStringLiteral("errors"))->text()));
        accepted = true;
    });
    QTest::mouseClick(field<QPushButton>(m_view.get(), QStringLiteral("closeCase")), Qt::LeftButton);
    QVERIFY(refused);
    QVERIFY(accepted);

    const CaseFile closed = *m_cases->repository().currentForPregnancy(m_pregnancy.meta.id).value();
    QCOMPARE(closed.status, CaseFile::Status::Closed);
    QCOMPARE(closed.outcome->bloodLossMl, std::optional<int>(350));
    QCOMPARE(closed.outcome->newborns.size(), 1);
    QCOMPARE(closed.outcome->newborns[0].apgar5, std::optional<int>(10));
    // Read-only: nothing on the page edits the closed case; only the amendment is offered.
    QCOMPARE(m_view->caseFile()->status, CaseFile::Status::Closed);
    QVERIFY(!field<QLineEdit>(m_view.get(), QStringLiteral("doctor"))->isEnabled());
    QVERIFY(field<QPlainTextEdit>(m_view.get(), QStringLiteral("plan"))->isReadOnly());
    QVERIFY(!field<QPushButton>(m_view.get(), QStringLiteral("recordContact"))->isEnabled());
    QVERIFY(!field<QPushButton>(m_view.get(), QStringLiteral("markReported"))->isEnabled());
    QVERIFY(!field<QPushButton>(m_view.get(), QStringLiteral("closeCase"))->isVisibleTo(m_view.get()));
    QVERIFY(field<QPushButton>(m_view.get(), QStringLiteral("amend"))->isVisibleTo(m_view.get()));
    QVERIFY(!m_cases->assign(closed.meta.id, QStringLiteral("Dr Wang"), QString(), QString(), QString()));
    auto *outcome = field<QTableWidget>(m_view.get(), QStringLiteral("outcome"));
    QVERIFY(outcome->rowCount() > 10);
    QVERIFY(!outcome->findItems(QStringLiteral("350"), Qt::MatchExactly).isEmpty());
    saveScreenshot(m_view.get(), QStringLiteral("case-file-closed"));
}

void TestCaseFileView::transferOutAsksOnlyWhereSheWent()
{
    openRedCase(30);
    bool checked = false;
    whenModal<CaseClosureDialog>([&](CaseClosureDialog *dialog) {
        dialog->setKind(CaseOutcome::Kind::TransferOut);
        QVERIFY(field<QLineEdit>(dialog, QStringLiteral("destination"))->isVisible());
        QVERIFY(!field<QWidget>(dialog, QStringLiteral("newborns"))->isVisible());
        QVERIFY(!field<QLineEdit>(dialog, QStringLiteral("bloodLossMl"))->isVisible());
        QVERIFY(!field<QLineEdit>(dialog, QStringLiteral("gestationalAge"))->isVisible());
        field<QDateEdit>(dialog, QStringLiteral("date"))->setDate(Today.addDays(-2));
        clickAccept(dialog);
        QCOMPARE(dialog->errorFields(), QStringList { QStringLiteral("destination") });
        saveScreenshot(dialog, QStringLiteral("case-closure-transfer"));
        type(dialog, QStringLiteral("destination"), QStringLiteral("Provincial MCH hospital"));
        clickAccept(dialog);
        QVERIFY(!dialog->isVisible());
        checked = true;
    });
    QTest::mouseClick(field<QPushButton>(m_view.get(), QStringLiteral("closeCase")), Qt::LeftButton);
    QVERIFY(checked);
    const CaseFile closed = *m_cases->repository().currentForPregnancy(m_pregnancy.meta.id).value();
    QCOMPARE(closed.outcome->kind, CaseOutcome::Kind::TransferOut);
    QCOMPARE(closed.outcome->destination, QStringLiteral("Provincial MCH hospital"));
}

void TestCaseFileView::amendmentNeedsAReasonAndIsListedWithWhoAndWhen()
{
    const CaseFile opened = openRedCase(90);
    QVERIFY(m_cases->close(opened.meta.id, wellDelivery(QStringLiteral("市妇幼保健院"), 350), Today));
    m_view->reload();
    bool checked = false;
    whenModal<CaseAmendmentDialog>([&](CaseAmendmentDialog *dialog) {
        dialog->chooseField(QStringLiteral("bloodLossMl"));
        QCOMPARE(field<QLabel>(dialog, QStringLiteral("currentValue"))->text(), QStringLiteral("350"));
        dialog->setNewValue(QStringLiteral("800"));
        clickAccept(dialog);
        QVERIFY(dialog->isVisible()); // no reason: refused
        QCOMPARE(field<QPlainTextEdit>(dialog, QStringLiteral("reason"))->property("caseFormError").toBool(),
            true);
        QCOMPARE(m_cases->repository().amendments(opened.meta.id).value().size(), 0);
        field<QPlainTextEdit>(dialog, QStringLiteral("reason"))
            ->setPlainText(QStringLiteral("产科记录复核：出血量更正"));
        saveScreenshot(dialog, QStringLiteral("case-amendment"));
        clickAccept(dialog);
        QVERIFY(!dialog->isVisible());
        checked = true;
    });
    QTest::mouseClick(field<QPushButton>(m_view.get(), QStringLiteral("amend")), Qt::LeftButton);
    QVERIFY(checked);

    const auto amendments = *m_cases->repository().amendments(opened.meta.id);
    QCOMPARE(amendments.size(), 1);
    QCOMPARE(amendments[0].reason, QStringLiteral("产科记录复核：出血量更正"));
    QCOMPARE(amendments[0].meta.author, QStringLiteral("nurse.li"));
    QCOMPARE(
        m_cases->repository().find(opened.meta.id).value()->outcome->bloodLossMl, std::optional<int>(800));
    auto *history = field<AmendmentHistory>(m_view.get(), QStringLiteral("amendmentHistory"));
    QCOMPARE(history->rowCount(), 1);
    QCOMPARE(history->item(0, 1)->text(), QStringLiteral("nurse.li"));
    QVERIFY(history->item(0, 2)->text().contains(QStringLiteral("350")));
    QVERIFY(history->item(0, 2)->text().contains(QStringLiteral("800")));
    QCOMPARE(history->item(0, 3)->text(), QStringLiteral("产科记录复核：出血量更正"));
    QVERIFY(!history->item(0, 0)->text().isEmpty());
    saveScreenshot(m_view.get(), QStringLiteral("case-file-amended"));
}

void TestCaseFileView::overdueReportIsMarkedReportedAndLeavesTheUnreportedList()
{
    openRedCase(5); // due 3 days after grading: two days late
    auto *status = field<QLabel>(m_view.get(), QStringLiteral("reportStatus"));
    QCOMPARE(status->property("status").toString(), QStringLiteral("overdue"));
    Worklists worklists(*m_database, m_cases->settings());
    QCOMPARE(*worklists.count(WorklistKind::Unreported, Today), 1);
    saveScreenshot(m_view.get(), QStringLiteral("case-file-open"));
    field<QDateEdit>(m_view.get(), QStringLiteral("reportedOn"))->setDate(Today.addDays(-1));
    QTest::mouseClick(field<QPushButton>(m_view.get(), QStringLiteral("markReported")), Qt::LeftButton);
    QCOMPARE(status->property("status").toString(), QStringLiteral("reported"));
    QCOMPARE(m_view->caseFile()->reportedOn, Today.addDays(-1));
    QCOMPARE(*worklists.count(WorklistKind::Unreported, Today), 0);
    QVERIFY(!field<QPushButton>(m_view.get(), QStringLiteral("markReported"))->isEnabled());
}

void TestCaseFileView::deliveryBelowTheLevelTheColorRequiresIsRefused()
{
    openRedCase(2);
    Worklists worklists(*m_database, m_cases->settings());
    QCOMPARE(*worklists.count(WorklistKind::Unassigned, Today), 1);
    // Red: delivery at a tertiary hospital, proposed on the page.
    QCOMPARE(field<QComboBox>(m_view.get(), QStringLiteral("deliveryLevel"))->currentData().toString(),
        QStringLiteral("tertiary"));
    QVERIFY(!field<QLabel>(m_view.get(), QStringLiteral("requiredLevel"))->text().isEmpty());
    QSignalSpy problems(m_view.get(), &CaseFileView::problem);
    type(m_view.get(), QStringLiteral("doctor"), QStringLiteral("Dr Zhou"));
    type(m_view.get(), QStringLiteral("nurse"), QStringLiteral("Nurse Li"));
    choose(m_view.get(), QStringLiteral("deliveryLevel"), QStringLiteral("secondary"));
    QTest::mouseClick(field<QPushButton>(m_view.get(), QStringLiteral("saveAssignment")), Qt::LeftButton);
    QCOMPARE(problems.size(), 1);
    QVERIFY(
        m_cases->repository().currentForPregnancy(m_pregnancy.meta.id).value()->responsibleNurse.isEmpty());

    choose(m_view.get(), QStringLiteral("deliveryLevel"), QStringLiteral("tertiary"));
    field<QPlainTextEdit>(m_view.get(), QStringLiteral("plan"))
        ->setPlainText(QStringLiteral("每周产检，监测血压"));
    QTest::mouseClick(field<QPushButton>(m_view.get(), QStringLiteral("saveAssignment")), Qt::LeftButton);
    QCOMPARE(problems.size(), 1);
    const CaseFile saved = *m_cases->repository().currentForPregnancy(m_pregnancy.meta.id).value();
    QCOMPARE(saved.responsibleNurse, QStringLiteral("Nurse Li"));
    QCOMPARE(saved.deliveryHospitalLevel, QStringLiteral("tertiary"));
    QCOMPARE(saved.managementPlan, QStringLiteral("每周产检，监测血压"));
    QCOMPARE(*worklists.count(WorklistKind::Unassigned, Today), 0);
}

void TestCaseFileView::contactRecordedOnTheCasePageJoinsTheFollowUpPlan()
{
    openRedCase(10); // the weekly contact was due three days ago
    auto *contacts = field<QTableWidget>(m_view.get(), QStringLiteral("contacts"));
    QCOMPARE(contacts->rowCount(), 1);
    Worklists worklists(*m_database, m_cases->settings());
    QCOMPARE(*worklists.count(WorklistKind::Overdue, Today), 1);
    whenModal<ContactDialog>([](ContactDialog *dialog) {
        field<QPlainTextEdit>(dialog, QStringLiteral("advice"))->setPlainText(QStringLiteral("每日测血压"));
        QTest::mouseClick(
            dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save), Qt::LeftButton);
    });
    QTest::mouseClick(field<QPushButton>(m_view.get(), QStringLiteral("recordContact")), Qt::LeftButton);
    QCOMPARE(contacts->rowCount(), 2);
    QVERIFY(contacts->item(0, 4)->text().contains(QStringLiteral("每日测血压")));
    QCOMPARE(contacts->item(1, 0)->text(), QLocale().toString(Today.addDays(7), QLocale::ShortFormat));
    QCOMPARE(*worklists.count(WorklistKind::Overdue, Today), 0);
}

QTEST_MAIN(TestCaseFileView)
#include "tst_casefileview.moc"
