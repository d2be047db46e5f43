#pragma once

#include "domain/gestationalage.h"

#include <optional>

// BMI in kg/m²; nullopt for impossible height or weight.
std::optional<double> bodyMassIndex(double heightCm, double weightKg);

// Pre-pregnancy BMI classes of WS/T 801-2022 (中国妊娠期妇女体重增长推荐值标准), which uses the
// Chinese adult cut-offs 18.5 / 24 / 28 rather than the WHO 25 / 30.
enum class BmiClass { Underweight, Normal, Overweight, Obese };
BmiClass bmiClass(double bmi);

// Recommended gestational weight gain (kg) for a BMI class at a gestational age, WS/T 801-2022:
// 0–2 kg by the end of the first trimester (14+0), then widening at a steady weekly rate (within
// the standard's weekly ranges) to the total gain for the class at 40+0.
struct WeightGainBand
{
    double lowKg = 0;
    double highKg = 0;
};
WeightGainBand recommendedTotalWeightGain(BmiClass bmiClass);
WeightGainBand recommendedWeightGainAt(BmiClass bmiClass, const GestationalAge &age);
