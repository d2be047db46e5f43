// Two-way referral as the clinicians use it, through the real windows (offscreen): at clinic A
// the form opened from her chart, prefilled from her record, refusing to send without a clinic
// and keeping what was typed; the chart's Referrals tab and the banner; at clinic B — its
// workstation on the same records, as sync leaves them — the Incoming list with what waits, the
// referral opened from it, accepted, her arrival and the return slip, which needs its diagnosis
// and plan; and back at A, the referral closed and the banner's notice gone.
#include "guitesting.h"
#include "pdftext.h"
#include "referrals-ui/referraldialog.h"
#include "referrals-ui/referralfiguresdialog.h"
#include "referrals-ui/referralsview.h"
#include "referrals-ui/referralstepdialog.h"
#include "referrals-ui/referralworkbench.h"
#include "referrals-ui/referralworklist.h"
#include "sqlscalar.h"
#include "storage/clinicdirectory.h"
#include "testclinic.h"
#include "workstation-ui/mainwindow.h"
#include "workstation-ui/patientbanner.h"
#include "workstation-ui/patientchartview.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QDate Today(2026, 12, 7);

template <typename T> T *child(QObject *parent, const QString &name)
{
    T *found = parent->findChild<T *>(name);
    if (!found)
        qFatal("widget %s missing", qPrintable(name));
    return found;
}

void typeInto(QPlainTextEdit *edit, const QString &text)
{
    edit->setPlainText(text);
}
} // namespace

class TestReferralScreens : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void clinicARefersHerFromTheChart();
    void clinicBAcceptsRecordsHerArrivalAndReturnsTheOutcome();
    void clinicACloses();
    void aConsultationIsAskedAnsweredWithASignedOpinionAndRead();

private:
    QPushButton *stepButton(MainWindow &window, ReferralAction action)
    {
        return child<QPushButton>(window.referrals()->view(), QStringLiteral("step-") + ReferralSteps::key(action));
    }

    std::unique_ptr<TestClinic> m_clinic;
    std::unique_ptr<Database> m_atB;
    std::optional<BookedWoman> m_woman;
};

void TestReferralScreens::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_clinic = std::make_unique<TestClinic>(QStringLiteral("dr-wang"), QStringLiteral("clinic-a"));
    QVERIFY(m_clinic->isOpen());
    Patient patient;
    patient.name = QStringLiteral("孙丽");
    patient.birthDate = QDate(1990, 4, 1);
    m_woman = m_clinic->book(patient, Today.addDays(-30 * 7), Today.addDays(-20 * 7));
    QVERIFY(m_woman);
    const auto clinics = ClinicDirectory::fromCenterReply(
        "{\"clinics\":[{\"id\":\"center\",\"name\":\"市妇幼保健院\",\"isCenter\":true},"
        "{\"id\":\"clinic-a\",\"name\":\"东城社区卫生服务中心\"},{\"id\":\"clinic-b\",\"name\":\"西城妇产医院\"}]}");
    QVERIFY(clinics);
    QVERIFY(ClinicDirectory(m_clinic->database().connection()).replace(*clinics));
    auto atB = Database::open(m_clinic->path() + QStringLiteral("/clinic.db"), { QStringLiteral("clinic-b"), QStringLiteral("dr-zhao") });
    QVERIFY(atB);
    m_atB = std::move(*atB);
}

