#pragma once

#include "domain/result.h"
#include "jpeg2000decoder.h"

#include <QCoreApplication>
#include <QImage>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/ofstd/ofcond.h>

#include <functional>

class DcmFileFormat;
class DcmDataset;
class DicomImage;

// Renders one frame through DCMTK's DicomImage with exactly the steps dcmj2pnm takes with its
// default options (dcmimage/apps/dcm2pnm.cc, DCMTK 3.6.7): whole-dataset decompression for a
// one-frame image, partial access to a frame of a multi-frame one, every overlay plane of the
// dataset shown in its default mode, no VOI transformation for monochrome images (the
// modality LUT or rescale still applies and the whole possible range maps onto 0–255), and
// 8 bits per sample out.
class FrameRenderer
{
    Q_DECLARE_TR_FUNCTIONS(FrameRenderer)
public:
    // A frame DCMTK decodes itself (native data, deflated, JPEG, JPEG-LS, RLE).
    static Result<QImage> render(DcmFileFormat &file, int frame);
    // A frame of a compressed multi-frame image DCMTK decodes, decoded once with
    // DcmPixelData::getUncompressedFrame and shown exactly as DicomImage shows it with partial
    // access (DCMTK 3.6.7 would decode the first frame again for every frame, only to learn the
    // colour model). `startFragment` is DCMTK's hint where the frame starts, 0 if unknown; it
    // comes back pointing at the next frame.
    static Result<QImage> renderCompressedFrame(DcmDataset &dataset, int frame, Uint32 &startFragment);
    // Whether renderCompressedFrame gives what DicomImage would: several frames of 8 or 16 bits
    // and no overlay planes.
    static bool decodesFrameByFrame(DcmDataset &dataset);
    // A JPEG 2000 frame decoded by OpenJPEG, shown as DCMTK shows the same frame uncompressed:
    // the file's display attributes, the decoded samples as native pixel data.
    static Result<QImage> renderJpeg2000(DcmDataset &source, const Jpeg2000Frame &decoded, int frame);

private:
    static Result<QImage> display(DicomImage &image, unsigned long selected, int frame);
    // One native frame: the source's attributes but its pixel data, changed by `describe`.
    static Result<QImage> displayNative(
        DcmDataset &source, const std::function<OFCondition(DcmDataset &)> &describe, int frame);
};
