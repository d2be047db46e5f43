#include "ctg-ui/ctgworkbench.h"

#include "ctg-records/ctgrecords.h"
#include "ctg-ui/ctgrecordingenddialog.h"
#include "ctg-ui/ctgreview.h"
#include "ctg-ui/ctgterms.h"
#include "ctg-ui/ctgtracesview.h"
#include "ctg-ui/ctgviewer.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QtConcurrent/QtConcurrentRun>

namespace {
QString when(const QDateTime &recordedAt)
{
    const QDateTime local = recordedAt.toLocalTime();
    return QLocale().toString(local.date(), QLocale::ShortFormat) + QLatin1Char(' ')
        + local.toString(QStringLiteral("HH:mm"));
}

QString classification(const CtgTraceRecord &r)
{
    QStringList parts;
    if (r.figoClass == QLatin1String("pathological"))
        parts << CtgWorkbench::tr("FIGO pathological");
    if (r.nichdCategory == QLatin1String("III"))
        parts << CtgWorkbench::tr("NICHD category III");
    return parts.join(QStringLiteral(", "));
}
} // namespace

CtgWorkbench::CtgWorkbench(QWidget *window, const Database &database, QString clinician)
    : QObject(window)
    , m_window(window)
    , m_clinician(std::move(clinician))
    , m_records(std::make_unique<CtgRecords>(database))
    , m_tracesView(new CtgTracesView(*m_records, window))
{
    connect(m_tracesView, &CtgTracesView::importRequested, this, &CtgWorkbench::chooseFile);
    connect(m_tracesView, &CtgTracesView::openRequested, this, &CtgWorkbench::openTrace);
    connect(m_tracesView, &CtgTracesView::problem, this, &CtgWorkbench::problem);
    connect(&m_import, &QFutureWatcherBase::finished, this, &CtgWorkbench::importFinished);
}

CtgWorkbench::~CtgWorkbench()
{
    m_import.waitForFinished();
    delete m_viewer;
}

void CtgWorkbench::setPregnancy(const std::optional<Pregnancy> &pregnancy, const QString &womanLabel)
{
    m_pregnancy = pregnancy;
    m_womanLabel = womanLabel;
    m_tracesView->showPregnancy(pregnancy ? pregnancy->meta.id : QUuid());
}

void CtgWorkbench::chooseFile()
{
    if (!m_pregnancy)
        return;
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Import a fetal heart trace"), QString(),
        tr("Fetal monitor files (*.csv *.hea);;CSV (*.csv);;PhysioNet WFDB header (*.hea)"));
    if (path.isEmpty())
        return;
    CtgRecordingEndDialog confirm(QFileInfo(path).fileName(), CtgTraceImport::lastWritten(path), m_window);
    if (confirm.exec() == QDialog::Accepted)
        importFile(path, {}, confirm.recordingEnded());
}

void CtgWorkbench::importFile(const QString &path, const QString &format, const QDateTime &recordingEnded)
{
    if (!m_pregnancy || m_import.isRunning())
        return;
    // Her gestational age on the day of the recording: before 32 weeks accelerations are judged
    // by the 10 × 10 rule.
    const QDateTime ended = recordingEnded.isValid() ? recordingEnded : CtgTraceImport::lastWritten(path);
    std::optional<int> gaDays;
    if (const auto ga = m_pregnancy->gestationalAgeOn(ended.toLocalTime().date()))
        gaDays = ga->totalDays();
    m_importPregnancy = m_pregnancy->meta.id;
    m_importName = QFileInfo(path).fileName();
    m_tracesView->setBusy(tr("Reading and analysing %1…").arg(m_importName));
    m_import.setFuture(
        QtConcurrent::run([path, format, gaDays, ended] { return CtgTraceImport::read(path, format, gaDays, ended); }));
}

