#pragma once

#include "domain/result.h"

#include <QByteArray>

// One JPEG 2000 frame (a raw J2K codestream or a JP2 file, as DICOM encapsulates them) decoded
// with OpenJPEG into interleaved samples, 8 or 16 bits each, colour transforms already undone.
struct DecodedFrame
{
    int width = 0;
    int height = 0;
    int components = 0;
    int precision = 0;
    bool isSigned = false;
    QByteArray samples; // little-endian for 16-bit samples
};

class Jpeg2000Decoder
{
public:
    static Result<DecodedFrame> decode(const QByteArray &codestream);
};
