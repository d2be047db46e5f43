// The ultrasound report as the doctor writes it in the workstation: a generated study opened in
// the viewer, CRL measured and saved, Report… opens the form with that biometry; signing with
// fields missing names them and signs nothing; once complete it signs, turns read-only and shows
// as signed in the chart's Ultrasound tab; an amendment keeps the signed original; the PDF is
// written; the reading worklist marks the study reported and cancels a retrieval.
#include "dicom-viewer/biometrypanel.h"
#include "dicom-viewer/dicomimageview.h"
#include "dicom-viewer/dicomviewer.h"
#include "dicom-viewer/machinereportpanel.h"
#include "dicom-viewer/ultrasoundexamsview.h"
#include "dicom-viewer/ultrasoundreportform.h"
#include "dicom-viewer/ultrasoundworkbench.h"
#include "dicom/demostudywriter.h"
#include "dicom/dicomfile.h"
#include "dicom/obgynreportwriter.h"
#include "guitesting.h"
#include "pacs-ui/readingworklistmodel.h"
#include "srsynth.h"
#include "testclinic.h"
#include "testtranslation.h"
#include "workstation-ui/mainwindow.h"
#include "workstation-ui/patientchartview.h"

#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

namespace {
QString cellTexts(const QTableWidget *table, int column)
{
    QStringList texts;
    for (int row = 0; row < table->rowCount(); ++row)
        texts << (table->item(row, column) ? table->item(row, column)->text() : QString());
    return texts.join(QLatin1Char('|'));
}

// A woman booked at the ultrasound doctor's clinic, her chart open in the workstation on `today`.
struct HerChartOpen
{
    HerChartOpen(const Patient &her, const QDate &lmp, const QDate &booked, const QDate &today)
        : woman(clinic.book(her, lmp, booked))
        , window(clinic.database(), today)
    {
        window.show();
        opened = woman && QTest::qWaitForWindowExposed(&window) && window.openPatient(woman->patient.meta.id);
    }
    bool isReady() const { return clinic.isOpen() && opened; }

    TestClinic clinic { QStringLiteral("us-chen"), QStringLiteral("c1") };
    std::optional<BookedWoman> woman;
    MainWindow window;
    bool opened = false;
};

// The viewer's Report… as the doctor chooses it; the form it shows, or null.
UltrasoundReportForm *startReport(DicomViewer *viewer, MainWindow &window)
{
    auto *reportAction = viewer->findChild<QAction *>(QStringLiteral("reportAction"));
    if (!reportAction)
        return nullptr;
    reportAction->trigger();
    auto *form = window.findChild<UltrasoundReportForm *>();
    return form && QTest::qWaitFor([form] { return form->isVisible(); }) ? form : nullptr;
}

Patient woman(const QString &name, const QDate &birthDate, const QString &nationalId)
{
    Patient her;
    her.name = name;
    her.birthDate = birthDate;
    her.nationalId = nationalId;
    return her;
}
} // namespace

