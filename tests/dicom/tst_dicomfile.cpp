// Decoding every transfer syntax and photometric interpretation the clinics' machines write
// (JPEG 2000 has its own test), held to the stored samples where the encoding is lossless and
// to DCMTK's own rendering (dcmj2pnm, dcml2pnm with default options) always.
#include "dcmtkreference.h"
#include "dicom/dicomfile.h"
#include "dicomeditor.h"
#include "dicomsynth.h"
#include "imagecompare.h"
#include "synthfolder.h"

#include <QTest>

#include <atomic>
#include <cmath>
#include <thread>

Q_DECLARE_METATYPE(SynthImage)
Q_DECLARE_METATYPE(SynthSyntax)

namespace {
struct NamedImage
{
    const char *name;
    SynthImage image;
};

SynthImage withPhotometric(SynthImage s, const QString &photometric)
{
    s.photometric = photometric;
    return s;
}

QList<NamedImage> displayCases()
{
    SynthImage windowed = DicomSynth::grey(16, 12, false, 1);
    windowed.windowCentre = 2048;
    windowed.windowWidth = 400;
    SynthImage rescaled = DicomSynth::grey(16, 16, true, 1);
    rescaled.rescaleIntercept = -1024;
    rescaled.rescaleSlope = 1;
    SynthImage overlay = DicomSynth::grey(8, 8, false, 1);
    overlay.overlay = true;
    SynthImage overlayCine = DicomSynth::grey(8, 8, false, 3);
    overlayCine.overlay = true;
    return {
        { "grey 8", DicomSynth::grey(8, 8, false, 1) },
        { "grey 12 of 16", DicomSynth::grey(16, 12, false, 1) },
        { "signed 16 rescaled", rescaled },
        { "window in file", windowed },
        { "MONOCHROME1", withPhotometric(DicomSynth::grey(8, 8, false, 1), QStringLiteral("MONOCHROME1")) },
        { "RGB", DicomSynth::rgb(1, 0) },
        { "RGB planar", DicomSynth::rgb(1, 1) },
        { "YBR_FULL", DicomSynth::ybrFull(1) },
        { "YBR_FULL_422", DicomSynth::ybrFull422(1) },
        { "palette 8", DicomSynth::palette(8, 256, 1) },
        { "palette 16", DicomSynth::palette(16, 4096, 1) },
        { "overlay", overlay },
        { "overlay cine", overlayCine },
        { "grey cine", DicomSynth::grey(8, 8, false, 4) },
        { "RGB cine", DicomSynth::rgb(4, 0) },
        { "RGB planar cine", DicomSynth::rgb(3, 1) },
        { "YBR_FULL_422 cine", DicomSynth::ybrFull422(3) },
    };
}

// Which encodings a machine would use for such an image (and DCMTK can write).
bool suits(const SynthImage &s, SynthSyntax syntax)
{
    const bool ybr422 = s.photometric == QLatin1String("YBR_FULL_422");
    const bool eightBitGreyOrRgb = s.bitsAllocated == 8 && !s.isSigned
        && (s.photometric == QLatin1String("MONOCHROME2") || s.photometric == QLatin1String("RGB"));
    switch (syntax) {
    case SynthSyntax::ImplicitLittle:
    case SynthSyntax::ExplicitLittle:
    case SynthSyntax::ExplicitBig:
    case SynthSyntax::Deflated:
        return true;
    case SynthSyntax::Rle:
    case SynthSyntax::JpegLossless:
    case SynthSyntax::JpegLs:
        return !ybr422;
    case SynthSyntax::JpegBaseline:
        return eightBitGreyOrRgb || ybr422;
    case SynthSyntax::JpegExtended:
        return s.bitsAllocated == 16 && s.bitsStored == 12;
    case SynthSyntax::JpegLsNear:
        return eightBitGreyOrRgb || (s.bitsAllocated == 16 && s.bitsStored == 12);
    case SynthSyntax::Jpeg2000:
    case SynthSyntax::Jpeg2000Lossy:
        return false;
    }
    return false;
}

const QList<SynthSyntax> &dcmtkSyntaxes()
{
    static const QList<SynthSyntax> syntaxes { SynthSyntax::ImplicitLittle, SynthSyntax::ExplicitLittle,
        SynthSyntax::ExplicitBig, SynthSyntax::Deflated, SynthSyntax::JpegBaseline, SynthSyntax::JpegExtended,
        SynthSyntax::JpegLossless, SynthSyntax::JpegLs, SynthSyntax::JpegLsNear, SynthSyntax::Rle };
    return syntaxes;
}
} // namespace

