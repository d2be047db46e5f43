// The Risk tab on the screens of clinic PCs, in Chinese, with the window maximised: 1366×768 at
// 100 % and 1920×1080 at 150 % (1280×720 logical). CTest runs this test once per screen, the
// offscreen platform given that screen (screen-*.json) and QT_SCALE_FACTOR. A woman with several
// risk items: no header, label, button or tab text is cut (its QFontMetrics width against the
// width it has), the evidence and layer-2 views show all their rows without a scroll bar of
// their own, and the splitters keep their sizes between runs. OBSLINK_SCREENSHOT_DIR=dir saves
// the window as it looks (docs/images/screens-risk-*.png). Every other window and dialog (the
// lists, registration and visit forms, screening and assessment forms, settings, conflicts, the
// dashboard, the CTG and DICOM viewers) opens within the screen with no text cut, no shortcut
// marker shown as text, and every cell a column cuts with its full text in the tooltip.
#include "guitesting.h"
#include "referrals-ui/referraldialog.h"
#include "referrals-ui/referralfiguresdialog.h"
#include "referrals-ui/referralworkbench.h"
#include "i18n/translations.h"
#include "testclinic.h"
#include "cases-ui/casesworkbench.h"
#include "ctg-ui/ctgreview.h"
#include "ctg-ui/ctgviewer.h"
#include "ctg-ui/ctgworkbench.h"
#include "ctg/ctgsynthesizer.h"
#include "ctgcsv.h"
#include "dicom-viewer/dicomviewer.h"
#include "dicom-viewer/ultrasoundworkbench.h"
#include "dicom/demostudywriter.h"
#include "sync-ui/centersettingsdialog.h"
#include "sync-ui/conflictdialog.h"
#include "sync-ui/syncworkbench.h"
#include "pacs-ui/pacssettingsdialog.h"
#include "workstation-ui/findingsdialog.h"
#include "workstation-ui/mainwindow.h"
#include "workstation-ui/patientchartview.h"
#include "workstation-ui/registrationdialog.h"
#include "workstation-ui/riskpanel.h"
#include "workstation-ui/screeningdialog.h"
#include "workstation-ui/visitdialog.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QDir>
#include <QSignalSpy>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QStyle>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>

