// The DICOM viewer as a clinician uses it, offscreen: the loop plays at the file's own frame
// rate (on an injected clock: no sleeps), arrow keys step, window/level changes the displayed
// pixels, a distance across a region of known deltas reads the expected millimetres and is
// refused outside it, the tag browser shows the file's attributes, the series browser lists a
// folder, and biometry is saved to the pregnancy and dates it as the ACOG rule says; the
// machine's structured report of a study is shown fetus by fetus and one fetus's values are
// accepted into the biometry and saved.
#include "dicom-viewer/biometrypanel.h"
#include "dicom-viewer/dicomimageview.h"
#include "dicom-viewer/dicomviewer.h"
#include "dicom-viewer/machinereportpanel.h"
#include "dicom-viewer/seriesbrowser.h"
#include "dicom-viewer/tagbrowser.h"
#include "dicom-viewer/ultrasoundexamsview.h"
#include "dicom/demostudywriter.h"
#include "dicom/dicomfile.h"
#include "storage/clinicrecords.h"
#include "storage/database.h"
#include "srsynth.h"
#include "synthfolder.h"
#include "testtranslation.h"
#include "ultrasound-exams/ultrasoundexamrecords.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>

namespace {
// A calibrated 400×300 RGB image: region 0 covers columns 0–199 at 0.01 cm per pixel across
// and 0.02 cm down; columns 200–399 are not calibrated (a Doppler strip in seconds).
SynthImage calibratedImage(int frames = 1)
{
    SynthImage image = DicomSynth::rgb(frames, 0, QSize(400, 300));
    image.regions = { DicomSynth::region(1, 1, QRect(0, 0, 200, 300), UltrasoundRegion::Centimetre,
                          UltrasoundRegion::Centimetre, 0.01, 0.02),
        DicomSynth::region(3, 3, QRect(200, 0, 200, 300), UltrasoundRegion::Second,
            UltrasoundRegion::CentimetrePerSecond, 0.01, 0.5) };
    return image;
}

void drag(QWidget *widget, const QPointF &from, const QPointF &to, Qt::MouseButton button = Qt::LeftButton)
{
    const QPointF global = widget->mapToGlobal(QPoint(0, 0));
    QMouseEvent press(QEvent::MouseButtonPress, from, from + global, button, button, Qt::NoModifier);
    QApplication::sendEvent(widget, &press);
    QMouseEvent move(QEvent::MouseMove, to, to + global, Qt::NoButton, button, Qt::NoModifier);
    QApplication::sendEvent(widget, &move);
    QMouseEvent release(QEvent::MouseButtonRelease, to, to + global, button, Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(widget, &release);
}

// A woman with a pregnancy (LMP 2 March 2026) in a fresh clinic database, and a demo study of
// her scanned at 10+0 by LMP.
struct PregnancyUnderScan
{
    QTemporaryDir dir;
    std::unique_ptr<Database> db;
    std::unique_ptr<UltrasoundExamRecords> records;
    Pregnancy pregnancy;
    DemoStudy study;
    QString file;

    explicit PregnancyUnderScan(const QSize &imageSize)
    {
        auto opened = Database::open(
            dir.filePath(QStringLiteral("c.db")), { QStringLiteral("clinic-a"), QStringLiteral("us-chen") });
        if (!opened)
            return;
        db = std::move(*opened);
        Patient patient;
        patient.name = QStringLiteral("李娜");
        patient.birthDate = QDate(1990, 3, 7);
        pregnancy.lmp = QDate(2026, 3, 2);
        pregnancy.bookingDate = QDate(2026, 5, 1);
        if (!ClinicRecords(*db).registerPregnancy(patient, pregnancy))
            return;
        records = std::make_unique<UltrasoundExamRecords>(*db);
        study.patientId = QStringLiteral("110101199003070028");
        study.patientName = QStringLiteral("Li^Na");
        study.studyDate = pregnancy.lmp.addDays(70);
        study.columns = imageSize.width();
        study.rows = imageSize.height();
        if (auto files = DemoStudyWriter::write(study, dir.path()))
            file = files->first();
    }
    bool isReady() const { return records && !file.isEmpty(); }
    QDate edd() const { return (*records->pregnancy(pregnancy.meta.id))->edd(); }
};

void saveScreenshot(QWidget *widget, const QString &name)
{
    const QString path = QDir::temp().filePath(name);
    QVERIFY(widget->grab().save(path));
    qInfo("screenshot: %s", qPrintable(path));
}
} // namespace

class TestDicomViewer : public QObject
{
    Q_OBJECT

private:
    SynthFolder m_folder;
    qint64 m_now = 0;

