#include "domain/bodymass.h"

#include <algorithm>

std::optional<double> bodyMassIndex(double heightCm, double weightKg)
{
    if (!(heightCm >= 50 && heightCm <= 250) || !(weightKg >= 10 && weightKg <= 400))
        return std::nullopt;
    const double metres = heightCm / 100.0;
    return weightKg / (metres * metres);
}

BmiClass bmiClass(double bmi)
{
    if (bmi < 18.5)
        return BmiClass::Underweight;
    if (bmi < 24.0)
        return BmiClass::Normal;
    if (bmi < 28.0)
        return BmiClass::Overweight;
    return BmiClass::Obese;
}

namespace {
struct GainTable
{
    WeightGainBand total;
    WeightGainBand weeklyAfterFirstTrimester;
};

// WS/T 801-2022, table 1.
GainTable gainTable(BmiClass c)
{
    switch (c) {
    case BmiClass::Underweight:
        return {{11.0, 16.0}, {0.37, 0.56}};
    case BmiClass::Normal:
        return {{8.0, 14.0}, {0.26, 0.48}};
    case BmiClass::Overweight:
        return {{7.0, 11.0}, {0.22, 0.37}};
    case BmiClass::Obese:
        return {{5.0, 9.0}, {0.15, 0.30}};
    }
    return {};
}

constexpr double FirstTrimesterGainHighKg = 2.0;
constexpr int FirstTrimesterEndDays = 13 * 7; // the table applies weekly rates from 14+0
} // namespace

WeightGainBand recommendedTotalWeightGain(BmiClass c)
{
    return gainTable(c).total;
}

WeightGainBand recommendedWeightGainAt(BmiClass c, const GestationalAge &age)
{
    const int days = std::clamp(age.totalDays(), 0, GestationalAge::DaysAtTerm);
    if (days <= FirstTrimesterEndDays) {
        const double fraction = static_cast<double>(days) / FirstTrimesterEndDays;
        return {0.0, FirstTrimesterGainHighKg * fraction};
    }
    const GainTable table = gainTable(c);
    const double weeksAfter = (days - FirstTrimesterEndDays) / 7.0;
    // The weekly rates and the first-trimester allowance are clamped to the total band so that
    // the curve ends inside the recommended total at 40 weeks.
    const double low = std::min(table.weeklyAfterFirstTrimester.lowKg * weeksAfter, table.total.lowKg);
    const double high = std::min(FirstTrimesterGainHighKg
                                     + table.weeklyAfterFirstTrimester.highKg * weeksAfter,
                                 table.total.highKg);
    return {low, high};
}
