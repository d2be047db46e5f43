#include "pixellayout.h"

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcpixseq.h>

namespace {
bool isJpeg2000Syntax(E_TransferSyntax xfer)
{
    return xfer == EXS_JPEG2000LosslessOnly || xfer == EXS_JPEG2000
        || xfer == EXS_JPEG2000MulticomponentLosslessOnly || xfer == EXS_JPEG2000Multicomponent;
}

bool isVideoSyntax(E_TransferSyntax xfer)
{
    return xfer >= EXS_MPEG2MainProfileAtMainLevel && xfer <= EXS_HEVCMain10ProfileLevel5_1;
}
} // namespace

Result<PixelLayout> PixelLayout::inspect(const DicomInfo &info, DcmDataset &dataset)
{
    PixelLayout layout;
    layout.m_frames = info.frames;
    layout.m_transferSyntax = dataset.getOriginalXfer();
    DcmElement *element = nullptr;
    if (dataset.findAndGetElement(DCM_PixelData, element, OFFalse).bad() || !element) {
        if (dataset.tagExists(DCM_FloatPixelData, OFFalse)
            || dataset.tagExists(DCM_DoubleFloatPixelData, OFFalse))
            return failure(QStringLiteral("dicom.unsupported"),
                tr("The image holds floating-point pixels, which cannot be displayed."));
        return failure(
            QStringLiteral("dicom.no-pixels"), tr("The file holds no image (it has no pixel data)."));
    }
    if (isVideoSyntax(layout.m_transferSyntax))
        return failure(QStringLiteral("dicom.unsupported"),
            tr("The frames are stored as video (%1), which cannot be displayed frame by frame.")
                .arg(QString::fromLatin1(DcmXfer(layout.m_transferSyntax).getXferName())));
    if (info.rows < 1 || info.columns < 1)
        return failure(QStringLiteral("dicom.geometry"),
            tr("The header gives an impossible image size (%1 × %2 pixels).")
                .arg(info.columns)
                .arg(info.rows));
    if (info.samplesPerPixel < 1 || info.samplesPerPixel > 4)
        return failure(QStringLiteral("dicom.geometry"),
            tr("The header gives an impossible number of samples per pixel (%1).").arg(info.samplesPerPixel));
    if (info.bitsAllocated < 1 || info.bitsAllocated > 32 || info.bitsStored < 1
        || info.bitsStored > info.bitsAllocated)
        return failure(QStringLiteral("dicom.geometry"),
            tr("The header gives an impossible bit depth (%1 bits stored in %2).")
                .arg(info.bitsStored)
                .arg(info.bitsAllocated));
    const qint64 pixels = qint64(info.rows) * info.columns;
    const qint64 decodedBytes = pixels * info.samplesPerPixel * ((info.bitsAllocated + 7) / 8);
    if (pixels > MaxPixelsPerFrame || decodedBytes > MaxDecodedFrameBytes)
        return failure(QStringLiteral("dicom.too-large"),
            tr("The image is too large to display (%1 × %2 pixels with %3 samples of %4 bits each).")
                .arg(info.columns)
                .arg(info.rows)
                .arg(info.samplesPerPixel)
                .arg(info.bitsAllocated));
    if (info.frames > MaxFrames)
        return failure(QStringLiteral("dicom.too-large"),
            tr("The header announces %1 frames; at most %2 are accepted.").arg(info.frames).arg(MaxFrames));

    DcmPixelSequence *sequence = nullptr;
    auto *pixelData = element->ident() == EVR_PixelData ? static_cast<DcmPixelData *>(element) : nullptr;
    if (DcmXfer(layout.m_transferSyntax).isEncapsulated() && pixelData
        && pixelData->getEncapsulatedRepresentation(layout.m_transferSyntax, nullptr, sequence).good()
        && sequence) {
        layout.m_encapsulated = true;
        layout.m_jpeg2000 = isJpeg2000Syntax(layout.m_transferSyntax);
        // Item 0 is the Basic Offset Table; each frame has at least one fragment of its own.
        const qint64 fragments = qint64(sequence->card()) - 1;
        if (fragments < 1)
            return failure(
                QStringLiteral("dicom.no-pixels"), tr("The compressed pixel data holds no frame."));
        if (info.frames > fragments)
            return failure(QStringLiteral("dicom.truncated"),
                tr("The header announces %1 frames but the compressed pixel data holds only %2 fragments.")
                    .arg(info.frames)
                    .arg(fragments));
        return layout;
    }
    // Native pixel data: 4:2:2 keeps two samples per pixel (Y Y Cb Cr for each pair).
    const bool subsampled = info.samplesPerPixel == 3
        && (info.photometricInterpretation == QLatin1String("YBR_FULL_422")
            || info.photometricInterpretation == QLatin1String("YBR_PARTIAL_422"));
    layout.m_bitsPerFrame = pixels * (subsampled ? 2 : info.samplesPerPixel) * info.bitsAllocated;
    layout.m_availableBytes = element->getLength();
    if (layout.m_bitsPerFrame > layout.m_availableBytes * 8)
        return failure(QStringLiteral("dicom.truncated"),
            tr("The pixel data is shorter than one frame: %1 bytes where the header needs %2.")
                .arg(layout.m_availableBytes)
                .arg((layout.m_bitsPerFrame + 7) / 8));
    return layout;
}

Result<void> PixelLayout::checkFrame(int frame) const
{
    if (m_encapsulated)
        return {};
    if ((qint64(frame) + 1) * m_bitsPerFrame > m_availableBytes * 8)
        return failure(QStringLiteral("dicom.truncated"),
            tr("Frame %1 is missing from the pixel data, which holds only %n complete frame(s).", nullptr,
                static_cast<int>(m_availableBytes * 8 / m_bitsPerFrame))
                .arg(frame));
    return {};
}
