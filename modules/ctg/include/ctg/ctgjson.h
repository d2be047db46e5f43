#pragma once

#include "ctg/ctganalysis.h"

#include <QJsonObject>

// The analysis as JSON for `obslink-cli ctg analyse` (format documented in docs/ctg-analysis.md).
class CtgJson
{
public:
    static QJsonObject toJson(const CtgAnalysis &analysis, bool withBaselineSeries);
};
