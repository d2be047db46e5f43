#include "ctg-ui/ctgpaperdata.h"

#include "ctg/ctganalyzer.h"

std::shared_ptr<const CtgPaperData> CtgPaperData::build(CtgTrace trace, std::optional<int> gestationalAgeDays)
{
    CtgAnalyzer::Options options;
    if (gestationalAgeDays)
        options.gestationalWeeks = *gestationalAgeDays / 7.0;
    CtgAnalysis analysis = CtgAnalyzer::analyse(trace, options);
    return build(std::move(trace), std::move(analysis));
}

std::shared_ptr<const CtgPaperData> CtgPaperData::build(CtgTrace trace, CtgAnalysis analysis)
{
    auto data = std::make_shared<CtgPaperData>();
    data->fhr = CtgDecimation(trace.fhrBpm);
    data->fhr2 = CtgDecimation(trace.fhr2Bpm);
    data->mhr = CtgDecimation(trace.mhrBpm);
    data->toco = CtgDecimation(trace.tocoUnits);
    data->trace = std::move(trace);
    data->analysis = std::move(analysis);
    return data;
}

qsizetype CtgPaperData::memoryBytes() const
{
    const qsizetype floats = trace.fhrBpm.size() + trace.fhr2Bpm.size() + trace.mhrBpm.size()
        + trace.tocoUnits.size() + analysis.baselineCurve.size();
    return floats * qsizetype(sizeof(float)) + fhr.pyramidBytes() + fhr2.pyramidBytes() + mhr.pyramidBytes()
        + toco.pyramidBytes() + analysis.events.size() * qsizetype(sizeof(CtgEvent));
}
