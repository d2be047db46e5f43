// Two-way referral as the clinicians use it, through the real windows (offscreen): at clinic A
// the form opened from her chart, prefilled from her record, refusing to send without a clinic
// and keeping what was typed; the chart's Referrals tab and the banner; at clinic B — its
// workstation on the same records, as sync leaves them — the Incoming list with what waits, the
// referral opened from it, accepted, her arrival and the return slip, which needs its diagnosis
// and plan; and back at A, the referral closed and the banner's notice gone. A consultation
// answered with an opinion in its form; a CTG reading answered by signing the interpretation in
// the CTG viewer opened from the consultation, and an ultrasound reading by signing the report,
// each then opened by the asking clinic from the opinion.
#include "ctg-records/ctgrecords.h"
#include "ctg-ui/ctgreview.h"
#include "ctg-ui/ctgviewer.h"
#include "ctg-ui/ctgworkbench.h"
#include "dicom-viewer/ultrasoundreportform.h"
#include "dicom-viewer/ultrasoundworkbench.h"
#include "guitesting.h"
#include "pdftext.h"
#include "cases-ui/casesworkbench.h"
#include "referrals-ui/referraldashboardpanel.h"
#include "referrals-ui/referraldialog.h"
#include "referrals-ui/referralfigurestable.h"
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
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QSpinBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

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
    void aCtgReadingIsSignedInTheViewerAndTheAskerOpensIt();
    void anUltrasoundReadingIsAnsweredBySigningTheReport();

private:
    QPushButton *stepButton(MainWindow &window, ReferralAction action)
    {
        return child<QPushButton>(window.referrals()->view(), QStringLiteral("step-") + ReferralSteps::key(action));
    }

    // Asked by clinic A of clinic B, with `item` of `kind` attached; sent.
    QUuid askReading(const QUuid &pregnancyId, ConsultationKind reading, ReferralAttachmentKind kind, const QString &item)
    {
        ReferralRepository asking(m_clinic->database());
        Referral c;
        c.purpose = ReferralPurpose::Consultation;
        c.consultationKind = reading;
        c.pregnancyId = pregnancyId;
        c.targetClinic = QStringLiteral("clinic-b");
        c.urgency = ReferralUrgency::Urgent;
        c.reason = QStringLiteral("请判读");
        ReferralAttachment a;
        a.kind = kind;
        a.itemRef = item;
        a.label = QStringLiteral("待判读");
        if (!asking.saveDraft(c))
            return {};
        a.referralId = c.meta.id;
        if (!asking.attach(a) || !asking.take(c.meta.id, ReferralAction::Send))
            return {};
        return c.meta.id;
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
        QCOMPARE(figures->item(0, 1)->text(), QStringLiteral("Referral"));
        QCOMPARE(figures->item(0, 3)->text(), QStringLiteral("西城妇产医院"));
        QCOMPARE(figures->item(0, 4)->text(), QStringLiteral("1")); // sent
        QCOMPARE(figures->item(0, 5)->text(), QStringLiteral("1")); // accepted
        QCOMPARE(figures->item(0, 8)->text(), QStringLiteral("1")); // answered
        QCOMPARE(figures->item(0, 9)->text(), QStringLiteral("—")); // in time: consultations only
        saveScreenshot(dialog, QStringLiteral("referral-figures"));
        counted = true;
    });
    window.findChild<QAction *>(QStringLiteral("referralFiguresAction"))->trigger();
    QVERIFY(counted);
    // The same figures, this month's, on the high-risk dashboard, which leads to the whole table.
    window.cases()->showDashboard();
    auto *dashboardFigures = child<ReferralDashboardPanel>(window.cases()->dashboard(), QStringLiteral("referralDashboard"));
    QVERIFY(dashboardFigures->isVisible());
    QCOMPARE(dashboardFigures->table()->rowCount(), 1);
    QCOMPARE(dashboardFigures->table()->item(0, 4)->text(), QStringLiteral("1"));
    saveScreenshot(window.cases()->dashboard(), QStringLiteral("dashboard-referrals"));
    bool opened = false;
    whenModal<ReferralFiguresDialog>([&opened](ReferralFiguresDialog *) { opened = true; });
    QTest::mouseClick(child<QPushButton>(dashboardFigures, QStringLiteral("allReferralFigures")), Qt::LeftButton);
    QVERIFY(opened);
    window.cases()->dashboard()->close();

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

