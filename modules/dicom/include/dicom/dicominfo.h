#pragma once

#include <QJsonObject>
#include <QList>
#include <QRectF>
#include <QString>

#include <optional>

// One region of the Sequence of Ultrasound Regions (0018,6011): where on the image a scan or
// trace lies and how its pixels map to physical units.
struct UltrasoundRegion
{
    int spatialFormat = 0;  // 1 = 2D, 2 = M-mode, 3 = spectral, 4 = waveform …
    int dataType = 0;       // 1 = tissue, 2 = colour flow …
    QRect bounds;           // pixel columns X0..X1, rows Y0..Y1 (inclusive)
    int physicalUnitsX = 0; // 3 = cm, 4 = seconds, 7 = cm/s …
    int physicalUnitsY = 0;
    double physicalDeltaX = 0;
    double physicalDeltaY = 0;
    std::optional<int> referencePixelX;
    std::optional<int> referencePixelY;

    bool isSpatialInCentimetres() const { return physicalUnitsX == 3 && physicalUnitsY == 3 && physicalDeltaX > 0 && physicalDeltaY > 0; }
    static QString unitName(int code);
};

// What a DICOM file is, as read from its header.
struct DicomInfo
{
    QString patientId;
    QString patientName;
    QString studyInstanceUid;
    QString seriesInstanceUid;
    QString sopInstanceUid;
    QString sopClassUid;
    QString modality;
    QString studyDate;
    QString transferSyntaxUid;
    QString transferSyntaxName;
    QString photometricInterpretation;
    int rows = 0;
    int columns = 0;
    int bitsAllocated = 0;
    int bitsStored = 0;
    int samplesPerPixel = 0;
    int planarConfiguration = 0;
    int pixelRepresentation = 0;
    int frames = 1;
    std::optional<double> frameTimeMs;
    std::optional<double> cineRate;
    QList<UltrasoundRegion> ultrasoundRegions;
    std::optional<QPointF> pixelSpacingMm; // (row spacing, column spacing) where present

    QJsonObject toJson() const;
};
