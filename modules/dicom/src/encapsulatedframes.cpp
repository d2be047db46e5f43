#include "encapsulatedframes.h"

#include <QtEndian>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfcache.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>

#include <algorithm>

namespace {
// A fragment begins a frame if it starts a new image: a JPEG or JPEG-LS SOI marker followed by
// another marker (ITU T.81 B.2.1, ISO/IEC 14495-1 C.1), a JPEG 2000 codestream's SOC and SIZ
// markers (ISO/IEC 15444-1 A.4.1, A.5.1) or the signature box of a JP2 file.
bool beginsFrame(const QByteArray &head)
{
    static const char soi[] = { '\xff', '\xd8', '\xff' };
    static const char soc[] = { '\xff', '\x4f', '\xff', '\x51' };
    static const char jp2[] = { '\x00', '\x00', '\x00', '\x0c', '\x6a', '\x50', '\x20', '\x20' };
    return head.startsWith(QByteArray::fromRawData(soi, 3)) || head.startsWith(QByteArray::fromRawData(soc, 4))
        || head.startsWith(QByteArray::fromRawData(jp2, 8));
}

QByteArray readBytes(DcmElement &element, Uint32 count, DcmFileCache *cache)
{
    QByteArray bytes(static_cast<qsizetype>(count), Qt::Uninitialized);
    if (count > 0 && element.getPartialValue(bytes.data(), 0, count, cache).bad())
        return {};
    return bytes;
}
} // namespace

std::optional<QList<EncapsulatedFrames::Range>> EncapsulatedFrames::rangesFromOffsets(
    const QList<quint64> &offsets, const QList<quint64> &itemPositions)
{
    if (offsets.isEmpty() || offsets.first() != 0)
        return std::nullopt;
    QList<int> starts;
    for (quint64 offset : offsets) {
        const auto found = std::lower_bound(itemPositions.begin(), itemPositions.end(), offset);
        if (found == itemPositions.end() || *found != offset)
            return std::nullopt;
        const int index = static_cast<int>(found - itemPositions.begin());
        if (!starts.isEmpty() && index <= starts.last())
            return std::nullopt;
        starts.append(index);
    }
    QList<Range> ranges;
    for (int i = 0; i < starts.size(); ++i) {
        const int end = i + 1 < starts.size() ? starts[i + 1] : static_cast<int>(itemPositions.size());
        ranges.append(Range { starts[i] + 1, end - starts[i] });
    }
    return ranges;
}

Result<EncapsulatedFrames> EncapsulatedFrames::index(
    DcmDataset &dataset, DcmPixelSequence &sequence, int frames)
{
    const int items = static_cast<int>(sequence.card());
    const int fragments = items - 1;
    if (fragments < frames || frames < 1)
        return failure(QStringLiteral("dicom.truncated"),
            tr("The compressed pixel data holds %1 fragments for %2 frames.").arg(fragments).arg(frames));
    // Offsets in both tables count from the first byte of the first fragment's item tag; each
    // item takes 8 bytes of tag and length before its value.
    QList<quint64> positions;
    QList<DcmPixelItem *> fragmentItems;
    quint64 position = 0;
    for (int i = 1; i < items; ++i) {
        DcmPixelItem *item = nullptr;
        if (sequence.getItem(item, static_cast<unsigned long>(i)).bad() || !item)
            return failure(QStringLiteral("dicom.truncated"),
                tr("Fragment %1 of the compressed pixel data is unreadable.").arg(i));
        positions.append(position);
        fragmentItems.append(item);
        position += 8 + quint64(item->getLength());
    }

    EncapsulatedFrames result;
    result.m_sequence = &sequence;
    DcmFileCache cache;

    // Both tables count offsets the same way; they differ in width and byte order.
    auto fromTable = [&](DcmElement &table, int width) -> std::optional<QList<Range>> {
        const QByteArray bytes = table.getLength() == Uint32(width) * Uint32(frames)
            ? readBytes(table, table.getLength(), &cache)
            : QByteArray();
        if (bytes.size() != width * frames)
            return std::nullopt;
        QList<quint64> offsets;
        for (int f = 0; f < frames; ++f)
            // The Basic Offset Table is little endian whatever the host (PS3.5 A.4); the Extended
            // Offset Table (OV) comes out of getPartialValue in host order already.
            offsets.append(width == 4 ? quint64(qFromLittleEndian<quint32>(bytes.constData() + 4 * f))
                                      : qFromUnaligned<quint64>(bytes.constData() + 8 * f));
        return rangesFromOffsets(offsets, positions);
    };
    DcmElement *extended = nullptr;
    DcmPixelItem *basic = nullptr;
    std::optional<QList<Range>> ranges;
    if (dataset.findAndGetElement(DCM_ExtendedOffsetTable, extended, OFFalse).good() && extended)
        ranges = fromTable(*extended, 8);
    if (!ranges && sequence.getItem(basic, 0).good() && basic)
        ranges = fromTable(*basic, 4);
    if (ranges) {
        result.m_frames = *ranges;
        return result;
    }

    if (fragments == frames) {
        for (int f = 0; f < frames; ++f)
            result.m_frames.append(Range { f + 1, 1 });
        return result;
    }
    if (frames == 1) {
        result.m_frames.append(Range { 1, fragments });
        return result;
    }

    QList<int> starts;
    for (int i = 0; i < fragments; ++i) {
        const Uint32 headBytes = std::min<Uint32>(12, fragmentItems[i]->getLength());
        if (beginsFrame(readBytes(*fragmentItems[i], headBytes, &cache)))
            starts.append(i);
    }
    if (starts.size() != frames || starts.first() != 0)
        return failure(QStringLiteral("dicom.truncated"),
            tr("The frames of the compressed pixel data cannot be told apart: %1 frames announced, %2 found.")
                .arg(frames)
                .arg(starts.size()));
    for (int f = 0; f < frames; ++f) {
        const int end = f + 1 < frames ? starts[f + 1] : fragments;
        result.m_frames.append(Range { starts[f] + 1, end - starts[f] });
    }
    return result;
}

int EncapsulatedFrames::firstItem(int frame) const
{
    return frame >= 0 && frame < m_frames.size() ? m_frames[frame].firstItem : 0;
}

Result<QByteArray> EncapsulatedFrames::read(int frame) const
{
    if (frame < 0 || frame >= m_frames.size())
        return failure(
            QStringLiteral("dicom.frame"), tr("Frame %1 is not in the compressed pixel data.").arg(frame));
    const Range range = m_frames[frame];
    QList<DcmPixelItem *> items;
    qint64 total = 0;
    for (int i = range.firstItem; i < range.firstItem + range.items; ++i) {
        DcmPixelItem *item = nullptr;
        if (m_sequence->getItem(item, static_cast<unsigned long>(i)).bad() || !item)
            return failure(QStringLiteral("dicom.truncated"),
                tr("Fragment %1 of the compressed pixel data is unreadable.").arg(i));
        items.append(item);
        total += item->getLength();
    }
    QByteArray bytes(static_cast<qsizetype>(total), Qt::Uninitialized);
    DcmFileCache cache;
    qsizetype at = 0;
    for (DcmPixelItem *item : items) {
        const Uint32 length = item->getLength();
        if (length > 0 && item->getPartialValue(bytes.data() + at, 0, length, &cache).bad())
            return failure(
                QStringLiteral("dicom.truncated"), tr("Frame %1 cannot be read from the file.").arg(frame));
        at += length;
    }
    return bytes;
}
