#pragma once

#include "ctg/ctgtrace.h"

#include <QList>

// Builds traces with known ground truth for the tests and benchmarks: a drifting baseline with
// beat-to-beat noise, and accelerations, decelerations (placed against contractions), signal
// loss, sinusoidal stretches, doubling/halving artefacts and the mother's pulse picked up instead
// of the fetus (with or without a maternal channel) where asked.
class CtgSynthesizer
{
public:
    struct Shape
    {
        double startSeconds;
        double durationSeconds;
        double amplitude; // bpm, positive for accelerations, negative for decelerations
    };

    explicit CtgSynthesizer(double durationSeconds, double baselineBpm = 140, quint32 seed = 1);

    CtgSynthesizer &drift(double bpmPerHour);
    CtgSynthesizer &variability(double bandBpm);
    CtgSynthesizer &add(const Shape &shape);                  // a smooth bell-shaped excursion
    CtgSynthesizer &addAbrupt(const Shape &shape);            // a V-shaped (variable) deceleration
    CtgSynthesizer &contraction(double peakSeconds, double amplitude = 50, double durationSeconds = 80);
    CtgSynthesizer &loss(double startSeconds, double durationSeconds);
    CtgSynthesizer &sinusoidal(double startSeconds, double durationSeconds, double amplitudeBpm, double periodSeconds);
    CtgSynthesizer &doubling(double startSeconds, double durationSeconds);
    CtgSynthesizer &halving(double startSeconds, double durationSeconds);
    // The mother's heart rate (about `levelBpm`, rising with contractions); recorded as the
    // maternal channel when `recorded`.
    CtgSynthesizer &maternalPulse(double levelBpm, bool recorded);
    // The FHR channel follows the mother's pulse instead of the fetus (maternalPulse first).
    CtgSynthesizer &maternalCapture(double startSeconds, double durationSeconds);

    CtgTrace build() const;
    double baselineAt(double seconds) const;

private:
    double m_duration;
    double m_baseline;
    quint32 m_seed;
    double m_driftPerHour = 0;
    double m_band = 10;
    QList<Shape> m_bells;
    QList<Shape> m_abrupt;
    QList<Shape> m_contractions;
    QList<Shape> m_losses;
    struct Sine
    {
        double startSeconds;
        double durationSeconds;
        double amplitudeBpm;
        double periodSeconds;
    };
    QList<Sine> m_sines;
    QList<Shape> m_doublings;
    QList<Shape> m_halvings;
    QList<Shape> m_captures;
    double m_maternalBpm = 0; // 0: no maternal pulse
    bool m_maternalRecorded = false;
};
