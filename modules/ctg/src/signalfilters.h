#pragma once

#include <QVector>

#include <cmath>

// Small building blocks of the analysis, each linear in the signal length. NaN marks a missing
// value throughout.
namespace SignalFilters {
bool isValid(double v);
// Mean of each block of `factor` samples, NaN where the block has no valid sample.
QVector<double> downsample(const QVector<float> &samples, int factor);
// Centered running median over `window` samples (valid only), evaluated every `stride`
// samples and interpolated between; values binned at 0.5 units in [low, high].
QVector<double> runningMedian(const QVector<double> &x, int window, int stride, double low, double high);
// Centered running median over `window` samples of the valid entries where keep is true, from a
// sliding histogram of 1-unit bins in [low, high] (the median interpolated inside its bin, so
// the curve is not stepped); NaN where fewer than `minCount` samples are kept. Linear in the
// length for a fixed bin count.
QVector<double> maskedRunningMedian(const QVector<double> &x, const QVector<bool> &keep, int window, int minCount,
                                    double low, double high);
// Centered moving average over `window` samples of the valid entries where keep is true;
// NaN where none is.
QVector<double> maskedMovingAverage(const QVector<double> &x, const QVector<bool> &keep, int window);
// Linear interpolation across NaN runs, flat extension at both ends; all NaN stays NaN.
void fillGaps(QVector<double> &x);
double fractionValid(const QVector<double> &x, qsizetype from, qsizetype to);
} // namespace SignalFilters
