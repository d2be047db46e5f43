#include "dicom/ultrasoundregion.h"

#include <cmath>

QRect UltrasoundRegion::bounds() const
{
    return QRect(QPoint(static_cast<int>(minX0), static_cast<int>(minY0)),
        QPoint(static_cast<int>(maxX1), static_cast<int>(maxY1)));
}

bool UltrasoundRegion::contains(const QPointF &point) const
{
    // Region bounds name pixels; a pixel covers half a pixel round its centre.
    return maxX1 >= minX0 && maxY1 >= minY0 && point.x() >= minX0 - 0.5 && point.x() <= maxX1 + 0.5
        && point.y() >= minY0 - 0.5 && point.y() <= maxY1 + 0.5;
}

bool UltrasoundRegion::isCalibratedInCentimetres() const
{
    auto usable = [](const std::optional<double> &delta) {
        return delta && std::isfinite(*delta) && std::abs(*delta) > 0;
    };
    return physicalUnitsX == Centimetre && physicalUnitsY == Centimetre && usable(physicalDeltaX)
        && usable(physicalDeltaY);
}

QString UltrasoundRegion::unitName(int code)
{
    switch (code) {
    case NoUnit:
        return QStringLiteral("none");
    case Percent:
        return QStringLiteral("percent");
    case Decibel:
        return QStringLiteral("dB");
    case Centimetre:
        return QStringLiteral("cm");
    case Second:
        return QStringLiteral("seconds");
    case Hertz:
        return QStringLiteral("hertz");
    case DecibelPerSecond:
        return QStringLiteral("dB/seconds");
    case CentimetrePerSecond:
        return QStringLiteral("cm/sec");
    case SquareCentimetre:
        return QStringLiteral("cm2");
    case SquareCentimetrePerSecond:
        return QStringLiteral("cm2/sec");
    case CubicCentimetre:
        return QStringLiteral("cm3");
    case CubicCentimetrePerSecond:
        return QStringLiteral("cm3/sec");
    case Degree:
        return QStringLiteral("degrees");
    default:
        return QStringLiteral("unknown");
    }
}

QString UltrasoundRegion::spatialFormatName(int code)
{
    // PS3.3 C.8.5.5.1.1 Region Spatial Format.
    switch (code) {
    case 0:
        return QStringLiteral("none");
    case 1:
        return QStringLiteral("2D");
    case 2:
        return QStringLiteral("M-mode");
    case 3:
        return QStringLiteral("spectral");
    case 4:
        return QStringLiteral("waveform");
    case 5:
        return QStringLiteral("graphics");
    default:
        return QStringLiteral("unknown");
    }
}

QString UltrasoundRegion::dataTypeName(int code)
{
    // PS3.3 C.8.5.5.1.2 Region Data Type.
    switch (code) {
    case 0x0:
        return QStringLiteral("none");
    case 0x1:
        return QStringLiteral("tissue");
    case 0x2:
        return QStringLiteral("color flow");
    case 0x3:
        return QStringLiteral("PW spectral Doppler");
    case 0x4:
        return QStringLiteral("CW spectral Doppler");
    case 0x5:
        return QStringLiteral("Doppler mean trace");
    case 0x6:
        return QStringLiteral("Doppler mode trace");
    case 0x7:
        return QStringLiteral("Doppler max trace");
    case 0x8:
        return QStringLiteral("volume trace");
    case 0xA:
        return QStringLiteral("ECG trace");
    case 0xB:
        return QStringLiteral("pulse trace");
    case 0xC:
        return QStringLiteral("phonocardiogram trace");
    case 0xD:
        return QStringLiteral("gray bar");
    case 0xE:
        return QStringLiteral("color bar");
    case 0xF:
        return QStringLiteral("integrated backscatter");
    case 0x10:
        return QStringLiteral("area trace");
    case 0x11:
        return QStringLiteral("d(area)/dt");
    case 0x12:
        return QStringLiteral("other physiological input");
    default:
        return QStringLiteral("unknown");
    }
}
