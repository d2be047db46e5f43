// The CTG viewer offscreen. The paper is at its true size: the heavy grid lines are as many
// screen pixels apart as the screen's physical resolution makes 1, 2 or 3 cm per minute and
// 1 cm per 20 bpm (30 at 3 cm/min), and a PDF page measures the same in millimetres. The
// scroll bar, keys, wheel and zoom reach both ends of a long trace; an event clicked in the list
// is centred and selected on the paper and one clicked on the paper is selected in the list;
// a double-click on the paper saves a note at that moment; a signed interpretation is saved,
// shown read-only and cannot be changed. A trace pulled from the center without its samples is
// marked on the tab, asks for them, says it is being fetched (or why not) and shows the paper
// once they are stored.
#include "ctg-records/ctgrecords.h"
#include "ctg-ui/ctgpaperpainter.h"
#include "ctg-ui/ctgpaperview.h"
#include "ctg-ui/ctgpdfexport.h"
#include "ctg-ui/ctgreview.h"
#include "ctg-ui/ctgtracesview.h"
#include "ctg-ui/ctgviewer.h"
#include "ctg/ctgsynthesizer.h"
#include "guitesting.h"
#include "storage/clinicrecords.h"
#include "storage/database.h"
#include "testtranslation.h"

#include <QComboBox>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

namespace {
const QColor majorGrid(0xd9, 0x8c, 0x78);

// An hour of labour: late decelerations after contractions, two accelerations, a gap.
CtgTrace labourTrace(double seconds = 3600)
{
    CtgSynthesizer s(seconds, 145, 17);
    for (double peak = 300; peak < seconds - 100; peak += 240)
        s.contraction(peak).add({ peak + 10, 80, -25 });
    s.add({ 150, 40, 25 }).loss(1900, 45);
    return s.build();
}

// Quiet trace: no events over the grid, so the grid can be measured; the baseline (125) is on
// no heavy line, and the first minute is lost, so a column there crosses only the grid.
CtgTrace quietTrace(double seconds)
{
    CtgSynthesizer s(seconds, 125, 3);
    s.loss(0, 60);
    return s.build();
}

// Centres of the runs of pixels of a row (a column) that have the heavy grid line's color.
QList<double> heavyLines(const QImage &image, bool row, int at, int from, int to)
{
    QList<double> centres;
    int runStart = -1;
    for (int i = from; i <= to; ++i) {
        const bool heavy = i < to && QColor(row ? image.pixel(i, at) : image.pixel(at, i)) == majorGrid;
        if (heavy && runStart < 0)
            runStart = i;
        if (!heavy && runStart >= 0) {
            centres.append((runStart + i - 1) / 2.0);
            runStart = -1;
        }
    }
    return centres;
}

void checkSpacing(const QList<double> &positions, double expected, int atLeast)
{
    QVERIFY2(positions.size() >= atLeast, qPrintable(QStringLiteral("%1 lines").arg(positions.size())));
    // Each line is drawn at its position rounded to a device pixel: measured from the first, the
    // i-th line is i spacings away within a pixel, and no line is missing.
    for (qsizetype i = 1; i < positions.size(); ++i)
        QVERIFY2(std::abs(positions[i] - positions[0] - i * expected) <= 1.0,
            qPrintable(QStringLiteral("line %1 at %2, the first at %3: expected %4 apart")
                           .arg(i)
                           .arg(positions[i])
                           .arg(positions[0])
                           .arg(i * expected)));
}
} // namespace

