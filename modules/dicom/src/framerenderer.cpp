#include "framerenderer.h"

#include "dicomlog.h"

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmimage/diregist.h> // colour images
#include <dcmtk/dcmimgle/dcmimage.h>

#include <cstring>
#include <new>

namespace {
Error statusError(EI_Status status, int frame)
{
    const QString reason = QString::fromLatin1(DicomImage::getString(status));
    switch (status) {
    case EIS_MemoryFailure:
        return Error { QStringLiteral("dicom.memory"),
            FrameRenderer::tr("Not enough memory to display frame %1.").arg(frame) };
    case EIS_NotSupportedValue:
        return Error { QStringLiteral("dicom.unsupported"),
            FrameRenderer::tr("Frame %1 uses an encoding that cannot be displayed (%2).")
                .arg(frame)
                .arg(reason) };
    default:
        return Error { QStringLiteral("dicom.render"),
            FrameRenderer::tr("Frame %1 cannot be displayed (%2).").arg(frame).arg(reason) };
    }
}

Error outOfMemory(int frame)
{
    return Error { QStringLiteral("dicom.memory"),
        FrameRenderer::tr("Not enough memory to display frame %1.").arg(frame) };
}

QString stringOf(DcmItem &item, const DcmTagKey &tag)
{
    OFString value;
    item.findAndGetOFString(tag, value);
    return QString::fromLatin1(value.c_str()).trimmed();
}

// Everything of the source that DicomImage may look at (rescale, modality and palette LUTs,
// overlays, presentation LUT shape …) but not its pixel data, nor large blobs that play no part
// in display.
void copyDisplayAttributes(DcmDataset &source, DcmDataset &target)
{
    constexpr Uint32 LargeBlobBytes = 1u << 20;
    for (unsigned long i = 0; i < source.card(); ++i) {
        DcmElement *element = source.getElement(i);
        if (!element)
            continue;
        const Uint16 group = element->getGTag();
        const bool overlayGroup = group >= 0x6000 && group <= 0x601E && group % 2 == 0;
        if (group == 0x7FE0 || (element->getLength() > LargeBlobBytes && group != 0x0028 && !overlayGroup))
            continue;
        target.insert(static_cast<DcmElement *>(element->clone()), OFTrue);
    }
}
} // namespace

Result<QImage> FrameRenderer::display(DicomImage &image, unsigned long selected, int frame)
{
    if (image.getStatus() != EIS_Normal)
        return tl::unexpected(statusError(image.getStatus(), frame));
    if (image.getFirstFrame() != selected)
        return failure(QStringLiteral("dicom.frame"), tr("Frame %1 cannot be selected.").arg(frame));
    image.hideAllOverlays();
    for (unsigned int plane = 0; plane < 16; ++plane) {
        if (plane < image.getOverlayCount())
            image.showOverlay(plane);
    }
    const bool monochrome = image.isMonochrome();
    if (monochrome)
        image.setNoVoiTransformation();
    const int width = static_cast<int>(image.getWidth());
    const int height = static_cast<int>(image.getHeight());
    QImage out(width, height, monochrome ? QImage::Format_Grayscale8 : QImage::Format_RGB888);
    if (out.isNull())
        return tl::unexpected(outOfMemory(frame));
    const qsizetype rowBytes = qsizetype(width) * (monochrome ? 1 : 3);
    if (out.bytesPerLine() == rowBytes) {
        if (!image.getOutputData(out.bits(), static_cast<unsigned long>(out.sizeInBytes()), 8, 0, 0))
            return failure(QStringLiteral("dicom.render"), tr("Frame %1 cannot be rendered.").arg(frame));
        return out;
    }
    const auto *data = static_cast<const uchar *>(image.getOutputData(8, 0, 0));
    if (!data)
        return failure(QStringLiteral("dicom.render"), tr("Frame %1 cannot be rendered.").arg(frame));
    for (int y = 0; y < height; ++y)
        std::memcpy(out.scanLine(y), data + y * rowBytes, static_cast<size_t>(rowBytes));
    return out;
}