void TestReferralScreens::clinicARefersHerFromTheChart()
{
    MainWindow window(m_clinic->database(), Today);
    window.show();
    QVERIFY(window.openPatient(m_woman->patient.meta.id));
    bool checked = false;
    whenModal<ReferralDialog>([&](ReferralDialog *dialog) {
        auto *target = child<QComboBox>(dialog, QStringLiteral("target"));
        QCOMPARE(target->findData(QStringLiteral("clinic-a")), -1); // not to herself
        QVERIFY(target->findData(QStringLiteral("clinic-b")) > 0);
        QVERIFY(child<QPlainTextEdit>(dialog, QStringLiteral("summary"))->toPlainText().contains(QStringLiteral("G1P0")));
        QCOMPARE(child<QComboBox>(dialog, QStringLiteral("direction"))->currentData().toString(), QStringLiteral("up"));
        typeInto(child<QPlainTextEdit>(dialog, QStringLiteral("reason")), QStringLiteral("血压 150/100 mmHg，头痛"));
        auto *attachments = child<QListWidget>(dialog, QStringLiteral("attachments"));
        QVERIFY(attachments->count() >= 1); // her case file
        attachments->item(0)->setCheckState(Qt::Checked);
        saveScreenshot(dialog, QStringLiteral("referral-form"));
        // No clinic chosen: refused on the form, nothing typed is lost.
        QTest::mouseClick(child<QPushButton>(dialog, QStringLiteral("send")), Qt::LeftButton);
        QVERIFY(dialog->isVisible());
        QVERIFY(child<QLabel>(dialog, QStringLiteral("error"))->isVisible());
        QVERIFY(child<QLabel>(dialog, QStringLiteral("error"))->text().contains(QStringLiteral("clinic")));
        QCOMPARE(child<QPlainTextEdit>(dialog, QStringLiteral("reason"))->toPlainText(), QStringLiteral("血压 150/100 mmHg，头痛"));
        target->setCurrentIndex(target->findData(QStringLiteral("clinic-b")));
        child<QComboBox>(dialog, QStringLiteral("urgency"))->setCurrentIndex(0); // emergency
        QTest::mouseClick(child<QPushButton>(dialog, QStringLiteral("send")), Qt::LeftButton);
        QVERIFY(!dialog->isVisible());
        QVERIFY(dialog->wasSent());
        checked = true;
    });
    window.findChild<QAction *>(QStringLiteral("referAction"))->trigger();
    QVERIFY(checked);

    ReferralsView *view = window.referrals()->view();
    QCOMPARE(view->referrals().size(), 1);
    auto *table = child<QTableWidget>(view, QStringLiteral("referralTable"));
    QCOMPARE(table->item(0, 2)->text(), QStringLiteral("to 西城妇产医院"));
    QCOMPARE(table->item(0, 4)->text(), QStringLiteral("Sent"));
    QVERIFY(view->detailsText().contains(QStringLiteral("血压 150/100 mmHg，头痛")));
    QVERIFY(view->detailsText().contains(QStringLiteral("High-risk case summary")));
    // The sender cannot take the receiver's steps; it may cancel.
    QVERIFY(stepButton(window, ReferralAction::Accept)->isHidden());
    QVERIFY(!stepButton(window, ReferralAction::Cancel)->isHidden());
    QVERIFY(window.chartView()->banner()->referralNotice().contains(QStringLiteral("西城妇产医院")));
    QVERIFY(window.chartView()->banner()->referralNotice().contains(QStringLiteral("Emergency")));
    window.chartView()->tabs()->setCurrentWidget(view);
    saveScreenshot(&window, QStringLiteral("referral-chart-sender"));
    // Queued for the center: the draft saved by the refused attempt and its completion, the
    // attachment, the send step.
    const auto queued = [this](const char *name) {
        return sqlNumber(m_clinic->database().connection(),
            QStringLiteral("SELECT count(*) FROM sync_outbox WHERE table_name = '%1'").arg(QLatin1String(name)));
    };
    QCOMPARE(queued("referral"), 2);
    QCOMPARE(queued("referral_attachment"), 1);
    QCOMPARE(queued("referral_step"), 1);
}