void TestReferralScreens::aCtgReadingIsSignedInTheViewerAndTheAskerOpensIt()
{
    CtgTraceRecord trace;
    trace.pregnancyId = m_woman->pregnancy.meta.id;
    trace.recordedAt = QDateTime(Today, QTime(9, 0), Qt::UTC);
    trace.durationSeconds = 1200;
    trace.source = QStringLiteral("nst.csv");
    CtgTrace samples;
    for (int i = 0; i < 20 * 60 * 4; ++i) {
        samples.fhrBpm.append(140.0f + 5.0f * float(std::sin(i / 29.0)));
        samples.tocoUnits.append(12.0f);
    }
    QVERIFY(CtgRecords(m_clinic->database()).addTrace(trace, samples));
    const QUuid id = askReading(m_woman->pregnancy.meta.id, ConsultationKind::CtgReading, ReferralAttachmentKind::Ctg,
        trace.meta.id.toString(QUuid::WithoutBraces));
    QVERIFY(!id.isNull());
    const QString text = QStringLiteral("基线 140 bpm，变异中等，无减速：NICHD I 类。");
    {
        MainWindow window(*m_atB, Today);
        window.show();
        window.referrals()->recordsArrived();
        QVERIFY(window.openPatient(m_woman->patient.meta.id));
        ReferralsView *view = window.referrals()->view();
        view->select(id);
        QPushButton *answer = stepButton(window, ReferralAction::ReturnOutcome);
        QCOMPARE(answer->text(), QStringLiteral("Read the &trace and sign…"));
        QTest::mouseClick(answer, Qt::LeftButton);
        CtgViewer *viewer = window.ctg()->viewer();
        QVERIFY(viewer);
        QTRY_VERIFY(viewer->review().isReady());
        QCOMPARE(viewer->review().record().meta.id, trace.meta.id);
        QVERIFY(viewer->consultationNote()->isVisible());
        QVERIFY2(viewer->consultationNote()->text().contains(QStringLiteral("东城社区卫生服务中心"))
                && viewer->consultationNote()->text().contains(QStringLiteral("请判读")),
            qPrintable(viewer->consultationNote()->text()));
        saveScreenshot(viewer, QStringLiteral("consultation-ctg-reading"));
        viewer->interpretationEditor()->setPlainText(text);
        whenModal<QMessageBox>([](QMessageBox *box) { box->button(QMessageBox::Yes)->click(); });
        QTest::mouseClick(viewer->signButton(), Qt::LeftButton);
        QVERIFY(!viewer->consultationNote()->isVisible()); // answered: signing again answers nothing
        QCOMPARE(ReferralRepository(*m_atB).timeline(id)->status(), ReferralStatus::OutcomeReturned);
        view->select(id);
        QVERIFY2(view->detailsText().contains(QStringLiteral("Answered with: Signed CTG interpretation")), qPrintable(view->detailsText()));
        QVERIFY(view->detailsText().contains(text));
    }
    // Clinic A opens the signed reading from the opinion: the trace, with the interpretation.
    MainWindow window(m_clinic->database(), Today);
    window.show();
    QVERIFY(window.openPatient(m_woman->patient.meta.id));
    ReferralsView *view = window.referrals()->view();
    view->select(id);
    auto *openReading = child<QPushButton>(view, QStringLiteral("openReading"));
    QVERIFY(!openReading->isHidden());
    QTest::mouseClick(openReading, Qt::LeftButton);
    CtgViewer *viewer = window.ctg()->viewer();
    QVERIFY(viewer);
    QTRY_VERIFY(viewer->review().isReady());
    QCOMPARE(viewer->review().record().meta.id, trace.meta.id);
    QVERIFY(!viewer->consultationNote()->isVisible()); // asked here, not to be answered here
    const auto &interpretations = viewer->review().interpretations();
    QVERIFY(std::any_of(interpretations.cbegin(), interpretations.cend(),
        [&](const CtgInterpretation &i) { return i.isSigned() && i.text == text && i.signedBy == QStringLiteral("dr-zhao"); }));
    // Its attachment opens the same trace from the list, in a viewer of its own.
    auto *attachments = child<QListWidget>(view, QStringLiteral("referralAttachments"));
    QCOMPARE(attachments->count(), 1);
    const QPointer<CtgViewer> first = viewer;
    QTest::mouseClick(child<QPushButton>(view, QStringLiteral("openAttachment")), Qt::LeftButton);
    QVERIFY(first.isNull()); // replaced: one trace at a time
    QVERIFY(window.ctg()->viewer());
    QTRY_VERIFY(window.ctg()->viewer()->review().isReady());
    QCOMPARE(window.ctg()->viewer()->review().record().meta.id, trace.meta.id);
}