    std::unique_ptr<DicomViewer> openViewer(const QString &path)
    {
        auto viewer = std::make_unique<DicomViewer>();
        viewer->resize(1400, 900);
        viewer->show();
        viewer->player()->setClock([this] { return m_now; });
        if (!viewer->openFile(path))
            return nullptr;
        // The first frame is decoded in the background.
        if (!QTest::qWaitFor([&] { return viewer->shownFrame() == 0; }))
            return nullptr;
        return viewer;
    }

private slots:
    void initTestCase() { QVERIFY(installTestTranslation(this)); }

    void cinePlaysAtTheFilesFrameTime()
    {
        SynthImage image = DicomSynth::grey(8, 8, false, 10);
        image.frameTimeMs = 40;
        auto viewer = openViewer(m_folder.write(image, SynthSyntax::ExplicitLittle));
        QVERIFY(viewer);
        CinePlayer *player = viewer->player();
        QCOMPARE(player->frameTimeMs(), 40.0);
        QCOMPARE(player->framesPerSecond(), 25.0);
        QTRY_COMPARE(viewer->shownFrame(), 0);
        player->play();
        m_now += 39;
        player->tick();
        QCOMPARE(player->currentFrame(), 0);
        m_now += 1;
        player->tick();
        QCOMPARE(player->currentFrame(), 1);
        m_now += 160; // 200 ms: frame 5
        player->tick();
        QCOMPARE(player->currentFrame(), 5);
        QTRY_COMPARE(viewer->shownFrame(), 5);
        // Twice as fast: 40 ms more is two frames; the loop wraps round its end.
        player->setSpeed(2.0);
        m_now += 40;
        player->tick();
        QCOMPARE(player->currentFrame(), 7);
        m_now += 80;
        player->tick();
        QCOMPARE(player->currentFrame(), 1);
        player->setSpeed(0.1);
        QCOMPARE(player->speed(), CinePlayer::MinimumSpeed);
        player->setSpeed(9);
        QCOMPARE(player->speed(), CinePlayer::MaximumSpeed);
        player->pause();
        m_now += 1000;
        player->tick();
        QCOMPARE(player->currentFrame(), 1);
    }

    void demoCineSaysItsRateAndPlaysThroughTheLoop()
    {
        QTemporaryDir dir;
        DemoStudy study;
        study.patientId = QStringLiteral("110101199003070028");
        study.patientName = QStringLiteral("Li^Na");
        study.studyDate = QDate(2026, 9, 28);
        study.framesPerInstance = 24;
        study.columns = 640;
        study.rows = 480;
        auto files = DemoStudyWriter::write(study, dir.path());
        QVERIFY(files);
        auto viewer = openViewer(files->first());
        QVERIFY(viewer);
        QCOMPARE(viewer->player()->framesPerSecond(), 25.0); // Frame Time 40 ms
        viewer->player()->play();
        for (int frame = 1; frame < 24 + 3; ++frame) {
            m_now += 40;
            viewer->player()->tick();
            QTRY_COMPARE(viewer->shownFrame(), frame % 24);
        }
        QVERIFY(viewer->player()->isPlaying());
        saveScreenshot(viewer.get(), QStringLiteral("obslink-dicomviewer-cine.png"));
    }

    void cineRateIsUsedWithoutFrameTime()
    {
        SynthImage image = DicomSynth::grey(8, 8, false, 4);
        image.frameTimeMs.reset();
        image.cineRate = 50;
        auto viewer = openViewer(m_folder.write(image, SynthSyntax::ExplicitLittle));
        QVERIFY(viewer);
        QCOMPARE(viewer->player()->frameTimeMs(), 20.0);
    }

