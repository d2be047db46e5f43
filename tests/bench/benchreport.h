#pragma once

// What the benchmarks against a real center share: one "bench: <name> <value> <unit>" line per
// figure, and the percentile of a set of latencies.
#include <QList>

#include <algorithm>
#include <cstdio>

inline void report(const char *name, double value, const char *unit)
{
    std::printf("bench: %s %.3f %s\n", name, value, unit);
    std::fflush(stdout);
}

// The value below which a share `q` (0 to 1) of `values` lie; 0 for none.
inline double percentile(QList<double> values, double q)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values[qsizetype(q * double(values.size() - 1))];
}
