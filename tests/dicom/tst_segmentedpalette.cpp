// Segmented palette colour lookup tables (PS3.3 C.7.9.2), which DCMTK 3.6.7 cannot read: the
// module expands them itself. Every file is written here with DCMTK; the colours expected are
// computed in this test from the segment definitions (a second, independent expansion), and
// DCMTK's dcmj2pnm shows the same image written with the expanded tables as plain ones.
#include "dcmtkreference.h"
#include "dicom/dicomfile.h"
#include "dicomsynth.h"
#include "gdcmreference.h"
#include "imagecompare.h"
#include "synthfolder.h"

#include <QTest>

#include <cmath>

namespace {
// The segments of one table as they are stored, and what they stand for.
class Segments
{
public:
    explicit Segments(int bits = 16)
        : m_bits(bits)
    {
    }

    Segments &discrete(const QList<int> &values)
    {
        m_starts << int(m_items.size());
        m_definitions.append({ 0, int(values.size()), values, 0, 0 });
        m_items << 0 << int(values.size()) << values;
        for (int v : values)
            m_expected << quint16(v);
        return *this;
    }

    // The straight line from the last entry so far to y1, reached at the n-th entry.
    Segments &linear(int n, int y1)
    {
        m_starts << int(m_items.size());
        m_definitions.append({ 1, n, {}, y1, 0 });
        m_items << 1 << n << y1;
        appendLine(n, y1);
        return *this;
    }

    // `count` segments again from segment number `first` (this test counts segments; the table
    // stores their byte offset).
    Segments &indirect(int count, int first)
    {
        const qint64 offset = qint64(m_starts.at(first)) * (m_bits / 8); // in bytes
        m_starts << int(m_items.size());
        m_definitions.append({ 2, count, {}, 0, first });
        m_items << 2 << count;
        if (m_bits == 8)
            m_items << int(offset & 0xff) << int((offset >> 8) & 0xff) << int((offset >> 16) & 0xff)
                    << int(offset >> 24);
        else
            m_items << int(offset & 0xffff) << int(offset >> 16);
        for (int k = first; k < first + count; ++k)
            replay(k);
        return *this;
    }

    // Raw items appended as they are: for damaged tables.
    Segments &raw(const QList<int> &items)
    {
        m_items << items;
        return *this;
    }

    QList<quint16> words() const
    {
        QList<quint16> words;
        if (m_bits == 16) {
            for (int item : m_items)
                words << quint16(item);
            return words;
        }
        for (qsizetype i = 0; i < m_items.size(); i += 2)
            words << quint16(
                (m_items[i] & 0xff) | (i + 1 < m_items.size() ? (m_items[i + 1] & 0xff) << 8 : 0));
        return words;
    }
    const QList<quint16> &expected() const { return m_expected; }

private:
    struct Definition
    {
        int opcode;
        int length;
        QList<int> values;
        int y1;
        int first;
    };

    void appendLine(int n, int y1)
    {
        const double y0 = m_expected.last();
        for (int i = 1; i <= n; ++i)
            m_expected << quint16(std::floor(y0 + (y1 - y0) * i / n + 0.5));
    }

    void replay(int k)
    {
        const Definition d = m_definitions.at(k);
        if (d.opcode == 0)
            for (int v : d.values)
                m_expected << quint16(v);
        else if (d.opcode == 1)
            appendLine(d.length, d.y1);
        else
            for (int j = d.first; j < d.first + d.length; ++j)
                replay(j);
    }

