// The viewer in the workstation: the chart's Ultrasound tab lists the pregnancy's exams, images
// opened from the workstation are linked to the open pregnancy, and dating from an exam shows
// at once in the chart's EDD and the exam list.
#include "dicom-viewer/biometrypanel.h"
#include "dicom-viewer/dicomimageview.h"
#include "dicom-viewer/dicomviewer.h"
#include "dicom-viewer/ultrasoundexamsview.h"
#include "dicom-viewer/ultrasoundworkbench.h"
#include "dicom/demostudywriter.h"
#include "testclinic.h"
#include "testtranslation.h"
#include "workstation-ui/mainwindow.h"
#include "workstation-ui/patientchartview.h"

#include <QDir>
#include <QMenuBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

class TestUltrasoundTab : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(installTestTranslation(this)); }

    void examsTabAndViewerFollowTheOpenPregnancy()
    {
        TestClinic clinic(QStringLiteral("us-chen"), QStringLiteral("c1"));
        QVERIFY2(clinic.isOpen(), qPrintable(clinic.error()));
        Patient her;
        her.name = QStringLiteral("赵晓梅");
        her.birthDate = QDate(1992, 2, 2);
        const auto woman = clinic.book(her, QDate(2026, 3, 2), QDate(2026, 5, 1));
        QVERIFY(woman);
        const Patient &patient = woman->patient;
        const Pregnancy &pregnancy = woman->pregnancy;
        MainWindow window(clinic.database(), QDate(2026, 5, 11));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openPatient(patient.meta.id));

        QTabWidget *tabs = window.chartView()->tabs();
        UltrasoundExamsView *exams = window.ultrasound()->examsView();
        const int tab = tabs->indexOf(exams);
        QVERIFY(tab >= 0);
        tabs->setCurrentIndex(tab);
        QCOMPARE(exams->table()->rowCount(), 0);
        QVERIFY(exams->findChild<QPushButton *>()->isEnabled());
        bool hasOpenDicom = false;
        for (QAction *menu : window.menuBar()->actions())
            for (QAction *action : menu->menu() ? menu->menu()->actions() : QList<QAction *> {})
                hasOpenDicom
                    = hasOpenDicom || action->shortcut() == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O);
        QVERIFY(hasOpenDicom);

        // A scan at 10+0 by LMP measuring CRL 55 mm (11+6): 13 days, beyond ACOG's 7.
        DemoStudy study;
        study.patientId = QStringLiteral("110101199202020021");
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
        QVERIFY(panel->saveButton()->isEnabled());
        panel->proposeDating();
        panel->confirmDating();

        const QDate redated = eddByNaegele(pregnancy.lmp).addDays(-13);
        QCOMPARE(window.chartView()->chart()->pregnancy->edd(), redated);
        // The chart reloaded with the new EDD; the viewer still says what was done, and a second
        // save updates the same exam.
        QVERIFY(!panel->recordMessage().isEmpty());
        panel->saveToPregnancy();
        QCOMPARE(exams->table()->rowCount(), 1);
        QCOMPARE(tabs->currentWidget(), exams);
        const QString shot = QDir::temp().filePath(QStringLiteral("obslink-workstation-ultrasound.png"));
        QVERIFY(window.grab().save(shot));
        QVERIFY(viewer->grab().save(QDir::temp().filePath(QStringLiteral("obslink-viewer-dated.png"))));
        qInfo("screenshot: %s", qPrintable(shot));
    }
};

QTEST_MAIN(TestUltrasoundTab)
#include "tst_ultrasoundtab.moc"
