#pragma once

#include <QObject>
#include <QPointer>
#include <QUuid>

#include <memory>

class Database;
class DicomViewer;
class QMainWindow;
class QMenu;
class UltrasoundExamRecords;
class UltrasoundExamsView;

// Everything ultrasound in the workstation, installed with one object: File → Open DICOM…,
// the chart's Ultrasound tab (examsView(), placed by the main window) and the viewer window,
// linked to the pregnancy whose chart is open so that its biometry is saved there.
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

signals:
    void recordChanged(const QUuid &pregnancyId);

private:
    void chooseFiles();
    void chooseFolder();

    QMainWindow *m_window;
    std::unique_ptr<UltrasoundExamRecords> m_records;
    UltrasoundExamsView *m_examsView;
    QPointer<DicomViewer> m_viewer;
    QUuid m_pregnancyId;
    QString m_womanLabel;
    QString m_womanId;
};
