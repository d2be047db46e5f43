#pragma once

#include "dicomweb/pacssettings.h"
#include "dicomweb/studysummary.h"

#include <QWidget>

#include <memory>
#include <optional>

class QDateEdit;
class QLabel;
class QPushButton;
class QTableView;
class ReadingWorklistModel;
class StudyCache;
class StudyRetrieval;

// The ultrasound doctor's reading worklist: studies in the PACS waiting for a read (QIDO-RS over
// the chosen study dates, oldest first), retrieved on demand with progress while the next ones
// are prefetched in the background. A study that is ready is handed on through studyReady();
// the workstation shows it in whatever viewer it has.
class ReadingWorklistPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ReadingWorklistPanel(QWidget *parent = nullptr);
    ~ReadingWorklistPanel() override;

    // Takes new settings: a new connection, cache and retrieval queue.
    void applySettings(const PacsSettings &settings);
    ReadingWorklistModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *reportButton() const { return m_report; }
    std::optional<StudySummary> selectedStudy() const;
    // How many studies after the opened one are prefetched.
    static constexpr int PrefetchCount = 2;

public slots:
    void refresh();
    void openSelected();
    // Retrieves a study named elsewhere (a consultation's attachment) by its Study Instance UID,
    // whether or not the worklist lists it; studyReady() follows. False when no PACS is set up.
    bool openStudy(const QString &studyInstanceUid);
    // Stops every retrieval under way or queued (the one asked for and the prefetch).
    void cancelRetrieval();
    void reportSelected();

signals:
    void studyReady(const StudySummary &study, const QStringList &files);
    // Report… for the selected study: the workstation opens her chart and the report form.
    void reportRequested(const StudySummary &study);
    void refreshed(int studies);
    void failedToRefresh(const QString &message);

private:
    void showStudies(const QList<StudySummary> &studies);
    void onRetrieved(const QString &studyUid, const QStringList &files);
    void prefetchAfter(int row);
    void setStatus(const QString &text, bool error = false);

    PacsSettings m_settings;
    std::shared_ptr<StudyCache> m_cache;
    std::unique_ptr<StudyRetrieval> m_retrieval;
    ReadingWorklistModel *m_model;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QPushButton *m_refresh;
    QPushButton *m_open;
    QPushButton *m_cancel;
    QPushButton *m_report;
    QTableView *m_table;
    QLabel *m_status;
    QString m_waitingFor; // the study the reader asked to open
    int m_query = 0; // discards answers to superseded searches
};