namespace {
const QDate Today(2026, 11, 20);

// Yellow for her age, and items whose Chinese labels run long: hepatitis B carrier (the text
// the issue saw cut), liver disease, blood and endocrine disease, and an infection (purple).
const QStringList Findings { QStringLiteral("yellow.2.3"), QStringLiteral("orange.2.3"),
    QStringLiteral("orange.2.6"), QStringLiteral("red.1.5"), QStringLiteral("yellow.2.8"),
    QStringLiteral("purple.1") };
// The evidence table lists at least these items (age, the ticked findings); the disease
// profile at least these rows (organ systems and their conditions).
constexpr int MinimumEvidenceRows = 6;
constexpr int MinimumProfileRows = 10;

bool shown(const QWidget *widget, const QWidget *window)
{
    return widget->isVisibleTo(window) && !widget->visibleRegion().isEmpty();
}

// Space the style keeps on each side of an item's text (QCommonStyle's text margin).
int textMargin(const QWidget *view)
{
    return view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + 1;
}

// Whether text wrapped at `width` fits in `height`.
bool fitsWrapped(const QFontMetrics &fm, const QString &text, int width, int height)
{
    return fm.boundingRect(QRect(0, 0, width, 100000), Qt::TextWordWrap, text).height() <= height;
}

// What is cut on the window's visible page, one line per text.
QStringList cutTexts(QWidget *root)
{
    QStringList cut;
    for (QHeaderView *header : root->findChildren<QHeaderView *>()) {
        if (!shown(header, root) || header->orientation() != Qt::Horizontal)
            continue;
        const int margin = 2 * header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
        for (int section = 0; section < header->count(); ++section) {
            if (header->isSectionHidden(section))
                continue;
            const QString text = header->model()->headerData(section, Qt::Horizontal).toString();
            const int needed = header->fontMetrics().horizontalAdvance(text) + margin;
            if (needed > header->sectionSize(section))
                cut << QStringLiteral("header %1: %2 needs %3 px, has %4")
                           .arg(header->parent()->objectName(), text)
                           .arg(needed)
                           .arg(header->sectionSize(section));
        }
    }
    for (QLabel *label : root->findChildren<QLabel *>()) {
        if (!shown(label, root) || label->text().isEmpty() || !label->pixmap().isNull())
            continue;
        const bool fits = label->wordWrap() ? label->heightForWidth(label->width()) <= label->height()
                                            : label->sizeHint().width() <= label->width();
        if (!fits)
            cut << QStringLiteral("label %1: %2 (%3 px wide)")
                       .arg(label->objectName(), label->text())
                       .arg(label->width());
        // A shortcut marker is drawn as an underline only for a label with a buddy to go to.
        if (!label->buddy() && !Qt::mightBeRichText(label->text())
            && label->text().remove(QStringLiteral("&&")).contains(QLatin1Char('&')))
            cut << QStringLiteral("label %1 shows its shortcut marker: %2").arg(label->objectName(), label->text());
    }
    for (QGroupBox *box : root->findChildren<QGroupBox *>()) {
        const int needed = box->fontMetrics().horizontalAdvance(box->title()) + 2 * textMargin(box);
        if (shown(box, root) && needed > box->width())
            cut << QStringLiteral("group %1 needs %2 px, has %3")
                       .arg(box->title())
                       .arg(needed)
                       .arg(box->width());
    }
    // A cell too narrow for its text (elided, "消化系统疾病：肝炎病…") keeps the full text in its
    // tooltip. Views that wrap are measured by the tests of their own.
    for (QAbstractItemView *view : root->findChildren<QAbstractItemView *>()) {
        if (!shown(view, root) || !view->model() || view->property("wordWrap").toBool())
            continue;
        QStyleOptionViewItem option;
        option.initFrom(view);
        std::function<void(const QModelIndex &)> visit = [&](const QModelIndex &parent) {
            for (int row = 0; row < view->model()->rowCount(parent); ++row)
                for (int column = 0; column < view->model()->columnCount(parent); ++column) {
                    const QModelIndex index = view->model()->index(row, column, parent);
                    const QRect rect = view->visualRect(index);
                    if (!rect.intersects(view->viewport()->rect()))
                        continue;
                    const QString text = index.data().toString();
                    if (!text.isEmpty() && view->itemDelegateForIndex(index)->sizeHint(option, index).width() > rect.width()
                        && !index.data(Qt::ToolTipRole).toString().contains(text))
                        cut << QStringLiteral("cell of %1: %2 (%3 px wide, no full tooltip)")
                                   .arg(view->objectName(), text)
                                   .arg(rect.width());
                    if (column == 0 && view->model()->hasChildren(index))
                        visit(index);
                }
        };
        visit(view->rootIndex());
    }
    for (QPushButton *button : root->findChildren<QPushButton *>())
        if (shown(button, root) && button->sizeHint().width() > button->width())
            cut << QStringLiteral("button %1 needs %2 px, has %3")
                       .arg(button->text())
                       .arg(button->sizeHint().width())
                       .arg(button->width());
    return cut;
}

// Table cells whose wrapped text is taller than their row.
QStringList cutCells(QTableWidget *table)
{
    QStringList cut;
    for (int row = 0; row < table->rowCount(); ++row)
        for (int column = 0; column < table->columnCount(); ++column) {
            const QTableWidgetItem *item = table->item(row, column);
            if (!item)
                continue;
            const QRect rect = table->visualItemRect(item);
            if (!fitsWrapped(
                    table->fontMetrics(), item->text(), rect.width() - 2 * textMargin(table), rect.height()))
                cut << QStringLiteral("cell %1,%2: %3").arg(row).arg(column).arg(item->text());
            if (item->toolTip() != item->text())
                cut << QStringLiteral("cell %1,%2 has no full tooltip").arg(row).arg(column);
        }
    return cut;
}

// The disease profile's rows in order, with the cells whose wrapped text is taller than their row.
QStringList cutCells(QTreeWidget *tree, int *rows)
{
    QStringList cut;
    *rows = 0;
    std::function<void(QTreeWidgetItem *, int)> visit = [&](QTreeWidgetItem *item, int depth) {
        ++*rows;
        const QRect row = tree->visualItemRect(item);
        const bool spanned = item->isFirstColumnSpanned();
        for (int column = 0; column < (spanned ? 1 : tree->columnCount()); ++column) {
            const QString text = item->text(column);
            if (text.isEmpty())
                continue;
            int width = spanned ? tree->viewport()->width() : tree->columnWidth(column);
            if (column == 0)
                width -= depth * tree->indentation();
            const QFontMetrics fm(item->font(column));
            if (!fitsWrapped(fm, text, width - 2 * textMargin(tree), row.height()))
                cut << QStringLiteral("row %1 column %2: %3 (%4 px high)")
                           .arg(*rows)
                           .arg(column)
                           .arg(text)
                           .arg(row.height());
            if (!item->toolTip(column).startsWith(text))
                cut << QStringLiteral("row %1 column %2 has no full tooltip").arg(*rows).arg(column);
        }
        for (int i = 0; i < item->childCount(); ++i)
            visit(item->child(i), depth + 1);
    };
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        visit(tree->topLevelItem(i), 1);
    return cut;
}
// A window or dialog larger than the screen's available area, or with cut texts: one line each.
QStringList unfit(QWidget *window, const QString &name)
{
    QApplication::processEvents(); // its layout at the size it opened with
    QStringList problems;
    const QSize available = window->screen()->availableGeometry().size();
    const QSize frame = window->frameGeometry().size();
    if (frame.width() > available.width() + 1 || frame.height() > available.height() + 1)
        problems << QStringLiteral("%1 is %2x%3, the screen has %4x%5")
                        .arg(name)
                        .arg(frame.width())
                        .arg(frame.height())
                        .arg(available.width())
                        .arg(available.height());
    for (const QString &text : cutTexts(window))
        problems << name + QStringLiteral(": ") + text;
    return problems;
}

// A 20 minute non-stress test with two accelerations.
CtgTrace nonStressTest()
{
    CtgSynthesizer nst(20 * 60, 138, 13);
    nst.add({ 300, 40, 25 }).add({ 800, 40, 25 });
    return nst.build();
}
} // namespace

