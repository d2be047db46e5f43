#include "ctg-ui/ctgdecimation.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace {
constexpr qsizetype FirstBlock = 4;

void merge(CtgDecimation::Range &r, float min, float max)
{
    if (std::isnan(min))
        return;
    if (!r.any) {
        r = { min, max, true };
        return;
    }
    r.min = std::min(r.min, min);
    r.max = std::max(r.max, max);
}
} // namespace

CtgDecimation::CtgDecimation(const QVector<float> &samples)
    : m_samples(samples)
{
    const qsizetype n = samples.size();
    if (n < FirstBlock)
        return;
    // Level 0 from the samples; every further level from the one below.
    QVector<float> level((n / FirstBlock) * 2);
    for (qsizetype b = 0; b < n / FirstBlock; ++b) {
        float lo = std::numeric_limits<float>::quiet_NaN();
        float hi = lo;
        for (qsizetype i = b * FirstBlock; i < (b + 1) * FirstBlock; ++i) {
            const float v = samples[i];
            if (std::isnan(v))
                continue;
            lo = std::isnan(lo) ? v : std::min(lo, v);
            hi = std::isnan(hi) ? v : std::max(hi, v);
        }
        level[2 * b] = lo;
        level[2 * b + 1] = hi;
    }
    while (level.size() >= 4) {
        QVector<float> next((level.size() / 4) * 2);
        for (qsizetype b = 0; b < next.size() / 2; ++b) {
            const float lo1 = level[4 * b], hi1 = level[4 * b + 1], lo2 = level[4 * b + 2],
                        hi2 = level[4 * b + 3];
            next[2 * b] = std::isnan(lo1) ? lo2 : std::isnan(lo2) ? lo1 : std::min(lo1, lo2);
            next[2 * b + 1] = std::isnan(hi1) ? hi2 : std::isnan(hi2) ? hi1 : std::max(hi1, hi2);
        }
        m_levels.append(level);
        level = std::move(next);
    }
    m_levels.append(level);
}

CtgDecimation::Range CtgDecimation::range(qsizetype first, qsizetype last) const
{
    Range r;
    first = std::max<qsizetype>(first, 0);
    last = std::min(last, m_samples.size());
    qsizetype i = first;
    while (i < last) {
        // The largest aligned block that starts at i and ends by `last`.
        int level = -1;
        qsizetype block = FirstBlock;
        while (level + 1 < m_levels.size() && i % block == 0 && i + block <= last
            && (i / block) * 2 + 1 < m_levels[level + 1].size()) {
            ++level;
            block *= 2;
        }
        if (level < 0) {
            const float v = m_samples[i];
            merge(r, v, v);
            ++i;
            continue;
        }
        const qsizetype size = FirstBlock << level;
        const QVector<float> &l = m_levels[level];
        merge(r, l[(i / size) * 2], l[(i / size) * 2 + 1]);
        i += size;
    }
    return r;
}

qsizetype CtgDecimation::pyramidBytes() const
{
    qsizetype bytes = 0;
    for (const QVector<float> &l : m_levels)
        bytes += l.size() * qsizetype(sizeof(float));
    return bytes;
}
