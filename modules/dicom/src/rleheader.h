#pragma once

#include "domain/result.h"

#include <QByteArrayView>
#include <QCoreApplication>

// The 64-byte header that starts each RLE Lossless frame (PS3.5 G.5): how many segments the
// frame has (one per byte of each sample) and where each begins. DCMTK 3.6.7 trusts these
// offsets: one beyond the frame's data makes it read outside its buffer (found by fuzz_dicom),
// so a frame's header is checked before DCMTK decodes it.
class RleHeader
{
    Q_DECLARE_TR_FUNCTIONS(RleHeader)
public:
    static constexpr qsizetype Size = 64;
    // `header`: the first bytes of the frame's first fragment; `frameBytes`: the bytes of the
    // frame's fragments together; `expectedSegments`: samples per pixel × bytes per sample.
    static Result<void> check(QByteArrayView header, quint64 frameBytes, int expectedSegments);
};
