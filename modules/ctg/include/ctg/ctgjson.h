#pragma once

#include "ctg/ctganalysis.h"

#include <QJsonObject>

// The analysis as JSON for `obslink-cli ctg analyse` (format documented in docs/ctg-analysis.md).
class CtgJson
{
public:
    // Times are in the file's clock: the analysis's seconds from the first sample plus
    // `firstSampleSeconds` (CtgTrace::firstSampleSeconds), given as "firstSampleSeconds".
    static QJsonObject toJson(
        const CtgAnalysis &analysis, bool withBaselineSeries, double firstSampleSeconds = 0);
};
