#include "dicom-viewer/dicomviewer.h"

#include "dicom-viewer/biometrypanel.h"
#include "dicom-viewer/dicomimageview.h"
#include "dicom-viewer/machinereportpanel.h"
#include "dicom-viewer/seriesbrowser.h"
#include "dicom-viewer/tagbrowser.h"
#include "dicom/dicomfile.h"
#include "dicom/dicomtagtree.h"
#include "dicom/frameloader.h"
#include "dicom/structuredreport.h"
#include "ui-common/screenfit.h"

#include <QActionGroup>
#include <QComboBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QPushButton>
#include <QSlider>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QVBoxLayout>

namespace {
// Frames decoded ahead of the one shown, so that playback reads from the cache.
constexpr int PrefetchFrames = 12;
constexpr double AssumedFrameTimeMs = 1000.0 / 30;

QString personName(const QString &dicomName)
{
    // Family^Given=Ideographic…: the ideographic form (Chinese characters) first when present.
    const QStringList groups = dicomName.split(QLatin1Char('='));
    const QString chosen = groups.size() > 1 && !groups[1].trimmed().isEmpty() ? groups[1] : groups[0];
    QStringList parts = chosen.split(QLatin1Char('^'));
    parts.removeAll(QString());
    return parts.join(QLatin1Char(' ')).trimmed();
}

QString dicomDate(const QString &yyyymmdd)
{
    const QDate date = QDate::fromString(yyyymmdd, QStringLiteral("yyyyMMdd"));
    return date.isValid() ? QLocale().toString(date, QLocale::ShortFormat) : yyyymmdd;
}
} // namespace

DicomViewer::DicomViewer(QWidget *parent)
    : QMainWindow(parent)
    , m_player(new CinePlayer(this))
    , m_view(new DicomImageView(this))
    , m_tags(new TagBrowser(this))
    , m_series(new SeriesBrowser(this))
    , m_biometry(new BiometryPanel(this))
    , m_machineReport(new MachineReportPanel(this))
    , m_status(new QLabel(this))
{
    setWindowTitle(tr("DICOM ultrasound viewer"));
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_view, 1);
    layout->addWidget(buildCineBar());
    setCentralWidget(central);

    auto *seriesDock = new QDockWidget(tr("Studies and series"), this);
    seriesDock->setObjectName(QStringLiteral("seriesDock"));
    seriesDock->setWidget(m_series);
    addDockWidget(Qt::LeftDockWidgetArea, seriesDock);
    auto *biometryDock = new QDockWidget(tr("Fetal biometry"), this);
    biometryDock->setObjectName(QStringLiteral("biometryDock"));
    biometryDock->setWidget(m_biometry);
    m_biometry->setMinimumWidth(340);
    addDockWidget(Qt::RightDockWidgetArea, biometryDock);
    auto *tagDock = new QDockWidget(tr("DICOM tags"), this);
    tagDock->setObjectName(QStringLiteral("tagDock"));
    tagDock->setWidget(m_tags);
    addDockWidget(Qt::RightDockWidgetArea, tagDock);
    m_machineReportDock = new QDockWidget(tr("Machine's measurements"), this);
    m_machineReportDock->setObjectName(QStringLiteral("machineReportDock"));
    m_machineReportDock->setWidget(m_machineReport);
    addDockWidget(Qt::RightDockWidgetArea, m_machineReportDock);
    tabifyDockWidget(biometryDock, m_machineReportDock);
    tabifyDockWidget(biometryDock, tagDock);
    biometryDock->raise();

    m_status->setWordWrap(true);
    statusBar()->addWidget(m_status, 1);
    buildActions();

    connect(m_player, &CinePlayer::frameChanged, this, &DicomViewer::showFrame);
    connect(m_player, &CinePlayer::playingChanged, this, &DicomViewer::updateCineBar);
    connect(m_series, &SeriesBrowser::fileActivated, this, [this](const QString &path) {
        if (path != currentPath())
            openFile(path);
    });
    connect(m_view, &DicomImageView::windowLevelChanged, this, &DicomViewer::updateCorners);
    connect(m_view, &DicomImageView::zoomChanged, this, &DicomViewer::updateCorners);
    connect(m_view, &DicomImageView::measurementRefused, this, &DicomViewer::showMessage);
    connect(m_view, &DicomImageView::measurementAdded, this, [this](const ViewerMeasurement &m) {
        showMessage(m.label());
        m_biometry->takeMeasurement(m);
    });
    connect(m_biometry, &BiometryPanel::measureChosen, this, [this](std::optional<BiometryMeasure> measure) {
        m_view->setPendingBiometry(measure);
        if (measure)
            showMessage(tr("Draw %1 inside the calibrated area (dashed outline).")
                            .arg(BiometryMeasures::name(*measure)));
        m_view->setFocus();
    });
    connect(m_biometry, &BiometryPanel::problem, this, &DicomViewer::showMessage);
    connect(m_machineReport, &MachineReportPanel::accepted, this, [this, biometryDock](const MachineFetus &fetus, const QString &source) {
        m_biometry->acceptMachineBiometry(fetus, source);
        biometryDock->raise();
        showMessage(tr("The machine's values are in the biometry panel: check them, then save to the pregnancy."));
    });
    connect(m_biometry, &BiometryPanel::recordChanged, this, &DicomViewer::recordChanged);
    ScreenFit::resize(this, QSize(1400, 900));
}

