#pragma once

#include "ctg-records/ctgannotation.h"
#include "ctg-records/ctginterpretation.h"
#include "ctg-records/ctgtracerecord.h"
#include "ctg-ui/ctgpaperdata.h"
#include "domain/result.h"

#include <QFutureWatcher>
#include <QObject>

#include <functional>
#include <memory>

class CtgRecords;

// Reading one stored trace, without a window: opens it (samples decoded, analysed and decimated
// off the UI thread), keeps its annotations and interpretations, and saves what the clinician
// adds — a note at a time, a draft interpretation, her signature — through CtgRecords. The
// viewer only shows this and forwards her edits.
class CtgReview : public QObject
{
    Q_OBJECT
public:
    CtgReview(CtgRecords &records, QString clinician, QObject *parent = nullptr);
    ~CtgReview() override;

    // Starts opening a stored trace: ready() or failed() follows, or fetching() when its samples
    // are still at the regional center and have been asked for (then ready() once they are here;
    // fetching() again with the reason when a request could not bring them).
    void open(const QUuid &traceId);
    // How this workstation asks the regional center for a trace's samples (by SHA-256) without
    // waiting; the answer comes to samplesStored() or samplesNotFetched(). Unset: not linked.
    void setSampleRequest(std::function<void(const QString &sha256)> request)
    {
        m_requestSamples = std::move(request);
    }
    bool isFetching() const { return !m_awaitedSha256.isEmpty(); }
    // Shows a trace that is not stored (tests, benchmarks): nothing can be saved.
    void show(const CtgTraceRecord &record, std::shared_ptr<const CtgPaperData> data);
    bool isReady() const { return m_data != nullptr; }
    bool isOpening() const { return m_watcher.isRunning(); }

    const CtgTraceRecord &record() const { return m_record; }
    std::shared_ptr<const CtgPaperData> data() const { return m_data; }
    const QList<CtgAnnotation> &annotations() const { return m_annotations; }
    const QList<CtgInterpretation> &interpretations() const { return m_interpretations; }
    // The unsigned interpretation this clinician is writing, if there is one.
    std::optional<CtgInterpretation> draft() const;
    QString clinician() const { return m_clinician; }

    Result<void> addAnnotation(double seconds, const QString &text);
    Result<void> removeAnnotation(const QUuid &annotationId);
    Result<void> saveDraft(const QString &text);
    // Signs the draft (saved with `text` first) as the clinician, now; the interpretation signed.
    Result<CtgInterpretation> sign(const QString &text);
    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }

public slots:
    // The samples of a trace are now stored here: the trace waiting for them opens.
    void samplesStored(const QString &sha256);
    void samplesNotFetched(const QString &sha256, const QString &reason);

signals:
    void ready();
    void fetching(const QString &message);
    void failed(const QString &message);
    void annotationsChanged();
    void interpretationsChanged();

private:
    Result<void> reloadNotes();
    Result<void> writable() const;

    CtgRecords &m_records;
    QString m_clinician;
    CtgTraceRecord m_record;
    std::shared_ptr<const CtgPaperData> m_data;
    QList<CtgAnnotation> m_annotations;
    QList<CtgInterpretation> m_interpretations;
    QFutureWatcher<Result<std::shared_ptr<const CtgPaperData>>> m_watcher;
    std::function<QDateTime()> m_now;
    std::function<void(const QString &)> m_requestSamples;
    QString m_awaitedSha256; // the open trace's samples, asked for and not yet here
    bool m_stored = false;
};
