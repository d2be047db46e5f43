#include "dicom-viewer/ultrasoundworkbench.h"

#include "dicom-viewer/dicomviewer.h"
#include "dicom-viewer/ultrasoundexamsview.h"
#include "ultrasound-exams/ultrasoundexamrecords.h"

#include <QFileDialog>
#include <QMainWindow>
#include <QMenu>

UltrasoundWorkbench::UltrasoundWorkbench(QMainWindow *window, QMenu *fileMenu, const Database &database)
    : QObject(window)
    , m_window(window)
    , m_records(std::make_unique<UltrasoundExamRecords>(database))
    , m_examsView(new UltrasoundExamsView(window))
{
    QAction *open = fileMenu->addAction(tr("Open &DICOM…"), this, &UltrasoundWorkbench::chooseFiles);
    open->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    open->setToolTip(tr("View ultrasound images; with a chart open, biometry is saved to her pregnancy"));
    connect(m_examsView, &UltrasoundExamsView::openFilesRequested, this, &UltrasoundWorkbench::chooseFiles);
    connect(m_examsView, &UltrasoundExamsView::openFolderRequested, this, &UltrasoundWorkbench::chooseFolder);
    connect(this, &UltrasoundWorkbench::recordChanged, m_examsView, &UltrasoundExamsView::refresh);
}

UltrasoundWorkbench::~UltrasoundWorkbench()
{
    delete m_viewer; // before the records it writes to
}

void UltrasoundWorkbench::setPregnancy(
    const QUuid &pregnancyId, const QString &womanLabel, const QString &womanId)
{
    m_pregnancyId = pregnancyId;
    m_womanLabel = womanLabel;
    m_womanId = womanId;
    m_examsView->showPregnancy(m_records.get(), pregnancyId);
    if (m_viewer)
        m_viewer->setRecordLink(
            pregnancyId.isNull() ? nullptr : m_records.get(), pregnancyId, womanLabel, womanId);
}

DicomViewer *UltrasoundWorkbench::viewer()
{
    if (!m_viewer) {
        // A window of its own (no parent) so that it can sit on a second screen; deleted with
        // the workbench.
        m_viewer = new DicomViewer;
        m_viewer->setAttribute(Qt::WA_DeleteOnClose, false);
        connect(m_viewer, &DicomViewer::recordChanged, this, &UltrasoundWorkbench::recordChanged);
        m_viewer->setRecordLink(
            m_pregnancyId.isNull() ? nullptr : m_records.get(), m_pregnancyId, m_womanLabel, m_womanId);
    }
    return m_viewer;
}

void UltrasoundWorkbench::openFiles(const QStringList &paths)
{
    DicomViewer *shown = viewer();
    shown->openFiles(paths);
    shown->show();
    shown->raise();
    shown->activateWindow();
}

void UltrasoundWorkbench::chooseFiles()
{
    const QStringList paths = QFileDialog::getOpenFileNames(
        m_window, tr("Open DICOM files"), {}, tr("DICOM files (*.dcm *.DCM *);;All files (*)"));
    if (!paths.isEmpty())
        openFiles(paths);
}

void UltrasoundWorkbench::chooseFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(m_window, tr("Open a folder of DICOM files"));
    if (folder.isEmpty())
        return;
    DicomViewer *shown = viewer();
    shown->openFolder(folder);
    shown->show();
    shown->raise();
}
