// The CTG tab in the workstation. A monitor's file chosen with Import trace… is read, analysed,
// stored and listed with its date, duration, gestational age and class, and opens on its paper.
// A normal trace leaves the banner as it was; a trace with repetitive late decelerations (FIGO
// pathological) raises the banner's alert at once, is listed on the Risk tab as evidence for a
// clinician to weigh — with no grade proposed because of it — and once its interpretation is
// signed the alert says so. Another woman's chart shows none of it.
#include "ctg-records/ctgrecords.h"
#include "ctg-ui/ctgpaperview.h"
#include "ctg-ui/ctgreview.h"
#include "ctg-ui/ctgrecordingenddialog.h"
#include "ctg-ui/ctgtracesview.h"
#include "ctg-ui/ctgviewer.h"
#include "ctg-ui/ctgworkbench.h"
#include "ctg/ctgsynthesizer.h"
#include "ctgcsv.h"
#include "grading/gradingservice.h"
#include "guitesting.h"
#include "storage/clinicrecords.h"
#include "storage/database.h"
#include "testclinic.h"
#include "testtranslation.h"
#include "workstation-ui/mainwindow.h"
#include "workstation-ui/patientbanner.h"
#include "workstation-ui/patientchartview.h"
#include "workstation-ui/riskpanel.h"

#include <QDateTimeEdit>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

namespace {
// Reading, analysing and storing a trace happen off the UI thread; on a loaded two-core CI
// machine running tests side by side that took longer than QTRY's five seconds.
constexpr int OffThreadWork = 60000;
const QDate Today(2026, 10, 3);

// Imports through both dialogs: the file, then when the recording ended (left as the file's
// time, or corrected to `ended`).
void importThroughTheDialog(QPushButton *button, const QString &path, const QDateTime &ended = {})
{
    whenModal<QFileDialog>([path, ended](QFileDialog *dialog) {
        // Typed, as she would: the dialog lists its folder in the background, so a file chosen
        // from the list may not be there yet.
        auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
        QVERIFY(name);
        name->setText(path);
        whenModal<CtgRecordingEndDialog>([ended](CtgRecordingEndDialog *when) {
            if (ended.isValid()) {
                when->endEdit()->setDateTime(ended);
                saveScreenshot(when, QStringLiteral("ctg-recording-end"));
            }
            when->accept();
        });
        static_cast<QDialog *>(dialog)->accept();
    });
    QTest::mouseClick(button, Qt::LeftButton);
}

QString columnText(const QTableWidget *table, int column)
{
    QStringList texts;
    for (int row = 0; row < table->rowCount(); ++row)
        texts << (table->item(row, column) ? table->item(row, column)->text() : QString());
    return texts.join(QLatin1Char('\n'));
}
} // namespace

