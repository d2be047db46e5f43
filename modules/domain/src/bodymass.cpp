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
    // A value exactly on a cut-off belongs to the upper class even after rounding in the division:
    // 61.44 kg / (1.60 m)² is 24 but computes as 23.999999999999993. Same tolerance as the risk rules.
    constexpr double tolerance = 1e-9;
    if (bmi < 18.5 - tolerance)
        return BmiClass::Underweight;
    if (bmi < 24.0 - tolerance)
        return BmiClass::Normal;
    if (bmi < 28.0 - tolerance)
        return BmiClass::Overweight;
    return BmiClass::Obese;
}

namespace {
// WS/T 801-2022, table 1: total gain by term for each pre-pregnancy BMI class.
WeightGainBand totalGain(BmiClass c)
{
    switch (c) {
    case BmiClass::Underweight:
        return {11.0, 16.0};
    case BmiClass::Normal:
        return {8.0, 14.0};
    case BmiClass::Overweight:
        return {7.0, 11.0};
    case BmiClass::Obese:
        return {5.0, 9.0};
    }
    return {};
}

// WS/T 801-2022: 0–2 kg in the first trimester (妊娠早期, before 14+0) for every class.
constexpr double FirstTrimesterGainHighKg = 2.0;
constexpr int FirstTrimesterEndDays = 14 * 7;
} // namespace

WeightGainBand recommendedTotalWeightGain(BmiClass c)
{
    return totalGain(c);
}

WeightGainBand recommendedWeightGainAt(BmiClass c, const GestationalAge &age)
{
    const int days = std::clamp(age.totalDays(), 0, GestationalAge::DaysAtTerm);
    if (days <= FirstTrimesterEndDays) {
        const double fraction = static_cast<double>(days) / FirstTrimesterEndDays;
        return {0.0, FirstTrimesterGainHighKg * fraction};
    }
    // From 14+0 the band widens linearly from the first-trimester band to the class's total at
    // 40+0. The standard's weekly ranges alone would miss the total (normal BMI: 0.26–0.48 kg a
    // week gives 6.8–14.5 kg by term, not 8–14); the slopes used here (normal 0.31–0.46 kg a
    // week, likewise for every class) lie inside those weekly ranges and end on the total.
    const WeightGainBand total = totalGain(c);
    const double fraction = static_cast<double>(days - FirstTrimesterEndDays)
                            / (GestationalAge::DaysAtTerm - FirstTrimesterEndDays);
    return {total.lowKg * fraction,
            FirstTrimesterGainHighKg + (total.highKg - FirstTrimesterGainHighKg) * fraction};
}