    int m_bits;
    QList<int> m_items;
    QList<int> m_starts;
    QList<Definition> m_definitions;
    QList<quint16> m_expected;
};

QList<int> zigzag(int count, int scale)
{
    QList<int> values;
    for (int i = 0; i < count; ++i)
        values << (i * 7919 + (i % 3) * 1000) % scale;
    return values;
}

struct Palette
{
    Segments red, green, blue;
};

// Indices of `indexBits` bits spread over the table (and beyond it, where the first mapped index
// is not 0), with the segmented tables in place of the plain ones.
SynthImage segmentedImage(
    int indexBits, int entries, int firstMapped, int entryBits, const Palette &palette, int frames = 1)
{
    SynthImage s = DicomSynth::palette(indexBits, indexBits == 8 ? 256 : entries, frames);
    s.paletteFirstMapped = firstMapped;
    s.paletteBits = entryBits;
    s.paletteEntries = entries;
    s.segmentedRed = palette.red.words();
    s.segmentedGreen = palette.green.words();
    s.segmentedBlue = palette.blue.words();
    return s;
}

// The same image with the expected tables written as plain ones, for dcmj2pnm.
SynthImage plainTwin(SynthImage s, const Palette &palette)
{
    s.segmentedRed.clear();
    s.segmentedGreen.clear();
    s.segmentedBlue.clear();
    s.paletteRed = palette.red.expected();
    s.paletteGreen = palette.green.expected();
    s.paletteBlue = palette.blue.expected();
    return s;
}

// PS3.3 C.7.6.3.1.5: an index below the first mapped one takes the first entry, one beyond the
// table the last; 16-bit entries are shown by their high byte (DCMTK's 8-bit output).
QImage expectedFrame(const SynthImage &s, const Palette &palette, int frame)
{
    QImage image(s.columns, s.rows, QImage::Format_RGB888);
    const QList<quint16> *tables[]
        = { &palette.red.expected(), &palette.green.expected(), &palette.blue.expected() };
    for (int y = 0; y < s.rows; ++y) {
        uchar *line = image.scanLine(y);
        for (int x = 0; x < s.columns; ++x) {
            const int index = DicomSynth::sample(s, frame, x, y, 0);
            for (int c = 0; c < 3; ++c) {
                const QList<quint16> &table = *tables[c];
                const int entry
                    = table.at(std::clamp(index - s.paletteFirstMapped, 0, int(table.size()) - 1));
                line[3 * x + c] = uchar(s.paletteBits == 16 ? entry >> 8 : entry);
            }
        }
    }
    return image;
}

Palette discretePalette(int entries)
{
    Palette p;
    p.red.discrete(zigzag(entries, 65536));
    QList<int> green = zigzag(entries, 60000);
    std::reverse(green.begin(), green.end());
    p.green.discrete(green);
    p.blue.discrete(zigzag(entries / 2, 50000)).discrete(zigzag(entries - entries / 2, 65536));
    return p;
}

Palette linearPalette(int entries)
{
    Palette p;
    p.red.discrete({ 0 }).linear(entries - 1, 65535);
    p.green.discrete({ 65535 }).linear(entries / 2 - 1, 0).linear(entries - entries / 2, 40000);
    // A flat line, then one whose steps are not whole numbers (rounded halves up).
    p.blue.discrete({ 1000, 5000 }).linear(10, 5000).linear(entries - 12, 60001);
    return p;
}

Palette indirectPalette(int entries)
{
    Palette p;
    // Segments 0-1 copied after a jump; the copied linear segment starts from the new last value.
    p.red.discrete({ 100, 200, 300 })
        .linear(5, 800)
        .discrete({ 9000 })
        .indirect(2, 0)
        .linear(entries - 17, 65000);
    p.green.discrete({ 65535, 0 })
        .linear(20, 30000)
        .indirect(1, 1)
        .discrete({ 7 })
        .linear(entries - 43, 12345);
    // An indirect segment copying one that is itself indirect.
    p.blue.discrete({ 10 }).linear(9, 1000).indirect(2, 0).indirect(1, 2).linear(entries - 30, 50000);
    return p;
}

Palette eightBitPalette()
{
    Palette p { Segments(8), Segments(8), Segments(8) };
    p.red.discrete({ 0, 10, 20 }).linear(100, 250).discrete({ 3, 99 }).indirect(2, 0).linear(48, 255);
    p.green.discrete({ 255 }).linear(255, 0);
    p.blue.discrete(zigzag(40, 256)).linear(100, 128).indirect(1, 1).linear(16, 17);
    return p;
}

Palette fullRangePalette()
{
    Palette p;
    p.red.discrete({ 0 }).linear(65535, 65535);
    p.green.discrete({ 65535 }).linear(65535, 0);
    p.blue.discrete({ 0 }).linear(32767, 65535).linear(32768, 0);
    return p;
}

Palette firstMappedPalette()
{
    Palette p;
    p.red.discrete({ 5000 }).linear(199, 60000);
    p.green.discrete({ 60000, 100 }).linear(198, 30000);
    p.blue.discrete(zigzag(200, 65536));
    return p;
}

} // namespace