DicomViewer::~DicomViewer() = default;

QWidget *DicomViewer::buildCineBar()
{
    auto *bar = new QWidget(this);
    m_play = new QPushButton(bar);
    m_play->setShortcut(Qt::Key_Space);
    m_slider = new QSlider(Qt::Horizontal, bar);
    m_frameLabel = new QLabel(bar);
    m_speed = new QComboBox(bar);
    for (double speed : { 0.25, 0.5, 1.0, 1.5, 2.0 })
        m_speed->addItem(tr("%1×").arg(QLocale().toString(speed)), speed);
    m_speed->setCurrentIndex(2);
    m_speed->setToolTip(tr("Playback speed, relative to the rate the machine acquired"));
    m_rateLabel = new QLabel(bar);
    auto *layout = new QHBoxLayout(bar);
    layout->addWidget(m_play);
    layout->addWidget(m_slider, 1);
    layout->addWidget(m_frameLabel);
    layout->addWidget(new QLabel(tr("Speed:"), bar));
    layout->addWidget(m_speed);
    layout->addWidget(m_rateLabel);
    connect(m_play, &QPushButton::clicked, m_player, &CinePlayer::togglePlaying);
    connect(m_slider, &QSlider::valueChanged, this, [this](int value) {
        if (value != m_player->currentFrame())
            m_player->seek(value);
    });
    connect(m_speed, &QComboBox::currentIndexChanged, this, [this] {
        m_player->setSpeed(m_speed->currentData().toDouble());
        updateCineBar();
    });
    updateCineBar();
    return bar;
}

