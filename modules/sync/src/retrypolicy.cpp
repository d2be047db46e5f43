#include "sync/retrypolicy.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

RetryPolicy::RetryPolicy(Seconds first, Seconds ceiling, double jitterShare)
    : m_first(first)
    , m_ceiling(std::max(first, ceiling))
    , m_jitterShare(std::clamp(jitterShare, 0.0, 1.0))
{
}

RetryPolicy::Seconds RetryPolicy::delayAfter(int failuresInARow, double unitRandom) const
{
    const int doublings = std::clamp(failuresInARow - 1, 0, 30);
    const double plain
        = std::min(double(m_first.count()) * std::pow(2.0, doublings), double(m_ceiling.count()));
    // The band is [plain × (1 − share), plain × (1 + share)], never past the ceiling.
    const double jittered
        = plain * (1.0 - m_jitterShare + 2.0 * m_jitterShare * std::clamp(unitRandom, 0.0, 1.0));
    return Seconds(std::max<long long>(1, std::llround(std::min(jittered, double(m_ceiling.count())))));
}

RetryPolicy::Seconds RetryPolicy::delayAfter(int failuresInARow) const
{
    return delayAfter(failuresInARow, QRandomGenerator::global()->generateDouble());
}
