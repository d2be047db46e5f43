#include "ctg/ctganalyzer.h"
#include "ctg/ctgsignalchecker.h"

#include "signalfilters.h"

#include <algorithm>
#include <cmath>
#include <functional>

using namespace SignalFilters;

namespace {
constexpr int WindowSeconds = 600;       // FIGO reports per 10 minutes
constexpr double InsufficientLoss = 50;  // % lost above which a trace is not classified
constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

// --- Cleaning -------------------------------------------------------------------------------

// Removes what cannot be the fetal heart: values outside 50–210 bpm, isolated spikes of more
// than 25 bpm against both neighbours, and samples that match the maternal heart rate.
QVector<float> cleanFetalHeartRate(const CtgTrace &trace)
{
    QVector<float> x = trace.fhrBpm;
    for (float &v : x)
        if (!std::isnan(v) && (v < 50 || v > 210))
            v = CtgTrace::Lost;
    for (qsizetype i = 1; i + 1 < x.size(); ++i) {
        const float a = x[i - 1], b = x[i], c = x[i + 1];
        if (std::isnan(a) || std::isnan(b) || std::isnan(c))
            continue;
        if (std::abs(b - a) > 25 && std::abs(b - c) > 25 && (b - a) * (b - c) > 0)
            x[i] = CtgTrace::Lost;
    }
    if (trace.mhrBpm.size() == x.size())
        for (qsizetype i = 0; i < x.size(); ++i)
            if (!std::isnan(x[i]) && !std::isnan(trace.mhrBpm[i]) && std::abs(x[i] - trace.mhrBpm[i]) < 5)
                x[i] = CtgTrace::Lost;
    return x;
}

// Doubling and halving (the monitor counting twice or half the beats): values near twice or
// half the running median that stand far from it are artefacts.
void removeDoublingAndHalving(QVector<double> &y, const QVector<double> &median)
{
    for (qsizetype i = 0; i < y.size(); ++i) {
        if (!isValid(y[i]) || !isValid(median[i]))
            continue;
        const double m = median[i];
        if (std::abs(y[i] - m) > 40 && (std::abs(y[i] - 2 * m) < 0.1 * m || std::abs(y[i] - m / 2) < 0.1 * m / 2))
            y[i] = NaN;
    }
}

// --- Baseline -------------------------------------------------------------------------------

// The baseline curve at 1 Hz: a running median, then moving averages that leave out points ever
// closer to the curve (25, 20, 15, 10 bpm) over 10 to 5 minutes, so that accelerations and
// decelerations (prolonged ones last up to 10 minutes) stop
// pulling it, and interpolation through what was left out and through signal loss.
QVector<double> estimateBaseline(const QVector<double> &y, const QVector<double> &median)
{
    QVector<double> baseline = median;
    const int windows[] = {600, 480, 360, 300};
    const double limits[] = {25, 20, 15, 10};
    for (int pass = 0; pass < 4; ++pass) {
        QVector<bool> keep(y.size());
        for (qsizetype i = 0; i < y.size(); ++i)
            keep[i] = isValid(y[i]) && isValid(baseline[i]) && std::abs(y[i] - baseline[i]) < limits[pass];
        QVector<double> next = maskedMovingAverage(y, keep, windows[pass]);
        fillGaps(next);
        if (std::all_of(next.cbegin(), next.cend(), [](double v) { return !isValid(v); }))
            break;
        baseline = next;
    }
    return baseline;
}

// --- Events ---------------------------------------------------------------------------------

struct Excursion
{
    qsizetype start;
    qsizetype end; // inclusive
    qsizetype peak;
    double amplitude;
};

// What counts as an excursion of sign*(d): it reaches `threshold` for at least `coreSeconds`, and
// lasts `minSeconds` to `maxSeconds` between the points where the signal is back within
// `boundary` of the baseline (so that ordinary variability does not stretch it); gaps of up to
// `bridgeSeconds` are bridged.
struct ExcursionRule
{
    double threshold;
    int coreSeconds;
    int minSeconds;
    int maxSeconds;
    double boundary;
    int bridgeSeconds;
};

// Accelerations and decelerations as FIGO counts them: the 1 Hz trace reaches 15 bpm from the
// baseline (10 before 32 weeks) and stays more than 4 bpm from it for 15 s or more. A 5 s
// smoothing (the earlier rule) shaved the peaks of short accelerations below 15 bpm; chosen by
// 5-fold cross-validation by recording on real traces (docs/ctg-analysis.md).
constexpr double EventBoundaryBpm = 4;
constexpr int EventCoreSeconds = 1;
constexpr int EventBridgeSeconds = 5;

constexpr ExcursionRule eventRule(double thresholdBpm, int minSeconds, int maxSeconds)
{
    return { thresholdBpm, EventCoreSeconds, minSeconds, maxSeconds, EventBoundaryBpm, EventBridgeSeconds };
}

// A contraction: 12 units above the resting tone for 10 s, 30 s to 5 minutes from where it
// leaves the tone to where it is back within 2 units.
constexpr ExcursionRule ContractionRule { 12, 10, 30, 300, 2, 5 };

QList<Excursion> excursions(const QVector<double> &d, int sign, const ExcursionRule &rule)
{
    const double threshold = rule.threshold;
    QList<Excursion> found;
    const qsizetype n = d.size();
    auto above = [&](qsizetype i, double level) { return isValid(d[i]) && sign * d[i] >= level; };
    qsizetype i = 0;
    while (i < n) {
        if (!above(i, threshold)) {
            ++i;
            continue;
        }
        // Core: consecutive samples at or beyond the threshold (short gaps bridged).
        qsizetype coreEnd = i;
        qsizetype gap = 0;
        for (qsizetype j = i + 1; j < n && gap <= rule.bridgeSeconds; ++j) {
            if (above(j, threshold)) {
                coreEnd = j;
                gap = 0;
            } else {
                ++gap;
            }
        }
        const qsizetype coreStart = i;
        const double back = rule.boundary;
        qsizetype start = coreStart;
        for (qsizetype j = coreStart - 1, missing = 0; j >= 0 && missing <= rule.bridgeSeconds; --j) {
            if (!isValid(d[j])) {
                ++missing;
                continue;
            }
            if (sign * d[j] <= back)
                break;
            start = j;
            missing = 0;
        }
        qsizetype end = coreEnd;
        for (qsizetype j = coreEnd + 1, missing = 0; j < n && missing <= rule.bridgeSeconds; ++j) {
            if (!isValid(d[j])) {
                ++missing;
                continue;
            }
            if (sign * d[j] <= back)
                break;
            end = j;
            missing = 0;
        }
        qsizetype extreme = coreStart;
        for (qsizetype j = start; j <= end; ++j)
            if (isValid(d[j]) && sign * d[j] > sign * d[extreme])
                extreme = j;
        // The peak (or nadir) time is the middle of the part within 20 % of the extreme: the
        // single extreme sample is wherever the noise happened to put it.
        qsizetype first = extreme, last = extreme;
        for (qsizetype j = start; j <= end; ++j)
            if (isValid(d[j]) && sign * d[j] >= 0.8 * sign * d[extreme]) {
                first = std::min(first, j);
                last = std::max(last, j);
            }
        const qsizetype peak = (first + last) / 2;
        const qsizetype duration = end - start + 1;
        if (coreEnd - coreStart + 1 >= rule.coreSeconds && duration >= rule.minSeconds && duration <= rule.maxSeconds)
            found.append({start, end, peak, sign * d[extreme]});
        i = end + 1;
    }
    return found;
}

QVector<double> smooth(const QVector<double> &x, int window)
{
    QVector<bool> all(x.size(), true);
    QVector<double> out = maskedMovingAverage(x, all, window);
    for (qsizetype i = 0; i < x.size(); ++i)
        if (!isValid(x[i]))
            out[i] = NaN; // smoothing never invents signal where there was none
    return out;
}

// Seconds from onset to nadir, estimated from the last point before the nadir at 20 % of its
// depth (the onset itself drowns in variability): gradual falls take 30 s or more, abrupt ones
// less (NICHD 2008).
double onsetToNadirSeconds(const Excursion &dec, const QVector<double> &ds)
{
    qsizetype at20 = dec.peak;
    while (at20 > dec.start && (!isValid(ds[at20 - 1]) || -ds[at20 - 1] > 0.2 * dec.amplitude))
        --at20;
    return static_cast<double>(dec.peak - at20) / 0.8;
}

// --- Fetal baseline -------------------------------------------------------------------------

// Chosen with 5-fold cross-validation by recording on the FHRMA development set over windows of
// 3–10 min and smoothing of 1–3 min (docs/ctg-analysis.md): a 5-minute median follows the
// slow drifts of an unstable baseline that experts follow, a longer one does not; shorter ones
// gain little and lose events.
constexpr int FirstWindowSeconds = 600;  // first pass: nothing left out yet, so wider
constexpr int MedianWindowSeconds = 300;
constexpr double KeepWithinBpm = 25;     // farther from the curve is never baseline
constexpr int SmoothSeconds = 180;
constexpr int Passes = 3;
// What each pass leaves out: the accelerations and decelerations exactly as the events are found,
// however long. Narrower masks (out to 5-10 bpm instead of 4) agree a little better with real
// traces but let the shoulders of a prolonged deceleration pull the curve down
// (docs/ctg-analysis.md).
constexpr ExcursionRule LeftOutOfBaseline = eventRule(15, 15, std::numeric_limits<int>::max());

// The baseline at 1 Hz the way experts draw it (in the spirit of Boudet et al. 2019's weighted
// median filter): a running median of the FHR that leaves out accelerations, decelerations
// and signal loss. Each pass finds the departures of 15 bpm for 15 s or more (FIGO 2015) from
// the current curve, leaves their whole span out and recomputes the median, so that
// decelerations lasting minutes stop dragging the curve down. Where too little stable signal is
// left in a window (long loss, an unbroken run of events) the curve is interpolated across.
QVector<double> fetalBaseline(const QVector<double> &y)
{
    const qsizetype n = y.size();
    const int minCount = MedianWindowSeconds / 10; // at least 30 s of stable signal in the window
    QVector<bool> keep(n);
    for (qsizetype i = 0; i < n; ++i)
        keep[i] = isValid(y[i]);
    QVector<double> baseline = maskedRunningMedian(y, keep, FirstWindowSeconds, FirstWindowSeconds / 10, 50, 210);
    fillGaps(baseline);
    if (!isValid(baseline.value(0, NaN)))
        return baseline;
    for (int pass = 0; pass < Passes; ++pass) {
        QVector<double> d(n, NaN);
        for (qsizetype i = 0; i < n; ++i)
            if (isValid(y[i]))
                d[i] = y[i] - baseline[i];
        for (qsizetype i = 0; i < n; ++i)
            keep[i] = isValid(d[i]) && std::abs(d[i]) < KeepWithinBpm;
        for (int sign : {+1, -1})
            for (const Excursion &e : excursions(d, sign, LeftOutOfBaseline))
                for (qsizetype i = e.start; i <= e.end; ++i)
                    keep[i] = false;
        const int window = pass == 0 ? (FirstWindowSeconds + MedianWindowSeconds) / 2 : MedianWindowSeconds;
        QVector<double> next = maskedRunningMedian(y, keep, window, minCount, 50, 210);
        fillGaps(next);
        if (!isValid(next.value(0, NaN)))
            break;
        baseline = next;
    }
    QVector<bool> all(n, true);
    QVector<double> smoothed = maskedMovingAverage(baseline, all, SmoothSeconds);
    fillGaps(smoothed);
    return smoothed;
}

QString decelerationType(const Excursion &dec, const QVector<double> &ds, const QList<CtgEvent> &contractions)
{
    const double duration = static_cast<double>(dec.end - dec.start + 1);
    if (duration > 180) // FIGO: prolonged > 3 minutes
        return QStringLiteral("prolonged");
    // The contraction it accompanies: the one whose peak is nearest the nadir, from a minute
    // before the deceleration begins (late decelerations start well after the peak) to its end.
    const CtgEvent *contraction = nullptr;
    for (const CtgEvent &c : contractions)
        if (c.peakSeconds >= static_cast<double>(dec.start) - 60 && c.peakSeconds <= static_cast<double>(dec.end)
            && (!contraction || std::abs(c.peakSeconds - static_cast<double>(dec.peak))
                                    < std::abs(contraction->peakSeconds - static_cast<double>(dec.peak))))
            contraction = &c;
    const double onsetToNadir = onsetToNadirSeconds(dec, ds);
    // Variable: abrupt (nadir within 30 s of onset) or unrelated to a contraction.
    if (!contraction || onsetToNadir < 30)
        return QStringLiteral("variable");
    const double lag = static_cast<double>(dec.peak) - contraction->peakSeconds;
    if (std::abs(lag) <= 15)
        return QStringLiteral("early");
    return lag > 15 ? QStringLiteral("late") : QStringLiteral("variable");
}

// --- Variability ----------------------------------------------------------------------------

// Amplitude of the band in each minute (2.5th to 97.5th percentile of the cleaned samples at
// the input rate, leaving out accelerations and decelerations); NaN where under half the minute
// has signal.
QVector<double> minuteAmplitudes(const QVector<float> &x, double rate, const QList<CtgEvent> &events)
{
    const qsizetype perMinute = static_cast<qsizetype>(std::lround(rate * 60));
    const qsizetype minutes = (x.size() + perMinute - 1) / perMinute;
    QVector<bool> inEvent(x.size(), false);
    for (const CtgEvent &e : events) {
        if (e.type == CtgEvent::Type::Contraction)
            continue;
        for (qsizetype i = static_cast<qsizetype>(e.startSeconds * rate); i <= static_cast<qsizetype>(e.endSeconds * rate) && i < x.size(); ++i)
            inEvent[std::max<qsizetype>(0, i)] = true;
    }
    QVector<double> amplitudes(minutes, NaN);
    std::vector<float> values;
    for (qsizetype m = 0; m < minutes; ++m) {
        values.clear();
        for (qsizetype i = m * perMinute; i < std::min(x.size(), (m + 1) * perMinute); ++i)
            if (!std::isnan(x[i]) && !inEvent[i])
                values.push_back(x[i]);
        if (static_cast<qsizetype>(values.size()) * 2 < perMinute)
            continue;
        std::sort(values.begin(), values.end());
        const auto at = [&](double q) { return values[static_cast<size_t>(q * static_cast<double>(values.size() - 1))]; };
        amplitudes[m] = at(0.975) - at(0.025);
    }
    return amplitudes;
}

QString variabilityClass(double amplitude)
{
    if (amplitude < 5)
        return QStringLiteral("reduced");
    if (amplitude <= 25)
        return QStringLiteral("normal");
    return QStringLiteral("increased");
}

// --- Sinusoidal pattern ---------------------------------------------------------------------

// FIGO: a smooth, regular oscillation of 5–15 bpm at 3–5 cycles per minute. Detected per window
// as a strong autocorrelation at a 12–20 s lag of the signal around the baseline.
bool looksSinusoidal(const QVector<double> &d, qsizetype from, qsizetype to)
{
    QVector<double> s;
    for (qsizetype i = from; i < std::min(to, d.size()); ++i)
        if (isValid(d[i]))
            s.append(d[i]);
    if (s.size() < 300)
        return false;
    double mean = 0;
    for (double v : s)
        mean += v;
    mean /= static_cast<double>(s.size());
    double variance = 0;
    for (double &v : s) {
        v -= mean;
        variance += v * v;
    }
    variance /= static_cast<double>(s.size());
    const double amplitude = 2 * std::sqrt(2 * variance); // peak-to-peak of a sine
    if (amplitude < 5 || amplitude > 15 || variance <= 0)
        return false;
    double best = 0;
    for (int lag = 12; lag <= 20; ++lag) {
        double sum = 0;
        for (qsizetype i = 0; i + lag < s.size(); ++i)
            sum += s[i] * s[i + lag];
        best = std::max(best, sum / (static_cast<double>(s.size() - lag) * variance));
    }
    return best > 0.6;
}

// --- Classification helpers -----------------------------------------------------------------

int longestRun(const QList<CtgWindow> &windows, const std::function<bool(const CtgWindow &)> &test)
{
    int best = 0, run = 0;
    for (const CtgWindow &w : windows) {
        run = test(w) ? run + 1 : 0;
        best = std::max(best, run);
    }
    return best;
}

// Decelerations of the given types accompanying more than half of the contractions in some
// span of `spanSeconds` (FIGO "repetitive", NICHD "recurrent").
bool repetitive(const QList<CtgEvent> &events, const QStringList &types, double spanSeconds, double duration)
{
    for (double start = 0; start + spanSeconds <= std::max(duration, spanSeconds); start += 60) {
        int contractions = 0, decelerations = 0;
        for (const CtgEvent &e : events) {
            if (e.peakSeconds < start || e.peakSeconds >= start + spanSeconds)
                continue;
            if (e.type == CtgEvent::Type::Contraction)
                ++contractions;
            else if (e.type == CtgEvent::Type::Deceleration && types.contains(e.subtype))
                ++decelerations;
        }
        if (contractions >= 2 && decelerations * 2 > contractions)
            return true;
    }
    return false;
}
// A trace that may show the mother's pulse is never called reassuring: its reasons lead with the
// warning, and a class that would be normal (FIGO) or category I (NICHD) is lowered to
// suspicious / category II until someone has checked the maternal pulse against the fetal heart.
void warnOfMaternalSignal(CtgAnalysis &a)
{
    if (!a.signalQuality.mayBeMaternal())
        return;
    const QString minutes = QString::number(std::max(1L, std::lround(a.signalQuality.maternalSeconds() / 60)));
    const CtgReason warning = a.signalQuality.maternalConfirmedByChannel()
        ? CtgReason(QT_TRANSLATE_NOOP("CtgAnalyzer", "Signal may be maternal: for %1 min the FHR runs on the recorded maternal heart rate. Those stretches are left out; check the fetal heart."), {minutes})
        : CtgReason(QT_TRANSLATE_NOOP("CtgAnalyzer", "Signal may be maternal: for %1 min the trace jumps to an adult's heart rate or to half the fetal rate. Check the maternal pulse against the fetal heart before acting on those stretches."), {minutes});
    if (a.figo.value == QLatin1String("normal"))
        a.figo = {QStringLiteral("suspicious"), {}};
    if (a.nichd.value == QLatin1String("I"))
        a.nichd = {QStringLiteral("II"), {}};
    a.figo.reasons.prepend(warning);
    a.nichd.reasons.prepend(warning);
}
} // namespace