void DicomViewer::buildActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open DICOM files…"), this, &DicomViewer::openFileDialog);
    open->setShortcut(QKeySequence::Open);
    file->addAction(tr("Open a &folder…"), this, &DicomViewer::openFolderDialog);
    file->addSeparator();
    file->addAction(tr("&Close viewer"), QKeySequence::Close, this, &QWidget::close);

    QToolBar *tools = addToolBar(tr("Tools"));
    tools->setObjectName(QStringLiteral("viewerTools"));
    tools->setToolButtonStyle(Qt::ToolButtonTextOnly);
    tools->addAction(open);
    QAction *report = file->addAction(tr("&Report…"), this, &DicomViewer::reportRequested);
    report->setObjectName(QStringLiteral("reportAction"));
    report->setToolTip(tr("Write and sign the ultrasound report of this study"));
    tools->addAction(report);
    tools->addSeparator();
    auto *toolGroup = new QActionGroup(this);
    const struct
    {
        QString text;
        QString tip;
        DicomImageView::Tool tool;
        QKeySequence key;
    } toolDefs[] = {
        { tr("Window/level"),
            tr("Drag: left/right changes contrast, up/down brightness (right button always)"),
            DicomImageView::Tool::WindowLevel, QKeySequence(Qt::Key_W) },
        { tr("Pan"), tr("Drag to move the image (middle button always); wheel zooms"),
            DicomImageView::Tool::Pan, QKeySequence(Qt::Key_P) },
        { tr("Distance"), tr("Drag from one calliper to the other"), DicomImageView::Tool::Distance,
            QKeySequence(Qt::Key_D) },
        { tr("Ellipse"), tr("Drag along one axis, move to fit the outline, click: circumference and area"),
            DicomImageView::Tool::Ellipse, QKeySequence(Qt::Key_E) },
    };
    QMenu *toolMenu = menuBar()->addMenu(tr("&Tools"));
    for (const auto &def : toolDefs) {
        QAction *action = toolGroup->addAction(def.text);
        action->setCheckable(true);
        action->setToolTip(
            QStringLiteral("%1 (%2)").arg(def.tip, def.key.toString(QKeySequence::NativeText)));
        action->setShortcut(def.key);
        action->setChecked(def.tool == DicomImageView::Tool::WindowLevel);
        const auto tool = def.tool;
        connect(action, &QAction::triggered, this, [this, tool] { m_view->setTool(tool); });
        tools->addAction(action);
        toolMenu->addAction(action);
    }
    toolMenu->addSeparator();
    toolMenu->addAction(tr("&Clear measurements"), m_view, &DicomImageView::clearMeasurements);
    connect(m_biometry, &BiometryPanel::measureChosen, this, [toolGroup](std::optional<BiometryMeasure> m) {
        if (!m)
            return;
        const bool ellipse = BiometryMeasures::drawing(*m) == BiometryMeasures::Drawing::Ellipse;
        toolGroup->actions().at(ellipse ? 3 : 2)->setChecked(true);
    });

    tools->addSeparator();
    auto *presets = new QComboBox(this);
    presets->setToolTip(tr("Window/level presets"));
    for (const WindowLevel::Preset &preset : WindowLevel::presets())
        presets->addItem(preset.name);
    connect(presets, &QComboBox::activated, this, [this](int index) {
        const auto preset = WindowLevel::presets().at(index);
        m_view->setWindowLevel(WindowLevel { preset.centre, preset.width });
    });
    tools->addWidget(presets);
    // The preset box names the window/level shown, and nothing once it has been dragged away.
    connect(m_view, &DicomImageView::windowLevelChanged, presets, [presets](const WindowLevel &shown) {
        const auto all = WindowLevel::presets();
        int match = -1;
        for (int i = 0; i < all.size(); ++i)
            if (WindowLevel { all[i].centre, all[i].width } == shown)
                match = i;
        presets->setCurrentIndex(match);
    });
    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *reset = view->addAction(tr("&Reset window/level"), this, [this, presets] {
        m_view->setWindowLevel({});
        presets->setCurrentIndex(0);
    });
    reset->setShortcut(Qt::Key_R);
    tools->addAction(reset);
    QAction *invert = view->addAction(tr("&Invert"));
    invert->setCheckable(true);
    invert->setShortcut(Qt::Key_I);
    connect(invert, &QAction::toggled, m_view, &DicomImageView::setInverted);
    tools->addAction(invert);
    tools->addSeparator();
    QAction *fit = view->addAction(tr("&Fit to window"), m_view, &DicomImageView::fitToWindow);
    fit->setShortcut(Qt::Key_F);
    QAction *actual = view->addAction(tr("&1:1 (actual pixels)"), m_view, &DicomImageView::showActualSize);
    actual->setShortcut(Qt::Key_1);
    QAction *zoomIn
        = view->addAction(tr("Zoom &in"), this, [this] { m_view->zoomBy(1.25, m_view->rect().center()); });
    zoomIn->setShortcut(QKeySequence::ZoomIn);
    QAction *zoomOut
        = view->addAction(tr("Zoom &out"), this, [this] { m_view->zoomBy(0.8, m_view->rect().center()); });
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    tools->addAction(fit);
    tools->addAction(actual);

    QMenu *cine = menuBar()->addMenu(tr("&Cine"));
    cine->addAction(tr("&Play / pause"), m_player, &CinePlayer::togglePlaying);
    const auto stepAction = [this, cine](const QString &text, const QKeySequence &key, auto slot) {
        QAction *action = cine->addAction(text, this, slot);
        action->setShortcut(key);
        // Arrow keys step frames while the image or the cine bar has focus; lists keep theirs.
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        centralWidget()->addAction(action);
    };
    stepAction(tr("&Next frame"), QKeySequence(Qt::Key_Right), [this] { m_player->step(1); });
    stepAction(tr("P&revious frame"), QKeySequence(Qt::Key_Left), [this] { m_player->step(-1); });
    stepAction(
        tr("&First frame"), QKeySequence(Qt::Key_Home), [this] { m_player->pause(), m_player->seek(0); });
    stepAction(tr("&Last frame"), QKeySequence(Qt::Key_End),
        [this] { m_player->pause(), m_player->seek(m_player->frameCount() - 1); });
}

