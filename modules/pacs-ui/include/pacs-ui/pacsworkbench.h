#pragma once

#include "dicomweb/studysummary.h"

#include <QObject>

#include <functional>
#include <memory>

class QDockWidget;
class QMainWindow;
class QMenu;
class ReadingWorklistPanel;
class ReceiveAndForward;

// Everything PACS in the workstation, installed into its main window with one call: the
// "Reading" worklist as a dock, sending local DICOM files to the PACS (STOW-RS), Settings → PACS,
// and the C-STORE receiver with forwarding when the settings enable it. A retrieved study goes to the study opener, which the workstation
// sets to its viewer; until there is one, the opener says where the files are.
class PacsWorkbench : public QObject
{
    Q_OBJECT
public:
    using StudyOpener = std::function<void(const StudySummary &study, const QStringList &files)>;

    PacsWorkbench(QMainWindow *window, QMenu *readingMenu, QMenu *settingsMenu);
    ~PacsWorkbench() override;

    void setStudyOpener(StudyOpener opener) { m_opener = std::move(opener); }
    ReadingWorklistPanel *worklist() const { return m_panel; }
    QDockWidget *dock() const { return m_dock; }

signals:
    // Reading → Open her chart: the workstation finds the woman by the study's Patient ID
    // (her national ID number).
    void chartRequested(const StudySummary &study);

private:
    void editSettings();
    void sendFiles();
    void startReceiver();
    void showStudyLocation(const StudySummary &study, const QStringList &files);

    QMainWindow *m_window;
    ReadingWorklistPanel *m_panel;
    QDockWidget *m_dock;
    std::unique_ptr<ReceiveAndForward> m_receiver;
    StudyOpener m_opener;
};