class TestScreenSizes : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void riskTabOfAWomanWithSeveralItemsFitsTheMaximisedWindowInChinese();
    void splittersKeepTheirSizesBetweenRuns();
    void everyChartTabShowsItsHeadersAndLabelsUncut();
    void everyWindowAndDialogFitsTheScreenWithItsTextsUncut();

private:
    void openWindow();
    QUuid registerWomanWithFindings();
    RiskPanel *openRiskTab(const QUuid &patientId);
    QString screenName() const;
    // Checks the next modal dialog of that type while it is open (unfit), adding to `problems`.
    template <typename Dialog> void checkWhenOpen(QStringList *problems, const QString &name);

    std::unique_ptr<TestClinic> m_clinic;
    std::unique_ptr<MainWindow> m_window;
    QStringList m_checked; // the screens checked by everyWindowAndDialogFitsTheScreenWithItsTextsUncut
};

void TestScreenSizes::initTestCase()
{
    // The window's sizes are kept in the test's own settings, not in the user's.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ObsLinkTest"));
    // One settings file per screen: the runs for the two screens go side by side (ctest -j), and
    // one restoring the window the other saved made splittersKeepTheirSizesBetweenRuns fail.
    QCoreApplication::setApplicationName(QStringLiteral("tst_screensizes-") + screenName());
    QVERIFY(installTranslations(QLocale(QLocale::Chinese, QLocale::China)));
    qInfo("screen %s, device pixel ratio %.2f", qPrintable(screenName()),
        qApp->primaryScreen()->devicePixelRatio());
}

void TestScreenSizes::init()
{
    QSettings().clear();
    m_clinic = std::make_unique<TestClinic>(QStringLiteral("dr-li"));
    QVERIFY2(m_clinic->isOpen(), qPrintable(m_clinic->error()));
    openWindow();
}

void TestScreenSizes::cleanup()
{
    m_window.reset();
    m_clinic.reset();
}