void TestReferralScreens::anUltrasoundReadingIsAnsweredBySigningTheReport()
{
    Patient patient;
    patient.name = QStringLiteral("钟华");
    patient.birthDate = QDate(1991, 2, 2);
    patient.nationalId = QStringLiteral("11010519491231002X");
    const auto woman = m_clinic->book(patient, Today.addDays(-32 * 7), Today.addDays(-20 * 7));
    QVERIFY(woman);
    const QString study = QStringLiteral("1.2.826.0.1.3680043.8.498.77");
    const QUuid id = askReading(woman->pregnancy.meta.id, ConsultationKind::UltrasoundReading, ReferralAttachmentKind::Study, study);
    QVERIFY(!id.isNull());
    QUuid reportId;
    {
        MainWindow window(*m_atB, Today);
        window.show();
        window.referrals()->recordsArrived();
        QVERIFY(window.openPatient(woman->patient.meta.id));
        window.referrals()->view()->select(id);
        QCOMPARE(stepButton(window, ReferralAction::ReturnOutcome)->text(), QStringLiteral("Read the &study and sign the report…"));
        // The study from the regional PACS in the viewer, then its Report…: the same form.
        UltrasoundReportForm *form = window.ultrasound()->openReportForStudy(study, Today, patient.nationalId, QStringLiteral("产科超声"));
        QVERIFY(form);
        QVERIFY(form->consultationNote()->isVisible());
        form->fetusCount()->setValue(1);
        form->heartActivity()->setCurrentIndex(int(UltrasoundReport::HeartActivity::Present));
        form->heartRate()->setValue(146);
        form->presentation()->setCurrentIndex(int(UltrasoundReport::Presentation::Cephalic));
        form->placentaLocation()->setText(QStringLiteral("后壁"));
        form->placentaGrade()->setCurrentIndex(2);
        form->deepestPocket()->setValue(2.1);
        form->findings()->setPlainText(QStringLiteral("单活胎，头位，羊水最大深度 2.1 cm。"));
        form->impression()->setPlainText(QStringLiteral("晚孕，单活胎，羊水过少。"));
        QVERIFY2(form->signReport(), qPrintable(form->message()));
        QVERIFY(!form->consultationNote()->isVisible());
        reportId = form->report().meta.id;
        const auto timeline = ReferralRepository(*m_atB).timeline(id);
        QCOMPARE(timeline->status(), ReferralStatus::OutcomeReturned);
        QCOMPARE(timeline->entries().constLast().step.outcome.diagnosis, QStringLiteral("晚孕，单活胎，羊水过少。"));
        QCOMPARE(timeline->entries().constLast().step.outcome.reading.recordId, reportId);
    }
    MainWindow window(m_clinic->database(), Today);
    window.show();
    QVERIFY(window.openPatient(woman->patient.meta.id));
    window.referrals()->view()->select(id);
    QTest::mouseClick(child<QPushButton>(window.referrals()->view(), QStringLiteral("openReading")), Qt::LeftButton);
    auto *form = window.findChild<UltrasoundReportForm *>();
    QVERIFY(form);
    QCOMPARE(form->report().meta.id, reportId);
    QVERIFY(form->report().isSigned());
}

QTEST_MAIN(TestReferralScreens)
#include "tst_referralscreens.moc"
