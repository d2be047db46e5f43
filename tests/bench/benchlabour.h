#pragma once

#include "ctg/ctgsynthesizer.h"

// The labour the CTG benchmarks measure on: a drifting baseline, a contraction every three
// minutes, some followed by a late deceleration and some by an acceleration. The same for every
// benchmark, so their figures describe one trace.
inline CtgSynthesizer labourSynthesizer(double seconds)
{
    CtgSynthesizer s(seconds, 140, 99);
    s.drift(5);
    for (double t = 200; t + 300 < seconds; t += 180) {
        s.contraction(t);
        if (static_cast<int>(t) % 900 < 180)
            s.add({t + 10, 70, -20});
        else if (static_cast<int>(t) % 700 < 180)
            s.add({t + 60, 40, 22});
    }
    return s;
}
