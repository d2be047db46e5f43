#pragma once

#include <QString>

#include <optional>

// A length or an area measured on an image, with the calibration it relied on, so that a
// report can say whether it came from the machine's ultrasound region or from Pixel Spacing.
struct PhysicalMeasurement
{
    enum class Calibration {
        UltrasoundRegion, // the region's Physical Delta X/Y in cm (PS3.3 C.8.5.5)
        PixelSpacing, // Pixel Spacing (0028,0030): the file has no ultrasound regions
    };
    enum class Kind { Length, Area };

    double value = 0; // cm or cm²
    Kind kind = Kind::Length;
    Calibration calibration = Calibration::UltrasoundRegion;
    std::optional<int> regionIndex; // item of (0018,6011) the points lie in

    QString unit() const { return kind == Kind::Length ? QStringLiteral("cm") : QStringLiteral("cm2"); }
};
