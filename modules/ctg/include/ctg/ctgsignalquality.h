#pragma once

#include <QList>
#include <QString>
#include <QVector>

// What of a fetal heart "signal" can be trusted: the stretches that are probably not the fetus
// (the mother's pulse picked up instead, the monitor counting twice or half the beats, external
// sensor artefacts), and the share of trustworthy signal in each 10-minute window. Produced by
// CtgSignalChecker; the analysis leaves the stretches out and the CTG paper marks them.
struct CtgSuspectStretch
{
    enum class Kind {
        Maternal,          // the FHR runs on the recorded maternal heart rate
        MaternalSuspected, // no maternal channel, but the trace jumps to an adult's rate and stays
        Doubling,          // about twice the fetal rate around it
        Halving,           // about half the fetal rate around it (or the mother's pulse)
        Artefact,          // short islands far from the signal around them
    };
    Kind kind = Kind::Artefact;
    double startSeconds = 0; // from the first sample
    double endSeconds = 0;
    double levelBpm = 0;     // median of the stretch

    double durationSeconds() const { return endSeconds - startSeconds; }
    // "maternal", "maternal-suspected", "doubling", "halving", "artefact" (JSON, CSS-like keys).
    QString kindName() const;
    bool mayBeMaternal() const { return kind == Kind::Maternal || kind == Kind::MaternalSuspected || kind == Kind::Halving; }
    // What is surely not the fetus is left out of the analysis. A suspicion from the trace's
    // features alone is analysed as recorded and warned of: a slow fetal heart after a fall
    // hidden by signal loss looks the same, and hiding a bradycardia is the worse mistake.
    bool leftOutOfAnalysis() const { return kind != Kind::MaternalSuspected && kind != Kind::Halving; }
};

struct CtgSignalQuality
{
    static constexpr double WindowSeconds = 600;

    QList<CtgSuspectStretch> stretches;      // in time order, not overlapping
    QVector<double> trustworthyPercentByWindow; // per 10 minutes: recorded, plausible and not suspect
    double trustworthyPercent = 0;

    // Seconds of signal that may be the mother's (a warning is raised from 30 s on).
    double maternalSeconds() const;
    bool mayBeMaternal() const { return maternalSeconds() >= 30; }
    // Whether the recorded maternal channel confirmed it (rather than the trace's features).
    bool maternalConfirmedByChannel() const;
    // Sets the samples of the stretches left out of the analysis to signal loss (NaN), or of
    // every suspect stretch with `everySuspect`, at `sampleRateHz`.
    void leaveOut(QVector<float> &fhrBpm, double sampleRateHz, bool everySuspect = false) const;
};