void DicomViewer::openFiles(const QStringList &paths)
{
    m_series->showFiles(paths);
    for (const QString &path : paths) {
        if (openFile(path))
            return;
    }
}

void DicomViewer::openFolder(const QString &folder)
{
    m_series->showFolder(folder);
    // The first image once the folder has been read.
    connect(
        m_series, &SeriesBrowser::scanFinished, this,
        [this] {
            const QStringList files = m_series->files();
            if (!files.isEmpty() && currentPath().isEmpty())
                openFile(files.first());
            // The machine's measurements of the study, if it sent them, are ready to accept.
            const QStringList reports = m_series->structuredReports();
            if (!reports.isEmpty())
                openStructuredReport(reports.first());
        },
        Qt::SingleShotConnection);
}

Result<void> DicomViewer::openStructuredReport(const QString &path)
{
    auto shown = m_machineReport->showReport(path);
    if (!shown) {
        showMessage(shown.error().message);
        return shown;
    }
    const MachineBiometry &biometry = m_machineReport->biometry();
    m_biometry->startExam(QDate::fromString(biometry.studyDate, QStringLiteral("yyyyMMdd")), biometry.studyInstanceUid,
        biometry.patientId);
    m_machineReportDock->show();
    m_machineReportDock->raise();
    return {};
}

Result<void> DicomViewer::openFile(const QString &path)
{
    auto opened = DicomFile::open(path);
    if (opened && StructuredReportReader::isStructuredReportSopClass((*opened)->info().sopClassUid))
        return openStructuredReport(path);
    if (opened) {
        if (auto usable = (*opened)->checkPixelData(); !usable)
            opened = tl::unexpected(usable.error());
    }
    if (!opened) {
        showMessage(opened.error().message);
        return tl::unexpected(opened.error());
    }
    m_player->pause();
    m_file = *opened;
    m_loader = std::make_unique<FrameLoader>(m_file);
    connect(m_loader.get(), &FrameLoader::frameReady, this, [this](int frame, const QImage &image) {
        if (frame == m_awaitedFrame)
            display(frame, image);
    });
    connect(m_loader.get(), &FrameLoader::frameFailed, this,
        [this](int, const QString &, const QString &message) { showMessage(message); });
    const DicomInfo &info = m_file->info();
    m_view->setDicomInfo(info);
    auto tree = DicomTagTree::read(path);
    m_tagTree = tree ? *tree : QList<DicomTagNode> {};
    m_tags->setTree(m_tagTree);
    // The acquired rate: Frame Time (0018,1063), else Cine Rate (0018,0040), else 30 fps assumed.
    double frameTime = AssumedFrameTimeMs;
    if (info.frameTimeMs && *info.frameTimeMs > 0) {
        frameTime = *info.frameTimeMs;
        m_frameTimeSource = tr("Frame Time");
    } else if (info.cineRate && *info.cineRate > 0) {
        frameTime = 1000.0 / *info.cineRate;
        m_frameTimeSource = tr("Cine Rate");
    } else {
        m_frameTimeSource = tr("rate not in the file, 30 fps assumed");
    }
    m_shownFrame = -1;
    m_slider->setRange(0, info.frames - 1);
    m_player->setLoop(info.frames, frameTime);
    m_player->setSpeed(m_speed->currentData().toDouble());
    showFrame(0);
    m_biometry->startExam(
        QDate::fromString(info.studyDate, QStringLiteral("yyyyMMdd")), info.studyInstanceUid, info.patientId);
    m_series->select(path);
    setWindowTitle(tr("%1 — DICOM ultrasound viewer").arg(QFileInfo(path).fileName()));
    showMessage(info.ultrasoundRegions.isEmpty() && !info.pixelSpacingRowMm
            ? tr("This image carries no calibration: it can be viewed but not measured.")
            : QString());
    updateCineBar();
    updateCorners();
    return {};
}

void DicomViewer::setRecordLink(UltrasoundExamRecords *records, const QUuid &pregnancyId,
    const QString &womanLabel, const QString &womanId)
{
    m_biometry->setRecordLink(records, pregnancyId, womanLabel, womanId);
}

