#include "signalfilters.h"

#include <algorithm>
#include <vector>

namespace SignalFilters {

bool isValid(double v)
{
    return !std::isnan(v);
}

QVector<double> downsample(const QVector<float> &samples, int factor)
{
    const qsizetype n = (samples.size() + factor - 1) / factor;
    QVector<double> out(n, std::nan(""));
    for (qsizetype i = 0; i < n; ++i) {
        double sum = 0;
        int count = 0;
        for (qsizetype j = i * factor; j < std::min(samples.size(), (i + 1) * factor); ++j)
            if (!std::isnan(samples[j])) {
                sum += samples[j];
                ++count;
            }
        if (count > 0)
            out[i] = sum / count;
    }
    return out;
}

QVector<double> runningMedian(const QVector<double> &x, int window, int stride, double low, double high)
{
    const int bins = static_cast<int>((high - low) * 2) + 1;
    std::vector<int> histogram(static_cast<size_t>(bins), 0);
    int total = 0;
    auto binOf = [&](double v) { return std::clamp(static_cast<int>(std::lround((v - low) * 2)), 0, bins - 1); };
    const qsizetype n = x.size();
    const int half = window / 2;
    QVector<double> out(n, std::nan(""));
    qsizetype addedUpTo = 0;   // [removedUpTo, addedUpTo) is in the histogram
    qsizetype removedUpTo = 0;
    for (qsizetype centre = 0; centre < n; centre += stride) {
        const qsizetype to = std::min(n, centre + half + 1);
        const qsizetype from = std::max<qsizetype>(0, centre - half);
        for (; addedUpTo < to; ++addedUpTo)
            if (isValid(x[addedUpTo])) {
                ++histogram[static_cast<size_t>(binOf(x[addedUpTo]))];
                ++total;
            }
        for (; removedUpTo < from; ++removedUpTo)
            if (isValid(x[removedUpTo])) {
                --histogram[static_cast<size_t>(binOf(x[removedUpTo]))];
                --total;
            }
        if (total == 0)
            continue;
        int seen = 0;
        for (int b = 0; b < bins; ++b) {
            seen += histogram[static_cast<size_t>(b)];
            if (seen * 2 >= total) {
                out[centre] = low + b / 2.0;
                break;
            }
        }
    }
    fillGaps(out);
    return out;
}

QVector<double> maskedRunningMedian(
    const QVector<double> &x, const QVector<bool> &keep, int window, int minCount, double low, double high)
{
    const int bins = static_cast<int>(high - low) + 1;
    std::vector<int> histogram(static_cast<size_t>(bins), 0);
    const qsizetype n = x.size();
    auto binOf
        = [&](qsizetype i) { return std::clamp(static_cast<int>(std::lround(x[i] - low)), 0, bins - 1); };
    auto used = [&](qsizetype i) { return keep[i] && isValid(x[i]); };
    const int half = window / 2;
    QVector<double> out(n, std::nan(""));
    int total = 0;
    // The median bin moves by little from one sample to the next: track it and the count
    // below it instead of scanning the histogram each time.
    int median = 0;
    int below = 0; // samples in bins < median
    auto add = [&](qsizetype i, int delta) {
        const int b = binOf(i);
        histogram[static_cast<size_t>(b)] += delta;
        total += delta;
        if (b < median)
            below += delta;
    };
    for (qsizetype i = 0; i < std::min<qsizetype>(n, half); ++i)
        if (used(i))
            add(i, +1);
    for (qsizetype centre = 0; centre < n; ++centre) {
        const qsizetype entering = centre + half;
        const qsizetype leaving = centre - half - 1;
        if (entering < n && used(entering))
            add(entering, +1);
        if (leaving >= 0 && used(leaving))
            add(leaving, -1);
        if (total < std::max(1, minCount))
            continue;
        // Move to the bin holding the middle sample: below*2 < total <= (below+count)*2.
        while (median > 0 && below * 2 >= total) {
            --median;
            below -= histogram[static_cast<size_t>(median)];
        }
        while (median < bins - 1 && (below + histogram[static_cast<size_t>(median)]) * 2 < total) {
            below += histogram[static_cast<size_t>(median)];
            ++median;
        }
        const int inBin = histogram[static_cast<size_t>(median)];
        const double within = inBin > 0 ? (total / 2.0 - below) / inBin : 0.5;
        out[centre] = low + median - 0.5 + within;
    }
    return out;
}

QVector<double> maskedMovingAverage(const QVector<double> &x, const QVector<bool> &keep, int window)
{
    const qsizetype n = x.size();
    QVector<double> sums(n + 1, 0.0);
    QVector<int> counts(n + 1, 0);
    for (qsizetype i = 0; i < n; ++i) {
        const bool use = keep[i] && isValid(x[i]);
        sums[i + 1] = sums[i] + (use ? x[i] : 0.0);
        counts[i + 1] = counts[i] + (use ? 1 : 0);
    }
    QVector<double> out(n, std::nan(""));
    const int half = window / 2;
    for (qsizetype i = 0; i < n; ++i) {
        const qsizetype from = std::max<qsizetype>(0, i - half);
        const qsizetype to = std::min(n, i + half + 1);
        const int count = counts[to] - counts[from];
        // Enough support that a few stray points cannot pull the curve.
        if (count >= std::max(3, window / 10))
            out[i] = (sums[to] - sums[from]) / count;
    }
    return out;
}

void fillGaps(QVector<double> &x)
{
    qsizetype last = -1;
    for (qsizetype i = 0; i < x.size(); ++i) {
        if (!isValid(x[i]))
            continue;
        if (last < 0) {
            for (qsizetype j = 0; j < i; ++j)
                x[j] = x[i];
        } else if (i - last > 1) {
            for (qsizetype j = last + 1; j < i; ++j)
                x[j] = x[last] + (x[i] - x[last]) * static_cast<double>(j - last) / static_cast<double>(i - last);
        }
        last = i;
    }
    if (last >= 0)
        for (qsizetype j = last + 1; j < x.size(); ++j)
            x[j] = x[last];
}

double fractionValid(const QVector<double> &x, qsizetype from, qsizetype to)
{
    from = std::max<qsizetype>(0, from);
    to = std::min(x.size(), to);
    if (to <= from)
        return 0;
    qsizetype valid = 0;
    for (qsizetype i = from; i < to; ++i)
        valid += isValid(x[i]) ? 1 : 0;
    return static_cast<double>(valid) / static_cast<double>(to - from);
}

} // namespace SignalFilters