Q_DECLARE_METATYPE(SynthImage)
Q_DECLARE_METATYPE(SynthSyntax)

class TestSegmentedPalette : public QObject
{
    Q_OBJECT

private:
    SynthFolder m_files;
    QHash<QString, Palette> m_palettes;

    void addRows(const char *name, const SynthImage &image, const Palette &palette)
    {
        m_palettes.insert(QString::fromLatin1(name), palette);
        for (SynthSyntax syntax : { SynthSyntax::ExplicitLittle, SynthSyntax::ExplicitBig })
            QTest::newRow(qPrintable(QStringLiteral("%1, %2").arg(
                QLatin1String(name), QLatin1String(DicomSynth::syntaxName(syntax)))))
                << QString::fromLatin1(name) << image << syntax;
    }

private slots:
    void initTestCase() { QVERIFY(m_files.isValid()); }

    void expandedPaletteGivesTheColoursOfItsSegments_data()
    {
        QTest::addColumn<QString>("palette");
        QTest::addColumn<SynthImage>("image");
        QTest::addColumn<SynthSyntax>("syntax");
        addRows("discrete, 16-bit entries, 16-bit indices",
            segmentedImage(16, 4096, 0, 16, discretePalette(4096)), discretePalette(4096));
        addRows("linear, 16-bit entries, 16-bit indices",
            segmentedImage(16, 4096, 0, 16, linearPalette(4096)), linearPalette(4096));
        addRows("indirect, 16-bit entries, 8-bit indices",
            segmentedImage(8, 256, 0, 16, indirectPalette(256)), indirectPalette(256));
        addRows(
            "every type, 8-bit entries", segmentedImage(8, 256, 0, 8, eightBitPalette()), eightBitPalette());
        addRows("65536 entries written as 0", segmentedImage(16, 65536, 0, 16, fullRangePalette()),
            fullRangePalette());
        addRows("first mapped index 30 of 200 entries", segmentedImage(8, 200, 30, 16, firstMappedPalette()),
            firstMappedPalette());
        m_palettes.insert(QStringLiteral("cine"), linearPalette(4096));
        const SynthImage cine = segmentedImage(16, 4096, 0, 16, linearPalette(4096), 3);
        QTest::newRow("cine, RLE") << QStringLiteral("cine") << cine << SynthSyntax::Rle;
        QTest::newRow("cine, JPEG 2000") << QStringLiteral("cine") << cine << SynthSyntax::Jpeg2000;
    }

