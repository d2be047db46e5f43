#include "dicom/dicominfo.h"

#include <QJsonArray>

QString UltrasoundRegion::unitName(int code)
{
    // PS3.3 C.8.5.5.1.15 Physical Units X/Y Direction.
    switch (code) {
    case 0:
        return QStringLiteral("none");
    case 1:
        return QStringLiteral("percent");
    case 2:
        return QStringLiteral("dB");
    case 3:
        return QStringLiteral("cm");
    case 4:
        return QStringLiteral("seconds");
    case 5:
        return QStringLiteral("hertz");
    case 6:
        return QStringLiteral("dB/seconds");
    case 7:
        return QStringLiteral("cm/sec");
    case 8:
        return QStringLiteral("cm2");
    case 9:
        return QStringLiteral("cm2/sec");
    case 10:
        return QStringLiteral("cm3");
    case 11:
        return QStringLiteral("cm3/sec");
    case 12:
        return QStringLiteral("degrees");
    default:
        return QStringLiteral("unknown");
    }
}

QJsonObject DicomInfo::toJson() const
{
    QJsonArray regions;
    for (const UltrasoundRegion &r : ultrasoundRegions) {
        QJsonObject region{{QStringLiteral("spatialFormat"), r.spatialFormat},
                           {QStringLiteral("dataType"), r.dataType},
                           {QStringLiteral("minX0"), r.bounds.left()},
                           {QStringLiteral("minY0"), r.bounds.top()},
                           {QStringLiteral("maxX1"), r.bounds.right()},
                           {QStringLiteral("maxY1"), r.bounds.bottom()},
                           {QStringLiteral("physicalUnitsX"), UltrasoundRegion::unitName(r.physicalUnitsX)},
                           {QStringLiteral("physicalUnitsY"), UltrasoundRegion::unitName(r.physicalUnitsY)},
                           {QStringLiteral("physicalUnitsXCode"), r.physicalUnitsX},
                           {QStringLiteral("physicalUnitsYCode"), r.physicalUnitsY},
                           {QStringLiteral("physicalDeltaX"), r.physicalDeltaX},
                           {QStringLiteral("physicalDeltaY"), r.physicalDeltaY},
                           {QStringLiteral("calibrated"), r.isSpatialInCentimetres()}};
        if (r.referencePixelX)
            region.insert(QStringLiteral("referencePixelX0"), *r.referencePixelX);
        if (r.referencePixelY)
            region.insert(QStringLiteral("referencePixelY0"), *r.referencePixelY);
        regions.append(region);
    }
    QJsonObject o{{QStringLiteral("patientId"), patientId},
                  {QStringLiteral("patientName"), patientName},
                  {QStringLiteral("studyInstanceUid"), studyInstanceUid},
                  {QStringLiteral("seriesInstanceUid"), seriesInstanceUid},
                  {QStringLiteral("sopInstanceUid"), sopInstanceUid},
                  {QStringLiteral("sopClassUid"), sopClassUid},
                  {QStringLiteral("modality"), modality},
                  {QStringLiteral("studyDate"), studyDate},
                  {QStringLiteral("transferSyntax"), QJsonObject{{QStringLiteral("uid"), transferSyntaxUid},
                                                                {QStringLiteral("name"), transferSyntaxName}}},
                  {QStringLiteral("photometricInterpretation"), photometricInterpretation},
                  {QStringLiteral("rows"), rows},
                  {QStringLiteral("columns"), columns},
                  {QStringLiteral("bitsAllocated"), bitsAllocated},
                  {QStringLiteral("bitsStored"), bitsStored},
                  {QStringLiteral("samplesPerPixel"), samplesPerPixel},
                  {QStringLiteral("planarConfiguration"), planarConfiguration},
                  {QStringLiteral("pixelRepresentation"), pixelRepresentation},
                  {QStringLiteral("frames"), frames},
                  {QStringLiteral("frameTimeMs"), frameTimeMs ? QJsonValue(*frameTimeMs) : QJsonValue()},
                  {QStringLiteral("cineRate"), cineRate ? QJsonValue(*cineRate) : QJsonValue()},
                  {QStringLiteral("ultrasoundRegions"), regions}};
    if (pixelSpacingMm)
        o.insert(QStringLiteral("pixelSpacing"), QJsonArray{pixelSpacingMm->x(), pixelSpacingMm->y()});
    return o;
}
