#pragma once

#include "domain/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>

#include <optional>

class DcmDataset;
class DcmPixelSequence;

// Which fragments of encapsulated Pixel Data (PS3.5 A.4) make up each frame: for the codec
// this module drives itself (JPEG 2000), and for DCMTK's, which cannot find a frame read out of
// order when frames span several fragments and the offset table is empty. In order of trust:
// the Extended Offset Table (7FE0,0001/0002), the Basic Offset Table, one fragment per frame, a
// single frame made of every fragment, and last the fragments that begin a new image. Frame bytes are read from disk
// on demand and not kept, so a long loop costs no memory beyond the frame being decoded.
class EncapsulatedFrames
{
    Q_DECLARE_TR_FUNCTIONS(EncapsulatedFrames)
public:
    static Result<EncapsulatedFrames> index(DcmDataset &dataset, DcmPixelSequence &sequence, int frames);

    // The frame's fragments, concatenated.
    Result<QByteArray> read(int frame) const;
    // The sequence item its first fragment is in (item 0 is the Basic Offset Table), as DCMTK's
    // decoders take it; 0 for a frame not in the data.
    int firstItem(int frame) const;

private:
    struct Range
    {
        int firstItem = 1; // sequence item index; item 0 is the Basic Offset Table
        int items = 1;
    };
    // Maps byte offsets (relative to the first fragment's item tag) to ranges of fragments.
    static std::optional<QList<Range>> rangesFromOffsets(
        const QList<quint64> &offsets, const QList<quint64> &itemPositions);

    DcmPixelSequence *m_sequence = nullptr;
    QList<Range> m_frames;
};
