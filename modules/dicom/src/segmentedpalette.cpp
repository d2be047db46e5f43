#include "segmentedpalette.h"

#include "dicomlog.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcelem.h>
#include <dcmtk/dcmdata/dcitem.h>

#include <array>

namespace {
constexpr size_t MaxEntries = 65536;
// Indirect segments may point at indirect segments; deeper chains than this are not seen in
// practice and could only make the expansion explode.
constexpr int MaxIndirection = 8;
// Segments expanded in all, copies included. A real table has at most a few thousand; without a
// bound, a chain of indirect segments each copying the ones before it (of zero entries, so that the
// entry limit never stops them) would take 2^n steps.
constexpr qint64 MaxSegmentsExpanded = qint64(1) << 20;

struct Expansion
{
    const std::vector<quint16> &data; // one opcode, length or value per element
    bool eightBit = false;
    std::vector<quint16> table;
    QString problem;
    qint64 expanded = 0;

    bool fail(const QString &why)
    {
        problem = why;
        return false;
    }

    // Expands segments from `position` on: all of them (`limit` < 0) or `limit` of them.
    bool run(size_t position, qint64 limit, int depth)
    {
        for (qint64 done = 0; limit < 0 || done < limit; ++done) {
            if (position >= data.size()) {
                if (limit < 0)
                    return true;
                return fail(SegmentedPalette::tr("an indirect segment reaches past the end of the data"));
            }
            // A single zero left at the end is the pad to an even length.
            if (limit < 0 && position + 1 == data.size() && data[position] == 0)
                return true;
            if (position + 1 >= data.size())
                return fail(SegmentedPalette::tr("a segment is cut short"));
            if (++expanded > MaxSegmentsExpanded)
                return fail(SegmentedPalette::tr("its indirect segments copy each other too often"));
            const size_t start = position;
            const quint16 opcode = data[position];
            const quint16 length = data[position + 1];
            position += 2;
            switch (opcode) {
            case 0: // discrete
                if (position + length > data.size())
                    return fail(SegmentedPalette::tr("a discrete segment is cut short"));
                if (table.size() + length > MaxEntries)
                    return fail(SegmentedPalette::tr("the segments give more than 65536 entries"));
                table.insert(table.end(), data.begin() + qsizetype(position),
                    data.begin() + qsizetype(position + length));
                position += length;
                break;
            case 1: { // linear
                if (table.empty())
                    return fail(SegmentedPalette::tr("a linear segment comes first"));
                if (position >= data.size())
                    return fail(SegmentedPalette::tr("a linear segment is cut short"));
                if (table.size() + length > MaxEntries)
                    return fail(SegmentedPalette::tr("the segments give more than 65536 entries"));
                const qint64 y0 = table.back();
                const qint64 y1 = data[position++];
                if (length == 0)
                    break;
                // y0 + (y1 - y0) * i / length rounded half up, i.e. floor((2 (y1 - y0) i + length)
                // / (2 length)), in exact integers kept as quotient and remainder from one entry to
                // the next (a division per entry would be most of the cost of a 65536-entry line).
                const qint64 denominator = 2 * qint64(length);
                const qint64 increment = 2 * (y1 - y0);
                qint64 quotientStep = increment / denominator;
                qint64 remainderStep = increment % denominator;
                if (remainderStep < 0) {
                    remainderStep += denominator;
                    --quotientStep;
                }
                qint64 quotient = 0;
                qint64 remainder = length; // i = 0: length / (2 length) = 0 remainder length
                for (qint64 i = 1; i <= length; ++i) {
                    quotient += quotientStep;
                    remainder += remainderStep;
                    if (remainder >= denominator) {
                        remainder -= denominator;
                        ++quotient;
                    }
                    table.push_back(static_cast<quint16>(y0 + quotient));
                }
                break;
            }
            case 2: { // indirect
                if (table.empty())
                    return fail(SegmentedPalette::tr("an indirect segment comes first"));
                const size_t words = eightBit ? 4 : 2;
                if (position + words > data.size())
                    return fail(SegmentedPalette::tr("an indirect segment is cut short"));
                quint64 offset = 0;
                const int shift = eightBit ? 8 : 16;
                for (size_t k = 0; k < words; ++k)
                    offset |= quint64(data[position + k]) << (shift * k);
                position += words;
                // A byte offset (C.7.9.2.3, as GDCM reads it), to a whole entry.
                if (!eightBit && offset % 2 != 0)
                    return fail(SegmentedPalette::tr("an indirect segment points between two entries"));
                if (!eightBit)
                    offset /= 2;
                // Only earlier segments can be copied: this also rules out a segment copying itself.
                if (offset >= start)
                    return fail(SegmentedPalette::tr("an indirect segment points at itself or further on"));
                if (depth >= MaxIndirection)
                    return fail(SegmentedPalette::tr("indirect segments are nested too deeply"));
                if (!run(static_cast<size_t>(offset), length, depth + 1))
                    return false;
                break;
            }
            default:
                return fail(SegmentedPalette::tr("unknown segment type %1").arg(opcode));
            }
        }
        return true;
    }
};

struct Channel
{
    DcmTagKey descriptor;
    DcmTagKey plain;
    DcmTagKey segmented;
    const char *name;
};

std::array<Channel, 3> channels()
{
    return { { { DCM_RedPaletteColorLookupTableDescriptor, DCM_RedPaletteColorLookupTableData,
                   DCM_SegmentedRedPaletteColorLookupTableData,
                   QT_TRANSLATE_NOOP("SegmentedPalette", "red") },
        { DCM_GreenPaletteColorLookupTableDescriptor, DCM_GreenPaletteColorLookupTableData,
            DCM_SegmentedGreenPaletteColorLookupTableData, QT_TRANSLATE_NOOP("SegmentedPalette", "green") },
        { DCM_BluePaletteColorLookupTableDescriptor, DCM_BluePaletteColorLookupTableData,
            DCM_SegmentedBluePaletteColorLookupTableData, QT_TRANSLATE_NOOP("SegmentedPalette", "blue") } } };
}

// The descriptor's value `index` whether it is stored as US or SS (both are allowed).
bool descriptorValue(DcmElement &element, unsigned long index, int &value)
{
    Uint16 unsignedValue = 0;
    if (element.getUint16(unsignedValue, index).good()) {
        value = unsignedValue;
        return true;
    }
    Sint16 signedValue = 0;
    if (element.getSint16(signedValue, index).good()) {
        value = static_cast<quint16>(signedValue);
        return true;
    }
    return false;
}

Error paletteError(const QString &colour, const QString &why)
{
    return Error { QStringLiteral("dicom.palette"),
        SegmentedPalette::tr("The %1 segmented palette cannot be read: %2.").arg(colour, why) };
}
} // namespace

