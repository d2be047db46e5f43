#include "ctg-ui/ctgreview.h"

#include "ctg-records/ctgrecords.h"
#include "ctg/ctgfileformat.h"

#include <QtConcurrent/QtConcurrentRun>

CtgReview::CtgReview(CtgRecords &records, QString clinician, QObject *parent)
    : QObject(parent)
    , m_records(records)
    , m_clinician(std::move(clinician))
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        const auto built = m_watcher.result();
        if (!built) {
            emit failed(built.error().message);
            return;
        }
        m_data = *built;
        emit ready();
    });
}

CtgReview::~CtgReview()
{
    m_watcher.waitForFinished();
}

void CtgReview::open(const QUuid &traceId)
{
    m_watcher.waitForFinished();
    m_data.reset();
    m_stored = false;
    m_awaitedSha256.clear();
    const auto found = m_records.trace(traceId);
    if (!found || !*found) {
        emit failed(found ? tr("This trace is no longer in the record.") : found.error().message);
        return;
    }
    m_record = **found;
    m_stored = true;
    if (auto notes = reloadNotes(); !notes) {
        emit failed(notes.error().message);
        return;
    }
    // The database is read here; decoding, analysis and the pyramids run on a worker, so that a
    // 24-hour labour opens without freezing the screen.
    const auto samples = m_records.loadTrace(m_record);
    if (!samples && samples.error().code == QLatin1String("ctg.data-missing") && m_requestSamples) {
        // A trace pulled from the center comes before its samples: ask for them now; the paper
        // is shown when they are stored (by this request or by a later sync round).
        m_awaitedSha256 = m_record.dataSha256;
        emit fetching(tr("The trace is being fetched from the regional center…"));
        m_requestSamples(m_record.dataSha256);
        return;
    }
    if (!samples) {
        emit failed(samples.error().message);
        return;
    }
    const std::optional<int> ga = m_record.gestationalAgeDays;
    m_watcher.setFuture(
        QtConcurrent::run([trace = *samples, ga]() -> Result<std::shared_ptr<const CtgPaperData>> {
            return CtgPaperData::build(trace, ga);
        }));
}

void CtgReview::samplesStored(const QString &sha256)
{
    if (m_awaitedSha256.isEmpty() || sha256 != m_awaitedSha256)
        return;
    open(m_record.meta.id);
}

void CtgReview::samplesNotFetched(const QString &sha256, const QString &reason)
{
    if (m_awaitedSha256.isEmpty() || sha256 != m_awaitedSha256)
        return;
    // Still awaited: a later sync round may bring them, and then the paper is shown. So it is a
    // status in the viewer, not a failure to interrupt her with (an offline clinic opening a
    // trace would otherwise get a message box each time).
    emit fetching(tr(
        "The trace could not be fetched from the regional center: %1 It is tried again with the next sync.")
                    .arg(reason));
}

void CtgReview::show(const CtgTraceRecord &record, std::shared_ptr<const CtgPaperData> data)
{
    m_watcher.waitForFinished();
    m_awaitedSha256.clear();
    m_record = record;
    m_data = std::move(data);
    m_stored = false;
    m_annotations.clear();
    m_interpretations.clear();
    emit ready();
}

std::optional<CtgInterpretation> CtgReview::draft() const
{
    // Only this clinician's: a draft another reader wrote (here, or at the clinic that sent the
    // trace) is theirs to finish, never signed in this one's name.
    for (const CtgInterpretation &i : m_interpretations) {
        if (!i.isSigned() && i.meta.author == m_clinician)
            return i;
    }
    return std::nullopt;
}

Result<void> CtgReview::writable() const
{
    if (!m_stored)
        return failure(QStringLiteral("ctg.not-stored"),
            tr("This trace is not in the record; nothing can be saved with it."));
    return {};
}

Result<void> CtgReview::reloadNotes()
{
    const auto annotations = m_records.annotations(m_record.meta.id);
    if (!annotations)
        return failure(annotations.error());
    const auto interpretations = m_records.interpretations(m_record.meta.id);
    if (!interpretations)
        return failure(interpretations.error());
    m_annotations = *annotations;
    m_interpretations = *interpretations;
    return {};
}

Result<void> CtgReview::addAnnotation(double seconds, const QString &text)
{
    if (auto ok = writable(); !ok)
        return ok;
    if (seconds > m_record.durationSeconds)
        return failure(
            QStringLiteral("ctg.annotation-time"), tr("An annotation must be at a time within the trace."));
    CtgAnnotation a;
    a.traceId = m_record.meta.id;
    a.atSeconds = seconds;
    a.text = text;
    if (auto saved = m_records.saveAnnotation(a); !saved)
        return saved;
    if (auto reloaded = reloadNotes(); !reloaded)
        return reloaded;
    emit annotationsChanged();
    return {};
}

Result<void> CtgReview::removeAnnotation(const QUuid &annotationId)
{
    if (auto ok = writable(); !ok)
        return ok;
    for (CtgAnnotation a : m_annotations) {
        if (a.meta.id != annotationId)
            continue;
        if (auto removed = m_records.removeAnnotation(a); !removed)
            return removed;
        if (auto reloaded = reloadNotes(); !reloaded)
            return reloaded;
        emit annotationsChanged();
        return {};
    }
    return {};
}

Result<void> CtgReview::saveDraft(const QString &text)
{
    if (auto ok = writable(); !ok)
        return ok;
    CtgInterpretation i = draft().value_or(CtgInterpretation {});
    i.traceId = m_record.meta.id;
    i.text = text;
    if (auto saved = m_records.saveInterpretation(i); !saved)
        return saved;
    if (auto reloaded = reloadNotes(); !reloaded)
        return reloaded;
    emit interpretationsChanged();
    return {};
}

Result<CtgInterpretation> CtgReview::sign(const QString &text)
{
    if (auto ok = writable(); !ok)
        return tl::unexpected(ok.error());
    CtgInterpretation i = draft().value_or(CtgInterpretation {});
    i.traceId = m_record.meta.id;
    i.text = text;
    if (auto signedOne = m_records.sign(i, m_clinician, m_now()); !signedOne)
        return tl::unexpected(signedOne.error());
    if (auto reloaded = reloadNotes(); !reloaded)
        return tl::unexpected(reloaded.error());
    emit interpretationsChanged();
    return i;
}
