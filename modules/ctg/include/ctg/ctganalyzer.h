#pragma once

#include "ctg/ctganalysis.h"
#include "ctg/ctgtrace.h"

#include <QCoreApplication>

#include <optional>

// Reads a trace the way FIGO 2015 asks an expert to (NICHD 2008 categories alongside): cleans
// artefacts, draws a baseline curve through the stable segments, finds accelerations,
// decelerations and contractions, measures variability, and classifies — or declines to when
// too much signal is lost. Every pass is linear in the trace length.
class CtgAnalyzer
{
    Q_DECLARE_TR_FUNCTIONS(CtgAnalyzer)
public:
    struct Options
    {
        std::optional<double> gestationalWeeks; // before 32 weeks accelerations are 10 bpm × 10 s
    };

    static CtgAnalysis analyse(const CtgTrace &trace, const Options &options);
};