Result<std::vector<quint16>> SegmentedPalette::expand(
    const std::vector<quint16> &words, int bits, int entries)
{
    if (bits != 8 && bits != 16)
        return failure(
            QStringLiteral("dicom.palette"), tr("entries of %1 bits cannot be expanded").arg(bits));
    if (entries < 1 || entries > int(MaxEntries))
        return failure(
            QStringLiteral("dicom.palette"), tr("a palette of %1 entries is impossible").arg(entries));
    std::vector<quint16> bytes;
    if (bits == 8) {
        bytes.reserve(words.size() * 2);
        for (quint16 word : words) {
            bytes.push_back(word & 0xff);
            bytes.push_back(word >> 8);
        }
    }
    Expansion expansion { bits == 8 ? bytes : words, bits == 8, {}, {}, 0 };
    expansion.table.reserve(size_t(entries));
    if (!expansion.run(0, -1, 0))
        return failure(QStringLiteral("dicom.palette"), expansion.problem);
    if (expansion.table.size() < size_t(entries))
        return failure(QStringLiteral("dicom.palette"),
            tr("the segments give %1 entries but the descriptor says %2")
                .arg(expansion.table.size())
                .arg(entries));
    if (expansion.table.size() > size_t(entries)) {
        qCDebug(lcDicom) << "segmented palette longer than its descriptor:" << expansion.table.size()
                         << "entries for" << entries;
        expansion.table.resize(size_t(entries));
    }
    return std::move(expansion.table);
}

Result<void> SegmentedPalette::expandInDataset(DcmItem &dataset)
{
    const auto all = channels();
    bool segmented = false;
    for (const Channel &channel : all)
        segmented = segmented || dataset.tagExists(channel.segmented, OFFalse);
    OFString photometric;
    dataset.findAndGetOFString(DCM_PhotometricInterpretation, photometric);
    // DCMTK looks at palettes only for PALETTE COLOR images; neither does this.
    if (!segmented || QString::fromLatin1(photometric.c_str()).trimmed() != QLatin1String("PALETTE COLOR"))
        return {};
    for (const Channel &channel : all) {
        const QString colour = tr(channel.name);
        if (!dataset.tagExists(channel.segmented, OFFalse)) {
            // A plain table beside segmented ones is used as it is.
            if (dataset.tagExists(channel.plain, OFFalse))
                continue;
            return tl::unexpected(paletteError(colour, tr("it is missing")));
        }
        DcmElement *descriptor = nullptr;
        int entries = 0;
        int bits = 0;
        if (dataset.findAndGetElement(channel.descriptor, descriptor, OFFalse).bad() || !descriptor
            || !descriptorValue(*descriptor, 0, entries) || !descriptorValue(*descriptor, 2, bits))
            return tl::unexpected(paletteError(colour, tr("its descriptor is missing or incomplete")));
        if (entries == 0)
            entries = int(MaxEntries); // PS3.3 C.7.6.3.1.5: 0 stands for 2^16 entries
        const Uint16 *raw = nullptr;
        unsigned long count = 0;
        if (dataset.findAndGetUint16Array(channel.segmented, raw, &count, OFFalse).bad() || !raw
            || count == 0)
            return tl::unexpected(paletteError(colour, tr("its data is empty")));
        auto table = expand(std::vector<quint16>(raw, raw + count), bits, entries);
        if (!table)
            return tl::unexpected(paletteError(colour, table.error().message));
        OFCondition stored = EC_Normal;
        if (bits == 8) {
            // Two 8-bit entries to a word, the first in the low byte, as DCMTK reads plain tables.
            std::vector<Uint16> packed((table->size() + 1) / 2, 0);
            for (size_t i = 0; i < table->size(); ++i)
                packed[i / 2] = static_cast<Uint16>(packed[i / 2] | ((*table)[i] & 0xff) << (i % 2 ? 8 : 0));
            stored = dataset.putAndInsertUint16Array(
                DcmTag(channel.plain, EVR_OW), packed.data(), static_cast<unsigned long>(packed.size()));
        } else {
            stored = dataset.putAndInsertUint16Array(
                DcmTag(channel.plain, EVR_OW), table->data(), static_cast<unsigned long>(table->size()));
        }
        if (stored.bad())
            return tl::unexpected(paletteError(colour, QString::fromLatin1(stored.text())));
        dataset.findAndDeleteElement(channel.segmented);
    }
    return {};
}
