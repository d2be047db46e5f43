#include "dicom-viewer/viewermeasurement.h"

#include "dicom/ultrasoundmeasurement.h"

#include <QLocale>

Result<ViewerMeasurement> ViewerMeasurement::distance(
    const DicomInfo &info, const QPointF &a, const QPointF &b)
{
    auto length = UltrasoundMeasurement::distance(info, a, b);
    if (!length)
        return tl::unexpected(length.error());
    ViewerMeasurement m;
    m.shape = Shape::Distance;
    m.points = { a, b };
    m.length = *length;
    return m;
}

Result<ViewerMeasurement> ViewerMeasurement::ellipse(
    const DicomInfo &info, const QPointF &centre, const QPointF &axisEndA, const QPointF &axisEndB)
{
    auto circumference = UltrasoundMeasurement::ellipseCircumference(info, centre, axisEndA, axisEndB);
    if (!circumference)
        return tl::unexpected(circumference.error());
    ViewerMeasurement m;
    m.shape = Shape::Ellipse;
    m.points = { centre, axisEndA, axisEndB };
    m.length = *circumference;
    if (auto area = UltrasoundMeasurement::ellipseArea(info, centre, axisEndA, axisEndB))
        m.area = *area;
    return m;
}

QString ViewerMeasurement::label() const
{
    const QLocale locale;
    const QString mm = tr("%1 mm").arg(locale.toString(lengthMm(), 'f', 1));
    QString text;
    if (biometry)
        text = QStringLiteral("%1 %2").arg(BiometryMeasures::abbreviation(*biometry), mm);
    else if (shape == Shape::Distance)
        text = mm;
    else
        text = tr("C %1 · A %2 mm²").arg(mm, locale.toString(area ? area->value * 100.0 : 0.0, 'f', 0));
    if (length.calibration == PhysicalMeasurement::Calibration::PixelSpacing)
        text += tr(" (Pixel Spacing)");
    return text;
}