void TestScreenSizes::openWindow()
{
    m_window = std::make_unique<MainWindow>(m_clinic->database(), Today);
    m_window->showMaximized();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    const QRect available = m_window->screen()->availableGeometry();
    // Maximised: the frame fills the screen's available area (to a pixel rounded at 150 %).
    const auto fills = [this, available] {
        const QSize frame = m_window->frameGeometry().size();
        return std::abs(frame.width() - available.width()) <= 1
            && std::abs(frame.height() - available.height()) <= 1;
    };
    QTRY_VERIFY(fills());
}

// "1366x768-100" or "1920x1080-150": the physical screen and its scaling.
QString TestScreenSizes::screenName() const
{
    const QScreen *screen = qApp->primaryScreen();
    const qreal ratio = screen->devicePixelRatio();
    return QStringLiteral("%1x%2-%3")
        .arg(qRound(screen->geometry().width() * ratio))
        .arg(qRound(screen->geometry().height() * ratio))
        .arg(qRound(ratio * 100));
}

QUuid TestScreenSizes::registerWomanWithFindings()
{
    // 37: yellow for her age; 20 weeks, booked at 12.
    const auto woman = m_clinic->book(
        QStringLiteral("张雅静"), QDate(1989, 6, 1), Today.addDays(-20 * 7), Today.addDays(-8 * 7));
    if (!woman)
        qFatal("cannot register the test pregnancy");
    return woman->patient.meta.id;
}

RiskPanel *TestScreenSizes::openRiskTab(const QUuid &patientId)
{
    if (!m_window->openPatient(patientId))
        qFatal("cannot open the test chart");
    PatientChartView *chart = m_window->chartView();
    chart->tabs()->setCurrentWidget(chart->riskPanel());
    return chart->riskPanel();
}

void TestScreenSizes::riskTabOfAWomanWithSeveralItemsFitsTheMaximisedWindowInChinese()
{
    RiskPanel *panel = openRiskTab(registerWomanWithFindings());
    bool ticked = false;
    whenModal<FindingsDialog>([&ticked](FindingsDialog *form) {
        for (const QString &id : Findings)
            form->setTicked(id, true);
        ticked = true;
        form->accept();
    });
    QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("assessmentForm")), Qt::LeftButton);
    QVERIFY(ticked);
    panel = openRiskTab(m_window->chartView()->chart()->patient.meta.id);
    QApplication::processEvents(); // layout of the tab now shown

    auto *rules = panel->findChild<QTableWidget *>(QStringLiteral("firedRules"));
    auto *profile = panel->findChild<QTreeWidget *>(QStringLiteral("diseaseProfile"));
    QTRY_VERIFY(rules->rowCount() >= MinimumEvidenceRows);
    // Every row of the evidence shown at once: no scroll bar of its own, nothing below the view.
    QCOMPARE(rules->verticalScrollBar()->maximum(), 0);
    QVERIFY2(rules->viewport()->height() >= rules->verticalHeader()->length(),
        qPrintable(QStringLiteral("%1 of %2 px")
                       .arg(rules->viewport()->height())
                       .arg(rules->verticalHeader()->length())));
    int profileRows = 0;
    QStringList cut = cutCells(profile, &profileRows);
    QVERIFY2(profileRows >= MinimumProfileRows, qPrintable(QString::number(profileRows)));
    QCOMPARE(profile->verticalScrollBar()->maximum(), 0);
    QTreeWidgetItem *last = profile->topLevelItem(profile->topLevelItemCount() - 1);
    last = last->child(last->childCount() - 1);
    const QRect lastRow = profile->visualItemRect(last);
    QVERIFY2(lastRow.top() >= 0 && lastRow.bottom() < profile->viewport()->height(),
        qPrintable(QStringLiteral("last row %1-%2 of %3 px")
                       .arg(lastRow.top())
                       .arg(lastRow.bottom())
                       .arg(profile->viewport()->height())));
    // The hepatitis B carrier's full label, not "消化系统疾病：肝炎病…".
    QVERIFY(!profile
                 ->findItems(
                     QStringLiteral("消化系统疾病：肝炎病毒携带"), Qt::MatchStartsWith | Qt::MatchRecursive)
                 .isEmpty());

    cut << cutCells(rules) << cutTexts(m_window->chartView());
    // The chart's tabs all shown with their full names, none behind scroll arrows.
    QTabBar *tabs = m_window->chartView()->tabs()->tabBar();
    for (int i = 0; i < tabs->count(); ++i)
        if (!tabs->rect().contains(tabs->tabRect(i)))
            cut << QStringLiteral("tab %1 outside the tab bar").arg(tabs->tabText(i));
    saveScreenshot(m_window.get(), QStringLiteral("screens-risk-%1").arg(screenName()));
    QVERIFY2(cut.isEmpty(), qPrintable(cut.join(QLatin1Char('\n'))));
}

