#pragma once

#include <QList>
#include <QString>
#include <QVector>

#include <cmath>
#include <limits>

// A cardiotocogram: fetal heart rate (one or two fetuses), maternal heart rate and uterine
// activity sampled at a fixed rate (fetal monitors export 4 Hz). Signal loss is explicit: a
// sample is NaN where the monitor had no signal.
struct CtgTrace
{
    static constexpr float Lost = std::numeric_limits<float>::quiet_NaN();

    struct Mark
    {
        double seconds = 0;
        QString kind; // "fetal-movement", "event", …
    };

    double sampleRateHz = 4.0;
    // The file's own time of the first sample (a CSV's first time_s); the analysis counts from
    // the first sample, and reports in the file's time add this back.
    double firstSampleSeconds = 0;
    QVector<float> fhrBpm;
    QVector<float> fhr2Bpm;   // second fetus; empty if none
    QVector<float> mhrBpm;    // maternal heart rate; empty if not recorded
    QVector<float> tocoUnits; // uterine activity 0–100; empty if not recorded
    QList<Mark> marks;

    qsizetype sampleCount() const { return fhrBpm.size(); }
    double durationSeconds() const { return sampleRateHz > 0 ? fhrBpm.size() / sampleRateHz : 0; }
    static bool isLost(float value) { return std::isnan(value); }
};