class TestCtgTab : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(installTestTranslation(this)); }

    void importedPathologicalTraceRaisesTheBannerAlertAndIsEvidenceForTheGrading()
    {
        QTemporaryDir dir;
        TestClinic clinic(QStringLiteral("dr-wang"), QStringLiteral("c1"));
        QVERIFY2(clinic.isOpen(), qPrintable(clinic.error()));
        Patient her;
        her.name = QStringLiteral("陈丽");
        her.nationalId = QStringLiteral("110101199003070026");
        her.birthDate = QDate(1990, 3, 7);
        const auto booked = clinic.book(her, Today.addDays(-(38 * 7 + 3)), Today.addDays(-200));
        const auto other = clinic.book(QStringLiteral("张敏"), QDate(1995, 1, 1), Today.addDays(-150));
        QVERIFY(booked && other);
        const Patient &patient = booked->patient;

        MainWindow window(clinic.database(), Today);
        window.resize(1500, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openPatient(patient.meta.id));
        PatientChartView *chart = window.chartView();
        CtgTracesView *tab = window.ctg()->tracesView();
        const int index = chart->tabs()->indexOf(tab);
        QVERIFY(index >= 0);
        QVERIFY(chart->tabs()->tabText(index) == QLatin1String("CTG") || isTranslatedTestRun());
        chart->tabs()->setCurrentIndex(index);
        QCOMPARE(tab->table()->rowCount(), 0);
        QVERIFY(tab->importButton()->isEnabled());
        const auto gradesBefore = chart->chart()->grades.size();
        const auto proposedBefore = GradingService::pendingProposal(*chart->chart());

        // Both files are on the stick before the dialog first opens (it lists a folder once).
        // An hour of labour in the afternoon with late decelerations after every contraction,
        // ended at 15:00 and copied from the monitor half an hour later.
        CtgSynthesizer labour(3600, 145, 17);
        for (double peak = 300; peak < 3500; peak += 240)
            labour.contraction(peak).add({ peak + 10, 80, -25 });
        const QString labourPath = dir.filePath(QStringLiteral("labour-1500.csv"));
        QVERIFY(writeCtgCsv(labourPath, labour.build(), QDateTime(Today, QTime(15, 30))));
        // A reactive NST in the morning: listed as normal, no alert.
        CtgSynthesizer nst(40 * 60, 138, 13);
        nst.add({ 400, 40, 25 }).add({ 1300, 40, 25 }).add({ 2000, 35, 20 });
        const QString nstPath = dir.filePath(QStringLiteral("nst-0930.csv"));
        QVERIFY(writeCtgCsv(nstPath, nst.build(), QDateTime(Today, QTime(9, 30))));
        importThroughTheDialog(tab->importButton(), nstPath);
        QTRY_COMPARE_WITH_TIMEOUT(tab->table()->rowCount(), 1, OffThreadWork);
        QCOMPARE(tab->traces().first().figoClass, QStringLiteral("normal"));
        QCOMPARE(tab->traces().first().gestationalAgeDays, std::optional<int>(38 * 7 + 3));
        QCOMPARE(tab->traces().first().recordedAt.toLocalTime(), QDateTime(Today, QTime(8, 50)));
        QVERIFY(chart->banner()->ctgAlert().isEmpty());
        QVERIFY(window.ctg()->viewer());
        QTRY_VERIFY_WITH_TIMEOUT(window.ctg()->viewer()->review().isReady(), OffThreadWork);
        window.ctg()->viewer()->close();

        // The labour: FIGO pathological.
        importThroughTheDialog(tab->importButton(), labourPath, QDateTime(Today, QTime(15, 0)));
        QTRY_COMPARE_WITH_TIMEOUT(tab->table()->rowCount(), 2, OffThreadWork);
        const CtgTraceRecord &newest = tab->traces().first();
        QCOMPARE(newest.figoClass, QStringLiteral("pathological"));
        QVERIFY(newest.isAlarming());
        QVERIFY(columnText(tab->table(), 3).contains(QLatin1String("Pathological")) || isTranslatedTestRun());
        QVERIFY(columnText(tab->table(), 0).contains(QLatin1String("14:00")));

        // The banner says it at once, and that no one has interpreted it yet.
        const QString alert = chart->banner()->ctgAlert();
        QVERIFY(!alert.isEmpty());
        QVERIFY(chart->banner()->findChild<QLabel *>(QStringLiteral("ctgAlert"))->isVisible());
        QVERIFY(alert.contains(QLatin1String("14:00")));
        QVERIFY((alert.contains(QLatin1String("FIGO pathological"))
                    && alert.contains(QLatin1String("not yet interpreted")))
            || isTranslatedTestRun());

        // The viewer opened on it, analysed: the late decelerations are listed.
        CtgViewer *viewer = window.ctg()->viewer();
        QVERIFY(viewer && viewer->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(viewer->review().isReady(), OffThreadWork);
        QCOMPARE(viewer->review().record().meta.id, newest.meta.id);
        QVERIFY(viewer->eventList()->topLevelItemCount() > 20);
        viewer->setCmPerMinute(1);
        viewer->goToEvent(5);
        saveScreenshot(viewer, QStringLiteral("ctg-viewer-labour"));

        // The Risk tab lists it for a clinician to weigh; nothing was proposed because of it.
        chart->tabs()->setCurrentWidget(chart->riskPanel());
        auto *rules = chart->riskPanel()->findChild<QTableWidget *>(QStringLiteral("firedRules"));
        QVERIFY(rules);
        QVERIFY(columnText(rules, 0).contains(QLatin1String("14:00")));
        QVERIFY(columnText(rules, 0).contains(QLatin1String("CTG")));
        QVERIFY(columnText(rules, 2).contains(newest.reasons.first().text()));
        QCOMPARE(chart->chart()->grades.size(), gradesBefore);
        const auto proposedAfter = GradingService::pendingProposal(*chart->chart());
        QCOMPARE(proposedAfter.has_value(), proposedBefore.has_value());
        if (proposedAfter)
            QCOMPARE(proposedAfter->proposedLevel, proposedBefore->proposedLevel);
        saveScreenshot(&window, QStringLiteral("ctg-risk-evidence"));
        chart->tabs()->setCurrentWidget(tab);
        saveScreenshot(&window, QStringLiteral("ctg-tab-alert"));

        // Signed, the alert stays (it is her record) but no longer says it waits for a reading.
        viewer->interpretationEditor()->setPlainText(
            QStringLiteral("反复晚期减速，FIGO病理性。已通知产科医生，准备尽快分娩。"));
        whenModal<QMessageBox>([](QMessageBox *box) { box->button(QMessageBox::Yes)->click(); });
        QTest::mouseClick(viewer->signButton(), Qt::LeftButton);
        QTRY_VERIFY(!chart->banner()->ctgAlert().contains(QLatin1String("not yet interpreted")));
        QVERIFY(!chart->banner()->ctgAlert().isEmpty());
        QVERIFY(columnText(tab->table(), 5).contains(QLatin1String("dr-wang")));

        // Another woman's chart: no traces, no alert, no CTG evidence.
        QVERIFY(window.openPatient(other->patient.meta.id));
        QCOMPARE(tab->table()->rowCount(), 0);
        QVERIFY(chart->banner()->ctgAlert().isEmpty());
        QVERIFY(!columnText(rules, 0).contains(QLatin1String("CTG")));
        // And back: it is all there again.
        QVERIFY(window.openPatient(patient.meta.id));
        QCOMPARE(tab->table()->rowCount(), 2);
        QVERIFY(!chart->banner()->ctgAlert().isEmpty());
    }

    void aFileThatIsNotATraceIsRefusedWithItsReasonAndNothingIsStored()
    {
        QTemporaryDir dir;
        TestClinic clinic(QStringLiteral("dr-wang"), QStringLiteral("c1"));
        QVERIFY2(clinic.isOpen(), qPrintable(clinic.error()));
        const auto booked = clinic.book(QStringLiteral("陈丽"), QDate(1990, 3, 7), Today.addDays(-250));
        QVERIFY(booked);
        const Patient &patient = booked->patient;
        MainWindow window(clinic.database(), Today);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openPatient(patient.meta.id));
        const QString path = dir.filePath(QStringLiteral("notes.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("date,weight\n2026-10-01,65\n");
        file.close();
        QSignalSpy problems(window.ctg(), &CtgWorkbench::problem);
        QString shown;
        whenModal<QMessageBox>([&shown](QMessageBox *box) {
            shown = box->text();
            box->accept();
        });
        window.ctg()->importFile(path);
        QTRY_COMPARE(problems.size(), 1);
        QTRY_VERIFY(!shown.isEmpty());
        QVERIFY(shown.contains(QLatin1String("notes.csv")));
        QCOMPARE(window.ctg()->tracesView()->table()->rowCount(), 0);
        QVERIFY(window.ctg()->tracesView()->importButton()->isEnabled());
    }
};

QTEST_MAIN(TestCtgTab)
#include "tst_ctgtab.moc"
