#include "dicom/ultrasoundmeasurement.h"

#include <QtMath>

Result<UltrasoundMeasurement::Scale> UltrasoundMeasurement::scaleFor(const DicomInfo &info, const QList<QPointF> &points)
{
    for (int i = 0; i < info.ultrasoundRegions.size(); ++i) {
        const UltrasoundRegion &r = info.ultrasoundRegions[i];
        const QRectF bounds(r.bounds.left(), r.bounds.top(), r.bounds.width(), r.bounds.height());
        bool inside = true;
        for (const QPointF &p : points)
            inside = inside && bounds.contains(p);
        if (!inside)
            continue;
        if (!r.isSpatialInCentimetres())
            return failure(QStringLiteral("dicom.uncalibrated"),
                           tr("This region is not calibrated in centimetres (units %1 × %2): no distance can be measured here.")
                               .arg(UltrasoundRegion::unitName(r.physicalUnitsX), UltrasoundRegion::unitName(r.physicalUnitsY)));
        return Scale{r.physicalDeltaX, r.physicalDeltaY, PhysicalMeasurement::Calibration::UltrasoundRegion, i};
    }
    if (!info.ultrasoundRegions.isEmpty())
        return failure(QStringLiteral("dicom.uncalibrated"),
                       tr("Both points must lie in the same calibrated ultrasound region."));
    if (info.pixelSpacingMm && info.pixelSpacingMm->x() > 0 && info.pixelSpacingMm->y() > 0)
        // Pixel Spacing is (row spacing, column spacing) in mm: y first.
        return Scale{info.pixelSpacingMm->y() / 10.0, info.pixelSpacingMm->x() / 10.0,
                     PhysicalMeasurement::Calibration::PixelSpacing, -1};
    return failure(QStringLiteral("dicom.uncalibrated"), tr("This image carries no calibration: it cannot be measured."));
}

Result<PhysicalMeasurement> UltrasoundMeasurement::distance(const DicomInfo &info, const QPointF &a, const QPointF &b)
{
    auto scale = scaleFor(info, {a, b});
    if (!scale)
        return tl::unexpected(scale.error());
    const double dx = (b.x() - a.x()) * scale->cmPerPixelX;
    const double dy = (b.y() - a.y()) * scale->cmPerPixelY;
    return PhysicalMeasurement{std::hypot(dx, dy), QStringLiteral("cm"), scale->calibration, scale->region};
}

Result<UltrasoundMeasurement::EllipseAxes> UltrasoundMeasurement::axesCm(const DicomInfo &info, const QPointF &centre,
                                                                         double radiusXPixels, double radiusYPixels)
{
    auto scale = scaleFor(info, {centre + QPointF(radiusXPixels, 0), centre - QPointF(radiusXPixels, 0),
                                 centre + QPointF(0, radiusYPixels), centre - QPointF(0, radiusYPixels)});
    if (!scale)
        return tl::unexpected(scale.error());
    return EllipseAxes{std::abs(radiusXPixels) * scale->cmPerPixelX, std::abs(radiusYPixels) * scale->cmPerPixelY, *scale};
}

Result<PhysicalMeasurement> UltrasoundMeasurement::ellipseCircumference(const DicomInfo &info, const QPointF &centre,
                                                                       double radiusXPixels, double radiusYPixels)
{
    auto axes = axesCm(info, centre, radiusXPixels, radiusYPixels);
    if (!axes)
        return tl::unexpected(axes.error());
    const double a = axes->a, b = axes->b;
    // Ramanujan's second approximation, as ultrasound machines use for HC and AC.
    const double h = (a - b) * (a - b) / ((a + b) * (a + b));
    const double circumference = M_PI * (a + b) * (1 + 3 * h / (10 + std::sqrt(4 - 3 * h)));
    return PhysicalMeasurement{circumference, QStringLiteral("cm"), axes->scale.calibration, axes->scale.region};
}

Result<PhysicalMeasurement> UltrasoundMeasurement::ellipseArea(const DicomInfo &info, const QPointF &centre,
                                                              double radiusXPixels, double radiusYPixels)
{
    auto axes = axesCm(info, centre, radiusXPixels, radiusYPixels);
    if (!axes)
        return tl::unexpected(axes.error());
    return PhysicalMeasurement{M_PI * axes->a * axes->b, QStringLiteral("cm2"), axes->scale.calibration, axes->scale.region};
}
