#pragma once

#include <chrono>

// When to try the center again after a failed sync round: the wait doubles with each failure
// up to a ceiling, and is spread by a random share so that clinics coming back after a
// regional outage do not all knock at the same second.
class RetryPolicy
{
public:
    using Seconds = std::chrono::seconds;

    RetryPolicy(Seconds first = Seconds(10), Seconds ceiling = Seconds(600), double jitterShare = 0.2);

    // The wait after the given number of failures in a row (1 = the first); unitRandom in [0, 1)
    // picks where inside the jitter band it falls, so tests can pass fixed values.
    Seconds delayAfter(int failuresInARow, double unitRandom) const;
    // The same, drawn from the system's random generator.
    Seconds delayAfter(int failuresInARow) const;

private:
    Seconds m_first;
    Seconds m_ceiling;
    double m_jitterShare;
};