void TestScreenSizes::splittersKeepTheirSizesBetweenRuns()
{
    openRiskTab(registerWomanWithFindings());
    auto *main = m_window->findChild<QSplitter *>(QStringLiteral("mainSplitter"));
    auto *layers = m_window->findChild<QSplitter *>(QStringLiteral("riskLayers"));
    QApplication::processEvents();
    const int mainTotal = main->sizes().value(0) + main->sizes().value(1);
    const int layersTotal = layers->sizes().value(0) + layers->sizes().value(1);
    main->setSizes({ mainTotal / 3, mainTotal - mainTotal / 3 });
    layers->setSizes({ layersTotal * 2 / 5, layersTotal - layersTotal * 2 / 5 });
    QApplication::processEvents(); // the sizes as the boxes' minimum widths allow
    const QList<int> mainSizes = main->sizes();
    const QList<int> layersSizes = layers->sizes();
    QVERIFY(mainSizes.value(0) * 5 < mainTotal * 2); // a third, not the default 620 to 780
    QVERIFY(layersSizes.value(0) < layersSizes.value(1)); // not the defaults: 1 to 1
    m_window->close();
    m_window.reset();

    openWindow();
    openRiskTab(registerWomanWithFindings());
    QApplication::processEvents();
    QTRY_COMPARE(m_window->findChild<QSplitter *>(QStringLiteral("mainSplitter"))->sizes(), mainSizes);
    QTRY_COMPARE(m_window->findChild<QSplitter *>(QStringLiteral("riskLayers"))->sizes(), layersSizes);
}

void TestScreenSizes::everyChartTabShowsItsHeadersAndLabelsUncut()
{
    openRiskTab(registerWomanWithFindings());
    QTabWidget *tabs = m_window->chartView()->tabs();
    QStringList cut;
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        QApplication::processEvents();
        for (const QString &text : cutTexts(m_window->chartView()))
            cut << tabs->tabText(i) + QStringLiteral(": ") + text;
    }
    QVERIFY2(cut.isEmpty(), qPrintable(cut.join(QLatin1Char('\n'))));
}

template <typename Dialog> void TestScreenSizes::checkWhenOpen(QStringList *problems, const QString &name)
{
    whenModal<Dialog>([problems, name, this](Dialog *dialog) {
        m_checked << name;
        *problems << unfit(dialog, name);
        saveScreenshot(dialog, QStringLiteral("screens-%1-%2").arg(name, screenName()));
    });
}