void TestReferralScreens::clinicBAcceptsRecordsHerArrivalAndReturnsTheOutcome()
{
    MainWindow window(*m_atB, Today);
    window.show();
    // What sync does when it brings the referral: the receipt is acknowledged.
    window.referrals()->recordsArrived();
    ReferralWorklist *worklist = window.referrals()->worklist();
    QCOMPARE(worklist->waitingCount(ReferralWorklist::List::Incoming), 1);
    QVERIFY(window.navigation()->tabText(1).contains(QStringLiteral("1")));
    QCOMPARE(worklist->rows().size(), 1);
    QCOMPARE(worklist->rows().first().woman, QStringLiteral("孙丽"));
    QCOMPARE(worklist->rows().first().status, ReferralStatus::Received);
    window.navigation()->setCurrentIndex(1);
    window.worklistTabs()->setCurrentWidget(worklist);
    saveScreenshot(&window, QStringLiteral("referral-worklist-receiver"));

    auto *table = child<QTableWidget>(worklist, QStringLiteral("referralWorklistTable"));
    emit table->cellActivated(0, 0);
    QVERIFY(window.chartView()->chart());
    QCOMPARE(window.chartView()->chart()->patient.meta.id, m_woman->patient.meta.id);
    QCOMPARE(window.chartView()->tabs()->currentWidget(), window.referrals()->view());
    QVERIFY(window.chartView()->banner()->referralNotice().contains(QStringLiteral("东城社区卫生服务中心")));

    QVERIFY(stepButton(window, ReferralAction::Cancel)->isHidden());
    QTest::mouseClick(stepButton(window, ReferralAction::Accept), Qt::LeftButton);
    QVERIFY(stepButton(window, ReferralAction::Accept)->isHidden());
    QVERIFY(stepButton(window, ReferralAction::Decline)->isHidden());
    QTest::mouseClick(stepButton(window, ReferralAction::Arrive), Qt::LeftButton);

    bool returned = false;
    whenModal<ReferralStepDialog>([&](ReferralStepDialog *dialog) {
        child<QLineEdit>(dialog, QStringLiteral("diagnosis"))->setText(QStringLiteral("子痫前期（重度）"));
        dialog->accept(); // no plan yet: refused, the dialog opens again with what was typed
        QTimer::singleShot(50, [&, dialog] {
            QVERIFY(dialog->isVisible());
            QVERIFY(child<QLabel>(dialog, QStringLiteral("error"))->text().contains(QStringLiteral("plan")));
            QCOMPARE(child<QLineEdit>(dialog, QStringLiteral("diagnosis"))->text(), QStringLiteral("子痫前期（重度）"));
            child<QPlainTextEdit>(dialog, QStringLiteral("plan"))->setPlainText(QStringLiteral("34 周终止妊娠，产后回社区随访"));
            dialog->accept();
            returned = true;
        });
    });
    QTest::mouseClick(stepButton(window, ReferralAction::ReturnOutcome), Qt::LeftButton);
    QVERIFY(returned);
    const QString details = window.referrals()->view()->detailsText();
    QVERIFY2(details.contains(QStringLiteral("Outcome returned")), qPrintable(details));
    QVERIFY(details.contains(QStringLiteral("34 周终止妊娠")));
    QVERIFY(details.contains(QStringLiteral("dr-zhao")));
    QCOMPARE(worklist->waitingCount(ReferralWorklist::List::Incoming), 0);
    window.chartView()->tabs()->setCurrentWidget(window.referrals()->view());
    saveScreenshot(&window, QStringLiteral("referral-chart-receiver"));
}

void TestReferralScreens::clinicACloses()
{
    MainWindow window(m_clinic->database(), Today);
    window.show();
    ReferralWorklist *worklist = window.referrals()->worklist();
    QCOMPARE(worklist->waitingCount(ReferralWorklist::List::Outgoing), 1); // the slip is back
    QVERIFY(window.openPatient(m_woman->patient.meta.id));
    QTest::mouseClick(stepButton(window, ReferralAction::Close), Qt::LeftButton);
    QCOMPARE(child<QTableWidget>(window.referrals()->view(), QStringLiteral("referralTable"))->item(0, 4)->text(),
        QStringLiteral("Closed"));
    QVERIFY(window.chartView()->banner()->referralNotice().isEmpty());
    QCOMPARE(worklist->waitingCount(ReferralWorklist::List::Outgoing), 0);

    // View → Referral figures: the one referral, sent, accepted and answered.
    bool counted = false;
    whenModal<ReferralFiguresDialog>([&counted](ReferralFiguresDialog *dialog) {
        QTableWidget *figures = dialog->table();
        QCOMPARE(figures->rowCount(), 1);
        QCOMPARE(figures->item(0, 2)->text(), QStringLiteral("西城妇产医院"));
        QCOMPARE(figures->item(0, 3)->text(), QStringLiteral("1")); // sent
        QCOMPARE(figures->item(0, 4)->text(), QStringLiteral("1")); // accepted
        QCOMPARE(figures->item(0, 7)->text(), QStringLiteral("1")); // answered
        saveScreenshot(dialog, QStringLiteral("referral-figures"));
        counted = true;
    });
    window.findChild<QAction *>(QStringLiteral("referralFiguresAction"))->trigger();
    QVERIFY(counted);

    // The return slip, printed for her file.
    const QTemporaryDir files;
    const QString slip = files.filePath(QStringLiteral("slip.pdf"));
    saveAs(slip);
    auto *slipButton = child<QPushButton>(window.referrals()->view(), QStringLiteral("slipPdf"));
    QVERIFY(!slipButton->isHidden());
    QTest::mouseClick(slipButton, Qt::LeftButton);
    QVERIFY(QFileInfo(slip).size() > 0);
    if (!pdftotextProgram().isEmpty()) {
        const QString text = pdfText(slip);
        QVERIFY2(text.contains(QStringLiteral("孙丽")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("34周终止妊娠")));
    }
}

