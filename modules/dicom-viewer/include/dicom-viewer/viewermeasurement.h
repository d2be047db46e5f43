#pragma once

#include "biometry/biometrymeasure.h"
#include "dicom/dicominfo.h"
#include "dicom/physicalmeasurement.h"
#include "domain/result.h"

#include <QCoreApplication>
#include <QList>
#include <QPointF>

#include <optional>

// A measurement drawn on a frame, in image pixel coordinates, with its calibrated value. Built
// only through distance() and ellipse(), which refuse (error "dicom.uncalibrated") wherever the
// image does not say how large a pixel is.
struct ViewerMeasurement
{
    Q_DECLARE_TR_FUNCTIONS(ViewerMeasurement)
public:
    enum class Shape { Distance, Ellipse };

    Shape shape = Shape::Distance;
    QList<QPointF> points; // distance: the two ends; ellipse: centre, end of one axis, end of the other
    PhysicalMeasurement length; // the distance, or the ellipse's circumference
    std::optional<PhysicalMeasurement> area; // ellipses
    std::optional<BiometryMeasure> biometry;

    static Result<ViewerMeasurement> distance(const DicomInfo &info, const QPointF &a, const QPointF &b);
    static Result<ViewerMeasurement> ellipse(
        const DicomInfo &info, const QPointF &centre, const QPointF &axisEndA, const QPointF &axisEndB);

    double lengthMm() const { return length.value * 10.0; }
    // "BPD 74.8 mm", "C 274.6 mm · A 5 987 mm²", marked where Pixel Spacing was used.
    QString label() const;
};
