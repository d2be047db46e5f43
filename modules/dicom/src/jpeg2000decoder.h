#pragma once

#include "domain/result.h"

#include <QByteArray>
#include <QCoreApplication>

#include <vector>

// One JPEG 2000 frame decoded by OpenJPEG: samples interleaved pixel by pixel, subsampled
// components brought to full size, and the codestream's own multi-component transform (the
// RCT of YBR_RCT, the ICT of YBR_ICT) already undone, so three components are RGB unless the
// codestream was not transformed.
struct Jpeg2000Frame
{
    int width = 0;
    int height = 0;
    int components = 0;
    int precision = 0; // bits per sample, the largest over the components
    bool isSigned = false;
    bool colourTransformUndone = false; // the codestream carried an RCT or ICT
    bool declaredYcc = false; // a JP2 header declared sYCC, or chroma was subsampled
    std::vector<qint32> samples; // width × height × components
};

class Jpeg2000Decoder
{
    Q_DECLARE_TR_FUNCTIONS(Jpeg2000Decoder)
public:
    // A raw codestream (as DICOM encapsulates it) or a JP2 file. The codestream's image must be
    // exactly columns × rows: a frame that disagrees with its header is refused before decoding.
    static Result<Jpeg2000Frame> decode(const QByteArray &codestream, int columns, int rows);
};
