// JPEG 2000, which DCMTK's free codecs cannot decode: frames decoded with OpenJPEG must look
// exactly as DCMTK shows the same image uncompressed, however the encoder split them into
// fragments and whatever offset table it wrote.
#include "dcmtkreference.h"
#include "dicom/dicomfile.h"
#include "dicomeditor.h"
#include "dicomsynth.h"
#include "gdcmreference.h"
#include "imagecompare.h"
#include "synthfolder.h"

#include <QFile>
#include <QTest>

Q_DECLARE_METATYPE(SynthImage)
Q_DECLARE_METATYPE(Jpeg2000Layout)

namespace {
Jpeg2000Layout layout(
    int fragmentsPerFrame, bool basic, bool extended, bool jp2 = false, bool transform = true)
{
    Jpeg2000Layout l;
    l.fragmentsPerFrame = fragmentsPerFrame;
    l.basicOffsetTable = basic;
    l.extendedOffsetTable = extended;
    l.jp2Wrapper = jp2;
    l.colourTransform = transform;
    return l;
}

SynthImage monochrome1()
{
    SynthImage s = DicomSynth::grey(8, 8, false, 1);
    s.photometric = QStringLiteral("MONOCHROME1");
    return s;
}

SynthImage signedRescaled()
{
    SynthImage s = DicomSynth::grey(16, 16, true, 1);
    s.rescaleIntercept = -1024;
    s.rescaleSlope = 1;
    return s;
}

Jpeg2000Layout codestream(int precision, float rate = 8.0f)
{
    Jpeg2000Layout l;
    l.codestreamPrecision = precision;
    l.lossyRate = rate;
    return l;
}

// 12-bit values whose codestream says 16 bits, as GDCM's encoder writes them.
SynthImage twelveBitsInSixteen(bool asTheCodestreamSays)
{
    SynthImage s = DicomSynth::grey(16, 12, false, 1);
    if (asTheCodestreamSays)
        s.bitsStored = 16;
    return s;
}

// Signed 14-bit values under a header saying 16 bits.
SynthImage fourteenBitsUnderSixteen(bool asTheCodestreamSays)
{
    SynthImage s = DicomSynth::grey(16, 14, true, 1);
    s.rescaleIntercept = -100;
    s.rescaleSlope = 2;
    if (!asTheCodestreamSays)
        s.bitsStored = 16;
    return s;
}

// Above this a lossy 16-bit frame at 8:1 is close to its source as shown; the samples wrapping
// round or the wrong window give 6 to 25 dB.
constexpr double LossyPsnrDb = 38.0;
} // namespace

class TestJpeg2000 : public QObject
{
    Q_OBJECT

private:
    SynthFolder m_files;

