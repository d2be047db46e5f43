#pragma once

#include "ctg-records/ctgtraceimport.h"
#include "ctg-ui/ctgviewer.h"
#include "domain/pregnancy.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

class CtgRecords;
class CtgReview;
class CtgTracesView;
class Database;
class QWidget;

// Fetal heart traces in the workstation, installed with one object: the chart's CTG tab
// (tracesView(), placed by the main window) for the pregnancy whose chart is open, importing a
// monitor's file (read and analysed off the UI thread, then stored), the viewer window, and what
// the rest of the chart shows of it: the banner's alert and the evidence listed for the risk
// grading when a trace is FIGO pathological or NICHD category III.
class CtgWorkbench : public QObject
{
    Q_OBJECT
public:
    CtgWorkbench(QWidget *window, const Database &database, QString clinician);
    ~CtgWorkbench() override;

    CtgTracesView *tracesView() const { return m_tracesView; }
    CtgRecords &records() const { return *m_records; }
    // The open chart's current pregnancy (none: nothing to import into), and her name and ID as
    // the viewer and the printout show them.
    void setPregnancy(const std::optional<Pregnancy> &pregnancy, const QString &womanLabel);
    // The viewer, created on first use; null before a trace was opened.
    CtgViewer *viewer() const { return m_viewer; }
    CtgViewer *openTrace(const QUuid &traceId);
    // How to ask the regional center for a pulled trace's samples (BackgroundSync::fetchAttachment
    // in the main window); the answers come to samplesStored() / samplesNotFetched().
    void setSampleRequest(std::function<void(const QString &sha256)> request);
    // What the viewer says above the signature of a trace whose interpretation answers a
    // consultation (ReferralWorkbench::readingNoteForTrace); asked each time a trace opens.
    void setReadingNote(std::function<QString(const QUuid &traceId)> note) { m_readingNote = std::move(note); }
    // Reads, analyses and stores a monitor's file; recordingEnded invalid: the file's last change.
    void importFile(const QString &path, const QString &format = {}, const QDateTime &recordingEnded = {});
    bool isImporting() const { return m_import.isRunning(); }

    // For the banner: the newest pathological or category III trace of the open pregnancy, with
    // whether it has been interpreted; empty when there is none.
    QString bannerAlert() const;
    // For the risk grading: each such trace as an item for a clinician to weigh (it never changes
    // the grade by itself) and the analysis' reasons as its evidence.
    struct Evidence
    {
        QString item;
        QString evidence;
    };
    QList<Evidence> gradingEvidence() const;

public slots:
    void chooseFile();
    void samplesStored(const QString &sha256);
    void samplesNotFetched(const QString &sha256, const QString &reason);

signals:
    void tracesChanged(const QUuid &pregnancyId);
    void imported(const QUuid &traceId);
    void interpretationSigned(const CtgInterpretation &interpretation);
    void problem(const QString &message);
    // A record written out of the workstation (the audit keeps it): what, of which record.
    void exported(const QString &table, const QUuid &recordId, const QString &what);

private:
    void importFinished();

    QWidget *m_window;
    QString m_clinician;
    std::unique_ptr<CtgRecords> m_records;
    CtgTracesView *m_tracesView;
    std::optional<Pregnancy> m_pregnancy;
    QString m_womanLabel;
    std::unique_ptr<CtgReview> m_review;
    QPointer<CtgViewer> m_viewer;
    QFutureWatcher<Result<CtgTraceImport::Imported>> m_import;
    QUuid m_importPregnancy;
    QString m_importName;
    std::function<void(const QString &)> m_requestSamples;
    std::function<QString(const QUuid &)> m_readingNote;
};