Result<QImage> FrameRenderer::render(DcmFileFormat &file, int frame)
{
    DcmDataset *dataset = file.getDataset();
    Sint32 frameCount = 1;
    if (dataset->findAndGetSint32(DCM_NumberOfFrames, frameCount).bad())
        frameCount = 1;
    // As dcmj2pnm: a one-frame image is decompressed whole, one frame of several by partial
    // access to the pixel data (which reads and decodes only that frame).
    unsigned long flags = 0;
    if (frame == 0 && frameCount == 1)
        flags |= CIF_DecompressCompletePixelData;
    else if (frameCount > 1)
        flags |= CIF_UsePartialAccessToPixelData;
    try {
        DicomImage image(&file, dataset->getOriginalXfer(), flags, static_cast<unsigned long>(frame), 1);
        return display(image, static_cast<unsigned long>(frame), frame);
    } catch (const std::bad_alloc &) {
        return tl::unexpected(outOfMemory(frame));
    }
}

Result<QImage> FrameRenderer::displayNative(
    DcmDataset &source, const std::function<OFCondition(DcmDataset &)> &describe, int frame)
{
    try {
        DcmFileFormat native;
        DcmDataset &target = *native.getDataset();
        copyDisplayAttributes(source, target);
        target.putAndInsertString(DCM_NumberOfFrames, "1");
        const OFCondition described = describe(target);
        if (described.bad())
            return failure(QStringLiteral("dicom.render"),
                tr("Frame %1 cannot be displayed (%2).")
                    .arg(frame)
                    .arg(QString::fromLatin1(described.text())));
        DicomImage image(&native, EXS_LittleEndianExplicit, CIF_DecompressCompletePixelData, 0, 1);
        return display(image, 0, frame);
    } catch (const std::bad_alloc &) {
        return tl::unexpected(outOfMemory(frame));
    }
}

bool FrameRenderer::decodesFrameByFrame(DcmDataset &dataset)
{
    Sint32 frames = 1;
    Uint16 bitsAllocated = 0;
    if (dataset.findAndGetSint32(DCM_NumberOfFrames, frames).bad() || frames < 2
        || dataset.findAndGetUint16(DCM_BitsAllocated, bitsAllocated).bad()
        || (bitsAllocated != 8 && bitsAllocated != 16))
        return false;
    // Overlays may hold a plane per frame, which only DicomImage's own frame numbering matches.
    for (Uint16 group = 0x6000; group <= 0x601E; group += 2) {
        if (dataset.tagExists(DcmTagKey(group, 0x0010), OFFalse)
            || dataset.tagExists(DcmTagKey(group, 0x3000), OFFalse))
            return false;
    }
    return true;
}

Result<QImage> FrameRenderer::renderCompressedFrame(DcmDataset &dataset, int frame, Uint32 &startFragment)
{
    DcmElement *element = nullptr;
    Uint16 rows = 0, columns = 0, samples = 0, bitsAllocated = 0;
    if (dataset.findAndGetElement(DCM_PixelData, element, OFFalse).bad() || !element
        || element->ident() != EVR_PixelData || dataset.findAndGetUint16(DCM_Rows, rows).bad()
        || dataset.findAndGetUint16(DCM_Columns, columns).bad()
        || dataset.findAndGetUint16(DCM_SamplesPerPixel, samples).bad()
        || dataset.findAndGetUint16(DCM_BitsAllocated, bitsAllocated).bad())
        return failure(QStringLiteral("dicom.render"),
            tr("Frame %1 cannot be displayed (attributes missing).").arg(frame));
    const size_t frameBytes = size_t(rows) * columns * samples * (bitsAllocated / 8);
    try {
        // As DicomImage allocates it: the frame plus a pad byte to even length.
        std::vector<Uint16> buffer((frameBytes + 1) / 2);
        OFString colourModel;
        const OFCondition decoded
            = static_cast<DcmPixelData *>(element)->getUncompressedFrame(&dataset, static_cast<Uint32>(frame),
                startFragment, buffer.data(), static_cast<Uint32>(buffer.size() * 2), colourModel);
        if (decoded.bad()) {
            startFragment = 0;
            return failure(QStringLiteral("dicom.render"),
                tr("Frame %1 cannot be decoded (%2).").arg(frame).arg(QString::fromLatin1(decoded.text())));
        }
        // What DicomImage does with partial access: the decoder's colour model replaces the
        // header's (YBR_FULL_422 JPEG comes out as RGB); every other attribute stays.
        return displayNative(
            dataset,
            [&](DcmDataset &target) {
                OFCondition status = EC_Normal;
                if (!colourModel.empty())
                    status = target.putAndInsertString(DCM_PhotometricInterpretation, colourModel.c_str());
                if (status.good() && bitsAllocated == 8)
                    status = target.putAndInsertUint8Array(DCM_PixelData,
                        reinterpret_cast<const Uint8 *>(buffer.data()),
                        static_cast<unsigned long>(frameBytes));
                else if (status.good())
                    status = target.putAndInsertUint16Array(
                        DCM_PixelData, buffer.data(), static_cast<unsigned long>(frameBytes / 2));
                return status;
            },
            frame);
    } catch (const std::bad_alloc &) {
        return tl::unexpected(outOfMemory(frame));
    }
}