class TestCtgViewer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;

    struct Stored
    {
        std::unique_ptr<Database> db;
        std::unique_ptr<CtgRecords> records;
        CtgTraceRecord record;
    };

    Stored store(const CtgTrace &trace)
    {
        Stored s;
        auto db = Database::open(m_dir.filePath(QStringLiteral("v%1.db").arg(m_files++)),
            { QStringLiteral("clinic-a"), QStringLiteral("王医生") });
        if (!db)
            return s;
        s.db = std::move(*db);
        Patient patient;
        patient.name = QStringLiteral("刘晓燕");
        patient.birthDate = QDate(1994, 6, 1);
        Pregnancy pregnancy;
        pregnancy.lmp = QDate(2026, 1, 5);
        pregnancy.bookingDate = QDate(2026, 3, 1);
        if (!ClinicRecords(*s.db).registerPregnancy(patient, pregnancy))
            return s;
        s.records = std::make_unique<CtgRecords>(*s.db);
        s.record.pregnancyId = pregnancy.meta.id;
        s.record.recordedAt = QDateTime(QDate(2026, 10, 3), QTime(8, 0), Qt::LocalTime).toUTC();
        s.record.source = QStringLiteral("labour.csv");
        s.record.gestationalAgeDays = 39 * 7 + 1;
        s.record.setSummary(CtgPaperData::build(trace, s.record.gestationalAgeDays)->analysis);
        if (!s.records->addTrace(s.record, trace))
            s.records.reset();
        return s;
    }

    // The stored trace opened in a viewer at 96 dpi as a reader opens it; null if it never
    // became ready.
    std::unique_ptr<CtgViewer> openInViewer(CtgReview &review, const Stored &stored, int cmPerMinute)
    {
        QSignalSpy ready(&review, &CtgReview::ready);
        review.open(stored.record.meta.id);
        auto viewer = std::make_unique<CtgViewer>(review);
        viewer->paper()->setDotsPerInch(96);
        viewer->setCmPerMinute(cmPerMinute);
        viewer->resize(1500, 900);
        viewer->show();
        if (!QTest::qWaitForWindowExposed(viewer.get()) || (ready.isEmpty() && !ready.wait(5000)))
            return nullptr;
        QApplication::processEvents(); // the layout after the trace's summary is shown
        return viewer;
    }

