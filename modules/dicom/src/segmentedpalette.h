#pragma once

#include "domain/result.h"

#include <QCoreApplication>

#include <vector>

class DcmItem;

// Segmented palette colour lookup tables (PS3.3 C.7.9.2), which DCMTK 3.6.7 does not read: some
// ultrasound machines (ALOKA's among them) store their palettes only this way. The segments are
// expanded here into the plain tables (0028,1201-1203) that DCMTK then applies as usual.
//
// Segments (opcode, length, data):
// - discrete (0): `length` table entries follow;
// - linear (1): one value y1 follows; the `length` entries after the previous segment's last
//   value y0 lie on the straight line from y0 to y1, the last one being y1 (C.7.9.2.2), each
//   y0 + (y1 - y0) * i / length rounded to the nearest integer, halves up;
// - indirect (2): `length` segments are expanded again from an earlier position in the data, given
//   as a 32-bit byte offset from the start of the data, least significant part first (C.7.9.2.3).
// GDCM (3.0) reads the same segments but draws each linear segment one entry late, from y0 and
// stopping one step short of y1; this follows the standard, y1 is the segment's last entry.
// With 16-bit entries (the descriptor's third value) every opcode, length and value is one 16-bit
// word; with 8-bit entries each is one byte, the bytes packed two to a word, the first in the low
// byte as in plain 8-bit tables (the 32-bit offset is then four bytes).
class SegmentedPalette
{
    Q_DECLARE_TR_FUNCTIONS(SegmentedPalette)
public:
    // The expanded table of exactly `entries` entries (1 to 65536) from the words of a segmented
    // table whose entries have `bits` bits (8 or 16).
    static Result<std::vector<quint16>> expand(const std::vector<quint16> &words, int bits, int entries);

    // Replaces each segmented table of a PALETTE COLOR dataset by the plain table it expands to,
    // in this in-memory copy only. A dataset without segmented tables is left as it is.
    static Result<void> expandInDataset(DcmItem &dataset);
};
