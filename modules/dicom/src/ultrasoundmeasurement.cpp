#include "dicom/ultrasoundmeasurement.h"

#include <QtMath>

#include <algorithm>
#include <cmath>

namespace {
Error uncalibrated(const QString &message)
{
    return Error { QStringLiteral("dicom.uncalibrated"), message };
}
} // namespace

Result<UltrasoundMeasurement::Scale> UltrasoundMeasurement::scaleFor(
    const DicomInfo &info, const QList<QPointF> &points)
{
    if (!info.ultrasoundRegions.isEmpty()) {
        // Regions may nest (a colour box inside the 2D scan): the smallest calibrated region
        // holding every point is the one whose scale applies.
        std::optional<int> best;
        std::optional<int> uncalibratedHolder;
        for (int i = 0; i < info.ultrasoundRegions.size(); ++i) {
            const UltrasoundRegion &r = info.ultrasoundRegions[i];
            const bool holdsAll
                = std::all_of(points.begin(), points.end(), [&](const QPointF &p) { return r.contains(p); });
            if (!holdsAll)
                continue;
            if (!r.isCalibratedInCentimetres()) {
                uncalibratedHolder = uncalibratedHolder.value_or(i);
                continue;
            }
            const auto area = [](const UltrasoundRegion &x) {
                return double(x.maxX1 - x.minX0 + 1) * double(x.maxY1 - x.minY0 + 1);
            };
            if (!best || area(r) < area(info.ultrasoundRegions[*best]))
                best = i;
        }
        if (best) {
            const UltrasoundRegion &r = info.ultrasoundRegions[*best];
            return Scale { std::abs(*r.physicalDeltaX), std::abs(*r.physicalDeltaY),
                PhysicalMeasurement::Calibration::UltrasoundRegion, best };
        }
        if (uncalibratedHolder) {
            const UltrasoundRegion &r = info.ultrasoundRegions[*uncalibratedHolder];
            return tl::unexpected(uncalibrated(tr(
                "Not calibrated: this region of the image measures %1 across and %2 down, not centimetres.")
                                                   .arg(UltrasoundRegion::unitName(r.physicalUnitsX),
                                                       UltrasoundRegion::unitName(r.physicalUnitsY))));
        }
        return tl::unexpected(uncalibrated(tr(
            "Not calibrated: the points do not all lie in one calibrated ultrasound region of the image.")));
    }
    if (info.pixelSpacingRowMm && info.pixelSpacingColumnMm && std::isfinite(*info.pixelSpacingRowMm)
        && std::isfinite(*info.pixelSpacingColumnMm) && *info.pixelSpacingRowMm > 0
        && *info.pixelSpacingColumnMm > 0)
        // Pixel Spacing: adjacent columns are columnSpacing apart along x, rows rowSpacing along y.
        return Scale { *info.pixelSpacingColumnMm / 10.0, *info.pixelSpacingRowMm / 10.0,
            PhysicalMeasurement::Calibration::PixelSpacing, std::nullopt };
    return tl::unexpected(uncalibrated(
        tr("Not calibrated: the image carries neither ultrasound regions nor a pixel spacing.")));
}

Result<PhysicalMeasurement> UltrasoundMeasurement::distance(
    const DicomInfo &info, const QPointF &a, const QPointF &b)
{
    auto scale = scaleFor(info, { a, b });
    if (!scale)
        return tl::unexpected(scale.error());
    const double dx = (b.x() - a.x()) * scale->cmPerPixelX;
    const double dy = (b.y() - a.y()) * scale->cmPerPixelY;
    return PhysicalMeasurement { std::hypot(dx, dy), PhysicalMeasurement::Kind::Length, scale->calibration,
        scale->region };
}

double UltrasoundMeasurement::ramanujanPerimeter(double a, double b)
{
    if (a + b <= 0)
        return 0;
    const double h = (a - b) * (a - b) / ((a + b) * (a + b));
    return M_PI * (a + b) * (1 + 3 * h / (10 + std::sqrt(4 - 3 * h)));
}

Result<UltrasoundMeasurement::PhysicalEllipse> UltrasoundMeasurement::physicalEllipse(
    const DicomInfo &info, const QPointF &centre, const QPointF &axisEndA, const QPointF &axisEndB)
{
    // The ellipse is centre + cos(t)·u + sin(t)·v; its bounding box must lie in the region.
    const QPointF u = axisEndA - centre;
    const QPointF v = axisEndB - centre;
    const double halfWidth = std::hypot(u.x(), v.x());
    const double halfHeight = std::hypot(u.y(), v.y());
    auto scale = scaleFor(info,
        { centre + QPointF(-halfWidth, -halfHeight), centre + QPointF(halfWidth, -halfHeight),
            centre + QPointF(-halfWidth, halfHeight), centre + QPointF(halfWidth, halfHeight) });
    if (!scale)
        return tl::unexpected(scale.error());
    // In centimetres u and v stay conjugate semi-diameters (scaling is linear), so the semi-axes
    // follow from a² + b² = |U|² + |V|² and a·b = |U × V| even where a pixel is not square.
    const QPointF uCm(u.x() * scale->cmPerPixelX, u.y() * scale->cmPerPixelY);
    const QPointF vCm(v.x() * scale->cmPerPixelX, v.y() * scale->cmPerPixelY);
    const double sumOfSquares = QPointF::dotProduct(uCm, uCm) + QPointF::dotProduct(vCm, vCm);
    const double product = std::abs(uCm.x() * vCm.y() - uCm.y() * vCm.x());
    const double root = std::sqrt(std::max(0.0, sumOfSquares * sumOfSquares - 4 * product * product));
    const double major = std::sqrt((sumOfSquares + root) / 2);
    const double minor = std::sqrt(std::max(0.0, (sumOfSquares - root) / 2));
    return PhysicalEllipse { major, minor, M_PI * product, *scale };
}

Result<PhysicalMeasurement> UltrasoundMeasurement::ellipseCircumference(
    const DicomInfo &info, const QPointF &centre, const QPointF &axisEndA, const QPointF &axisEndB)
{
    auto ellipse = physicalEllipse(info, centre, axisEndA, axisEndB);
    if (!ellipse)
        return tl::unexpected(ellipse.error());
    return PhysicalMeasurement { ramanujanPerimeter(ellipse->semiMajorCm, ellipse->semiMinorCm),
        PhysicalMeasurement::Kind::Length, ellipse->scale.calibration, ellipse->scale.region };
}

Result<PhysicalMeasurement> UltrasoundMeasurement::ellipseArea(
    const DicomInfo &info, const QPointF &centre, const QPointF &axisEndA, const QPointF &axisEndB)
{
    auto ellipse = physicalEllipse(info, centre, axisEndA, axisEndB);
    if (!ellipse)
        return tl::unexpected(ellipse.error());
    return PhysicalMeasurement { ellipse->areaCm2, PhysicalMeasurement::Kind::Area,
        ellipse->scale.calibration, ellipse->scale.region };
}
