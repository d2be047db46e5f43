#pragma once

#include "dicom/dicominfo.h"
#include "domain/result.h"

#include <QCoreApplication>

#include <dcmtk/dcmdata/dcxfer.h>

class DcmDataset;

// What the header says about the pixel matrix, checked against sane limits and against the bytes
// the file really holds before any decoder is allowed to allocate memory for a frame: a corrupt
// or hostile header must give an error, never an allocation of gigabytes or a crash.
class PixelLayout
{
    Q_DECLARE_TR_FUNCTIONS(PixelLayout)
public:
    // Far beyond any ultrasound frame (and any mammogram), small enough to decode on a clinic PC.
    static constexpr qint64 MaxPixelsPerFrame = qint64(32) * 1024 * 1024;
    static constexpr qint64 MaxDecodedFrameBytes = qint64(256) * 1024 * 1024;
    static constexpr int MaxFrames = 100000;

    static Result<PixelLayout> inspect(const DicomInfo &info, DcmDataset &dataset);

    // The bytes of `frame` are all in the file (native pixel data) or the frame has at least one
    // fragment of its own (encapsulated).
    Result<void> checkFrame(int frame) const;

    bool isEncapsulated() const { return m_encapsulated; }
    bool isJpeg2000() const { return m_jpeg2000; }
    E_TransferSyntax pixelTransferSyntax() const { return m_transferSyntax; }

private:
    E_TransferSyntax m_transferSyntax = EXS_Unknown;
    bool m_encapsulated = false;
    bool m_jpeg2000 = false;
    qint64 m_bitsPerFrame = 0; // native data as stored
    qint64 m_availableBytes = 0; // native data in the file
    int m_frames = 1;
};
