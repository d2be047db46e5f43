#pragma once

#include "ctg/ctgsignalquality.h"
#include "ctg/ctgtrace.h"

// Finds the stretches of a trace's FHR channel that are probably not the fetal heart. With a
// maternal channel, samples within 5 bpm of the maternal heart rate for 15 s or more are the
// mother's. Without one, the trace is cut where it jumps (more than 20 bpm from one sample to
// the next, or across signal loss) and each piece is compared with the fetal rate around it
// (the running median of the samples in the fetal range): twice or half that rate is doubling
// or halving, a piece of a minute or more that jumps to an adult's rate (≤ 115 bpm, 20 bpm or
// more below the fetal rate) and jumps back is suspected maternal, and a short island far from
// the rate around it is an artefact. Linear in the trace length.
class CtgSignalChecker
{
public:
    static CtgSignalQuality assess(const CtgTrace &trace);
};
