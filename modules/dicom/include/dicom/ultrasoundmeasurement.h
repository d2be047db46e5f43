#pragma once

#include "dicom/dicominfo.h"
#include "dicom/physicalmeasurement.h"
#include "domain/result.h"

#include <QCoreApplication>
#include <QList>
#include <QPointF>

// Calibrated measurement on an ultrasound image. Points are in pixel coordinates (column, row;
// pixel centres at whole numbers). A measurement is given only where the image says how large a
// pixel is:
//  - the file has ultrasound regions: every point (the whole ellipse) lies in one region whose
//    X and Y units are centimetres; anywhere else the answer is "not calibrated", even if the
//    file also carries Pixel Spacing, because the machine has said where its scale holds;
//  - the file has no region: Pixel Spacing (0028,0030), and the result says so.
// Errors carry the code "dicom.uncalibrated".
class UltrasoundMeasurement
{
    Q_DECLARE_TR_FUNCTIONS(UltrasoundMeasurement)
public:
    static Result<PhysicalMeasurement> distance(const DicomInfo &info, const QPointF &a, const QPointF &b);

    // An ellipse given by its centre and the ends of two perpendicular semi-axes as drawn on the
    // image (e.g. the calliper ends of a head or abdominal circumference).
    static Result<PhysicalMeasurement> ellipseCircumference(
        const DicomInfo &info, const QPointF &centre, const QPointF &axisEndA, const QPointF &axisEndB);
    static Result<PhysicalMeasurement> ellipseArea(
        const DicomInfo &info, const QPointF &centre, const QPointF &axisEndA, const QPointF &axisEndB);

    // Ramanujan's second approximation of the perimeter of an ellipse with semi-axes a and b,
    // as ultrasound machines use it for HC and AC (its error is of the order of h^5, with
    // h = ((a - b) / (a + b))^2: far below a pixel for any fetal head or abdomen).
    static double ramanujanPerimeter(double a, double b);

private:
    struct Scale
    {
        double cmPerPixelX = 0;
        double cmPerPixelY = 0;
        PhysicalMeasurement::Calibration calibration = PhysicalMeasurement::Calibration::UltrasoundRegion;
        std::optional<int> region;
    };
    struct PhysicalEllipse
    {
        double semiMajorCm = 0;
        double semiMinorCm = 0;
        double areaCm2 = 0;
        Scale scale;
    };
    static Result<Scale> scaleFor(const DicomInfo &info, const QList<QPointF> &points);
    static Result<PhysicalEllipse> physicalEllipse(
        const DicomInfo &info, const QPointF &centre, const QPointF &axisEndA, const QPointF &axisEndB);
};
