#pragma once

#include "ctg/ctgreason.h"
#include "ctg/ctgsignalquality.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

struct CtgEvent
{
    enum class Type { Acceleration, Deceleration, Contraction };
    Type type = Type::Acceleration;
    QString subtype;          // decelerations: early, late, variable, prolonged
    double startSeconds = 0;
    double endSeconds = 0;
    double peakSeconds = 0;   // peak (acceleration, contraction) or nadir (deceleration)
    double amplitude = 0;     // bpm from baseline, or toco units above resting tone

    double durationSeconds() const { return endSeconds - startSeconds; }
};

// One 10-minute window, as FIGO reports a trace.
struct CtgWindow
{
    double startSeconds = 0;
    double endSeconds = 0;
    std::optional<double> baselineBpm;        // mean of the baseline curve
    std::optional<int> baselineRoundedBpm;    // to 5 bpm
    std::optional<double> variabilityBpm;     // median of the 1-minute amplitude ranges
    QString variabilityClass;                 // reduced, normal, increased, (unknown)
    double lostPercent = 0;
    int contractions = 0;
};

struct CtgClassification
{
    QString value;      // FIGO: normal/suspicious/pathological/insufficient-signal; NICHD: I/II/III/undetermined
    QList<CtgReason> reasons;
};

struct CtgAnalysis
{
    double sampleRateHz = 4;
    double durationSeconds = 0;
    double lostPercent = 0;       // of the FHR, counting what the signal check left out
    CtgSignalQuality signalQuality;
    std::optional<double> meanBaselineBpm;
    QVector<float> baselineCurve; // at the input sampling rate; NaN where undefined
    QList<CtgWindow> windows;
    QList<CtgEvent> events;       // in time order
    bool tachysystole = false;
    double contractionsPerTenMinutes = 0;
    bool sinusoidal = false;
    bool tachycardia = false;
    bool bradycardia = false;
    int accelerations = 0;
    std::optional<bool> nstReactive;
    CtgClassification figo;
    CtgClassification nichd;

    // FIGO's reasons, then NICHD's that FIGO did not give: what a reader is shown.
    QList<CtgReason> reasons() const
    {
        QList<CtgReason> all = figo.reasons;
        appendNewReasons(all, nichd.reasons);
        return all;
    }
};
