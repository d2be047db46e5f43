#include "dicom/dicomjson.h"

#include <QJsonArray>

namespace {
QJsonValue optional(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

QJsonObject coded(int code, const QString &name)
{
    return QJsonObject { { QStringLiteral("code"), code }, { QStringLiteral("name"), name } };
}
} // namespace

QJsonObject DicomJson::region(const UltrasoundRegion &r, int index)
{
    QJsonObject o {
        { QStringLiteral("index"), index },
        { QStringLiteral("spatialFormat"),
            coded(r.spatialFormat, UltrasoundRegion::spatialFormatName(r.spatialFormat)) },
        { QStringLiteral("dataType"), coded(r.dataType, UltrasoundRegion::dataTypeName(r.dataType)) },
        { QStringLiteral("flags"), r.flags },
        { QStringLiteral("bounds"),
            QJsonObject { { QStringLiteral("minX0"), r.minX0 }, { QStringLiteral("minY0"), r.minY0 },
                { QStringLiteral("maxX1"), r.maxX1 }, { QStringLiteral("maxY1"), r.maxY1 } } },
        { QStringLiteral("physicalUnitsX"),
            coded(r.physicalUnitsX, UltrasoundRegion::unitName(r.physicalUnitsX)) },
        { QStringLiteral("physicalUnitsY"),
            coded(r.physicalUnitsY, UltrasoundRegion::unitName(r.physicalUnitsY)) },
        { QStringLiteral("physicalDeltaX"), optional(r.physicalDeltaX) },
        { QStringLiteral("physicalDeltaY"), optional(r.physicalDeltaY) },
        { QStringLiteral("calibratedInCm"), r.isCalibratedInCentimetres() },
    };
    if (r.referencePixelX0)
        o.insert(QStringLiteral("referencePixelX0"), *r.referencePixelX0);
    if (r.referencePixelY0)
        o.insert(QStringLiteral("referencePixelY0"), *r.referencePixelY0);
    return o;
}

QJsonObject DicomJson::info(const DicomInfo &info)
{
    QJsonArray regions;
    for (int i = 0; i < info.ultrasoundRegions.size(); ++i)
        regions.append(region(info.ultrasoundRegions[i], i));
    QJsonObject o {
        { QStringLiteral("patientId"), info.patientId },
        { QStringLiteral("patientName"), info.patientName },
        { QStringLiteral("studyInstanceUid"), info.studyInstanceUid },
        { QStringLiteral("seriesInstanceUid"), info.seriesInstanceUid },
        { QStringLiteral("sopInstanceUid"), info.sopInstanceUid },
        { QStringLiteral("sopClassUid"), info.sopClassUid },
        { QStringLiteral("modality"), info.modality },
        { QStringLiteral("studyDate"), info.studyDate },
        { QStringLiteral("transferSyntax"),
            QJsonObject { { QStringLiteral("uid"), info.transferSyntaxUid },
                { QStringLiteral("name"), info.transferSyntaxName } } },
        { QStringLiteral("photometricInterpretation"), info.photometricInterpretation },
        { QStringLiteral("rows"), info.rows },
        { QStringLiteral("columns"), info.columns },
        { QStringLiteral("bitsAllocated"), info.bitsAllocated },
        { QStringLiteral("bitsStored"), info.bitsStored },
        { QStringLiteral("highBit"), info.highBit },
        { QStringLiteral("pixelRepresentation"), info.pixelRepresentation },
        { QStringLiteral("samplesPerPixel"), info.samplesPerPixel },
        { QStringLiteral("planarConfiguration"), info.planarConfiguration },
        { QStringLiteral("frames"), info.frames },
        { QStringLiteral("frameTimeMs"), optional(info.frameTimeMs) },
        { QStringLiteral("cineRate"), optional(info.cineRate) },
        { QStringLiteral("ultrasoundRegions"), regions },
    };
    if (info.pixelSpacingRowMm && info.pixelSpacingColumnMm)
        o.insert(QStringLiteral("pixelSpacing"),
            QJsonObject { { QStringLiteral("rowSpacingMm"), *info.pixelSpacingRowMm },
                { QStringLiteral("columnSpacingMm"), *info.pixelSpacingColumnMm } });
    return o;
}

QJsonObject DicomJson::measurement(const PhysicalMeasurement &m)
{
    QJsonObject o { { QStringLiteral("value"), m.value }, { QStringLiteral("unit"), m.unit() },
        { QStringLiteral("calibration"),
            m.calibration == PhysicalMeasurement::Calibration::UltrasoundRegion
                ? QStringLiteral("ultrasoundRegion")
                : QStringLiteral("pixelSpacing") } };
    if (m.regionIndex)
        o.insert(QStringLiteral("regionIndex"), *m.regionIndex);
    return o;
}