    void arrowKeysStepFramesAndWrap()
    {
        SynthImage image = DicomSynth::grey(8, 8, false, 3);
        image.frameTimeMs = 33;
        auto viewer = openViewer(m_folder.write(image, SynthSyntax::ExplicitLittle));
        QVERIFY(viewer);
        QApplication::setActiveWindow(viewer.get());
        QVERIFY(QTest::qWaitForWindowActive(viewer.get()));
        viewer->view()->setFocus();
        QTest::keyClick(viewer->view(), Qt::Key_Right);
        QCOMPARE(viewer->player()->currentFrame(), 1);
        QTRY_COMPARE(viewer->shownFrame(), 1);
        QTest::keyClick(viewer->view(), Qt::Key_Left);
        QTest::keyClick(viewer->view(), Qt::Key_Left);
        QCOMPARE(viewer->player()->currentFrame(), 2);
        // The frame shown is the decoded frame 2.
        QTRY_COMPARE(viewer->shownFrame(), 2);
        QCOMPARE(viewer->view()->displayedFrame(), DicomSynth::sourceFrame(image, 2));
    }

    void windowLevelChangesTheDisplayedPixels()
    {
        SynthImage image = DicomSynth::grey(8, 8, false, 1);
        auto viewer = openViewer(m_folder.write(image, SynthSyntax::ExplicitLittle));
        QVERIFY(viewer);
        QTRY_VERIFY(!viewer->view()->displayedFrame().isNull());
        const QImage source = DicomSynth::sourceFrame(image, 0);
        QCOMPARE(viewer->view()->displayedFrame(), source);
        // Window 64 about 128: 96 and below black, 160 and above white, 128 mid-grey.
        viewer->view()->setWindowLevel(WindowLevel { 128, 64 });
        const QImage shown = viewer->view()->displayedFrame();
        for (int y = 0; y < source.height(); ++y)
            for (int x = 0; x < source.width(); ++x) {
                const int v = qGray(source.pixel(x, y));
                const int out = qGray(shown.pixel(x, y));
                if (v <= 96)
                    QCOMPARE(out, 0);
                else if (v >= 160)
                    QCOMPARE(out, 255);
            }
        // Dragging with the right button: wider window, less contrast; the reset restores the source.
        const WindowLevel before = viewer->view()->windowLevel();
        drag(viewer->view(), QPointF(100, 100), QPointF(160, 100), Qt::RightButton);
        QCOMPARE(viewer->view()->windowLevel().width, before.width + 60);
        viewer->view()->setWindowLevel({});
        QCOMPARE(viewer->view()->displayedFrame(), source);
        viewer->view()->setInverted(true);
        QCOMPARE(qGray(viewer->view()->displayedFrame().pixel(5, 5)), 255 - qGray(source.pixel(5, 5)));
    }

    void distanceAcrossTheRegionReadsTheKnownMillimetres()
    {
        auto viewer = openViewer(m_folder.write(calibratedImage(), SynthSyntax::ExplicitLittle));
        QVERIFY(viewer);
        DicomImageView *view = viewer->view();
        view->showActualSize();
        view->setTool(DicomImageView::Tool::Distance);
        QSignalSpy added(view, &DicomImageView::measurementAdded);
        // 150 columns at 0.1 mm and 100 rows at 0.2 mm: 15 and 20 mm, 25 mm apart.
        drag(view, view->imageToWidget(QPointF(20, 50)), view->imageToWidget(QPointF(170, 150)));
        QCOMPARE(added.size(), 1);
        QVERIFY2(std::abs(view->measurements().first().lengthMm() - 25.0) < 0.05,
            qPrintable(QString::number(view->measurements().first().lengthMm())));
        QVERIFY(viewer->statusMessage().contains(QStringLiteral("25.0")));
        // An ellipse of semi-axes 50 and 25 pixels: 5 mm across, 5 mm down: a 10 mm circle.
        QVERIFY(view->addEllipse(QPointF(100, 150), QPointF(150, 150), QPointF(100, 175)));
        QVERIFY(std::abs(view->measurements().last().lengthMm() - M_PI * 10) < 0.01);
        QVERIFY(std::abs(view->measurements().last().area->value * 100 - M_PI * 25) < 0.01);
        saveScreenshot(viewer.get(), QStringLiteral("obslink-dicomviewer-measure.png"));
    }

