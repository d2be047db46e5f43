#include "dicom-viewer/ultrasoundworkbench.h"

#include "dicom-viewer/biometrypanel.h"
#include "dicom-viewer/dicomviewer.h"
#include "dicom-viewer/fetalgrowthpanel.h"
#include "dicom-viewer/ultrasoundexamsview.h"
#include "dicom-viewer/ultrasoundreportform.h"
#include "storage/database.h"
#include "ultrasound-exams/ultrasoundexamrecords.h"
#include "ultrasound-exams/ultrasoundreportrepository.h"

#include <QFileDialog>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>

UltrasoundWorkbench::UltrasoundWorkbench(QMainWindow *window, QMenu *fileMenu, const Database &database)
    : QObject(window)
    , m_window(window)
    , m_database(database)
    , m_records(std::make_unique<UltrasoundExamRecords>(database))
    , m_reports(std::make_unique<UltrasoundReportRepository>(database))
    , m_examsView(new UltrasoundExamsView(window))
{
    m_examsView->setReports(m_reports.get());
    connect(m_examsView, &UltrasoundExamsView::reportOpenRequested, this,
        [this](const QUuid &id) { openReport(id); });
    connect(this, &UltrasoundWorkbench::reportsChanged, m_examsView, &UltrasoundExamsView::refresh);
    QAction *open = fileMenu->addAction(tr("Open &DICOM…"), this, &UltrasoundWorkbench::chooseFiles);
    open->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    open->setToolTip(tr("View ultrasound images; with a chart open, biometry is saved to her pregnancy"));
    connect(m_examsView, &UltrasoundExamsView::openFilesRequested, this, &UltrasoundWorkbench::chooseFiles);
    connect(m_examsView, &UltrasoundExamsView::openFolderRequested, this, &UltrasoundWorkbench::chooseFolder);
    connect(this, &UltrasoundWorkbench::recordChanged, m_examsView, &UltrasoundExamsView::refresh);
    connect(m_examsView->growth(), &FetalGrowthPanel::assessmentChanged, this,
        &UltrasoundWorkbench::growthFindingsChanged);
}

QList<UltrasoundWorkbench::Evidence> UltrasoundWorkbench::gradingEvidence() const
{
    QList<Evidence> evidence;
    if (m_pregnancyId.isNull())
        return evidence;
    for (const GrowthFinding &f : m_examsView->growth()->assessment().current())
        evidence.append({ f.item(), f.evidence() });
    return evidence;
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
        connect(m_viewer, &DicomViewer::reportRequested, this, [this] {
            const BiometryPanel *panel = m_viewer->biometryPanel();
            if (!openReport(panel->exam(), {}, panel->machineAfiCm()))
                QMessageBox::information(m_viewer, tr("Ultrasound report"),
                    tr("Open her chart first: a report is written for a pregnancy."));
        });
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

UltrasoundReportForm *UltrasoundWorkbench::openReport(
    const UltrasoundExam &exam, const QString &studyDescription, std::optional<double> machineAfiCm)
{
    if (m_pregnancyId.isNull() || exam.studyInstanceUid.isEmpty())
        return nullptr;
    UltrasoundReport report = UltrasoundReport::fromExam(exam);
    report.pregnancyId = m_pregnancyId;
    report.afiCm = machineAfiCm;
    if (!report.examDate.isValid())
        report.examDate = QDate::currentDate();
    // The study's newest report (a signed one opens read-only, to print or amend).
    if (auto existing = m_reports->forStudy(exam.studyInstanceUid); existing && !existing->isEmpty())
        report = existing->first();
    return showReport(report, studyDescription);
}

UltrasoundReportForm *UltrasoundWorkbench::openReportForStudy(
    const QString &studyUid, const QDate &studyDate, const QString &patientId, const QString &description)
{
    if (m_pregnancyId.isNull() || patientId.isEmpty()
        || patientId.compare(m_womanId, Qt::CaseInsensitive) != 0)
        return nullptr;
    UltrasoundExam exam;
    exam.pregnancyId = m_pregnancyId;
    exam.studyInstanceUid = studyUid;
    exam.examDate = studyDate;
    if (auto exams = m_records->forPregnancy(m_pregnancyId)) {
        const auto measured = std::find_if(exams->begin(), exams->end(),
            [&](const UltrasoundExam &e) { return e.studyInstanceUid == studyUid; });
        if (measured != exams->end())
            exam = *measured;
    }
    return openReport(exam, description);
}

UltrasoundReportForm *UltrasoundWorkbench::openReport(const QUuid &reportId)
{
    auto reports = m_reports->forPregnancy(m_pregnancyId);
    if (!reports)
        return nullptr;
    for (const UltrasoundReport &r : std::as_const(*reports))
        if (r.meta.id == reportId)
            return showReport(r, {});
    return nullptr;
}

QSet<QString> UltrasoundWorkbench::reportedStudies() const
{
    return m_reports->signedStudies().value_or(QSet<QString> {});
}

UltrasoundReportForm *UltrasoundWorkbench::showReport(
    const UltrasoundReport &report, const QString &studyDescription)
{
    const UltrasoundReportPdf::Heading heading { m_database.identity().clinicId, m_womanLabel, m_womanId,
        studyDescription.isEmpty() ? tr("Obstetric ultrasound") : studyDescription };
    auto *form
        = new UltrasoundReportForm(m_reports.get(), report, heading, m_database.identity().author, m_window);
    form->setAttribute(Qt::WA_DeleteOnClose);
    connect(form, &UltrasoundReportForm::reportChanged, this, &UltrasoundWorkbench::reportsChanged);
    connect(form, &UltrasoundReportForm::reportSigned, this, &UltrasoundWorkbench::reportSigned);
    // A draft may not be stored yet: the pregnancy names her in any case.
    connect(form, &UltrasoundReportForm::pdfWritten, this, [this, form] {
        emit exported(QStringLiteral("pregnancy"), form->report().pregnancyId, QStringLiteral("ultrasound-report-pdf"));
    });
    if (m_readingNote) {
        form->setConsultationNote(m_readingNote(report.studyInstanceUid));
        connect(form, &UltrasoundReportForm::reportSigned, form,
            [this, form](const UltrasoundReport &signedReport) { form->setConsultationNote(m_readingNote(signedReport.studyInstanceUid)); });
    }
    form->show();
    return form;
}
