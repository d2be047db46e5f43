#pragma once

#include "ultrasound-exams/ultrasoundreport.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QUuid>

#include <functional>
#include <memory>
#include <optional>

class Database;
class DicomViewer;
class QMainWindow;
class QMenu;
class UltrasoundExamRecords;
class UltrasoundExamsView;
class UltrasoundReportForm;
class UltrasoundReportRepository;
struct UltrasoundExam;

// Everything ultrasound in the workstation, installed with one object: File → Open DICOM…,
// the chart's Ultrasound tab (examsView(), placed by the main window) and the viewer window,
// linked to the pregnancy whose chart is open so that its biometry is saved there, and the
// structured report of a study (Report… in the viewer, the reading worklist, the chart's list).
class UltrasoundWorkbench : public QObject
{
    Q_OBJECT
public:
    UltrasoundWorkbench(QMainWindow *window, QMenu *fileMenu, const Database &database);
    ~UltrasoundWorkbench() override;

    UltrasoundExamsView *examsView() const { return m_examsView; }
    // The pregnancy whose chart is open (null id: none), named as the viewer shows it, with her
    // national ID number to check the images against.
    void setPregnancy(const QUuid &pregnancyId, const QString &womanLabel, const QString &womanId = {});
    // The viewer, created on first use, linked to the current pregnancy.
    DicomViewer *viewer();
    void openFiles(const QStringList &paths);
    // The report of a study for the open pregnancy: its newest report if it has one, else a
    // draft with the biometry of the exam (from the viewer). Null when no pregnancy is open.
    // A new report starts from the exam's biometry (and the AFI the machine measured, if any);
    // the study's newest report opens instead where there is one.
    UltrasoundReportForm *openReport(const UltrasoundExam &exam, const QString &studyDescription = {},
        std::optional<double> machineAfiCm = std::nullopt);
    UltrasoundReportForm *openReport(const QUuid &reportId);
    // From the reading worklist: only when the open chart is the woman the study names (Patient
    // ID = her national ID number); the biometry of an exam saved on the study fills the table.
    UltrasoundReportForm *openReportForStudy(const QString &studyUid, const QDate &studyDate,
        const QString &patientId, const QString &description);
    // Study Instance UIDs with a signed report, for the reading worklist.
    QSet<QString> reportedStudies() const;
    // What a report form says under its title when signing it answers a consultation
    // (ReferralWorkbench::readingNoteForStudy); asked each time a form opens.
    void setReadingNote(std::function<QString(const QString &studyInstanceUid)> note) { m_readingNote = std::move(note); }
    // For the risk grading: the newest scan's growth findings (SGA, FGR, LGA by the chosen
    // standard) as items for a clinician to weigh, each with its evidence. Like a pathological
    // CTG, they never change the grade by themselves.
    struct Evidence
    {
        QString item;
        QString evidence;
    };
    QList<Evidence> gradingEvidence() const;

signals:
    // The growth findings of the open pregnancy may have changed.
    void growthFindingsChanged();
    void reportsChanged();
    void reportSigned(const UltrasoundReport &report);
    // A record written out of the workstation (the audit keeps it): what, of which record.
    void exported(const QString &table, const QUuid &recordId, const QString &what);
    void recordChanged(const QUuid &pregnancyId);

private:
    void chooseFiles();
    void chooseFolder();

    QMainWindow *m_window;
    UltrasoundReportForm *showReport(const UltrasoundReport &report, const QString &studyDescription);

    const Database &m_database;
    std::unique_ptr<UltrasoundExamRecords> m_records;
    std::unique_ptr<UltrasoundReportRepository> m_reports;
    UltrasoundExamsView *m_examsView;
    QPointer<DicomViewer> m_viewer;
    QUuid m_pregnancyId;
    QString m_womanLabel;
    QString m_womanId;
    std::function<QString(const QString &)> m_readingNote;
};