void CtgWorkbench::importFinished()
{
    m_tracesView->setBusy({});
    auto result = m_import.result();
    if (!result) {
        emit problem(tr("%1 was not imported: %2").arg(m_importName, result.error().message));
        return;
    }
    result->record.pregnancyId = m_importPregnancy;
    if (auto added = m_records->addTrace(result->record, result->trace); !added) {
        emit problem(added.error().message);
        return;
    }
    m_tracesView->refresh();
    emit tracesChanged(m_importPregnancy);
    emit imported(result->record.meta.id);
    openTrace(result->record.meta.id);
}

CtgViewer *CtgWorkbench::openTrace(const QUuid &traceId)
{
    // One trace at a time: the viewer and its review are replaced by the next one opened.
    delete m_viewer;
    m_review = std::make_unique<CtgReview>(*m_records, m_clinician);
    m_review->setSampleRequest(m_requestSamples);
    m_viewer = new CtgViewer(*m_review, m_window);
    m_viewer->setWindowFlag(Qt::Window);
    m_viewer->setAttribute(Qt::WA_DeleteOnClose, false);
    m_viewer->setWoman(m_womanLabel);
    connect(m_viewer, &CtgViewer::problem, this, &CtgWorkbench::problem);
    connect(m_viewer, &CtgViewer::pdfWritten, this,
        [this, traceId] { emit exported(QStringLiteral("ctg_trace"), traceId, QStringLiteral("ctg-trace-pdf")); });
    connect(m_viewer, &CtgViewer::signedInterpretation, this, [this](const CtgInterpretation &interpretation) {
        m_tracesView->refresh();
        emit tracesChanged(m_review->record().pregnancyId);
        emit interpretationSigned(interpretation);
        if (m_viewer && m_readingNote)
            m_viewer->setConsultationNote(m_readingNote(interpretation.traceId));
    });
    if (m_readingNote)
        m_viewer->setConsultationNote(m_readingNote(traceId));
    m_review->open(traceId);
    m_viewer->show();
    m_viewer->raise();
    m_viewer->activateWindow();
    return m_viewer;
}

void CtgWorkbench::setSampleRequest(std::function<void(const QString &sha256)> request)
{
    m_requestSamples = std::move(request);
    if (m_review)
        m_review->setSampleRequest(m_requestSamples);
}

void CtgWorkbench::samplesStored(const QString &sha256)
{
    m_tracesView->refresh(); // the trace is no longer marked as waiting for its samples
    if (m_review)
        m_review->samplesStored(sha256);
}

void CtgWorkbench::samplesNotFetched(const QString &sha256, const QString &reason)
{
    if (m_review)
        m_review->samplesNotFetched(sha256, reason);
}

QString CtgWorkbench::bannerAlert() const
{
    if (!m_pregnancy)
        return {};
    const auto alarming = m_records->alarming(m_pregnancy->meta.id);
    if (!alarming || alarming->isEmpty())
        return {};
    const CtgTraceRecord &newest = alarming->first();
    bool interpreted = false;
    if (const auto interpretations = m_records->interpretations(newest.meta.id)) {
        for (const CtgInterpretation &i : *interpretations)
            interpreted = interpreted || i.isSigned();
    }
    const QString text = tr("CTG %1: %2").arg(when(newest.recordedAt), classification(newest));
    return interpreted ? text : tr("%1 — not yet interpreted").arg(text);
}

QList<CtgWorkbench::Evidence> CtgWorkbench::gradingEvidence() const
{
    QList<Evidence> evidence;
    if (!m_pregnancy)
        return evidence;
    const auto alarming = m_records->alarming(m_pregnancy->meta.id);
    if (!alarming)
        return evidence;
    for (const CtgTraceRecord &r : *alarming)
        evidence.append({ tr("Fetal heart trace (CTG) %1: %2").arg(when(r.recordedAt), classification(r)),
            reasonTexts(r.reasons).join(QLatin1Char(' ')) });
    return evidence;
}