class TestUltrasoundReportForm : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(installTestTranslation(this)); }

    // The machine's measurements accepted in the viewer start the report: its biometry and the
    // amniotic fluid index the machine measured for that fetus.
    void aReportStartsFromTheMachinesMeasurements()
    {
        const Patient her
            = woman(QStringLiteral("钱丽"), QDate(1991, 4, 4), QStringLiteral("110101199104040026"));
        HerChartOpen chart(her, QDate(2026, 1, 5), QDate(2026, 3, 2), QDate(2026, 8, 10));
        QVERIFY2(chart.isReady(), qPrintable(chart.clinic.error()));
        TestClinic &clinic = chart.clinic;
        MainWindow &window = chart.window;
        DemoStudy study;
        study.patientId = her.nationalId;
        study.studyDate = QDate(2026, 8, 10);
        const QString folder = QDir(clinic.path()).filePath(QStringLiteral("machine-study"));
        const auto files = DemoStudyWriter::write(study, folder);
        QVERIFY(files);
        const auto image = DicomFile::open(files->first());
        QVERIFY(image);
        QVERIFY(ObGynReportWriter::write(
            SrSynth::twins((*image)->info().studyInstanceUid, her.nationalId, study.studyDate),
            QDir(folder).filePath(QStringLiteral("SR000001.dcm"))));

        DicomViewer *viewer = window.ultrasound()->viewer();
        viewer->openFolder(folder);
        MachineReportPanel *machine = viewer->machineReportPanel();
        QTRY_COMPARE(machine->biometry().fetuses.size(), 2);
        machine->acceptButton()->click(); // fetus A: AFI 12.5 cm
        QCOMPARE(viewer->biometryPanel()->machineAfiCm(), std::optional<double>(12.5));
        viewer->biometryPanel()->saveToPregnancy();

        UltrasoundReportForm *form = startReport(viewer, window);
        QVERIFY(form);
        QCOMPARE(form->afi()->value(), 12.5);
        QVERIFY(cellTexts(form->biometryTable(), 1).contains(QLocale().toString(85.2, 'f', 1)));
    }

    void reportWrittenSignedAmendedAndShownInTheChart()
    {
        HerChartOpen chart(
            woman(QStringLiteral("赵晓梅"), QDate(1992, 2, 2), QStringLiteral("110101199202020021")),
            QDate(2026, 3, 2), QDate(2026, 5, 1), QDate(2026, 5, 11));
        QVERIFY2(chart.isReady(), qPrintable(chart.clinic.error()));
        TestClinic &clinic = chart.clinic;
        MainWindow &window = chart.window;
        const Patient &patient = chart.woman->patient;
        const Pregnancy &pregnancy = chart.woman->pregnancy;

        DemoStudy study;
        study.patientId = patient.nationalId;
        study.patientName = QStringLiteral("Zhao^Xiaomei");
        study.studyDate = pregnancy.lmp.addDays(70);
        study.columns = 800;
        study.rows = 600;
        auto files = DemoStudyWriter::write(study, clinic.path());
        QVERIFY(files);
        window.ultrasound()->openFiles(*files);
        DicomViewer *viewer = window.ultrasound()->viewer();
        QTRY_COMPARE(viewer->shownFrame(), 0);
        BiometryPanel *panel = viewer->biometryPanel();
        emit panel->measureChosen(BiometryMeasure::Crl);
        QVERIFY(viewer->view()->addDistance(QPointF(100, 300), QPointF(650, 300)));
        panel->saveToPregnancy();
        const UltrasoundExam exam = panel->exam();
        QVERIFY(exam.biometry.has(BiometryMeasure::Crl));

        UltrasoundReportForm *form = startReport(viewer, window);
        QVERIFY(form);
        QCOMPARE(form->report().studyInstanceUid, exam.studyInstanceUid);
        QCOMPARE(form->report().pregnancyId, pregnancy.meta.id);
        QVERIFY(cellTexts(form->biometryTable(), 0).contains(QLatin1String("(CRL)")));
        QVERIFY(cellTexts(form->biometryTable(), 1)
                    .contains(QLocale().toString(*exam.biometry.millimetres(BiometryMeasure::Crl), 'f', 1)));
        QCOMPARE(form->reader()->text(), QStringLiteral("us-chen"));

        // Nothing structured entered yet: refused, the missing fields named, nothing signed.
        QVERIFY(!form->signReport());
        QVERIFY(form->message().contains(
            QCoreApplication::translate("UltrasoundReportValidator", "Write the impression.")));
        QVERIFY(form->message().contains(QCoreApplication::translate(
            "UltrasoundReportValidator", "Enter the number of fetuses (1 to 5).")));
        QVERIFY(!form->impression()->styleSheet().isEmpty());
        QVERIFY(!form->report().isSigned());
        saveScreenshot(form, QStringLiteral("usreport-refused"));

        form->fetusCount()->setValue(1);
        form->heartActivity()->setCurrentIndex(int(UltrasoundReport::HeartActivity::Present));
        form->heartRate()->setValue(158);
        form->presentation()->setCurrentIndex(int(UltrasoundReport::Presentation::Cephalic));
        form->placentaLocation()->setText(QStringLiteral("前壁"));
        form->placentaGrade()->setCurrentIndex(1); // grade 0
        form->deepestPocket()->setValue(4.2);
        form->findings()->setPlainText(QStringLiteral("宫内见一胎儿，可见胎心搏动。"));
        form->impression()->setPlainText(QStringLiteral("宫内早孕，单活胎。"));
        saveScreenshot(form, QStringLiteral("usreport-draft"));
        QVERIFY2(form->signReport(), qPrintable(form->message()));
        QVERIFY(form->report().isSigned());
        QCOMPARE(form->report().signedBy, QStringLiteral("us-chen"));
        QCOMPARE(form->report().heartRateBpm, std::optional<int>(158));
        QCOMPARE(form->report().deepestPocketCm, std::optional<double>(4.2));
        QVERIFY(!form->report().afiCm);
        QCOMPARE(form->report().placentaGrade, std::optional<int>(0));
        QVERIFY(form->impression()->isReadOnly());
        QVERIFY(!form->fetusCount()->isEnabled());
        QVERIFY(!form->signButton()->isEnabled());
        QVERIFY(!form->saveButton()->isEnabled());
        QVERIFY(form->amendButton()->isEnabled());
        saveScreenshot(form, QStringLiteral("usreport-signed"));

        // The chart's Ultrasound tab lists it as signed by her.
        QTabWidget *tabs = window.chartView()->tabs();
        UltrasoundExamsView *exams = window.ultrasound()->examsView();
        tabs->setCurrentWidget(exams);
        QCOMPARE(exams->reportsTable()->rowCount(), 1);
        QVERIFY(cellTexts(exams->reportsTable(), 1).contains(QLatin1String("us-chen")));
        QCOMPARE(cellTexts(exams->reportsTable(), 2), QStringLiteral("宫内早孕，单活胎。"));
        QCOMPARE(window.ultrasound()->reportedStudies(), QSet<QString> { exam.studyInstanceUid });
        saveScreenshot(&window, QStringLiteral("usreport-chart"));

        const QString pdf = QDir(clinic.path()).filePath(QStringLiteral("report.pdf"));
        QVERIFY(form->exportPdf(pdf));
        QVERIFY(QFileInfo(pdf).size() > 1000);
        if (const QString shots = qEnvironmentVariable("OBSLINK_SCREENSHOT_DIR"); !shots.isEmpty())
            QFile::copy(pdf, QDir(shots).filePath(QStringLiteral("usreport.pdf")));

        // Amendment: a new report, the original kept and marked superseded once this is signed.
        const QUuid original = form->report().meta.id;
        form->amendButton()->click();
        QVERIFY(!form->impression()->isReadOnly());
        QVERIFY(form->amendmentReason()->isVisible());
        QCOMPARE(form->report().amends, original);
        form->impression()->setPlainText(QStringLiteral("宫内早孕，单活胎，CRL 约11周。"));
        QVERIFY(!form->signReport()); // no reason given
        form->amendmentReason()->setText(QStringLiteral("补充孕周"));
        QVERIFY2(form->signReport(), qPrintable(form->message()));
        QVERIFY(form->report().meta.id != original);
        QCOMPARE(exams->reportsTable()->rowCount(), 2);
        QVERIFY(cellTexts(exams->reportsTable(), 2).contains(QStringLiteral("宫内早孕，单活胎。")));
        form->close();

        // Opened again from the chart, the original is read-only and unchanged.
        auto *reopened = window.ultrasound()->openReport(original);
        QVERIFY(reopened);
        QVERIFY(reopened->report().isSigned());
        QCOMPARE(reopened->report().impression, QStringLiteral("宫内早孕，单活胎。"));
        QVERIFY(reopened->impression()->isReadOnly());
        reopened->close();
    }

    void worklistMarksReportedStudiesAndCancelsRetrieval()
    {
        ReadingWorklistModel model;
        StudySummary a;
        a.studyInstanceUid = QStringLiteral("1.2.1");
        a.studyDate = QDate(2026, 5, 1);
        StudySummary b = a;
        b.studyInstanceUid = QStringLiteral("1.2.2");
        model.setStudies({ a, b });
        const auto status = [&](int row) {
            return model.data(model.index(row, ReadingWorklistModel::StatusColumn), Qt::DisplayRole)
                .toString();
        };
        const QString reported = QCoreApplication::translate("ReadingWorklistModel", "Reported");
        QVERIFY(status(0) != reported);
        model.setReported({ QStringLiteral("1.2.2") });
        QVERIFY(status(0) != reported);
        QCOMPARE(status(model.rowOf(QStringLiteral("1.2.2"))), reported);
        model.setQueued(QStringLiteral("1.2.1"));
        QCOMPARE(model.state(0), ReadingWorklistModel::State::Queued);
        model.setCancelled();
        QCOMPARE(model.state(0), ReadingWorklistModel::State::NotRetrieved);
    }
};

QTEST_MAIN(TestUltrasoundReportForm)
#include "tst_ultrasoundreportform.moc"
