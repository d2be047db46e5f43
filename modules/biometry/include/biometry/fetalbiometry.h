#pragma once

#include "biometry/biometrymeasure.h"

#include <array>
#include <optional>

// The biometry of one fetus at one examination: each measurement in millimetres, or unknown.
class FetalBiometry
{
public:
    std::optional<double> millimetres(BiometryMeasure measure) const;
    // Centimetres, the unit Hadlock's formulas take.
    std::optional<double> centimetres(BiometryMeasure measure) const;
    bool has(BiometryMeasure measure) const { return millimetres(measure).has_value(); }
    bool isEmpty() const;

    // Stores a validated value (see BiometryMeasures::validate); a refused value leaves the
    // previous one in place.
    Result<void> set(BiometryMeasure measure, double millimetres);
    void clear(BiometryMeasure measure);

    bool operator==(const FetalBiometry &) const = default;

private:
    std::array<std::optional<double>, 6> m_millimetres;
};