// Every other screen a clinician opens from the main window, each at the size it opens with:
// inside the screen, nothing cut. Modal dialogs are checked while open.
void TestScreenSizes::everyWindowAndDialogFitsTheScreenWithItsTextsUncut()
{
    QStringList problems;
    const auto checkWindow = [&problems, this](QWidget *window, const QString &name) {
        QVERIFY(window && window->isVisible());
        m_checked << name;
        problems << unfit(window, name);
        saveScreenshot(window, QStringLiteral("screens-%1-%2").arg(name, screenName()));
    };

    // The two lists beside the chart.
    for (int i = 0; i < m_window->navigation()->count(); ++i) {
        m_window->navigation()->setCurrentIndex(i);
        checkWindow(m_window.get(), QStringLiteral("navigation-%1").arg(i));
    }
    m_window->navigation()->setCurrentIndex(1);
    m_window->worklistTabs()->setCurrentIndex(1);
    checkWindow(m_window.get(), QStringLiteral("worklist-referrals"));
    m_window->worklistTabs()->setCurrentIndex(0);
    m_window->navigation()->setCurrentIndex(0);

    checkWhenOpen<RegistrationDialog>(&problems, QStringLiteral("registration"));
    m_window->registerPregnancy();

    const QUuid woman = registerWomanWithFindings();
    RiskPanel *risk = openRiskTab(woman);
    checkWhenOpen<FindingsDialog>(&problems, QStringLiteral("assessment-form"));
    QTest::mouseClick(risk->findChild<QPushButton *>(QStringLiteral("assessmentForm")), Qt::LeftButton);
    checkWhenOpen<ScreeningDialog>(&problems, QStringLiteral("screening-form"));
    QTest::mouseClick(risk->findChild<QPushButton *>(QStringLiteral("screeningForm")), Qt::LeftButton);
    checkWhenOpen<VisitDialog>(&problems, QStringLiteral("visit"));
    m_window->chartView()->addVisit();
    checkWhenOpen<ReferralDialog>(&problems, QStringLiteral("referral-form"));
    m_window->referrals()->newReferral();
    checkWhenOpen<ReferralFiguresDialog>(&problems, QStringLiteral("referral-figures"));
    m_window->referrals()->showFigures();

    checkWhenOpen<CenterSettingsDialog>(&problems, QStringLiteral("center-settings"));
    m_window->sync()->openSettings();
    checkWhenOpen<PacsSettingsDialog>(&problems, QStringLiteral("pacs-settings"));
    m_window->findChild<QAction *>(QStringLiteral("pacsSettings"))->trigger();
    checkWhenOpen<ConflictDialog>(&problems, QStringLiteral("conflicts"));
    m_window->sync()->openConflicts();

    m_window->cases()->showDashboard();
    checkWindow(m_window->findChild<QWidget *>(QStringLiteral("dashboard")), QStringLiteral("dashboard"));

    // Her trace in the CTG viewer.
    const QTemporaryDir files;
    const QString tracePath = QDir(files.path()).filePath(QStringLiteral("nst.csv"));
    QVERIFY(writeCtgCsv(tracePath, nonStressTest(), QDateTime(Today, QTime(9, 50))));
    QSignalSpy imported(m_window->ctg(), &CtgWorkbench::imported);
    m_window->ctg()->importFile(tracePath, {}, QDateTime(Today, QTime(9, 30)));
    QVERIFY(imported.wait(60000));
    CtgViewer *ctgViewer = m_window->ctg()->openTrace(imported.first().first().toUuid());
    QTRY_VERIFY_WITH_TIMEOUT(ctgViewer->review().isReady(), 60000);
    checkWindow(ctgViewer, QStringLiteral("ctg-viewer"));
    ctgViewer->close();

    // A scan in the DICOM viewer.
    DemoStudy study;
    study.patientName = QStringLiteral("Zhang^Yajing");
    study.studyDate = Today;
    const auto scan = DemoStudyWriter::write(study, files.path());
    QVERIFY(scan);
    m_window->ultrasound()->openFiles(*scan);
    DicomViewer *dicomViewer = m_window->ultrasound()->viewer();
    QTRY_COMPARE(dicomViewer->shownFrame(), 0);
    checkWindow(dicomViewer, QStringLiteral("dicom-viewer"));
    dicomViewer->close();

    // Each dialog was open while checked (none failed to open or was another).
    QCOMPARE(m_checked,
        QStringList({ QStringLiteral("navigation-0"), QStringLiteral("navigation-1"), QStringLiteral("worklist-referrals"),
            QStringLiteral("registration"), QStringLiteral("assessment-form"), QStringLiteral("screening-form"),
            QStringLiteral("visit"), QStringLiteral("referral-form"), QStringLiteral("referral-figures"),
            QStringLiteral("center-settings"), QStringLiteral("pacs-settings"), QStringLiteral("conflicts"),
            QStringLiteral("dashboard"), QStringLiteral("ctg-viewer"), QStringLiteral("dicom-viewer") }));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

QTEST_MAIN(TestScreenSizes)
#include "tst_screensizes.moc"