CtgAnalysis CtgAnalyzer::analyse(const CtgTrace &trace, const Options &options)
{
    CtgAnalysis a;
    a.sampleRateHz = trace.sampleRateHz;
    a.durationSeconds = trace.durationSeconds();
    const int factor = std::max(1, static_cast<int>(std::lround(trace.sampleRateHz)));
    a.signalQuality = CtgSignalChecker::assess(trace);
    QVector<float> clean = cleanFetalHeartRate(trace);
    a.signalQuality.leaveOut(clean, trace.sampleRateHz);
    QVector<double> y = downsample(clean, factor); // 1 Hz
    const qsizetype seconds = y.size();
    a.baselineCurve = QVector<float>(trace.fhrBpm.size(), CtgTrace::Lost);
    if (seconds == 0) {
        a.figo = {QStringLiteral("insufficient-signal"), {CtgReason(QT_TRANSLATE_NOOP("CtgAnalyzer", "The trace is empty."))}};
        a.nichd = {QStringLiteral("undetermined"), a.figo.reasons};
        return a;
    }
    a.lostPercent = 100.0 * (1.0 - fractionValid(y, 0, seconds));

    // Baseline.
    QVector<double> median = runningMedian(y, WindowSeconds, 10, 50, 210);
    removeDoublingAndHalving(y, median);
    median = runningMedian(y, WindowSeconds, 10, 50, 210);
    const QVector<double> baseline = fetalBaseline(y);
    const bool hasBaseline = isValid(baseline.value(0, NaN));
    if (hasBaseline)
        for (qsizetype i = 0; i < a.baselineCurve.size(); ++i) {
            // Interpolated between the 1 Hz points, at the input rate.
            const double t = static_cast<double>(i) / factor;
            const qsizetype s = std::min(seconds - 1, static_cast<qsizetype>(t));
            const qsizetype next = std::min(seconds - 1, s + 1);
            const double f = t - static_cast<double>(s);
            a.baselineCurve[i] = static_cast<float>(baseline[s] * (1 - f) + baseline[next] * f);
        }

    // Contractions from the toco channel, against its own resting tone.
    QList<CtgEvent> contractions;
    if (trace.tocoUnits.size() == trace.fhrBpm.size()) {
        const QVector<double> toco = downsample(trace.tocoUnits, factor);
        const QVector<double> tone = estimateBaseline(toco, runningMedian(toco, WindowSeconds, 10, 0, 127));
        QVector<double> rise(seconds, NaN);
        for (qsizetype i = 0; i < seconds; ++i)
            if (isValid(toco[i]) && isValid(tone[i]))
                rise[i] = toco[i] - tone[i];
        for (const Excursion &c : excursions(smooth(rise, 5), +1, ContractionRule))
            contractions.append({CtgEvent::Type::Contraction, {}, static_cast<double>(c.start), static_cast<double>(c.end + 1),
                                 static_cast<double>(c.peak), c.amplitude});
    }

    const bool preterm = options.gestationalWeeks && *options.gestationalWeeks < 32;
    const double accelerationBpm = preterm ? 10 : 15; // FIGO: 10 bpm × 10 s before 32 weeks
    const int accelerationSeconds = preterm ? 10 : 15;
    QVector<double> d(seconds, NaN);
    if (hasBaseline)
        for (qsizetype i = 0; i < seconds; ++i)
            if (isValid(y[i]))
                d[i] = y[i] - baseline[i];
    const QVector<double> ds = smooth(d, 5); // for the decelerations' shape
    QList<CtgEvent> events = contractions;
    for (const Excursion &e : excursions(d, +1, eventRule(accelerationBpm, accelerationSeconds, 600)))
        events.append({CtgEvent::Type::Acceleration, {}, static_cast<double>(e.start), static_cast<double>(e.end + 1),
                       static_cast<double>(e.peak), e.amplitude});
    for (const Excursion &e : excursions(d, -1, eventRule(15, 15, 1200)))
        events.append({CtgEvent::Type::Deceleration, decelerationType(e, ds, contractions), static_cast<double>(e.start),
                       static_cast<double>(e.end + 1), static_cast<double>(e.peak), e.amplitude});
    std::sort(events.begin(), events.end(), [](const CtgEvent &l, const CtgEvent &r) { return l.startSeconds < r.startSeconds; });
    a.events = events;
    for (const CtgEvent &e : events)
        a.accelerations += e.type == CtgEvent::Type::Acceleration ? 1 : 0;

    // Per-window baseline, variability, signal quality and contractions.
    const QVector<double> amplitudes = minuteAmplitudes(clean, trace.sampleRateHz, events);
    double baselineSum = 0;
    int baselineCount = 0;
    for (qsizetype start = 0; start < seconds; start += WindowSeconds) {
        CtgWindow w;
        w.startSeconds = static_cast<double>(start);
        w.endSeconds = static_cast<double>(std::min(seconds, start + WindowSeconds));
        w.lostPercent = 100.0 * (1.0 - fractionValid(y, start, start + WindowSeconds));
        if (hasBaseline && w.lostPercent < 80) {
            double sum = 0;
            for (qsizetype i = start; i < std::min(seconds, start + WindowSeconds); ++i)
                sum += baseline[i];
            w.baselineBpm = sum / (w.endSeconds - w.startSeconds);
            w.baselineRoundedBpm = static_cast<int>(std::lround(*w.baselineBpm / 5.0) * 5);
            baselineSum += *w.baselineBpm;
            ++baselineCount;
        }
        QVector<double> minute;
        for (qsizetype m = start / 60; m < (start + WindowSeconds) / 60 && m < amplitudes.size(); ++m)
            if (isValid(amplitudes[m]))
                minute.append(amplitudes[m]);
        if (minute.size() >= 3) {
            std::sort(minute.begin(), minute.end());
            w.variabilityBpm = minute[minute.size() / 2];
            w.variabilityClass = variabilityClass(*w.variabilityBpm);
        } else {
            w.variabilityClass = QStringLiteral("unknown");
        }
        for (const CtgEvent &c : contractions)
            w.contractions += c.peakSeconds >= w.startSeconds && c.peakSeconds < w.endSeconds ? 1 : 0;
        a.windows.append(w);
    }
    if (baselineCount > 0)
        a.meanBaselineBpm = baselineSum / baselineCount;

    // Contraction frequency: tachysystole is > 5 per 10 minutes averaged over 30 minutes.
    if (!contractions.isEmpty() && a.durationSeconds > 0) {
        a.contractionsPerTenMinutes = contractions.size() * 600.0 / a.durationSeconds;
        for (double start = 0; start + 1800 <= a.durationSeconds; start += 600) {
            int count = 0;
            for (const CtgEvent &c : contractions)
                count += c.peakSeconds >= start && c.peakSeconds < start + 1800 ? 1 : 0;
            a.tachysystole = a.tachysystole || count > 15;
        }
    }

    // Sinusoidal pattern for 30 minutes or more, tachycardia and bradycardia for > 10 minutes.
    int sinusoidalRun = 0;
    for (const CtgWindow &w : a.windows) {
        bool accelerated = false;
        for (const CtgEvent &e : events)
            accelerated = accelerated || (e.type == CtgEvent::Type::Acceleration && e.peakSeconds >= w.startSeconds && e.peakSeconds < w.endSeconds);
        sinusoidalRun = !accelerated && looksSinusoidal(d, static_cast<qsizetype>(w.startSeconds), static_cast<qsizetype>(w.endSeconds))
                            ? sinusoidalRun + 1
                            : 0;
        a.sinusoidal = a.sinusoidal || sinusoidalRun >= 3;
    }
    a.tachycardia = longestRun(a.windows, [](const CtgWindow &w) { return w.baselineBpm && *w.baselineBpm > 160; }) >= 1
                    && a.durationSeconds >= 600;
    a.bradycardia = longestRun(a.windows, [](const CtgWindow &w) { return w.baselineBpm && *w.baselineBpm < 110; }) >= 1
                    && a.durationSeconds >= 600;

    // NST reactivity: ≥ 2 accelerations in 20 minutes, the test extended to 40 minutes.
    if (a.durationSeconds >= 1200) {
        bool reactive = false;
        for (const CtgEvent &e : events) {
            if (e.type != CtgEvent::Type::Acceleration)
                continue;
            int within = 0;
            for (const CtgEvent &f : events)
                within += f.type == CtgEvent::Type::Acceleration && f.peakSeconds >= e.peakSeconds && f.peakSeconds < e.peakSeconds + 1200;
            reactive = reactive || within >= 2;
        }
        if (reactive || a.durationSeconds >= 2400)
            a.nstReactive = reactive;
    }

    // Classification.
    if (a.lostPercent > InsufficientLoss || !a.meanBaselineBpm) {
        const CtgReason reason = CtgReason(QT_TRANSLATE_NOOP("CtgAnalyzer", "%1% of the signal is lost: too little to classify the trace."), {QString::number(qRound(a.lostPercent))});
        a.figo = {QStringLiteral("insufficient-signal"), {reason}};
        a.nichd = {QStringLiteral("undetermined"), {reason}};
        warnOfMaternalSignal(a);
        return a;
    }
    QList<CtgReason> pathological, suspicious;
    const double minBaseline = std::min_element(a.windows.cbegin(), a.windows.cend(), [](const CtgWindow &l, const CtgWindow &r) {
                                   return l.baselineBpm.value_or(1000) < r.baselineBpm.value_or(1000);
                               })->baselineBpm.value_or(*a.meanBaselineBpm);
    const double maxBaseline = std::max_element(a.windows.cbegin(), a.windows.cend(), [](const CtgWindow &l, const CtgWindow &r) {
                                   return l.baselineBpm.value_or(0) < r.baselineBpm.value_or(0);
                               })->baselineBpm.value_or(*a.meanBaselineBpm);
    if (minBaseline < 100)
        pathological << CtgReason(QT_TRANSLATE_NOOP("CtgAnalyzer", "Baseline below 100 bpm (%1 bpm)."), {QString::number(qRound(minBaseline))});
    else if (minBaseline < 110)
        suspicious << CtgReason(QT_TRANSLATE_NOOP("CtgAnalyzer", "Baseline below 110 bpm (%1 bpm)."), {QString::number(qRound(minBaseline))});
    if (maxBaseline > 160)
        suspicious << CtgReason(QT_TRANSLATE_NOOP("CtgAnalyzer", "Baseline above 160 bpm (%1 bpm): tachycardia."), {QString::number(qRound(maxBaseline))});
    const int reducedWindows = longestRun(a.windows, [](const CtgWindow &w) { return w.variabilityClass == QLatin1String("reduced"); });
    const int increasedWindows = longestRun(a.windows, [](const CtgWindow &w) { return w.variabilityClass == QLatin1String("increased"); });
    if (reducedWindows * 10 > 50)
        pathological << CtgReason(QT_TRANSLATE_NOOP("CtgAnalyzer", "Reduced variability for more than 50 minutes."));
    else if (reducedWindows > 0)
        suspicious << CtgReason(QT_TRANSLATE_NOOP("CtgAnalyzer", "Reduced variability (below 5 bpm) for %1 minutes."), {QString::number(reducedWindows * 10)});
    if (increasedWindows * 10 > 30)
        pathological << CtgReason(QT_TRANSLATE_NOOP("CtgAnalyzer", "Increased (saltatory) variability for more than 30 minutes."));
    else if (increasedWindows > 0)
        suspicious << CtgReason(QT_TRANSLATE_NOOP("CtgAnalyzer", "Increased variability (above 25 bpm)."));
    if (a.sinusoidal)
        pathological << CtgReason(QT_TRANSLATE_NOOP("CtgAnalyzer", "Sinusoidal pattern for 30 minutes or more."));
    bool longProlonged = false;
    for (const CtgEvent &e : events)
        longProlonged = longProlonged || (e.type == CtgEvent::Type::Deceleration && e.durationSeconds() > 300);
    if (longProlonged)
        pathological << CtgReason(QT_TRANSLATE_NOOP("CtgAnalyzer", "A prolonged deceleration lasting more than 5 minutes."));
    const double repetitiveSpan = reducedWindows > 0 ? 1200 : 1800;
    if (repetitive(events, {QStringLiteral("late"), QStringLiteral("prolonged")}, repetitiveSpan, a.durationSeconds))
        pathological << CtgReason(QT_TRANSLATE_NOOP("CtgAnalyzer", "Repetitive late or prolonged decelerations."));
    else if (repetitive(events, {QStringLiteral("variable"), QStringLiteral("early"), QStringLiteral("late"), QStringLiteral("prolonged")},
                        1800, a.durationSeconds))
        suspicious << CtgReason(QT_TRANSLATE_NOOP("CtgAnalyzer", "Repetitive decelerations."));
    bool anyProlonged = false, anyLate = false, anyVariable = false;
    for (const CtgEvent &e : events) {
        anyProlonged = anyProlonged || e.subtype == QLatin1String("prolonged");
        anyLate = anyLate || e.subtype == QLatin1String("late");
        anyVariable = anyVariable || e.subtype == QLatin1String("variable");
    }
    if (anyProlonged && !longProlonged)
        suspicious << CtgReason(QT_TRANSLATE_NOOP("CtgAnalyzer", "A prolonged deceleration (over 3 minutes)."));
    if (a.tachysystole)
        suspicious << CtgReason(QT_TRANSLATE_NOOP("CtgAnalyzer", "Tachysystole: more than 5 contractions per 10 minutes."));
    if (!pathological.isEmpty())
        a.figo = {QStringLiteral("pathological"), pathological + suspicious};
    else if (!suspicious.isEmpty())
        a.figo = {QStringLiteral("suspicious"), suspicious};
    else
        a.figo = {QStringLiteral("normal"), {CtgReason(QT_TRANSLATE_NOOP("CtgAnalyzer", "Baseline 110–160 bpm, variability 5–25 bpm, no repetitive decelerations."))}};

    // NICHD 2008: absent variability is undetectable (< 2 bpm); minimal ≤ 5; moderate 6–25.
    const bool absent = longestRun(a.windows, [](const CtgWindow &w) { return w.variabilityBpm && *w.variabilityBpm < 2; }) > 0;
    const bool recurrentLate = repetitive(events, {QStringLiteral("late")}, 1200, a.durationSeconds);
    const bool recurrentVariable = repetitive(events, {QStringLiteral("variable")}, 1200, a.durationSeconds);
    QList<CtgReason> category3;
    if (a.sinusoidal)
        category3 << CtgReason(QT_TRANSLATE_NOOP("CtgAnalyzer", "Sinusoidal pattern."));
    if (absent && (recurrentLate || recurrentVariable || a.bradycardia))
        category3 << CtgReason(QT_TRANSLATE_NOOP("CtgAnalyzer", "Absent variability with recurrent late or variable decelerations or bradycardia."));
    const bool moderate = std::all_of(a.windows.cbegin(), a.windows.cend(), [](const CtgWindow &w) {
        return !w.variabilityBpm || (*w.variabilityBpm >= 5 && *w.variabilityBpm <= 25);
    });
    if (!category3.isEmpty())
        a.nichd = {QStringLiteral("III"), category3};
    else if (minBaseline >= 110 && maxBaseline <= 160 && moderate && !anyLate && !anyVariable && !anyProlonged)
        a.nichd = {QStringLiteral("I"), {CtgReason(QT_TRANSLATE_NOOP("CtgAnalyzer", "Baseline 110–160 bpm, moderate variability, no late, variable or prolonged decelerations."))}};
    else {
        QList<CtgReason> reasons = suspicious;
        appendNewReasons(reasons, pathological);
        if (anyLate)
            reasons << CtgReason(QT_TRANSLATE_NOOP("CtgAnalyzer", "Late decelerations."));
        if (anyVariable)
            reasons << CtgReason(QT_TRANSLATE_NOOP("CtgAnalyzer", "Variable decelerations."));
        if (!moderate)
            reasons << CtgReason(QT_TRANSLATE_NOOP("CtgAnalyzer", "Variability outside 6–25 bpm."));
        a.nichd = {QStringLiteral("II"), reasons};
    }
    warnOfMaternalSignal(a);
    return a;
}
