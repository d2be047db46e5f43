#pragma once

#include "ctg-ui/ctgdecimation.h"
#include "ctg/ctganalysis.h"
#include "ctg/ctgtrace.h"

#include <memory>
#include <optional>

// Everything the paper is drawn from, computed once when a trace is opened (off the UI thread):
// the samples, the analysis with its baseline curve and events, and the min/max pyramids that
// let a frame of a 24-hour trace be drawn in a few milliseconds. Immutable once built.
struct CtgPaperData
{
    CtgTrace trace;
    CtgAnalysis analysis;
    CtgDecimation fhr;
    CtgDecimation fhr2;
    CtgDecimation mhr;
    CtgDecimation toco;

    double durationSeconds() const { return trace.durationSeconds(); }
    // Analyses the trace (the 32-week acceleration rule when the gestational age is known).
    static std::shared_ptr<const CtgPaperData> build(
        CtgTrace trace, std::optional<int> gestationalAgeDays = {});
    static std::shared_ptr<const CtgPaperData> build(CtgTrace trace, CtgAnalysis analysis);
    // Samples, baseline curve and pyramids, in bytes.
    qsizetype memoryBytes() const;
};