QString DicomViewer::currentPath() const
{
    return m_file ? m_file->path() : QString();
}

QString DicomViewer::statusMessage() const
{
    return m_status->text();
}

void DicomViewer::showFrame(int frame)
{
    if (!m_loader)
        return;
    if (auto cached = m_loader->cachedFrame(frame)) {
        display(frame, *cached);
    } else {
        m_awaitedFrame = frame;
        m_loader->request(frame);
    }
    if (m_player->frameCount() > 1)
        m_loader->prefetch((frame + 1) % m_player->frameCount(), PrefetchFrames);
    const QSignalBlocker blocker(m_slider);
    m_slider->setValue(frame);
    updateCineBar();
}

void DicomViewer::display(int frame, const QImage &image)
{
    m_awaitedFrame = -1;
    m_shownFrame = frame;
    m_view->setFrame(image);
    updateCorners();
    emit frameShown(frame);
}

void DicomViewer::updateCineBar()
{
    const bool cine = m_player->frameCount() > 1;
    m_play->setEnabled(cine);
    m_play->setIcon(
        style()->standardIcon(m_player->isPlaying() ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_play->setText(m_player->isPlaying() ? tr("Pause") : tr("Play"));
    m_play->setToolTip(tr("Play or pause the loop (Space); ← → step one frame"));
    m_slider->setEnabled(cine);
    m_speed->setEnabled(cine);
    m_frameLabel->setText(tr("Frame %1 / %2").arg(m_player->currentFrame() + 1).arg(m_player->frameCount()));
    m_rateLabel->setText(cine
            ? tr("%1 fps (%2)")
                  .arg(QLocale().toString(m_player->framesPerSecond(), 'f', 1), m_frameTimeSource)
            : QString());
}

void DicomViewer::updateCorners()
{
    if (!m_file)
        return;
    const DicomInfo &info = m_file->info();
    const QLocale locale;
    m_view->setCornerText(Qt::TopLeftCorner,
        QStringLiteral("%1\n%2").arg(personName(info.patientName), tr("ID %1").arg(info.patientId)));
    const auto tag
        = [this](quint16 group, quint16 element) { return DicomTagTree::valueOf(m_tagTree, group, element); };
    QStringList study { tag(0x0008, 0x0080), tr("Study %1").arg(dicomDate(info.studyDate)),
        tag(0x0008, 0x1030) };
    study.removeAll(QString());
    m_view->setCornerText(Qt::TopRightCorner, study.join(QLatin1Char('\n')));
    QStringList series { tag(0x0008, 0x103E),
        tag(0x0020, 0x0011).isEmpty() ? QString() : tr("Series %1").arg(tag(0x0020, 0x0011)),
        tag(0x0020, 0x0013).isEmpty() ? QString() : tr("Image %1").arg(tag(0x0020, 0x0013)),
        info.frames > 1 ? tr("Frame %1 / %2").arg(m_shownFrame + 1).arg(info.frames) : tr("Single frame") };
    series.removeAll(QString());
    m_view->setCornerText(Qt::BottomLeftCorner, series.join(QLatin1Char('\n')));
    QString calibration;
    if (!info.ultrasoundRegions.isEmpty())
        calibration = tr("Measurable inside the dashed area");
    else if (info.pixelSpacingRowMm)
        calibration = tr("Measured by Pixel Spacing (no ultrasound region)");
    else
        calibration = tr("Not calibrated: no measurements");
    const WindowLevel wl = m_view->windowLevel();
    m_view->setCornerText(Qt::BottomRightCorner,
        QStringLiteral("%1\n%2\n%3")
            .arg(tr("W %1 L %2").arg(locale.toString(wl.width, 'f', 0), locale.toString(wl.centre, 'f', 0)),
                tr("Zoom %1%").arg(locale.toString(m_view->zoom() * 100, 'f', 0)), calibration));
}

void DicomViewer::openFileDialog()
{
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Open DICOM files"), {}, tr("DICOM files (*.dcm *.DCM *);;All files (*)"));
    if (!paths.isEmpty())
        openFiles(paths);
}

void DicomViewer::openFolderDialog()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open a folder of DICOM files"));
    if (!folder.isEmpty())
        openFolder(folder);
}

void DicomViewer::showMessage(const QString &message)
{
    m_status->setText(message);
}