    void ellipseIsDrawnAlongOneAxisThenFittedAndClicked()
    {
        auto viewer = openViewer(m_folder.write(calibratedImage(), SynthSyntax::ExplicitLittle));
        QVERIFY(viewer);
        DicomImageView *view = viewer->view();
        view->showActualSize();
        view->setTool(DicomImageView::Tool::Ellipse);
        // Axis from (50,150) to (150,150): semi-axis 50 pixels = 5 mm across; then the pointer
        // 25 rows off the axis: semi-axis 25 pixels = 5 mm down; a click closes it.
        drag(view, view->imageToWidget(QPointF(50, 150)), view->imageToWidget(QPointF(150, 150)));
        QVERIFY(view->measurements().isEmpty());
        const QPointF fit = view->imageToWidget(QPointF(120, 175));
        QMouseEvent move(
            QEvent::MouseMove, fit, view->mapToGlobal(fit), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
        QApplication::sendEvent(view, &move);
        QTest::mouseClick(view, Qt::LeftButton, {}, fit.toPoint());
        QCOMPARE(view->measurements().size(), 1);
        const ViewerMeasurement &m = view->measurements().first();
        QCOMPARE(m.shape, ViewerMeasurement::Shape::Ellipse);
        QVERIFY2(std::abs(m.lengthMm() - M_PI * 10) < 0.05, qPrintable(QString::number(m.lengthMm())));
    }

    void zoomKeepsThePointUnderThePointerAndFitFillsTheView()
    {
        auto viewer = openViewer(m_folder.write(calibratedImage(), SynthSyntax::ExplicitLittle));
        QVERIFY(viewer);
        DicomImageView *view = viewer->view();
        view->fitToWindow();
        QVERIFY(view->isFitting());
        const double fitted = view->zoom();
        QVERIFY(std::abs(fitted - std::min(view->width() / 400.0, view->height() / 300.0)) < 1e-9);
        const QPointF pointer(view->width() / 3.0, view->height() / 4.0);
        const QPointF under = view->widgetToImage(pointer);
        view->zoomBy(2.0, pointer);
        QVERIFY(!view->isFitting());
        QVERIFY(std::abs(view->zoom() - 2 * fitted) < 1e-9);
        const QPointF after = view->widgetToImage(pointer);
        QVERIFY(std::abs(after.x() - under.x()) < 1e-6 && std::abs(after.y() - under.y()) < 1e-6);
        view->showActualSize();
        QCOMPARE(view->zoom(), 1.0);
        // Panning by the middle button moves the image with the pointer.
        const QPointF before = view->imageToWidget(QPointF(10, 10));
        drag(view, QPointF(100, 100), QPointF(130, 90), Qt::MiddleButton);
        const QPointF moved = view->imageToWidget(QPointF(10, 10));
        QCOMPARE(moved - before, QPointF(30, -10));
    }

    void unreadableFileLeavesTheShownImageAndSaysWhy()
    {
        auto viewer = openViewer(m_folder.write(calibratedImage(), SynthSyntax::ExplicitLittle));
        QVERIFY(viewer);
        const QString shown = viewer->currentPath();
        QFile junk(m_folder.filePath(QStringLiteral("report.txt")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("DICM? no, a text file");
        junk.close();
        auto opened = viewer->openFile(junk.fileName());
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, QStringLiteral("dicom.unreadable"));
        QCOMPARE(viewer->currentPath(), shown);
        QVERIFY(viewer->statusMessage().contains(QStringLiteral("report.txt")));
        // A DICOM file cut short in its pixel data: refused as well, the image stays.
        const QString whole = m_folder.write(DicomSynth::grey(8, 8, false, 4), SynthSyntax::ExplicitLittle);
        QFile cut(whole);
        QVERIFY(cut.open(QIODevice::ReadWrite));
        QVERIFY(cut.resize(cut.size() - 3000));
        cut.close();
        auto truncated = viewer->openFile(whole);
        QVERIFY(!truncated);
        QVERIFY(!truncated.error().message.isEmpty());
        QCOMPARE(viewer->currentPath(), shown);
        QCOMPARE(viewer->shownFrame(), 0);
    }

    void measurementOutsideTheCalibratedRegionIsRefusedWithTheReason()
    {
        auto viewer = openViewer(m_folder.write(calibratedImage(), SynthSyntax::ExplicitLittle));
        QVERIFY(viewer);
        DicomImageView *view = viewer->view();
        view->showActualSize();
        view->setTool(DicomImageView::Tool::Distance);
        QSignalSpy refused(view, &DicomImageView::measurementRefused);
        drag(view, view->imageToWidget(QPointF(150, 50)), view->imageToWidget(QPointF(300, 50)));
        QCOMPARE(refused.size(), 1);
        QVERIFY(view->measurements().isEmpty());
        QVERIFY(
            viewer->statusMessage().startsWith(QStringLiteral("Not calibrated")) || isTranslatedTestRun());
        // Inside the Doppler strip alone: the region is in seconds, said so.
        QVERIFY(!view->addDistance(QPointF(250, 50), QPointF(300, 50)));
        QVERIFY(viewer->statusMessage().contains(QStringLiteral("seconds")) || isTranslatedTestRun());
    }

    void pixelSpacingIsUsedOnlyWithoutRegionsAndMarked()
    {
        SynthImage image = DicomSynth::grey(8, 8, false, 1);
        image.pixelSpacingRowMm = 0.2;
        image.pixelSpacingColumnMm = 0.2;
        auto viewer = openViewer(m_folder.write(image, SynthSyntax::ExplicitLittle));
        QVERIFY(viewer);
        QVERIFY(viewer->view()->addDistance(QPointF(0, 0), QPointF(30, 40))); // 50 pixels: 10 mm
        const ViewerMeasurement &m = viewer->view()->measurements().first();
        QCOMPARE(m.length.calibration, PhysicalMeasurement::Calibration::PixelSpacing);
        QVERIFY(std::abs(m.lengthMm() - 10.0) < 1e-9);
        QVERIFY(m.label().contains(ViewerMeasurement::tr(" (Pixel Spacing)")));
        // Without either, the image can be viewed but not measured, and the screen says so.
        auto plain
            = openViewer(m_folder.write(DicomSynth::grey(8, 8, false, 1), SynthSyntax::ExplicitLittle));
        QVERIFY(plain);
        QVERIFY(!plain->statusMessage().isEmpty());
        QVERIFY(!plain->view()->addDistance(QPointF(0, 0), QPointF(30, 40)));
    }

    void tagBrowserShowsTheFilesAttributes()
    {
        auto viewer = openViewer(m_folder.write(calibratedImage(), SynthSyntax::ExplicitLittle));
        QVERIFY(viewer);
        TagBrowser *tags = viewer->tagBrowser();
        QTreeWidgetItem *name = tags->findTag(QStringLiteral("(0010,0010)"));
        QVERIFY(name);
        QCOMPARE(name->text(1), QStringLiteral("PatientName"));
        QCOMPARE(name->text(3), QStringLiteral("Test^Synthetic"));
        QTreeWidgetItem *regions = tags->findTag(QStringLiteral("(0018,6011)"));
        QVERIFY(regions);
        QCOMPARE(regions->childCount(), 2);
        tags->setFilter(QStringLiteral("PhysicalDeltaX"));
        QVERIFY(!tags->findTag(QStringLiteral("(0010,0010)")));
        QVERIFY(tags->findTag(QStringLiteral("(0018,6011)")));
    }

    void seriesBrowserListsAFolderWithThumbnails()
    {
        QTemporaryDir dir;
        DemoStudy study;
        study.patientId = QStringLiteral("110101199003070028");
        study.patientName = QStringLiteral("Demo^Li Na");
        study.studyDate = QDate(2026, 9, 28);
        study.instances = 3;
        study.framesPerInstance = 2;
        QVERIFY(DemoStudyWriter::write(study, dir.path()));
        QFile junk(dir.filePath(QStringLiteral("readme.txt")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("not DICOM");
        junk.close();
        DicomViewer viewer;
        viewer.openFolder(dir.path());
        QTRY_VERIFY(!viewer.seriesBrowser()->isScanning());
        QTRY_COMPARE(viewer.seriesBrowser()->files().size(), 3);
        QTRY_VERIFY(!viewer.currentPath().isEmpty());
        QTreeWidgetItem *studyItem = viewer.seriesBrowser()->tree()->topLevelItem(0);
        QVERIFY(studyItem->text(0).contains(QStringLiteral("Li Na")));
        QTreeWidgetItem *image = studyItem->child(0)->child(0);
        QVERIFY(!image->icon(0).isNull());
        // Choosing another image opens it.
        const QString second = viewer.seriesBrowser()->files().at(1);
        emit viewer.seriesBrowser()->tree()->itemClicked(studyItem->child(0)->child(1), 0);
        QCOMPARE(viewer.currentPath(), second);
    }

    void biometryIsSavedToThePregnancyAndDatesIt()
    {
        // A first-trimester scan at 10+0 by LMP, on a 640×480 demo image at 0.1 mm per pixel.
        PregnancyUnderScan scan(QSize(640, 480));
        QVERIFY(scan.isReady());
        auto viewer = openViewer(scan.file);
        QVERIFY(viewer);
        viewer->setRecordLink(
            scan.records.get(), scan.pregnancy.meta.id, QStringLiteral("李娜"), scan.study.patientId);
        BiometryPanel *panel = viewer->biometryPanel();
        QVERIFY(!panel->saveButton()->isEnabled());
        QVERIFY(!panel->needsIdentityConfirmation());

        DicomImageView *view = viewer->view();
        emit panel->measureChosen(BiometryMeasure::Crl);
        QCOMPARE(view->tool(), DicomImageView::Tool::Distance);
        QVERIFY(view->addDistance(QPointF(100, 200), QPointF(375, 200))); // 27.5 mm
        QCOMPARE(*panel->biometry().millimetres(BiometryMeasure::Crl), 27.5);
        QVERIFY(panel->gestationalAgeText().startsWith(QStringLiteral("9+")));
        // HC as an ellipse: its circumference, in mm, with the GA it implies.
        emit panel->measureChosen(BiometryMeasure::Hc);
        QCOMPARE(view->tool(), DicomImageView::Tool::Ellipse);
        QVERIFY(view->addEllipse(QPointF(320, 240), QPointF(470, 240), QPointF(320, 360)));
        QVERIFY(panel->biometry().has(BiometryMeasure::Hc));
        // A distance not chosen as a measure is not biometry.
        QVERIFY(view->addDistance(QPointF(100, 100), QPointF(150, 100)));
        QVERIFY(!view->measurements().last().biometry);

        QVERIFY(panel->saveButton()->isEnabled());
        panel->saveToPregnancy();
        UltrasoundExamRecords &records = *scan.records;
        auto stored = records.forPregnancy(scan.pregnancy.meta.id);
        QCOMPARE(stored->size(), 1);
        QCOMPARE(*stored->first().biometry.millimetres(BiometryMeasure::Crl), 27.5);
        QCOMPARE(stored->first().examDate, scan.study.studyDate);

        // CRL 27.5 mm is 9+2 by Robinson: 5 days less than 10+0, within the 7 days ACOG
        // accepts: the EDD by LMP stands and the scan becomes the dating ultrasound.
        panel->proposeDating();
        QVERIFY(!panel->confirmButton()->isHidden());
        panel->confirmDating();
        QCOMPARE(scan.edd(), eddByNaegele(scan.pregnancy.lmp));
        QCOMPARE(records.forPregnancy(scan.pregnancy.meta.id)->size(), 1); // the same exam, updated
        QVERIFY(records.forPregnancy(scan.pregnancy.meta.id)->first().datedPregnancy);

        // A later scan of the same pregnancy cannot re-date it.
        panel->startExam(
            scan.study.studyDate.addDays(14), QStringLiteral("1.2.3.later"), scan.study.patientId);
        emit panel->measureChosen(BiometryMeasure::Crl);
        QVERIFY(view->addDistance(QPointF(100, 200), QPointF(375, 200)));
        panel->proposeDating();
        QVERIFY(panel->confirmButton()->isHidden());
        QVERIFY(panel->recordMessage().contains(QStringLiteral("already dated")) || isTranslatedTestRun());
        QCOMPARE(scan.edd(), eddByNaegele(scan.pregnancy.lmp));

        UltrasoundExamsView exams;
        exams.showPregnancy(&records, scan.pregnancy.meta.id);
        QCOMPARE(exams.table()->rowCount(), 1);
        saveScreenshot(viewer.get(), QStringLiteral("obslink-dicomviewer-biometry.png"));
        exams.resize(1000, 300);
        saveScreenshot(&exams, QStringLiteral("obslink-ultrasound-tab.png"));
    }

    void imagesOfAnotherPatientAreSavedOnlyOnceConfirmedAsHers()
    {
        PregnancyUnderScan scan(QSize(640, 480));
        QVERIFY(scan.isReady());
        auto viewer = openViewer(scan.file);
        QVERIFY(viewer);
        viewer->setRecordLink(scan.records.get(), scan.pregnancy.meta.id, QStringLiteral("李娜"),
            QStringLiteral("11010119900307004X"));
        BiometryPanel *panel = viewer->biometryPanel();
        emit panel->measureChosen(BiometryMeasure::Crl);
        QVERIFY(viewer->view()->addDistance(QPointF(100, 200), QPointF(375, 200)));
        QVERIFY(panel->needsIdentityConfirmation());
        QVERIFY(!panel->saveButton()->isEnabled());
        QVERIFY(!panel->identityConfirmation()->isHidden());
        panel->saveToPregnancy();
        QCOMPARE(scan.records->forPregnancy(scan.pregnancy.meta.id)->size(), 0);
        panel->identityConfirmation()->setChecked(true);
        QVERIFY(panel->saveButton()->isEnabled());
        panel->saveToPregnancy();
        QCOMPARE(scan.records->forPregnancy(scan.pregnancy.meta.id)->size(), 1);
        saveScreenshot(panel, QStringLiteral("obslink-biometry-other-patient.png"));
    }

    void machineMeasurementsAreAcceptedFetusByFetus()
    {
        PregnancyUnderScan scan(QSize(320, 240));
        QVERIFY(scan.isReady());
        QTemporaryDir studyDir;
        const auto images = DemoStudyWriter::write(scan.study, studyDir.path());
        QVERIFY(images);
        const auto image = DicomFile::open(images->first());
        QVERIFY(image);
        const QString studyUid = (*image)->info().studyInstanceUid;
        QVERIFY(ObGynReportWriter::write(SrSynth::twins(studyUid, scan.study.patientId, scan.study.studyDate),
            studyDir.filePath(QStringLiteral("SR000001.dcm"))));

        DicomViewer viewer;
        viewer.resize(1400, 900);
        viewer.show();
        viewer.setRecordLink(scan.records.get(), scan.pregnancy.meta.id, QStringLiteral("李娜"), scan.study.patientId);
        viewer.openFolder(studyDir.path());
        QTRY_VERIFY(!viewer.currentPath().isEmpty());
        MachineReportPanel *machine = viewer.machineReportPanel();
        QTRY_COMPARE(machine->biometry().fetuses.size(), 2);
        // The report is listed with the study, not shown as an image.
        QCOMPARE(viewer.seriesBrowser()->structuredReports().size(), 1);
        QCOMPARE(viewer.seriesBrowser()->files(), *images);
        QVERIFY(machine->fetusChoice()->isVisible());
        QCOMPARE(machine->fetusChoice()->count(), 2);
        QCOMPARE(machine->valuesTable()->rowCount(), 6); // BPD HC AC FL, EFW, AFI of fetus A
        // What was not taken is listed with the reason: the vendor's code, the inches, the
        // first BPD that the machine's mean replaces, the GA it derived.
        QCOMPARE(machine->unusedTable()->rowCount(), 4);
        bool vendorListed = false;
        for (int row = 0; row < machine->unusedTable()->rowCount(); ++row)
            vendorListed = vendorListed || machine->unusedTable()->item(row, 0)->text().contains(QStringLiteral("Vendor cranial index"));
        QVERIFY(vendorListed);
        saveScreenshot(&viewer, QStringLiteral("obslink-dicomviewer-machine-report.png"));

        machine->fetusChoice()->setCurrentIndex(1);
        QCOMPARE(machine->currentFetus()->label, QStringLiteral("B"));
        QVERIFY(machine->acceptButton()->isEnabled());
        machine->acceptButton()->click();
        BiometryPanel *panel = viewer.biometryPanel();
        QCOMPARE(panel->biometry().millimetres(BiometryMeasure::Bpd), std::optional<double>(83));
        QCOMPARE(panel->biometry().millimetres(BiometryMeasure::Ac), std::optional<double>(281));
        QCOMPARE(panel->biometry().millimetres(BiometryMeasure::Fl), std::optional<double>(64));
        QVERIFY(panel->machineNote().contains(QStringLiteral("SR000001.dcm")));
        QVERIFY(!panel->efwText().startsWith(QStringLiteral("—")));
        QVERIFY(panel->saveButton()->isEnabled());
        panel->saveToPregnancy();
        const auto stored = scan.records->forPregnancy(scan.pregnancy.meta.id);
        QVERIFY(stored);
        QCOMPARE(stored->size(), 1);
        QCOMPARE(stored->first().studyInstanceUid, studyUid);
        QCOMPARE(stored->first().biometry.millimetres(BiometryMeasure::Hc), std::optional<double>(305));
        saveScreenshot(&viewer, QStringLiteral("obslink-dicomviewer-machine-accepted.png"));

        // A broken report is refused with the reason; the image shown and the values stay.
        const QString shown = viewer.currentPath();
        QFile whole(studyDir.filePath(QStringLiteral("SR000001.dcm")));
        QVERIFY(whole.open(QIODevice::ReadOnly));
        const QByteArray bytes = whole.readAll();
        QFile cut(studyDir.filePath(QStringLiteral("SR000002.dcm")));
        QVERIFY(cut.open(QIODevice::WriteOnly));
        cut.write(bytes.left(bytes.size() / 2));
        cut.close();
        QVERIFY(!viewer.openFile(cut.fileName()));
        QVERIFY(!viewer.statusMessage().isEmpty());
        QCOMPARE(viewer.currentPath(), shown);
        QCOMPARE(panel->biometry().millimetres(BiometryMeasure::Bpd), std::optional<double>(83));
    }

    void crlBeyondTheLimitRedatesThePregnancy()
    {
        PregnancyUnderScan scan(QSize(800, 600));
        QVERIFY(scan.isReady());
        auto viewer = openViewer(scan.file);
        QVERIFY(viewer);
        viewer->setRecordLink(scan.records.get(), scan.pregnancy.meta.id, QStringLiteral("李娜"));
        BiometryPanel *panel = viewer->biometryPanel();
        emit panel->measureChosen(BiometryMeasure::Crl);
        QVERIFY(viewer->view()->addDistance(QPointF(100, 300), QPointF(650, 300))); // 55 mm: 11+6
        panel->proposeDating();
        QVERIFY(!panel->confirmButton()->isHidden());
        panel->confirmDating();
        QCOMPARE(scan.edd(), eddByNaegele(scan.pregnancy.lmp).addDays(-13));
        QVERIFY(panel->recordMessage().contains(QStringLiteral("11+6")));
    }
};

QTEST_MAIN(TestDicomViewer)
#include "tst_dicomviewer.moc"