private slots:
    void initTestCase() { QVERIFY(installTestTranslation(this)); }

    void paperIsDrawnAtTheScreensTrueScaleAtEachSpeed_data()
    {
        QTest::addColumn<int>("cmPerMinute");
        QTest::addColumn<double>("dpi");
        for (double dpi : { 96.0, 141.0 })
            for (int cm : { 1, 2, 3 })
                QTest::addRow("%d cm/min at %.0f dpi", cm, dpi) << cm << dpi;
    }
    void paperIsDrawnAtTheScreensTrueScaleAtEachSpeed()
    {
        QFETCH(int, cmPerMinute);
        QFETCH(double, dpi);
        CtgPaperView view;
        view.setDotsPerInch(dpi);
        view.setCmPerMinute(cmPerMinute);
        view.setData(CtgPaperData::build(quietTrace(3 * 3600)));
        view.resize(1900, view.height());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QImage image = view.grab().toImage();
        const CtgPaperScale scale = view.scale();
        const double pixelsPerCm = dpi / 2.54;
        QCOMPARE(scale.pixelsPerSecond() * 60, cmPerMinute * pixelsPerCm);
        // Heavy vertical lines: every minute at 2 and 3 cm/min, every 10 minutes at 1 cm/min.
        const int tocoRow = qRound(scale.tocoY(95));
        const double minutesApart = cmPerMinute == 1 ? 10 : 1;
        // (The paper's left edge cuts the line at 0 in half: measured from the next one.)
        checkSpacing(heavyLines(image, true, tocoRow, int(view.paperLeft()) + 3, image.width()),
            minutesApart * cmPerMinute * pixelsPerCm, cmPerMinute == 1 ? 2 : 5);
        // Heavy horizontal FHR lines 60, 80 … 200 bpm one centimetre apart (60, 90 … at 3 cm/min),
        // read where the first minute's signal is lost.
        checkSpacing(heavyLines(image, false, int(view.paperLeft() + 0.25 * pixelsPerCm),
                         int(scale.fhrY(210)) + 3, int(scale.fhrY(50)) - 2),
            pixelsPerCm, cmPerMinute == 3 ? 4 : 6);
        QCOMPARE(scale.bpmPerCm(), cmPerMinute == 3 ? 30.0 : 20.0);
        QCOMPARE(view.height(), int(std::ceil(scale.totalHeight())));
    }

    void withoutOverrideThePaperUsesTheScreensPhysicalResolution()
    {
        CtgPaperView view;
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.screen()->physicalDotsPerInch() > 0);
        QCOMPARE(view.dotsPerInch(), view.screen()->physicalDotsPerInch());
    }

    void scrollBarKeysWheelAndZoomReachBothEndsOfALongTrace()
    {
        auto stored = store(quietTrace(10));
        QVERIFY(stored.records);
        CtgReview review(*stored.records, QStringLiteral("王医生"));
        CtgTraceRecord record;
        record.durationSeconds = 6 * 3600;
        review.show(record, CtgPaperData::build(labourTrace(6 * 3600)));
        CtgViewer viewer(review);
        viewer.paper()->setDotsPerInch(96);
        viewer.setCmPerMinute(3);
        viewer.resize(1400, 800);
        viewer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&viewer));
        CtgPaperView *paper = viewer.paper();
        const double visible = paper->visibleSeconds();
        QVERIFY(visible > 60 && visible < 3600);

        viewer.scrollBar()->setValue(viewer.scrollBar()->maximum());
        QVERIFY(std::abs(paper->startSeconds() + visible - 6 * 3600) < 1);
        paper->setFocus();
        QTest::keyClick(paper, Qt::Key_Home);
        QCOMPARE(paper->startSeconds(), 0.0);
        QCOMPARE(viewer.scrollBar()->value(), 0);
        QTest::keyClick(paper, Qt::Key_PageDown);
        QVERIFY(std::abs(paper->startSeconds() - 0.9 * visible) < 0.5);
        QCOMPARE(viewer.scrollBar()->value(), qRound(paper->startSeconds() * 10));
        QTest::keyClick(paper, Qt::Key_End);
        QVERIFY(std::abs(paper->startSeconds() + visible - 6 * 3600) < 1);

        // Dragging the paper to the left moves later in time by the dragged distance.
        paper->setStartSeconds(3600);
        const QPoint from(paper->width() / 2, paper->height() / 3);
        QTest::mousePress(paper, Qt::LeftButton, {}, from);
        QTest::mouseMove(paper, from - QPoint(200, 0));
        QTest::mouseRelease(paper, Qt::LeftButton, {}, from - QPoint(200, 0));
        QVERIFY(std::abs(paper->startSeconds() - (3600 + 200 / paper->scale().pixelsPerSecond())) < 0.5);

        // Zoomed out the whole labour fits; the scale label says it is no longer paper scale.
        paper->setZoom(0.02);
        QVERIFY(paper->visibleSeconds() >= 6 * 3600);
        QCOMPARE(paper->startSeconds(), 0.0);
        QVERIFY(!paper->scale().isTrueScale());
        QVERIFY(viewer.findChild<QLabel *>(QStringLiteral("paperScale"))->text().contains(QLatin1String("2%"))
            || isTranslatedTestRun());
        QTest::keyClick(paper, Qt::Key_0);
        QVERIFY(paper->scale().isTrueScale());
        QCOMPARE(paper->visibleSeconds(), visible);
        // Ctrl+wheel zooms about the pointer: the moment under it stays under it.
        paper->setStartSeconds(7200);
        const double x = paper->paperLeft() + 300;
        const double under = paper->secondsAt(x);
        QWheelEvent wheel(QPointF(x, 100), paper->mapToGlobal(QPointF(x, 100)), QPoint(), QPoint(0, 120),
            Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(paper, &wheel);
        QVERIFY(paper->zoom() > 1);
        QVERIFY(std::abs(paper->secondsAt(x) - under) < 0.5);
        QTest::keyClick(paper, Qt::Key_0);
        QWheelEvent scroll(QPointF(x, 100), paper->mapToGlobal(QPointF(x, 100)), QPoint(), QPoint(0, -120),
            Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        const double before = paper->startSeconds();
        QApplication::sendEvent(paper, &scroll);
        QVERIFY(paper->startSeconds() > before);
    }

    void eventsAreListedAndAClickedOneIsCentredAndSelected()
    {
        auto stored = store(labourTrace());
        QVERIFY(stored.records);
        CtgReview review(*stored.records, QStringLiteral("王医生"));
        const auto opened = openInViewer(review, stored, 3);
        QVERIFY(opened);
        CtgViewer &viewer = *opened;
        const CtgAnalysis &a = review.data()->analysis;
        QTreeWidget *list = viewer.eventList();
        QCOMPARE(list->topLevelItemCount(), int(a.events.size()));
        QVERIFY(a.events.size() > 10);
        QCOMPARE(viewer.findChild<QLabel *>(QStringLiteral("figoClass"))->text().isEmpty(), false);
        QCOMPARE(a.figo.value, QStringLiteral("pathological"));

        // A late deceleration off the screen: clicked in the list, it is centred.
        CtgPaperView *paper = viewer.paper();
        int late = -1;
        for (int i = 0; i < a.events.size() && late < 0; ++i) {
            const CtgEvent &e = a.events[i];
            if (e.subtype == QLatin1String("late") && e.startSeconds > 1.5 * paper->visibleSeconds()
                && e.endSeconds < a.durationSeconds - paper->visibleSeconds())
                late = i;
        }
        QVERIFY(late >= 0);
        QVERIFY(a.events[late].startSeconds > paper->startSeconds() + paper->visibleSeconds());
        list->scrollToItem(list->topLevelItem(late));
        const QRect row = list->visualItemRect(list->topLevelItem(late));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, QPoint(row.left() + 10, row.center().y()));
        const double middle = (a.events[late].startSeconds + a.events[late].endSeconds) / 2;
        QVERIFY(std::abs(paper->startSeconds() + paper->visibleSeconds() / 2 - middle) < 1);
        QCOMPARE(paper->selectedEvent(), late);
        QVERIFY(list->topLevelItem(late)->text(1).contains(QLatin1String("Late")) || isTranslatedTestRun());

        // Clicked on the paper, another event is selected in the list.
        int other = -1;
        for (int i = 0; i < a.events.size(); ++i) {
            const CtgEvent &e = a.events[i];
            if (i != late && e.type == CtgEvent::Type::Deceleration && e.startSeconds > paper->startSeconds()
                && e.endSeconds < paper->startSeconds() + paper->visibleSeconds())
                other = i;
        }
        QVERIFY(other >= 0);
        const CtgEvent &e = a.events[other];
        const double x
            = paper->paperLeft() + (e.peakSeconds - paper->startSeconds()) * paper->scale().pixelsPerSecond();
        QTest::mouseClick(paper, Qt::LeftButton, {}, QPoint(int(x), int(paper->scale().fhrY(180))));
        QCOMPARE(paper->selectedEvent(), other);
        QCOMPARE(list->currentItem(), list->topLevelItem(other));
    }

    void signalThatMayBeMaternalIsWarnedOfAndHatchedOnThePaper()
    {
        // Twenty minutes with the mother's pulse (recorded) picked up from minute 8 to 12.
        CtgSynthesizer s(1200, 140, 21);
        s.maternalPulse(86, true).maternalCapture(480, 240);
        auto stored = store(s.build());
        QVERIFY(stored.records);
        CtgReview review(*stored.records, QStringLiteral("王医生"));
        const auto opened = openInViewer(review, stored, 1);
        QVERIFY(opened);
        CtgViewer &viewer = *opened;
        QVERIFY(viewer.signalWarning()->isVisible());
        QVERIFY2(viewer.signalWarning()->text().contains(QStringLiteral("08:08")) || viewer.signalWarning()->text().contains(QStringLiteral("08:07")),
                 qPrintable(viewer.signalWarning()->text()));
        QVERIFY(viewer.summaryLabel()->text().contains(isTranslatedTestRun() ? QStringLiteral("%") : QStringLiteral("trustworthy signal 80%")));
        QVERIFY(review.data()->analysis.figo.value != QLatin1String("normal"));

        // The paper (the PDF is drawn by the same painter): hatching in the stretch, none before.
        const CtgPaperScale scale = viewer.paper()->scale();
        QImage image(int(1200 * scale.pixelsPerSecond()) + 1, int(scale.fhrY(50)) + 1, QImage::Format_RGB32);
        {
            QPainter p(&image);
            CtgPaperPainter::paintPaper(p, QRectF(image.rect()), scale, 0, *review.data(), {});
        }
        const auto hatched = [&](double fromSeconds, double toSeconds) {
            int count = 0;
            for (int x = int(fromSeconds * scale.pixelsPerSecond()); x < int(toSeconds * scale.pixelsPerSecond()); ++x)
                for (int y = int(scale.fhrY(200)); y < int(scale.fhrY(170)); ++y)
                    count += QColor(image.pixel(x, y)) == QColor(0xd8, 0x43, 0x15);
            return count;
        };
        QVERIFY2(hatched(500, 700) > 100, qPrintable(QString::number(hatched(500, 700))));
        QCOMPARE(hatched(100, 400), 0);

        // A clean trace has no warning.
        auto clean = store(quietTrace(1200));
        QVERIFY(clean.records);
        CtgReview cleanReview(*clean.records, QStringLiteral("王医生"));
        const auto cleanViewer = openInViewer(cleanReview, clean, 1);
        QVERIFY(cleanViewer);
        QVERIFY(!cleanViewer->signalWarning()->isVisible());
    }

    void doubleClickOnThePaperSavesANoteAtThatMomentAndSigningMakesTheInterpretationFinal()
    {
        auto stored = store(labourTrace());
        QVERIFY(stored.records);
        CtgReview review(*stored.records, QStringLiteral("王医生"));
        review.setClock([] { return QDateTime(QDate(2026, 10, 3), QTime(9, 30), Qt::UTC); });
        QSignalSpy ready(&review, &CtgReview::ready);
        review.open(stored.record.meta.id);
        CtgViewer viewer(review);
        viewer.setWoman(QStringLiteral("刘晓燕 110101199406010023"));
        viewer.paper()->setDotsPerInch(96);
        viewer.setCmPerMinute(1);
        viewer.resize(1600, 900);
        viewer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&viewer));
        QTRY_COMPARE(ready.size(), 1);
        CtgPaperView *paper = viewer.paper();
        paper->setStartSeconds(0);

        const int x = int(paper->paperLeft() + 12.5 * 60 * paper->scale().pixelsPerSecond());
        const double at = paper->secondsAt(x);
        whenModal<QInputDialog>([](QInputDialog *dialog) {
            dialog->setTextValue(QStringLiteral("缩宫素 2 mU/min 开始"));
            dialog->accept();
        });
        QTest::mouseDClick(paper, Qt::LeftButton, {}, QPoint(x, int(paper->scale().fhrY(100))));
        QTRY_COMPARE(viewer.annotationList()->topLevelItemCount(), 1);
        const auto saved = CtgRecords(*stored.db).annotations(stored.record.meta.id);
        QVERIFY(saved);
        QCOMPARE(saved->size(), 1);
        QCOMPARE(saved->first().text, QStringLiteral("缩宫素 2 mU/min 开始"));
        QVERIFY(std::abs(saved->first().atSeconds - at) < 0.5);
        QCOMPARE(saved->first().meta.author, QStringLiteral("王医生"));
        QCOMPARE(paper->overlay().annotations.size(), 1);

        // The interpretation: a draft first, then signed after she confirms.
        viewer.interpretationEditor()->setPlainText(QStringLiteral(
            "基线145次/分，变异正常；每次宫缩后均见晚期减速，FIGO病理性。建议立即评估，准备尽快分娩。"));
        viewer.saveDraft();
        QCOMPARE(CtgRecords(*stored.db).interpretations(stored.record.meta.id)->size(), 1);
        whenModal<QMessageBox>([](QMessageBox *box) { box->button(QMessageBox::Yes)->click(); });
        QTest::mouseClick(viewer.signButton(), Qt::LeftButton);
        QTRY_VERIFY(viewer.findChild<QLabel *>(QStringLiteral("signedInterpretations"))->isVisible());
        const auto interpretations = CtgRecords(*stored.db).interpretations(stored.record.meta.id);
        QCOMPARE(interpretations->size(), 1);
        QVERIFY(interpretations->first().isSigned());
        QCOMPARE(interpretations->first().signedBy, QStringLiteral("王医生"));
        QVERIFY(viewer.interpretationEditor()->toPlainText().isEmpty());
        // Signed is final: what is typed now is another interpretation, the signed one stays.
        CtgInterpretation signedOne = interpretations->first();
        signedOne.text = QStringLiteral("changed");
        QCOMPARE(
            CtgRecords(*stored.db).saveInterpretation(signedOne).error().code, QStringLiteral("ctg.signed"));

        paper->centerOn(at);
        viewer.goToEvent(3);
        saveScreenshot(&viewer, QStringLiteral("ctg-viewer"));
        QVERIFY(viewer.exportPdfTo(m_dir.filePath(QStringLiteral("labour.pdf"))));
        if (const QString dir = qEnvironmentVariable("OBSLINK_SCREENSHOT_DIR"); !dir.isEmpty())
            QFile::copy(m_dir.filePath(QStringLiteral("labour.pdf")),
                QDir(dir).filePath(QStringLiteral("ctg-labour.pdf")));
    }

    void pdfPagesAreAtTruePaperScale_data()
    {
        QTest::addColumn<int>("cmPerMinute");
        QTest::newRow("1 cm/min") << 1;
        QTest::newRow("3 cm/min") << 3;
    }
    void pdfPagesAreAtTruePaperScale()
    {
        QFETCH(int, cmPerMinute);
        const auto data = CtgPaperData::build(quietTrace(3600));
        CtgPdfExport::Document doc;
        doc.woman = QStringLiteral("刘晓燕");
        doc.data = data.get();
        doc.cmPerMinute = cmPerMinute;
        // A4 landscape less two 10 mm margins and the 9 mm scale: 268 mm of paper per page.
        QCOMPARE(CtgPdfExport::minutesPerPage(cmPerMinute), 26.8 / cmPerMinute);
        const QString path = m_dir.filePath(QStringLiteral("p%1.pdf").arg(cmPerMinute));
        const auto pages = CtgPdfExport::write(path, doc);
        QVERIFY2(pages, pages ? "" : qPrintable(pages.error().message));
        QCOMPARE(*pages, cmPerMinute == 1 ? 3 : 7);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray pdf = file.readAll();
        QCOMPARE(pdf.count("/Type /Page\n") + pdf.count("/Type /Page\r") + pdf.count("/Type /Page "),
            qsizetype(*pages));
        QVERIFY(pdf.contains("/MediaBox [0 0 841.89") || pdf.contains("/MediaBox [0 0 842"));

        // The page drawn at 254 dpi (10 dots a millimetre): heavy lines 10 cm (1 cm/min, 10 min)
        // or 3 cm (3 cm/min, 1 min) apart, FHR lines 1 cm apart.
        QImage page(2970, 2100, QImage::Format_RGB32);
        page.fill(Qt::white);
        QPainter painter(&page);
        CtgPdfExport::paintPage(painter, doc, 0, 254);
        painter.end();
        const CtgPaperScale scale(cmPerMinute, 254);
        const int top = qRound((CtgPdfExport::MarginMm + 18) * 10);
        const QList<double> columns = heavyLines(page, true, top + qRound(scale.tocoY(95)), 193, 2970 - 100);
        checkSpacing(columns, cmPerMinute == 1 ? 1000 : 300, 2);
        // 2.5 mm into the paper: the lost first minute.
        checkSpacing(
            heavyLines(page, false, 190 + 25, top + int(scale.fhrY(210)) + 3, top + int(scale.fhrY(50)) - 2),
            100, 4);
    }

    void aTraceWhoseSamplesAreAtTheCenterSaysSoAndShowsThePaperWhenTheyArrive()
    {
        auto stored = store(labourTrace(1200));
        QVERIFY(stored.records);
        // As pulled from the center: the row is here, its samples are not.
        QSqlQuery take(stored.db->connection());
        QVERIFY(take.exec(QStringLiteral("SELECT bytes FROM ctg_trace_data")) && take.next());
        const QByteArray bytes = take.value(0).toByteArray();
        take.finish();
        QVERIFY(take.exec(QStringLiteral("DELETE FROM ctg_trace_data")));
        CtgTracesView tab(*stored.records);
        tab.showPregnancy(stored.record.pregnancyId);
        QCOMPARE(tab.table()->rowCount(), 1);
        QVERIFY(tab.table()->item(0, 6)->text() != stored.record.source); // marked as waiting

        CtgReview review(*stored.records, QStringLiteral("王医生"));
        QStringList asked;
        review.setSampleRequest([&asked](const QString &sha256) { asked.append(sha256); });
        QSignalSpy ready(&review, &CtgReview::ready);
        QSignalSpy fetching(&review, &CtgReview::fetching);
        QSignalSpy failed(&review, &CtgReview::failed);
        CtgViewer viewer(review);
        QSignalSpy problems(&viewer, &CtgViewer::problem);
        viewer.paper()->setDotsPerInch(96);
        viewer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&viewer));
        review.open(stored.record.meta.id);
        QCOMPARE(asked, QStringList { stored.record.dataSha256 });
        QCOMPARE(fetching.size(), 1);
        QCOMPARE(failed.size(), 0);
        auto *status = viewer.findChild<QLabel *>(QStringLiteral("ctgStatus"));
        QVERIFY(status);
        QCOMPARE(status->text(), fetching.at(0).at(0).toString());
        QVERIFY(!review.isReady());

        // Offline: the reason is shown in the viewer, not as a message box, and the trace still
        // waits for its samples.
        review.samplesNotFetched(stored.record.dataSha256, QStringLiteral("网络不通。"));
        QCOMPARE(fetching.size(), 2);
        QCOMPARE(failed.size(), 0);
        QCOMPARE(problems.size(), 0);
        QVERIFY(status->text().contains(QStringLiteral("网络不通。")));
        review.samplesStored(QString(64, QLatin1Char('0'))); // another trace's: nothing changes
        QVERIFY(!review.isReady());

        QSqlQuery keep(stored.db->connection());
        keep.prepare(QStringLiteral("INSERT INTO ctg_trace_data (sha256, bytes) VALUES (?, ?)"));
        keep.addBindValue(stored.record.dataSha256);
        keep.addBindValue(bytes);
        QVERIFY(keep.exec());
        review.samplesStored(stored.record.dataSha256);
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 60000);
        QVERIFY(review.isReady());
        QVERIFY(status->text().isEmpty());
        QCOMPARE(review.data()->trace.sampleCount(), labourTrace(1200).sampleCount());
        tab.refresh();
        QCOMPARE(tab.table()->item(0, 6)->text(), stored.record.source);
    }
};

QTEST_MAIN(TestCtgViewer)
#include "tst_ctgviewer.moc"
