#pragma once

#include "domain/result.h"
#include "jpeg2000decoder.h"

#include <QCoreApplication>
#include <QImage>

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
    // A JPEG 2000 frame decoded by OpenJPEG, shown as DCMTK shows the same frame uncompressed:
    // the file's display attributes, the decoded samples as native pixel data.
    static Result<QImage> renderJpeg2000(DcmDataset &source, const Jpeg2000Frame &decoded, int frame);

private:
    static Result<QImage> display(DicomImage &image, unsigned long selected, int frame);
};