void TestReferralScreens::aConsultationIsAskedAnsweredWithASignedOpinionAndRead()
{
    {
        MainWindow window(m_clinic->database(), Today);
        window.show();
        QVERIFY(window.openPatient(m_woman->patient.meta.id));
        bool asked = false;
        whenModal<ReferralDialog>([&](ReferralDialog *dialog) {
            auto *kind = child<QComboBox>(dialog, QStringLiteral("consultationKind"));
            QVERIFY(!kind->isHidden());
            QVERIFY(child<QComboBox>(dialog, QStringLiteral("direction"))->isHidden());
            kind->setCurrentIndex(kind->findData(QStringLiteral("ctg-reading")));
            auto *target = child<QComboBox>(dialog, QStringLiteral("target"));
            target->setCurrentIndex(target->findData(QStringLiteral("clinic-b")));
            typeInto(child<QPlainTextEdit>(dialog, QStringLiteral("reason")), QStringLiteral("变异减少，请判读"));
            saveScreenshot(dialog, QStringLiteral("consultation-form"));
            QTest::mouseClick(child<QPushButton>(dialog, QStringLiteral("send")), Qt::LeftButton);
            QVERIFY(dialog->wasSent());
            asked = true;
        });
        window.findChild<QAction *>(QStringLiteral("consultAction"))->trigger();
        QVERIFY(asked);
        QVERIFY(window.chartView()->banner()->referralNotice().contains(QStringLiteral("Consultation asked of")));
    }
    {
        MainWindow window(*m_atB, Today);
        window.show();
        window.referrals()->recordsArrived();
        ReferralWorklist *worklist = window.referrals()->worklist();
        QCOMPARE(worklist->waitingCount(ReferralWorklist::List::ConsultationsToAnswer), 1);
        QCOMPARE(worklist->waitingCount(ReferralWorklist::List::Incoming), 0); // referrals apart
        worklist->showList(ReferralWorklist::List::ConsultationsToAnswer);
        auto *table = child<QTableWidget>(worklist, QStringLiteral("referralWorklistTable"));
        QVERIFY(table->item(0, 2)->text().contains(QStringLiteral("CTG reading")));
        emit table->cellActivated(0, 0);
        QVERIFY(stepButton(window, ReferralAction::Accept)->isHidden()); // she does not come
        QPushButton *answer = stepButton(window, ReferralAction::ReturnOutcome);
        QVERIFY(!answer->isHidden());
        QCOMPARE(answer->text(), QStringLiteral("Write the &opinion…"));
        bool signedIt = false;
        whenModal<ReferralStepDialog>([&](ReferralStepDialog *dialog) {
            child<QLineEdit>(dialog, QStringLiteral("diagnosis"))->setText(QStringLiteral("NICHD II 类"));
            child<QPlainTextEdit>(dialog, QStringLiteral("plan"))->setPlainText(QStringLiteral("左侧卧位，30 分钟后复查"));
            dialog->accept();
            signedIt = true;
        });
        QTest::mouseClick(answer, Qt::LeftButton);
        QVERIFY(signedIt);
        const QString details = window.referrals()->view()->detailsText();
        QVERIFY2(details.contains(QStringLiteral("NICHD II 类")) && details.contains(QStringLiteral("Signed by: dr-zhao")), qPrintable(details));
        saveScreenshot(&window, QStringLiteral("consultation-answered"));
    }
    MainWindow window(m_clinic->database(), Today);
    window.show();
    QVERIFY(window.openPatient(m_woman->patient.meta.id));
    QVERIFY(window.chartView()->banner()->referralNotice().contains(QStringLiteral("opinion not read yet")));
    QCOMPARE(window.referrals()->worklist()->waitingCount(ReferralWorklist::List::ConsultationsAsked), 1);
    QPushButton *read = stepButton(window, ReferralAction::Close);
    QCOMPARE(read->text(), QStringLiteral("&Mark as read"));
    QTest::mouseClick(read, Qt::LeftButton);
    QVERIFY(window.chartView()->banner()->referralNotice().isEmpty());
    QCOMPARE(window.referrals()->worklist()->waitingCount(ReferralWorklist::List::ConsultationsAsked), 0);
}

QTEST_MAIN(TestReferralScreens)
#include "tst_referralscreens.moc"
