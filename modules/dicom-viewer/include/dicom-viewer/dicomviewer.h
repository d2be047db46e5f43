#pragma once

#include "dicom-viewer/cineplayer.h"
#include "dicom/dicomtagtree.h"
#include "domain/result.h"

#include <QMainWindow>

#include <memory>

class BiometryPanel;
class MachineReportPanel;
class DicomFile;
class DicomImageView;
class FrameLoader;
class QComboBox;
class QDockWidget;
class QLabel;
class QPushButton;
class QSlider;
class SeriesBrowser;
class TagBrowser;
class UltrasoundExamRecords;

// The DICOM ultrasound viewer: the image with cine playback at the acquired rate, window/level,
// zoom and pan, measurements and fetal biometry, the study/series browser and the tag browser.
// Frames decode in the background (FrameLoader) so playback never waits on the UI thread.
class DicomViewer : public QMainWindow
{
    Q_OBJECT
public:
    explicit DicomViewer(QWidget *parent = nullptr);
    ~DicomViewer() override;

    // Shows the first readable file of a set and lists all of them in the series browser.
    void openFiles(const QStringList &paths);
    void openFolder(const QString &folder);
    // Shows one file; a file that cannot be shown leaves the previous one and says why. A
    // structured report goes to the machine's measurements panel.
    Result<void> openFile(const QString &path);
    // Where biometry is saved; womanId (her national ID number) is checked against the images'
    // Patient ID.
    void setRecordLink(UltrasoundExamRecords *records, const QUuid &pregnancyId, const QString &womanLabel,
        const QString &womanId = {});

    CinePlayer *player() const { return m_player; }
    DicomImageView *view() const { return m_view; }
    TagBrowser *tagBrowser() const { return m_tags; }
    SeriesBrowser *seriesBrowser() const { return m_series; }
    BiometryPanel *biometryPanel() const { return m_biometry; }
    MachineReportPanel *machineReportPanel() const { return m_machineReport; }
    QString currentPath() const;
    int shownFrame() const { return m_shownFrame; }
    // The message of the status line (refusals, errors), for tests.
    QString statusMessage() const;

signals:
    // A frame reached the screen (after the view was told to repaint).
    void frameShown(int frame);
    void recordChanged(const QUuid &pregnancyId);
    // Report… : the structured report of the study shown, with the biometry measured on it.
    void reportRequested();

private:
    void buildActions();
    QWidget *buildCineBar();
    void showFrame(int frame);
    void display(int frame, const QImage &image);
    void updateCorners();
    void updateCineBar();
    void openFileDialog();
    void openFolderDialog();
    void showMessage(const QString &message);
    Result<void> openStructuredReport(const QString &path);

    std::shared_ptr<DicomFile> m_file;
    std::unique_ptr<FrameLoader> m_loader;
    QList<DicomTagNode> m_tagTree;
    CinePlayer *m_player;
    DicomImageView *m_view;
    TagBrowser *m_tags;
    SeriesBrowser *m_series;
    BiometryPanel *m_biometry;
    MachineReportPanel *m_machineReport;
    QDockWidget *m_machineReportDock = nullptr;
    QPushButton *m_play;
    QSlider *m_slider;
    QLabel *m_frameLabel;
    QComboBox *m_speed;
    QLabel *m_rateLabel;
    QLabel *m_status;
    QString m_frameTimeSource;
    int m_shownFrame = -1;
    int m_awaitedFrame = -1;
};