class TestDicomFile : public QObject
{
    Q_OBJECT

private:
    SynthFolder m_files;

    QString write(const SynthImage &s, SynthSyntax syntax, const SynthOptions &options = {})
    {
        return m_files.write(s, syntax, options);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_files.isValid());
        if (!DcmtkReference::available())
            QSKIP("dcmj2pnm (package dcmtk) is not installed: no reference rendering");
    }

    void losslessEncodingsGiveBackTheStoredSamples_data()
    {
        QTest::addColumn<SynthImage>("image");
        QTest::addColumn<SynthSyntax>("syntax");
        const QList<NamedImage> images { { "grey", DicomSynth::grey(8, 8, false, 1) },
            { "RGB", DicomSynth::rgb(1, 0) }, { "RGB planar", DicomSynth::rgb(1, 1) },
            { "grey cine", DicomSynth::grey(8, 8, false, 3) }, { "RGB planar cine", DicomSynth::rgb(3, 1) } };
        for (SynthSyntax syntax :
            { SynthSyntax::ImplicitLittle, SynthSyntax::ExplicitLittle, SynthSyntax::ExplicitBig,
                SynthSyntax::Deflated, SynthSyntax::JpegLossless, SynthSyntax::JpegLs, SynthSyntax::Rle })
            for (const NamedImage &named : images) {
                // DCMTK 3.6.7's lossless JPEG encoder reads planar multi-frame input as if the planes
                // spanned all frames; the file it writes is wrong (dcmj2pnm shows the same colours
                // as this module, see everyFrameLooksAsDcmtkShowsIt), so it proves nothing here.
                if (syntax == SynthSyntax::JpegLossless && named.image.planarConfiguration == 1
                    && named.image.frames > 1)
                    continue;
                QTest::addRow("%s %s", named.name, DicomSynth::syntaxName(syntax).constData())
                    << named.image << syntax;
            }
    }

    void losslessEncodingsGiveBackTheStoredSamples()
    {
        QFETCH(SynthImage, image);
        QFETCH(SynthSyntax, syntax);
        const QString path = write(image, syntax);
        QVERIFY(!path.isEmpty());
        const QString problem
            = ImageCompare::everyFrame(path, image.frames, [&](int frame, const QImage &rendered) {
                  return ImageCompare::difference(rendered, DicomSynth::sourceFrame(image, frame));
              });
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void everyFrameLooksAsDcmtkShowsIt_data()
    {
        QTest::addColumn<SynthImage>("image");
        QTest::addColumn<SynthSyntax>("syntax");
        for (const NamedImage &named : displayCases())
            for (SynthSyntax syntax : dcmtkSyntaxes())
                if (suits(named.image, syntax))
                    QTest::addRow("%s %s", named.name, DicomSynth::syntaxName(syntax).constData())
                        << named.image << syntax;
    }

    void everyFrameLooksAsDcmtkShowsIt()
    {
        QFETCH(SynthImage, image);
        QFETCH(SynthSyntax, syntax);
        const QString path = write(image, syntax);
        QVERIFY(!path.isEmpty());
        const QString problem
            = ImageCompare::everyFrame(path, image.frames, [&](int frame, const QImage &rendered) {
                  return DcmtkReference::difference(rendered, path, frame);
              });
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void framesSplitOverFragmentsWithoutAnOffsetTableOpenInAnyOrder_data()
    {
        QTest::addColumn<SynthImage>("image");
        QTest::addColumn<SynthSyntax>("syntax");
        QTest::newRow("grey JPEG baseline") << DicomSynth::grey(8, 8, false, 5) << SynthSyntax::JpegBaseline;
        QTest::newRow("RGB JPEG baseline") << DicomSynth::rgb(4, 0) << SynthSyntax::JpegBaseline;
        QTest::newRow("grey JPEG lossless") << DicomSynth::grey(16, 12, false, 4) << SynthSyntax::JpegLossless;
        QTest::newRow("grey JPEG-LS") << DicomSynth::grey(8, 8, false, 4) << SynthSyntax::JpegLs;
    }
    void framesSplitOverFragmentsWithoutAnOffsetTableOpenInAnyOrder()
    {
        // Only the order of the fragments says where a frame begins; DCMTK itself finds it only
        // when the frames are read first to last. everyFrame reads them last first.
        QFETCH(SynthImage, image);
        QFETCH(SynthSyntax, syntax);
        const QString whole = write(image, syntax);
        QVERIFY(!whole.isEmpty());
        const QString split = whole + QStringLiteral(".split.dcm");
        QVERIFY(QFile::copy(whole, split));
        QString error;
        QVERIFY2(DicomEditor::splitFragments(split, 3, &error), qPrintable(error));
        const QString problem = ImageCompare::everyFrame(split, image.frames, [&](int frame, const QImage &rendered) {
            return DcmtkReference::difference(rendered, whole, frame);
        });
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void lossyEncodingsStayCloseToTheSource_data()
    {
        QTest::addColumn<SynthImage>("image");
        QTest::addColumn<SynthSyntax>("syntax");
        QTest::addColumn<double>("meanTolerance");
        QTest::newRow("grey JPEG baseline")
            << DicomSynth::grey(8, 8, false, 1) << SynthSyntax::JpegBaseline << 3.0;
        QTest::newRow("RGB JPEG baseline as YBR_FULL_422")
            << DicomSynth::rgb(1, 0) << SynthSyntax::JpegBaseline << 5.0;
        QTest::newRow("RGB cine JPEG baseline") << DicomSynth::rgb(3, 0) << SynthSyntax::JpegBaseline << 5.0;
        QTest::newRow("RGB JPEG-LS near-lossless") << DicomSynth::rgb(1, 0) << SynthSyntax::JpegLsNear << 2.0;
    }

    void lossyEncodingsStayCloseToTheSource()
    {
        QFETCH(SynthImage, image);
        QFETCH(SynthSyntax, syntax);
        QFETCH(double, meanTolerance);
        auto file = DicomFile::open(write(image, syntax));
        QVERIFY(file);
        for (int frame = 0; frame < image.frames; ++frame) {
            auto rendered = (*file)->renderFrame(frame);
            QVERIFY2(rendered, rendered ? "" : qPrintable(rendered.error().message));
            const double mean
                = ImageCompare::meanDifference(*rendered, DicomSynth::sourceFrame(image, frame));
            QVERIFY2(mean <= meanTolerance,
                qPrintable(QStringLiteral("frame %1 strays %2 on average").arg(frame).arg(mean)));
        }
    }

    void nearLosslessJpegLsKeepsItsPromisedDeviation()
    {
        // ISO 14495-1: with NEAR = 2 no sample is off by more than 2.
        const SynthImage image = DicomSynth::grey(8, 8, false, 1);
        auto file = DicomFile::open(write(image, SynthSyntax::JpegLsNear));
        QVERIFY(file);
        auto rendered = (*file)->renderFrame(0);
        QVERIFY(rendered);
        QVERIFY(ImageCompare::maxDifference(*rendered, DicomSynth::sourceFrame(image, 0)) <= 2);
    }

    void twelveBitLossyJpegStaysCloseToTheUncompressedImage()
    {
        const SynthImage image = DicomSynth::grey(16, 12, false, 1);
        auto lossy = DicomFile::open(write(image, SynthSyntax::JpegExtended));
        auto native = DicomFile::open(write(image, SynthSyntax::ExplicitLittle));
        QVERIFY(lossy && native);
        auto a = (*lossy)->renderFrame(0);
        auto b = (*native)->renderFrame(0);
        QVERIFY(a && b);
        QVERIFY(ImageCompare::meanDifference(*a, *b) <= 1.0);
    }

    void windowInTheFileIsNotAppliedByDefault()
    {
        // dcmj2pnm's default is no VOI windowing: the whole 12-bit range maps onto 0–255, so a
        // narrow window stored in the file (2048 ± 200) must not saturate the image.
        SynthImage image = DicomSynth::grey(16, 12, false, 1);
        image.windowCentre = 2048;
        image.windowWidth = 400;
        auto file = DicomFile::open(write(image, SynthSyntax::ExplicitLittle));
        QVERIFY(file);
        auto rendered = (*file)->renderFrame(0);
        QVERIFY(rendered);
        for (const QPoint p : { QPoint(0, 0), QPoint(20, 10), QPoint(63, 47), QPoint(40, 30) }) {
            const double expected = DicomSynth::sample(image, 0, p.x(), p.y(), 0) * 255.0 / 4095.0;
            QVERIFY2(std::abs(qGray(rendered->pixel(p)) - expected) <= 1.0,
                qPrintable(QStringLiteral("at %1,%2: %3 for %4")
                               .arg(p.x())
                               .arg(p.y())
                               .arg(qGray(rendered->pixel(p)))
                               .arg(expected)));
        }
    }

    void monochrome1IsShownInverted()
    {
        const SynthImage image
            = withPhotometric(DicomSynth::grey(8, 8, false, 1), QStringLiteral("MONOCHROME1"));
        auto file = DicomFile::open(write(image, SynthSyntax::ExplicitLittle));
        QVERIFY(file);
        auto rendered = (*file)->renderFrame(0);
        QVERIFY(rendered);
        QCOMPARE(rendered->format(), QImage::Format_Grayscale8);
        // DCMTK inverts through its presentation LUT, which may round one level up.
        for (const QPoint p : { QPoint(5, 5), QPoint(33, 21) })
            QVERIFY(
                std::abs(qGray(rendered->pixel(p)) - (255 - DicomSynth::sample(image, 0, p.x(), p.y(), 0)))
                <= 1);
    }

    void paletteColourLooksUpEveryIndex()
    {
        const SynthImage image = DicomSynth::palette(8, 256, 1);
        auto file = DicomFile::open(write(image, SynthSyntax::ExplicitLittle));
        QVERIFY(file);
        auto rendered = (*file)->renderFrame(0);
        QVERIFY(rendered);
        QCOMPARE(rendered->format(), QImage::Format_RGB888);
        for (const QPoint p : { QPoint(10, 7), QPoint(50, 40) }) {
            const int index = DicomSynth::sample(image, 0, p.x(), p.y(), 0);
            const QRgb rgb = rendered->pixel(p);
            QVERIFY(std::abs(qRed(rgb) - image.paletteRed[index] * 255.0 / 65535.0) <= 1.0);
            QVERIFY(std::abs(qGreen(rgb) - image.paletteGreen[index] * 255.0 / 65535.0) <= 1.0);
            QVERIFY(std::abs(qBlue(rgb) - image.paletteBlue[index] * 255.0 / 65535.0) <= 1.0);
        }
    }

    void ybrFull422IsShownAsRgb()
    {
        // Chroma is shared by each pair of pixels, so colours differ a little from the RGB source.
        auto file = DicomFile::open(write(DicomSynth::ybrFull422(1), SynthSyntax::ExplicitLittle));
        QVERIFY(file);
        auto rendered = (*file)->renderFrame(0);
        QVERIFY(rendered);
        QCOMPARE(rendered->format(), QImage::Format_RGB888);
        QVERIFY(ImageCompare::meanDifference(*rendered, DicomSynth::sourceFrame(DicomSynth::rgb(1, 0), 0))
            <= 5.0);
    }

    void overlayPlaneIsShownAsDcmtkShowsIt()
    {
        SynthImage image = DicomSynth::grey(8, 8, false, 1);
        image.overlay = true;
        auto file = DicomFile::open(write(image, SynthSyntax::ExplicitLittle));
        QVERIFY(file);
        auto rendered = (*file)->renderFrame(0);
        QVERIFY(rendered);
        QCOMPARE(qGray(rendered->pixel(15, 10)), 255); // inside the overlay rectangle: foreground
        QCOMPARE(qGray(rendered->pixel(40, 30)), DicomSynth::sample(image, 0, 40, 30, 0));
        QCOMPARE(DcmtkReference::difference(*rendered, (*file)->path(), 0), QString());
    }

    void aDamagedFrameDoesNotSpoilTheOthers()
    {
        const SynthImage image = DicomSynth::rgb(5, 0);
        const QString path = write(image, SynthSyntax::JpegBaseline);
        auto intact = DicomFile::open(path);
        QVERIFY(intact);
        QList<QImage> expected;
        for (int frame = 0; frame < 5; ++frame)
            expected.append(*(*intact)->renderFrame(frame));
        QString error;
        QVERIFY2(DicomEditor::replaceFragment(path, 3, QByteArray(64, '\0'), &error),
            qPrintable(error)); // frame 2
        auto damaged = DicomFile::open(path);
        QVERIFY(damaged);
        auto broken = (*damaged)->renderFrame(2);
        QVERIFY(!broken);
        QVERIFY(!broken.error().message.isEmpty());
        for (int frame : { 4, 0, 1, 3 }) {
            auto rendered = (*damaged)->renderFrame(frame);
            QVERIFY2(rendered, rendered ? "" : qPrintable(rendered.error().message));
            QCOMPARE(ImageCompare::difference(*rendered, expected[frame]), QString());
        }
    }

    void framesRenderConcurrentlyFromSeveralThreads()
    {
        const SynthImage image = DicomSynth::rgb(8, 0);
        auto file = DicomFile::open(write(image, SynthSyntax::JpegBaseline));
        QVERIFY(file);
        QList<QImage> sequential;
        for (int frame = 0; frame < image.frames; ++frame)
            sequential.append(*(*file)->renderFrame(frame));
        std::atomic<int> mismatches = 0;
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&, t] {
                for (int i = 0; i < image.frames * 2; ++i) {
                    const int frame = (i * (t + 1) + t) % image.frames;
                    auto rendered = (*file)->renderFrame(frame);
                    if (!rendered || *rendered != sequential[frame])
                        ++mismatches;
                }
            });
        for (std::thread &thread : threads)
            thread.join();
        QCOMPARE(mismatches.load(), 0);
    }

    void framesOutsideTheFileAreRefused()
    {
        auto file = DicomFile::open(write(DicomSynth::grey(8, 8, false, 3), SynthSyntax::ExplicitLittle));
        QVERIFY(file);
        QVERIFY((*file)->renderFrame(2));
        QCOMPARE((*file)->renderFrame(3).error().code, QStringLiteral("dicom.frame"));
        QCOMPARE((*file)->renderFrame(-1).error().code, QStringLiteral("dicom.frame"));
    }

    void headerIsReadIntoInfo_data()
    {
        QTest::addColumn<SynthSyntax>("syntax");
        QTest::addColumn<QString>("uid");
        QTest::newRow("implicit") << SynthSyntax::ImplicitLittle << QStringLiteral("1.2.840.10008.1.2");
        QTest::newRow("explicit") << SynthSyntax::ExplicitLittle << QStringLiteral("1.2.840.10008.1.2.1");
        QTest::newRow("big endian") << SynthSyntax::ExplicitBig << QStringLiteral("1.2.840.10008.1.2.2");
        QTest::newRow("deflated") << SynthSyntax::Deflated << QStringLiteral("1.2.840.10008.1.2.1.99");
        QTest::newRow("baseline") << SynthSyntax::JpegBaseline << QStringLiteral("1.2.840.10008.1.2.4.50");
        QTest::newRow("lossless SV1")
            << SynthSyntax::JpegLossless << QStringLiteral("1.2.840.10008.1.2.4.70");
        QTest::newRow("JPEG-LS") << SynthSyntax::JpegLs << QStringLiteral("1.2.840.10008.1.2.4.80");
        QTest::newRow("JPEG-LS near") << SynthSyntax::JpegLsNear << QStringLiteral("1.2.840.10008.1.2.4.81");
        QTest::newRow("RLE") << SynthSyntax::Rle << QStringLiteral("1.2.840.10008.1.2.5");
        QTest::newRow("JPEG 2000") << SynthSyntax::Jpeg2000 << QStringLiteral("1.2.840.10008.1.2.4.90");
    }

    void headerIsReadIntoInfo()
    {
        QFETCH(SynthSyntax, syntax);
        QFETCH(QString, uid);
        SynthImage image = DicomSynth::grey(8, 8, false, 4);
        image.pixelSpacingRowMm = 0.2;
        image.pixelSpacingColumnMm = 0.1;
        auto file = DicomFile::open(write(image, syntax));
        QVERIFY(file);
        const DicomInfo &info = (*file)->info();
        QCOMPARE(info.transferSyntaxUid, uid);
        QVERIFY(!info.transferSyntaxName.isEmpty());
        QCOMPARE(info.patientId, QStringLiteral("TEST-0001"));
        QCOMPARE(info.patientName, QStringLiteral("Test^Synthetic"));
        QCOMPARE(info.modality, QStringLiteral("US"));
        QCOMPARE(info.sopClassUid, QStringLiteral("1.2.840.10008.5.1.4.1.1.3.1"));
        QVERIFY(!info.sopInstanceUid.isEmpty() && !info.studyInstanceUid.isEmpty()
            && !info.seriesInstanceUid.isEmpty());
        QCOMPARE(info.rows, 48);
        QCOMPARE(info.columns, 64);
        QCOMPARE(info.frames, 4);
        QCOMPARE(info.samplesPerPixel, 1);
        QCOMPARE(info.frameTimeMs, std::optional<double>(33.3));
        QCOMPARE(info.cineRate, std::optional<double>(30));
        QCOMPARE(info.pixelSpacingRowMm, std::optional<double>(0.2));
        QCOMPARE(info.pixelSpacingColumnMm, std::optional<double>(0.1));
    }

    void ultrasoundRegionsAreRead()
    {
        SynthImage image = DicomSynth::grey(8, 8, false, 1);
        UltrasoundRegion scan = DicomSynth::region(1, 1, QRect(QPoint(2, 3), QPoint(60, 30)),
            UltrasoundRegion::Centimetre, UltrasoundRegion::Centimetre, 0.01, 0.015);
        scan.referencePixelX0 = 31;
        scan.referencePixelY0 = 0;
        const UltrasoundRegion doppler = DicomSynth::region(3, 3, QRect(QPoint(0, 32), QPoint(63, 47)),
            UltrasoundRegion::Second, UltrasoundRegion::CentimetrePerSecond, 0.004, 1.5);
        image.regions = { scan, doppler };
        auto file = DicomFile::open(write(image, SynthSyntax::ImplicitLittle));
        QVERIFY(file);
        const QList<UltrasoundRegion> &regions = (*file)->info().ultrasoundRegions;
        QCOMPARE(regions.size(), 2);
        QCOMPARE(regions[0].bounds(), QRect(QPoint(2, 3), QPoint(60, 30)));
        QCOMPARE(regions[0].physicalDeltaX, std::optional<double>(0.01));
        QCOMPARE(regions[0].physicalDeltaY, std::optional<double>(0.015));
        QCOMPARE(regions[0].referencePixelX0, std::optional<qint64>(31));
        QVERIFY(regions[0].isCalibratedInCentimetres());
        QCOMPARE(regions[1].spatialFormat, 3);
        QCOMPARE(regions[1].physicalUnitsX, int(UltrasoundRegion::Second));
        QCOMPARE(regions[1].physicalUnitsY, int(UltrasoundRegion::CentimetrePerSecond));
        QVERIFY(!regions[1].isCalibratedInCentimetres());
    }

    void declaredChineseCharacterSetIsDecoded()
    {
        SynthImage image = DicomSynth::grey(8, 8, false, 1);
        image.characterSet = QStringLiteral("GB18030");
        image.patientName = QByteArray("\xcd\xf5^\xb7\xbc"); // 王^芳 in GB18030
        auto file = DicomFile::open(write(image, SynthSyntax::ExplicitLittle));
        QVERIFY(file);
        QCOMPARE((*file)->info().patientName, QString::fromUtf8("\xe7\x8e\x8b^\xe8\x8a\xb3"));
    }

    void undeclaredChineseNameIsReadAsGb18030()
    {
        SynthImage image = DicomSynth::grey(8, 8, false, 1);
        image.patientName = QByteArray("\xd5\xc5^\xc8\xfd"); // 张^三, no Specific Character Set
        auto file = DicomFile::open(write(image, SynthSyntax::ExplicitLittle));
        QVERIFY(file);
        QCOMPARE((*file)->info().patientName, QString::fromUtf8("\xe5\xbc\xa0^\xe4\xb8\x89"));
    }

    void utf8NameIsKept()
    {
        SynthImage image = DicomSynth::grey(8, 8, false, 1);
        image.characterSet = QStringLiteral("ISO_IR 192");
        image.patientName = QString::fromUtf8("\xe7\x8e\x8b^\xe8\x8a\xb3").toUtf8();
        auto file = DicomFile::open(write(image, SynthSyntax::ExplicitLittle));
        QVERIFY(file);
        QCOMPARE((*file)->info().patientName, QString::fromUtf8("\xe7\x8e\x8b^\xe8\x8a\xb3"));
    }

    void bareDatasetWithoutMetaHeaderIsRead()
    {
        const SynthImage image = DicomSynth::grey(8, 8, false, 1);
        SynthOptions options;
        options.metaHeader = false;
        auto file = DicomFile::open(write(image, SynthSyntax::ImplicitLittle, options));
        QVERIFY2(file, file ? "" : qPrintable(file.error().message));
        QCOMPARE((*file)->info().transferSyntaxUid, QStringLiteral("1.2.840.10008.1.2"));
        auto rendered = (*file)->renderFrame(0);
        QVERIFY(rendered);
        QCOMPARE(ImageCompare::difference(*rendered, DicomSynth::sourceFrame(image, 0)), QString());
        QCOMPARE(DcmtkReference::difference(*rendered, (*file)->path(), 0), QString());
    }
};

QTEST_GUILESS_MAIN(TestDicomFile)
#include "tst_dicomfile.moc"