    void expandedPaletteGivesTheColoursOfItsSegments()
    {
        QFETCH(QString, palette);
        QFETCH(SynthImage, image);
        QFETCH(SynthSyntax, syntax);
        const Palette &tables = m_palettes[palette];
        for (const Segments *segments : { &tables.red, &tables.green, &tables.blue })
            QCOMPARE(segments->expected().size(), qsizetype(image.paletteEntries));
        const QString path = m_files.write(image, syntax);
        QVERIFY(!path.isEmpty());
        // DCMTK cannot decode JPEG 2000: its twin is stored uncompressed.
        const SynthSyntax twinSyntax = syntax == SynthSyntax::Jpeg2000 ? SynthSyntax::ExplicitLittle : syntax;
        const QString twin
            = DcmtkReference::available() ? m_files.write(plainTwin(image, tables), twinSyntax) : QString();
        const QString problem
            = ImageCompare::everyFrame(path, image.frames, [&](int frame, const QImage &rendered) {
                  const QString byHand
                      = ImageCompare::difference(rendered, expectedFrame(image, tables, frame));
                  if (!byHand.isEmpty() || twin.isEmpty())
                      return byHand.isEmpty() ? byHand : QStringLiteral("against the segments: ") + byHand;
                  const QString dcmtk = DcmtkReference::difference(rendered, twin, frame);
                  return dcmtk.isEmpty() ? dcmtk
                                         : QStringLiteral("against dcmj2pnm with plain tables: ") + dcmtk;
              });
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    // GDCM expands segmented tables too (gdcmconv --decompress-lut), but draws linear segments one
    // entry late (see segmentedpalette.h): only discrete and indirect segments compare.
    void discreteAndIndirectSegmentsExpandAsGdcmExpandsThem_data()
    {
        QTest::addColumn<SynthSyntax>("syntax");
        QTest::newRow("explicit little endian") << SynthSyntax::ExplicitLittle;
        QTest::newRow("explicit big endian") << SynthSyntax::ExplicitBig;
    }

    void discreteAndIndirectSegmentsExpandAsGdcmExpandsThem()
    {
        QFETCH(SynthSyntax, syntax);
        if (!GdcmReference::available())
            QSKIP("gdcmconv (package libgdcm-tools) or dcmj2pnm is not installed: no GDCM expansion");
        Palette p;
        p.red.discrete(zigzag(1000, 65536)).discrete({ 5, 6 }).indirect(2, 0).discrete(zigzag(2092, 40000));
        p.green.discrete(zigzag(96, 65536))
            .indirect(1, 0)
            .discrete({ 1 })
            .indirect(2, 1)
            .discrete(zigzag(3806, 9999));
        p.blue.discrete(zigzag(4096, 30000));
        const SynthImage image = segmentedImage(16, 4096, 0, 16, p);
        const QString path = m_files.write(image, syntax);
        QVERIFY(!path.isEmpty());
        auto file = DicomFile::open(path);
        QVERIFY(file);
        auto rendered = (*file)->renderFrame(0);
        QVERIFY2(rendered, rendered ? "" : qPrintable(rendered.error().message));
        QCOMPARE(ImageCompare::difference(*rendered, expectedFrame(image, p, 0)), QString());
        QString why;
        const QImage gdcm = GdcmReference::render(path, 0, &why, { QStringLiteral("--decompress-lut") });
        QVERIFY2(!gdcm.isNull(), qPrintable(why));
        QCOMPARE(ImageCompare::difference(*rendered, gdcm), QString());
    }

    void damagedSegmentsAreRefusedWithAMessage_data()
    {
        QTest::addColumn<QList<int>>("items");
        QTest::addColumn<int>("entries");
        QTest::newRow("linear segment first") << QList<int> { 1, 16, 100 } << 16;
        QTest::newRow("indirect segment first") << QList<int> { 2, 1, 0, 0 } << 16;
        QTest::newRow("unknown segment type") << QList<int> { 0, 1, 5, 3, 15, 9 } << 16;
        QTest::newRow("discrete segment cut short") << QList<int> { 0, 40, 1, 2, 3 } << 16;
        QTest::newRow("indirect segment pointing at itself") << QList<int> { 0, 1, 7, 2, 1, 6, 0 } << 16;
        QTest::newRow("indirect segment pointing between entries")
            << QList<int> { 0, 1, 7, 2, 1, 1, 0 } << 16;
        // 3000 empty segments, then 3000 indirect ones each copying them all: 9 million segments
        // to expand for no entry at all.
        QList<int> copies { 0, 1, 7 };
        for (int k = 0; k < 3000; ++k)
            copies << 0 << 0;
        for (int k = 0; k < 3000; ++k)
            copies << 2 << 3000 << 6 << 0;
        QTest::newRow("indirect segments expanding millions of segments") << copies << 16;
        QTest::newRow("fewer entries than the descriptor") << QList<int> { 0, 2, 1, 2, 1, 10, 900 } << 16;
    }

    void damagedSegmentsAreRefusedWithAMessage()
    {
        QFETCH(QList<int>, items);
        QFETCH(int, entries);
        Palette bad;
        bad.red.raw(items);
        bad.green.discrete(zigzag(entries, 65536));
        bad.blue.discrete(zigzag(entries, 65536));
        SynthImage image = segmentedImage(8, entries, 0, 16, bad);
        const QString path = m_files.write(image, SynthSyntax::ExplicitLittle);
        QVERIFY(!path.isEmpty());
        auto file = DicomFile::open(path);
        QVERIFY2(file, file ? "" : qPrintable(file.error().message));
        QCOMPARE((*file)->info().photometricInterpretation, QStringLiteral("PALETTE COLOR"));
        auto rendered = (*file)->renderFrame(0);
        QVERIFY(!rendered);
        QCOMPARE(rendered.error().code, QStringLiteral("dicom.palette"));
        qInfo("%s", qPrintable(rendered.error().message));
        QVERIFY2(
            rendered.error().message.contains(QLatin1String("red")), qPrintable(rendered.error().message));
    }
};

QTEST_GUILESS_MAIN(TestSegmentedPalette)
#include "tst_segmentedpalette.moc"