Result<QImage> FrameRenderer::renderJpeg2000(DcmDataset &source, const Jpeg2000Frame &decoded, int frame)
{
    const QString sourcePhotometric = stringOf(source, DCM_PhotometricInterpretation);
    QString photometric;
    if (decoded.components == 1) {
        photometric = sourcePhotometric == QLatin1String("MONOCHROME1")
                || sourcePhotometric == QLatin1String("PALETTE COLOR")
            ? sourcePhotometric
            : QStringLiteral("MONOCHROME2");
    } else if (decoded.components == 3) {
        // YBR_RCT and YBR_ICT name the transform inside the codestream, already undone; without
        // one, data the file calls YBR_FULL(_422) is still YCbCr for DCMTK to convert.
        if (decoded.colourTransformUndone)
            photometric = QStringLiteral("RGB");
        else if (decoded.declaredYcc || sourcePhotometric.startsWith(QLatin1String("YBR_FULL")))
            photometric = QStringLiteral("YBR_FULL");
        else
            photometric = QStringLiteral("RGB");
    } else {
        return failure(QStringLiteral("dicom.unsupported"),
            tr("A JPEG 2000 frame with %1 components cannot be displayed.").arg(decoded.components));
    }

    // The codestream's precision decides how many bits the samples have, not Bits Stored, as
    // GDCM decides (gdcmconv --raw rewrites Bits Stored from the codestream): encoders that
    // disagree with their own header exist, GDCM's among them (12-bit data in a 16-bit
    // codestream). Read with the header's narrower Bits Stored, a lossy codestream's values
    // beyond it (OpenJPEG clamps only to the codestream's own range) would lose their high bits
    // and wrap round into speckles of the opposite brightness. The sign is the header's, the
    // samples' bits kept as decoded, again as GDCM does: an unsigned codestream in a signed image
    // holds two's complement values (and the reverse).
    Uint16 value = 0;
    int bitsAllocated = decoded.precision <= 8 ? 8 : 16;
    if (source.findAndGetUint16(DCM_BitsAllocated, value).good() && (value == 8 || value == 16)
        && value >= decoded.precision)
        bitsAllocated = value;
    const int bitsStored = decoded.precision;
    if (source.findAndGetUint16(DCM_BitsStored, value).good() && value != bitsStored)
        qCDebug(lcDicom) << "JPEG 2000 precision" << bitsStored << "differs from Bits Stored" << value;
    int pixelRepresentation = decoded.isSigned ? 1 : 0;
    if (source.findAndGetUint16(DCM_PixelRepresentation, value).good() && value <= 1)
        pixelRepresentation = value;

    return displayNative(
        source,
        [&](DcmDataset &target) {
            target.putAndInsertString(DCM_PhotometricInterpretation, photometric.toLatin1().constData());
            target.putAndInsertUint16(DCM_SamplesPerPixel, static_cast<Uint16>(decoded.components));
            if (decoded.components > 1)
                target.putAndInsertUint16(DCM_PlanarConfiguration, 0);
            else
                target.findAndDeleteElement(DCM_PlanarConfiguration);
            target.putAndInsertUint16(DCM_BitsAllocated, static_cast<Uint16>(bitsAllocated));
            target.putAndInsertUint16(DCM_BitsStored, static_cast<Uint16>(bitsStored));
            target.putAndInsertUint16(DCM_HighBit, static_cast<Uint16>(bitsStored - 1));
            target.putAndInsertUint16(DCM_PixelRepresentation, static_cast<Uint16>(pixelRepresentation));
            const size_t count = decoded.samples.size();
            if (bitsAllocated == 8) {
                std::vector<Uint8> samples(count);
                for (size_t i = 0; i < count; ++i)
                    samples[i] = static_cast<Uint8>(decoded.samples[i] & 0xff);
                return target.putAndInsertUint8Array(
                    DCM_PixelData, samples.data(), static_cast<unsigned long>(count));
            }
            std::vector<Uint16> samples(count);
            for (size_t i = 0; i < count; ++i)
                samples[i] = static_cast<Uint16>(decoded.samples[i] & 0xffff);
            return target.putAndInsertUint16Array(
                DCM_PixelData, samples.data(), static_cast<unsigned long>(count));
        },
        frame);
}