    QString write(const SynthImage &s, SynthSyntax syntax, const Jpeg2000Layout &j2k = {})
    {
        SynthOptions options;
        options.jpeg2000 = j2k;
        return m_files.write(s, syntax, options);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_files.isValid());
        if (!DcmtkReference::available())
            QSKIP("dcmj2pnm (package dcmtk) is not installed: no reference rendering");
    }

    void losslessFramesLookAsDcmtkShowsTheUncompressedSource_data()
    {
        QTest::addColumn<SynthImage>("image");
        QTest::addColumn<Jpeg2000Layout>("j2k");
        QTest::addColumn<bool>("samplesKnown"); // 8-bit grey or RGB: compare with the samples too
        QTest::newRow("grey 8") << DicomSynth::grey(8, 8, false, 1) << layout(1, false, false) << true;
        QTest::newRow("grey 12 of 16")
            << DicomSynth::grey(16, 12, false, 1) << layout(1, false, false) << false;
        QTest::newRow("signed 16 rescaled") << signedRescaled() << layout(1, false, false) << false;
        QTest::newRow("MONOCHROME1") << monochrome1() << layout(1, false, false) << false;
        QTest::newRow("palette") << DicomSynth::palette(8, 256, 1) << layout(1, false, false) << false;
        QTest::newRow("palette 16") << DicomSynth::palette(16, 4096, 1) << layout(1, false, false) << false;
        QTest::newRow("RGB as YBR_RCT") << DicomSynth::rgb(1, 0) << layout(1, false, false) << true;
        QTest::newRow("RGB without colour transform")
            << DicomSynth::rgb(1, 0) << layout(1, false, false, false, false) << true;
        QTest::newRow("RGB planar source") << DicomSynth::rgb(1, 1) << layout(1, false, false) << true;
        QTest::newRow("YBR_FULL without colour transform")
            << DicomSynth::ybrFull(1) << layout(1, false, false, false, false) << false;
        QTest::newRow("one frame in three fragments")
            << DicomSynth::grey(8, 8, false, 1) << layout(3, false, false) << true;
        QTest::newRow("JP2 file inside") << DicomSynth::rgb(1, 0) << layout(1, false, false, true) << true;
        QTest::newRow("cine, a fragment per frame")
            << DicomSynth::grey(8, 8, false, 5) << layout(1, false, false) << true;
        QTest::newRow("cine, offset table, three fragments per frame")
            << DicomSynth::rgb(4, 0) << layout(3, true, false) << true;
        QTest::newRow("cine, two fragments per frame, no offset table")
            << DicomSynth::grey(8, 8, false, 4) << layout(2, false, false) << true;
        QTest::newRow("cine, extended offset table")
            << DicomSynth::rgb(3, 0) << layout(2, false, true) << true;
        QTest::newRow("12-bit cine, offset table")
            << DicomSynth::grey(16, 12, false, 3) << layout(2, true, false) << false;
    }

    void losslessFramesLookAsDcmtkShowsTheUncompressedSource()
    {
        QFETCH(SynthImage, image);
        QFETCH(Jpeg2000Layout, j2k);
        QFETCH(bool, samplesKnown);
        const QString compressed = write(image, SynthSyntax::Jpeg2000, j2k);
        const QString source = write(image, SynthSyntax::ExplicitLittle);
        QVERIFY(!compressed.isEmpty() && !source.isEmpty());
        const QString problem
            = ImageCompare::everyFrame(compressed, image.frames, [&](int frame, const QImage &rendered) {
                  const QString difference = DcmtkReference::difference(rendered, source, frame);
                  if (!difference.isEmpty() || !samplesKnown)
                      return difference;
                  return ImageCompare::difference(rendered, DicomSynth::sourceFrame(image, frame));
              });
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void lossyFramesStayCloseToTheSource_data()
    {
        QTest::addColumn<SynthImage>("image");
        QTest::newRow("grey") << DicomSynth::grey(8, 8, false, 1);
        QTest::newRow("RGB as YBR_ICT") << DicomSynth::rgb(1, 0);
        QTest::newRow("RGB cine as YBR_ICT") << DicomSynth::rgb(3, 0);
    }

    void lossyFramesStayCloseToTheSource()
    {
        QFETCH(SynthImage, image);
        auto file = DicomFile::open(write(image, SynthSyntax::Jpeg2000Lossy));
        QVERIFY(file);
        QCOMPARE((*file)->info().transferSyntaxUid, QStringLiteral("1.2.840.10008.1.2.4.91"));
        for (int frame = 0; frame < image.frames; ++frame) {
            auto rendered = (*file)->renderFrame(frame);
            QVERIFY2(rendered, rendered ? "" : qPrintable(rendered.error().message));
            QCOMPARE(rendered->format(),
                image.samplesPerPixel == 1 ? QImage::Format_Grayscale8 : QImage::Format_RGB888);
            const double mean
                = ImageCompare::meanDifference(*rendered, DicomSynth::sourceFrame(image, frame));
            QVERIFY2(mean <= 4.0,
                qPrintable(QStringLiteral("frame %1 strays %2 on average").arg(frame).arg(mean)));
        }
    }

    // 16-bit grey, signed and unsigned, with rescale: the frame shows the window of its values
    // (the whole range its bits can hold, after the rescale, as dcmj2pnm shows native data), the
    // codestream's precision deciding how many bits that is (as GDCM decides). Lossless frames
    // equal dcmj2pnm's rendering of the values exactly, lossy ones come close; where gdcmconv is
    // installed, both equal GDCM's decoding shown by dcmj2pnm exactly.
    void sixteenBitGreyShowsTheWindowOfItsValues_data()
    {
        QTest::addColumn<SynthImage>("image");
        QTest::addColumn<SynthImage>("values"); // what the codestream holds, as native data
        QTest::addColumn<Jpeg2000Layout>("j2k");
        QTest::addColumn<bool>("lossy");
        for (const bool lossy : { false, true }) {
            const char *kind = lossy ? "lossy" : "lossless";
            const SynthImage unsigned16 = DicomSynth::grey(16, 16, false, 1);
            QTest::addRow("unsigned 16, %s", kind) << unsigned16 << unsigned16 << Jpeg2000Layout {} << lossy;
            QTest::addRow("signed 16 rescaled, %s", kind)
                << signedRescaled() << signedRescaled() << Jpeg2000Layout {} << lossy;
            QTest::addRow("12-bit values, 16-bit codestream, Bits Stored 12, %s", kind)
                << twelveBitsInSixteen(false) << twelveBitsInSixteen(true) << codestream(16, 4.0f) << lossy;
            QTest::addRow("signed 14-bit codestream, Bits Stored 16, rescaled, %s", kind)
                << fourteenBitsUnderSixteen(false) << fourteenBitsUnderSixteen(true) << codestream(14)
                << lossy;
        }
    }

    void sixteenBitGreyShowsTheWindowOfItsValues()
    {
        QFETCH(SynthImage, image);
        QFETCH(SynthImage, values);
        QFETCH(Jpeg2000Layout, j2k);
        QFETCH(bool, lossy);
        const QString compressed
            = write(image, lossy ? SynthSyntax::Jpeg2000Lossy : SynthSyntax::Jpeg2000, j2k);
        const QString source = write(values, SynthSyntax::ExplicitLittle);
        QVERIFY(!compressed.isEmpty() && !source.isEmpty());
        auto file = DicomFile::open(compressed);
        QVERIFY(file);
        auto rendered = (*file)->renderFrame(0);
        QVERIFY2(rendered, rendered ? "" : qPrintable(rendered.error().message));
        QCOMPARE(rendered->format(), QImage::Format_Grayscale8);
        QString why;
        const QImage window = DcmtkReference::render(source, 0, &why);
        QVERIFY2(!window.isNull(), qPrintable(why));
        if (lossy) {
            const double psnr = ImageCompare::psnr(*rendered, window);
            qInfo("PSNR %.1f dB against the values", psnr);
            QVERIFY2(
                psnr >= LossyPsnrDb, qPrintable(QStringLiteral("PSNR %1 dB against the values").arg(psnr)));
        } else {
            QCOMPARE(ImageCompare::difference(*rendered, window), QString());
        }
        if (!GdcmReference::available()) {
            qInfo("gdcmconv (package libgdcm-tools) is not installed: GDCM's decoding not compared");
            return;
        }
        const QImage gdcm = GdcmReference::render(compressed, 0, &why);
        QVERIFY2(!gdcm.isNull(), qPrintable(why));
        QCOMPARE(ImageCompare::difference(*rendered, gdcm), QString());
    }

    void codestreamOfAnotherSizeThanTheHeaderIsRefused()
    {
        const QString path = write(DicomSynth::grey(8, 8, false, 1), SynthSyntax::Jpeg2000);
        QString error;
        QVERIFY2(
            DicomEditor::setValue(path, 0x0028, 0x0010, QStringLiteral("40"), &error), qPrintable(error));
        auto file = DicomFile::open(path);
        QVERIFY(file);
        auto rendered = (*file)->renderFrame(0);
        QVERIFY(!rendered);
        QCOMPARE(rendered.error().code, QStringLiteral("dicom.jpeg2000"));
    }

    void damagedCodestreamIsRefused_data()
    {
        QTest::addColumn<int>("keptBytes");
        QTest::newRow("nothing of the codestream") << 0;
        QTest::newRow("its main header only") << 60;
        QTest::newRow("half of it") << -2;
    }

    void damagedCodestreamIsRefused()
    {
        QFETCH(int, keptBytes);
        const SynthImage image = DicomSynth::rgb(3, 0);
        const QString path = write(image, SynthSyntax::Jpeg2000);
        auto intact = DicomFile::open(path);
        QVERIFY(intact);
        const QImage frame2 = *(*intact)->renderFrame(2);
        // Rebuild frame 1's fragment from a prefix of frame 0's codestream padded with garbage.
        QFile raw(path);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        const QByteArray bytes = raw.readAll();
        raw.close();
        const qsizetype soc = bytes.indexOf(QByteArray("\xff\x4f\xff\x51", 4));
        QVERIFY(soc > 0);
        QByteArray damaged = bytes.mid(soc, keptBytes < 0 ? 400 : keptBytes);
        damaged.append(QByteArray(800, '\x5a'));
        QString error;
        QVERIFY2(DicomEditor::replaceFragment(path, 2, damaged, &error), qPrintable(error));
        auto file = DicomFile::open(path);
        QVERIFY(file);
        auto rendered = (*file)->renderFrame(1);
        if (rendered) // OpenJPEG may decode what it can of a damaged stream; it must not crash
            QCOMPARE(rendered->size(), QSize(image.columns, image.rows));
        else
            QVERIFY(!rendered.error().message.isEmpty());
        auto other = (*file)->renderFrame(2);
        QVERIFY(other);
        QCOMPARE(ImageCompare::difference(*other, frame2), QString());
    }
};

QTEST_GUILESS_MAIN(TestJpeg2000)
#include "tst_jpeg2000.moc"
