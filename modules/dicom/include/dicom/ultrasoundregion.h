#pragma once

#include <QPointF>
#include <QRect>
#include <QString>

#include <optional>

// One item of the Sequence of Ultrasound Regions (0018,6011), DICOM PS3.3 C.8.5.5: where on the
// image a scan, an M-mode strip or a Doppler spectrum lies, and how its pixels map to physical
// units. Pixel coordinates are column (x) and row (y) indices, pixel centres at whole numbers.
struct UltrasoundRegion
{
    // Physical Units X/Y Direction (0018,6024)/(0018,6026), PS3.3 C.8.5.5.1.15.
    enum Unit {
        NoUnit = 0x0,
        Percent = 0x1,
        Decibel = 0x2,
        Centimetre = 0x3,
        Second = 0x4,
        Hertz = 0x5,
        DecibelPerSecond = 0x6,
        CentimetrePerSecond = 0x7,
        SquareCentimetre = 0x8,
        SquareCentimetrePerSecond = 0x9,
        CubicCentimetre = 0xA,
        CubicCentimetrePerSecond = 0xB,
        Degree = 0xC,
    };

    int spatialFormat = 0; // (0018,6012) C.8.5.5.1.1: 1 2D, 2 M-mode, 3 spectral, 4 waveform, 5 graphics
    int dataType = 0; // (0018,6014) C.8.5.5.1.2: 1 tissue, 2 colour flow, 3 PW, 4 CW …
    qint64 flags = 0; // (0018,6016)
    // (0018,6018) … (0018,601E): inclusive bounds of the region in pixels.
    qint64 minX0 = 0;
    qint64 minY0 = 0;
    qint64 maxX1 = -1;
    qint64 maxY1 = -1;
    int physicalUnitsX = NoUnit;
    int physicalUnitsY = NoUnit;
    std::optional<double> physicalDeltaX; // (0018,602C): physical units per pixel along a row
    std::optional<double> physicalDeltaY; // (0018,602E): physical units per pixel down a column
    std::optional<qint64> referencePixelX0; // (0018,6020)
    std::optional<qint64> referencePixelY0; // (0018,6022)

    QRect bounds() const;
    // Whether a point lies on the region's pixels, edges included (half a pixel beyond the
    // centres of the outermost pixels).
    bool contains(const QPointF &point) const;
    // Both axes in centimetres with a positive, finite size per pixel: lengths and areas can be
    // measured here.
    bool isCalibratedInCentimetres() const;

    // Machine-readable names for the JSON output (not translated).
    static QString unitName(int code);
    static QString spatialFormatName(int code);
    static QString dataTypeName(int code);
};
