// Analysis time of a 1-hour and a 24-hour 4 Hz trace, against a plain moving average over the
// same samples measured in the same run, and the memory a 24-hour trace takes.
#include "benchlabour.h"
#include "ctg/ctganalyzer.h"
#include "ctg/ctgfileformat.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>

namespace {
CtgTrace labour(double seconds)
{
    return labourSynthesizer(seconds).build();
}

double medianMs(const CtgTrace &trace, int runs)
{
    QList<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        const CtgAnalysis a = CtgAnalyzer::analyse(trace, {});
        times.append(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        if (a.windows.isEmpty())
            std::fprintf(stderr, "no windows\n");
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

double referenceMs(const CtgTrace &trace)
{
    QElapsedTimer timer;
    timer.start();
    double sum = 0, acc = 0;
    const qsizetype window = 240;
    for (qsizetype i = 0; i < trace.fhrBpm.size(); ++i) {
        acc += std::isnan(trace.fhrBpm[i]) ? 0 : trace.fhrBpm[i];
        if (i >= window)
            acc -= std::isnan(trace.fhrBpm[i - window]) ? 0 : trace.fhrBpm[i - window];
        sum += acc / window;
    }
    const double ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    if (sum < 0)
        std::fprintf(stderr, "impossible\n");
    return std::max(ms, 0.001);
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const CtgTrace hour = labour(3600);
    const CtgTrace day = labour(24 * 3600);
    const double hourMs = medianMs(hour, 9);
    const double dayMs = medianMs(day, 3);
    std::printf("bench: ctg_analyse_1h %.2f ms\n", hourMs);
    std::printf("bench: ctg_analyse_24h %.2f ms\n", dayMs);
    std::printf("bench: ctg_analyse_24h_vs_reference %.1f ratio\n", dayMs / referenceMs(day));
    const double inMemory = static_cast<double>(day.fhrBpm.size() + day.tocoUnits.size()) * sizeof(float) / (1024.0 * 1024.0);
    std::printf("bench: ctg_trace_memory_24h %.2f MiB\n", inMemory);
    std::printf("bench: ctg_trace_stored_24h %.2f MiB\n", static_cast<double>(CtgFileFormat::encode(day).size()) / (1024.0 * 1024.0));
    return 0;
}
