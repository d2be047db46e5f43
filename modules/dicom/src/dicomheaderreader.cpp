#include "dicomheaderreader.h"

#include "dicomtextreader.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcspchrs.h>

#include <cmath>
#include <limits>

namespace {
int boundedInt(const std::optional<qint64> &value, int fallback)
{
    if (!value || *value < std::numeric_limits<int>::min() || *value > std::numeric_limits<int>::max())
        return fallback;
    return static_cast<int>(*value);
}

UltrasoundRegion readRegion(DcmItem &item)
{
    UltrasoundRegion r;
    r.spatialFormat = boundedInt(DicomHeaderReader::integer(item, DCM_RegionSpatialFormat), 0);
    r.dataType = boundedInt(DicomHeaderReader::integer(item, DCM_RegionDataType), 0);
    r.flags = DicomHeaderReader::integer(item, DCM_RegionFlags).value_or(0);
    r.minX0 = DicomHeaderReader::integer(item, DCM_RegionLocationMinX0).value_or(0);
    r.minY0 = DicomHeaderReader::integer(item, DCM_RegionLocationMinY0).value_or(0);
    r.maxX1 = DicomHeaderReader::integer(item, DCM_RegionLocationMaxX1).value_or(-1);
    r.maxY1 = DicomHeaderReader::integer(item, DCM_RegionLocationMaxY1).value_or(-1);
    r.physicalUnitsX
        = boundedInt(DicomHeaderReader::integer(item, DCM_PhysicalUnitsXDirection), UltrasoundRegion::NoUnit);
    r.physicalUnitsY
        = boundedInt(DicomHeaderReader::integer(item, DCM_PhysicalUnitsYDirection), UltrasoundRegion::NoUnit);
    r.physicalDeltaX = DicomHeaderReader::number(item, DCM_PhysicalDeltaX);
    r.physicalDeltaY = DicomHeaderReader::number(item, DCM_PhysicalDeltaY);
    r.referencePixelX0 = DicomHeaderReader::integer(item, DCM_ReferencePixelX0);
    r.referencePixelY0 = DicomHeaderReader::integer(item, DCM_ReferencePixelY0);
    return r;
}
} // namespace

std::optional<double> DicomHeaderReader::number(DcmItem &item, const DcmTagKey &tag, unsigned long position)
{
    DcmElement *element = nullptr;
    if (item.findAndGetElement(tag, element, OFFalse).bad() || !element || element->getLength() == 0
        || position >= element->getVM())
        return std::nullopt;
    std::optional<double> value;
    switch (element->ident()) {
    case EVR_US: {
        Uint16 v = 0;
        if (element->getUint16(v, position).good())
            value = v;
        break;
    }
    case EVR_SS: {
        Sint16 v = 0;
        if (element->getSint16(v, position).good())
            value = v;
        break;
    }
    case EVR_UL: {
        Uint32 v = 0;
        if (element->getUint32(v, position).good())
            value = v;
        break;
    }
    case EVR_SL: {
        Sint32 v = 0;
        if (element->getSint32(v, position).good())
            value = v;
        break;
    }
    case EVR_FL: {
        Float32 v = 0;
        if (element->getFloat32(v, position).good())
            value = v;
        break;
    }
    case EVR_FD: {
        Float64 v = 0;
        if (element->getFloat64(v, position).good())
            value = v;
        break;
    }
    default: {
        // IS and DS, and numbers some vendors write with another string VR.
        OFString text;
        if (element->getOFString(text, position).good()) {
            bool ok = false;
            const double v = QString::fromLatin1(text.c_str()).trimmed().toDouble(&ok);
            if (ok)
                value = v;
        }
        break;
    }
    }
    if (value && !std::isfinite(*value))
        return std::nullopt;
    return value;
}

std::optional<qint64> DicomHeaderReader::integer(DcmItem &item, const DcmTagKey &tag, unsigned long position)
{
    const std::optional<double> value = number(item, tag, position);
    if (!value || std::abs(*value) > 9.0e15)
        return std::nullopt;
    return static_cast<qint64>(std::llround(*value));
}

DicomInfo DicomHeaderReader::read(
    DcmItem &dataset, E_TransferSyntax transferSyntax, const QString &metaTransferSyntaxUid)
{
    DicomTextReader text(dataset);
    DicomInfo info;
    info.patientId = text(dataset, DCM_PatientID);
    info.patientName = text(dataset, DCM_PatientName, true);
    info.studyInstanceUid = text(dataset, DCM_StudyInstanceUID);
    info.seriesInstanceUid = text(dataset, DCM_SeriesInstanceUID);
    info.sopInstanceUid = text(dataset, DCM_SOPInstanceUID);
    info.sopClassUid = text(dataset, DCM_SOPClassUID);
    info.modality = text(dataset, DCM_Modality);
    info.studyDate = text(dataset, DCM_StudyDate);
    if (transferSyntax != EXS_Unknown) {
        const DcmXfer xfer(transferSyntax);
        info.transferSyntaxUid = QString::fromLatin1(xfer.getXferID());
        info.transferSyntaxName = QString::fromLatin1(xfer.getXferName());
    } else {
        info.transferSyntaxUid = metaTransferSyntaxUid;
        info.transferSyntaxName = QStringLiteral("unknown");
    }
    info.photometricInterpretation = text(dataset, DCM_PhotometricInterpretation);
    info.rows = boundedInt(integer(dataset, DCM_Rows), 0);
    info.columns = boundedInt(integer(dataset, DCM_Columns), 0);
    info.bitsAllocated = boundedInt(integer(dataset, DCM_BitsAllocated), 0);
    info.bitsStored = boundedInt(integer(dataset, DCM_BitsStored), info.bitsAllocated);
    info.highBit = boundedInt(integer(dataset, DCM_HighBit), info.bitsStored - 1);
    info.samplesPerPixel = boundedInt(integer(dataset, DCM_SamplesPerPixel), 1);
    info.planarConfiguration = boundedInt(integer(dataset, DCM_PlanarConfiguration), 0);
    info.pixelRepresentation = boundedInt(integer(dataset, DCM_PixelRepresentation), 0);
    info.frames = std::max(1, boundedInt(integer(dataset, DCM_NumberOfFrames), 1));
    info.frameTimeMs = number(dataset, DCM_FrameTime);
    info.cineRate = number(dataset, DCM_CineRate);
    info.pixelSpacingRowMm = number(dataset, DCM_PixelSpacing, 0);
    info.pixelSpacingColumnMm = number(dataset, DCM_PixelSpacing, 1);
    if (!info.pixelSpacingRowMm || !info.pixelSpacingColumnMm) {
        info.pixelSpacingRowMm.reset();
        info.pixelSpacingColumnMm.reset();
    }
    DcmSequenceOfItems *regions = nullptr;
    if (dataset.findAndGetSequence(DCM_SequenceOfUltrasoundRegions, regions, OFFalse).good() && regions) {
        for (unsigned long i = 0; i < regions->card(); ++i) {
            if (DcmItem *item = regions->getItem(i))
                info.ultrasoundRegions.append(readRegion(*item));
        }
    }
    return info;
}
