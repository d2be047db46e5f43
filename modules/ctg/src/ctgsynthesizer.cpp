#include "ctg/ctgsynthesizer.h"

#include <QRandomGenerator>

#include <cmath>

CtgSynthesizer::CtgSynthesizer(double durationSeconds, double baselineBpm, quint32 seed)
    : m_duration(durationSeconds), m_baseline(baselineBpm), m_seed(seed)
{
}

CtgSynthesizer &CtgSynthesizer::drift(double bpmPerHour) { m_driftPerHour = bpmPerHour; return *this; }
CtgSynthesizer &CtgSynthesizer::variability(double bandBpm) { m_band = bandBpm; return *this; }
CtgSynthesizer &CtgSynthesizer::add(const Shape &shape) { m_bells.append(shape); return *this; }
CtgSynthesizer &CtgSynthesizer::addAbrupt(const Shape &shape) { m_abrupt.append(shape); return *this; }
CtgSynthesizer &CtgSynthesizer::loss(double start, double duration) { m_losses.append({start, duration, 0}); return *this; }
CtgSynthesizer &CtgSynthesizer::doubling(double start, double duration) { m_doublings.append({start, duration, 0}); return *this; }
CtgSynthesizer &CtgSynthesizer::halving(double start, double duration) { m_halvings.append({start, duration, 0}); return *this; }
CtgSynthesizer &CtgSynthesizer::maternalCapture(double start, double duration) { m_captures.append({start, duration, 0}); return *this; }

CtgSynthesizer &CtgSynthesizer::maternalPulse(double levelBpm, bool recorded)
{
    m_maternalBpm = levelBpm;
    m_maternalRecorded = recorded;
    return *this;
}

CtgSynthesizer &CtgSynthesizer::contraction(double peakSeconds, double amplitude, double durationSeconds)
{
    m_contractions.append({peakSeconds - durationSeconds / 2, durationSeconds, amplitude});
    return *this;
}

CtgSynthesizer &CtgSynthesizer::sinusoidal(double start, double duration, double amplitudeBpm, double periodSeconds)
{
    m_sines.append({start, duration, amplitudeBpm, periodSeconds});
    return *this;
}

double CtgSynthesizer::baselineAt(double t) const
{
    return m_baseline + m_driftPerHour * t / 3600.0;
}

namespace {
// A raised-cosine bump: 0 at both ends, `amplitude` in the middle.
double bell(double t, double start, double duration, double amplitude)
{
    if (t < start || t > start + duration)
        return 0;
    return amplitude * 0.5 * (1 - std::cos(2 * M_PI * (t - start) / duration));
}

bool within(double t, const QList<CtgSynthesizer::Shape> &shapes)
{
    for (const CtgSynthesizer::Shape &s : shapes)
        if (t >= s.startSeconds && t < s.startSeconds + s.durationSeconds)
            return true;
    return false;
}
} // namespace

CtgTrace CtgSynthesizer::build() const
{
    CtgTrace trace;
    trace.sampleRateHz = 4;
    const qsizetype n = static_cast<qsizetype>(m_duration * 4);
    trace.fhrBpm.resize(n);
    trace.tocoUnits.resize(n);
    if (m_maternalRecorded && m_maternalBpm > 0)
        trace.mhrBpm.resize(n);
    QRandomGenerator random(m_seed);
    double wander = 0;
    double maternalWander = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const double t = static_cast<double>(i) / 4.0;
        // Band-limited noise: a slow random walk pulled back to zero plus fast jitter, giving a
        // 1-minute range of about m_band.
        wander = 0.97 * wander + (random.generateDouble() - 0.5) * m_band * 0.35;
        double fhr = baselineAt(t) + wander + (random.generateDouble() - 0.5) * m_band * 0.2;
        for (const Shape &s : m_bells)
            fhr += bell(t, s.startSeconds, s.durationSeconds, s.amplitude);
        for (const Shape &s : m_abrupt) {
            if (t < s.startSeconds || t > s.startSeconds + s.durationSeconds)
                continue;
            // Abrupt fall within 20 s, a short nadir, a quick return.
            const double into = t - s.startSeconds;
            const double fall = std::min(1.0, into / 20.0);
            const double rise = std::min(1.0, (s.startSeconds + s.durationSeconds - t) / 20.0);
            fhr += s.amplitude * std::min(fall, rise);
        }
        for (const Sine &s : m_sines)
            if (t >= s.startSeconds && t < s.startSeconds + s.durationSeconds)
                fhr = baselineAt(t) + s.amplitudeBpm / 2 * std::sin(2 * M_PI * t / s.periodSeconds)
                      + (random.generateDouble() - 0.5) * 0.5;
        if (within(t, m_doublings))
            fhr *= 2;
        if (within(t, m_halvings))
            fhr /= 2;
        double toco = 10 + (random.generateDouble() - 0.5) * 2;
        for (const Shape &c : m_contractions)
            toco += bell(t, c.startSeconds, c.durationSeconds, c.amplitude);
        // An adult's pulse: less beat-to-beat variation, and it rises with each contraction.
        // (Drawn only when asked, so that every other trace stays as it was.)
        if (m_maternalBpm > 0) {
            maternalWander = 0.99 * maternalWander + (random.generateDouble() - 0.5) * 0.6;
            const double maternal = m_maternalBpm + maternalWander + 0.25 * (toco - 10);
            if (within(t, m_captures))
                fhr = maternal + (random.generateDouble() - 0.5);
            if (!trace.mhrBpm.isEmpty())
                trace.mhrBpm[i] = static_cast<float>(maternal);
        }
        trace.fhrBpm[i] = within(t, m_losses) ? CtgTrace::Lost : static_cast<float>(fhr);
        trace.tocoUnits[i] = static_cast<float>(toco);
    }
    return trace;
}
