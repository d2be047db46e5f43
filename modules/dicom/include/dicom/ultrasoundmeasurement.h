#pragma once

#include "dicom/dicominfo.h"
#include "domain/result.h"

#include <QCoreApplication>
#include <QPointF>

// A length or area measured on an image, with the calibration it relied on.
struct PhysicalMeasurement
{
    enum class Calibration { UltrasoundRegion, PixelSpacing };
    double value = 0;   // cm or cm²
    QString unit;       // "cm", "cm2"
    Calibration calibration = Calibration::UltrasoundRegion;
    int regionIndex = -1;
};

// Measurements are offered only where the image says how big a pixel is: inside one calibrated
// ultrasound region (both points in the same region, physical units cm), or, where a file has no
// regions, from Pixel Spacing — and the result says which.
class UltrasoundMeasurement
{
    Q_DECLARE_TR_FUNCTIONS(UltrasoundMeasurement)
public:
    static Result<PhysicalMeasurement> distance(const DicomInfo &info, const QPointF &a, const QPointF &b);
    // An ellipse given by its centre and the ends of its two semi-axes along the image axes.
    static Result<PhysicalMeasurement> ellipseCircumference(const DicomInfo &info, const QPointF &centre,
                                                           double radiusXPixels, double radiusYPixels);
    static Result<PhysicalMeasurement> ellipseArea(const DicomInfo &info, const QPointF &centre, double radiusXPixels,
                                                   double radiusYPixels);

private:
    struct Scale
    {
        double cmPerPixelX;
        double cmPerPixelY;
        PhysicalMeasurement::Calibration calibration;
        int region;
    };
    struct EllipseAxes
    {
        double a; // semi-axes in cm
        double b;
        Scale scale;
    };
    static Result<Scale> scaleFor(const DicomInfo &info, const QList<QPointF> &points);
    static Result<EllipseAxes> axesCm(const DicomInfo &info, const QPointF &centre, double radiusXPixels, double radiusYPixels);
};
