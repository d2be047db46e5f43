#pragma once

#include <QVector>

// Min/max of a channel over any range of samples in logarithmic time: a pyramid of blocks of
// 4, 8, 16 … samples computed once, so that drawing a column of pixels that covers thousands of
// samples (a 24-hour trace zoomed out) costs a few lookups. Lost samples (NaN) are skipped; a
// range with none left is a gap.
class CtgDecimation
{
public:
    struct Range
    {
        float min = 0;
        float max = 0;
        bool any = false; // false: all lost (a gap)
    };

    CtgDecimation() = default;
    explicit CtgDecimation(const QVector<float> &samples);

    qsizetype size() const { return m_samples.size(); }
    bool isEmpty() const { return m_samples.isEmpty(); }
    float sample(qsizetype index) const { return m_samples[index]; }
    // Over [first, last), clamped to the channel.
    Range range(qsizetype first, qsizetype last) const;
    // What the pyramid adds to the samples, in bytes.
    qsizetype pyramidBytes() const;

private:
    QVector<float> m_samples;
    // m_levels[k] holds min/max pairs of blocks of 4 << k samples.
    QVector<QVector<float>> m_levels;
};
