#include "ctg-records/ctgtracerecord.h"

bool CtgTraceRecord::isAlarming() const
{
    return figoClass == QLatin1String("pathological") || nichdCategory == QLatin1String("III");
}

void CtgTraceRecord::setSummary(const CtgAnalysis &analysis)
{
    durationSeconds = analysis.durationSeconds;
    sampleRateHz = analysis.sampleRateHz;
    lostPercent = analysis.lostPercent;
    baselineBpm = analysis.meanBaselineBpm;
    figoClass = analysis.figo.value;
    nichdCategory = analysis.nichd.value;
    reasons = analysis.reasons();
}
