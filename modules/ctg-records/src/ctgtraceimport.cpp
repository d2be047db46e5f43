#include "ctg-records/ctgtraceimport.h"

#include "ctg/ctganalyzer.h"
#include "ctg/ctgimporter.h"

#include <QFileInfo>

Result<CtgTraceImport::Imported> CtgTraceImport::read(const QString &path, const QString &format,
    std::optional<int> gestationalAgeDays, const QDateTime &recordingEnded)
{
    auto trace = CtgImporter::read(path, format);
    if (!trace)
        return failure(trace.error());
    if (trace->sampleCount() == 0)
        return failure(QStringLiteral("ctg.empty"), tr("The file holds no fetal heart rate samples."));
    Imported imported;
    imported.trace = std::move(*trace);
    CtgAnalyzer::Options options;
    if (gestationalAgeDays)
        options.gestationalWeeks = *gestationalAgeDays / 7.0;
    imported.analysis = CtgAnalyzer::analyse(imported.trace, options);
    CtgTraceRecord &r = imported.record;
    r.setSummary(imported.analysis);
    r.gestationalAgeDays = gestationalAgeDays;
    const QFileInfo info(path);
    r.source = info.fileName();
    const QDateTime end = (recordingEnded.isValid() ? recordingEnded : lastWritten(path)).toUTC();
    r.recordedAt = end.addMSecs(-qRound64(imported.analysis.durationSeconds * 1000));
    r.recordedAt.setTime(QTime(r.recordedAt.time().hour(), r.recordedAt.time().minute(), r.recordedAt.time().second()));
    return imported;
}

QDateTime CtgTraceImport::lastWritten(const QString &path)
{
    // A WFDB record is named by its header; the samples are in the .dat beside it.
    const QFileInfo info(path);
    if (info.suffix().compare(QLatin1String("hea"), Qt::CaseInsensitive) == 0) {
        const QFileInfo dat(info.path() + QLatin1Char('/') + info.completeBaseName() + QStringLiteral(".dat"));
        if (dat.exists())
            return dat.lastModified();
    }
    return info.lastModified();
}
