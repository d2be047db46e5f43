// Decoding every transfer syntax and photometric interpretation the clinics' machines produce,
// calibrated measurement, and clean refusal of broken files. Test files are written with DCMTK.
#include "dicom/dicomfile.h"
#include "dicom/ultrasoundmeasurement.h"
#include "dicomsynth.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonArray>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

namespace {
int sampleAt(const SynthImage &s, int frame, int x, int y, int c)
{
    const int bytes = s.bitsAllocated / 8;
    const int perFrame = s.rows * s.columns * s.samplesPerPixel * bytes;
    const int pixel = y * s.columns + x;
    const qsizetype index = s.planarConfiguration ? (qsizetype(c) * s.rows * s.columns + pixel) : (qsizetype(pixel) * s.samplesPerPixel + c);
    const auto *p = reinterpret_cast<const uchar *>(s.pixels.constData()) + qsizetype(frame) * perFrame + index * bytes;
    return bytes == 2 ? (p[0] | (p[1] << 8)) : p[0];
}

// Largest difference between a rendered frame and the source samples (RGB or grey).
int maxDifference(const QImage &image, const SynthImage &s, int frame)
{
    int worst = 0;
    for (int y = 0; y < s.rows; ++y)
        for (int x = 0; x < s.columns; ++x) {
            const QRgb rgb = image.pixel(x, y);
            if (s.samplesPerPixel == 1) {
                worst = std::max(worst, std::abs(qGray(rgb) - sampleAt(s, frame, x, y, 0)));
            } else {
                worst = std::max({worst, std::abs(qRed(rgb) - sampleAt(s, frame, x, y, 0)),
                                  std::abs(qGreen(rgb) - sampleAt(s, frame, x, y, 1)),
                                  std::abs(qBlue(rgb) - sampleAt(s, frame, x, y, 2))});
            }
        }
    return worst;
}
// Mean absolute difference per sample, for lossy codecs (sharp edges of the test gradient
// suffer most from 4:2:2 chroma subsampling, so the maximum says little).
double meanDifference(const QImage &image, const SynthImage &s)
{
    double sum = 0;
    for (int y = 0; y < s.rows; ++y)
        for (int x = 0; x < s.columns; ++x) {
            const QRgb rgb = image.pixel(x, y);
            if (s.samplesPerPixel == 1)
                sum += std::abs(qGray(rgb) - sampleAt(s, 0, x, y, 0));
            else
                sum += (std::abs(qRed(rgb) - sampleAt(s, 0, x, y, 0)) + std::abs(qGreen(rgb) - sampleAt(s, 0, x, y, 1))
                        + std::abs(qBlue(rgb) - sampleAt(s, 0, x, y, 2))) / 3.0;
        }
    return sum / (s.rows * s.columns);
}
} // namespace

class TestDicomFile : public QObject
{
    Q_OBJECT

private slots:
    void losslessSyntaxesDecodeExactly_data();
    void losslessSyntaxesDecodeExactly();
    void jpegBaselineStaysWithinLossyTolerance_data();
    void jpegBaselineStaysWithinLossyTolerance();
    void ybrFullIsShownAsRgb();
    void ybrFull422IsShownAsRgb();
    void paletteColourUsesTheLookupTable();
    void monochrome1IsInverted();
    void twelveBitDataMapsItsFullRangeLikeDcmtk();
    void multiFrameCineDecodesEachFrameOnRequest();
    void frameOutsideTheLoopIsRefused();
    void ultrasoundRegionsAreRead();
    void distanceUsesTheRegionDeltas();
    void ellipseCircumferenceAndArea();
    void measurementOutsideCalibrationIsRefused();
    void pixelSpacingIsAMarkedFallback();
    void truncatedFilesFailCleanly();
    void corruptedHeadersNeverCrashOrHang();
    void impossibleImageSizeIsRefused();
    void cliInfoAndRender();

private:
    QString write(const SynthImage &image, const QString &syntax);
    QTemporaryDir m_dir;
    int m_counter = 0;
};

QString TestDicomFile::write(const SynthImage &image, const QString &syntax)
{
    const QString path = m_dir.filePath(QStringLiteral("f%1-%2.dcm").arg(++m_counter).arg(syntax));
    QString error;
    if (!DicomSynth::write(image, syntax, path, &error)) {
        if (error.contains(QLatin1String("opj_compress")))
            return {};
        qFatal("cannot write test file: %s", qPrintable(error));
    }
    return path;
}

void TestDicomFile::losslessSyntaxesDecodeExactly_data()
{
    QTest::addColumn<QString>("photometric");
    QTest::addColumn<int>("samples");
    QTest::addColumn<QString>("syntax");
    for (const char *syntax : {"littleExplicit", "littleImplicit", "bigExplicit", "deflated", "jpegLossless", "jpegLs", "rle", "jpeg2000"}) {
        QTest::addRow("MONOCHROME2 %s", syntax) << QStringLiteral("MONOCHROME2") << 1 << QString::fromLatin1(syntax);
        QTest::addRow("RGB %s", syntax) << QStringLiteral("RGB") << 3 << QString::fromLatin1(syntax);
    }
}

void TestDicomFile::losslessSyntaxesDecodeExactly()
{
    QFETCH(QString, photometric);
    QFETCH(int, samples);
    QFETCH(QString, syntax);
    const SynthImage source = DicomSynth::gradient(photometric, samples, 8, 1, 0);
    const QString path = write(source, syntax);
    if (path.isEmpty())
        QSKIP("opj_compress (libopenjp2-tools) is not installed to make JPEG 2000 test files");
    auto file = DicomFile::open(path);
    QVERIFY2(file, file ? "" : qPrintable(file.error().message));
    auto image = (*file)->renderFrame(0);
    QVERIFY2(image, image ? "" : qPrintable(image.error().message));
    QCOMPARE(image->size(), QSize(source.columns, source.rows));
    QCOMPARE(maxDifference(*image, source, 0), 0);
}

void TestDicomFile::jpegBaselineStaysWithinLossyTolerance_data()
{
    QTest::addColumn<int>("samples");
    QTest::newRow("grey") << 1;
    QTest::newRow("colour (stored as YBR_FULL_422)") << 3;
}

void TestDicomFile::jpegBaselineStaysWithinLossyTolerance()
{
    QFETCH(int, samples);
    const SynthImage source = DicomSynth::gradient(samples == 3 ? QStringLiteral("RGB") : QStringLiteral("MONOCHROME2"), samples, 8, 1, 0);
    auto file = DicomFile::open(write(source, QStringLiteral("jpegBaseline")));
    QVERIFY(file);
    auto image = (*file)->renderFrame(0);
    QVERIFY(image);
    const double mean = meanDifference(*image, source);
    QVERIFY2(mean <= 8.0, qPrintable(QStringLiteral("lossy JPEG strayed %1 from the source on average").arg(mean)));
}

void TestDicomFile::ybrFullIsShownAsRgb()
{
    SynthImage rgb = DicomSynth::gradient(QStringLiteral("RGB"), 3, 8, 1, 0);
    SynthImage ybr = rgb;
    ybr.photometric = QStringLiteral("YBR_FULL");
    auto *p = reinterpret_cast<uchar *>(ybr.pixels.data());
    for (qsizetype i = 0; i < ybr.pixels.size(); i += 3) {
        // PS3.3 C.7.6.3.1.2: YBR_FULL from RGB.
        const double r = p[i], g = p[i + 1], b = p[i + 2];
        p[i] = static_cast<uchar>(std::clamp(std::lround(0.299 * r + 0.587 * g + 0.114 * b), 0L, 255L));
        p[i + 1] = static_cast<uchar>(std::clamp(std::lround(-0.1687 * r - 0.3313 * g + 0.5 * b + 128), 0L, 255L));
        p[i + 2] = static_cast<uchar>(std::clamp(std::lround(0.5 * r - 0.4187 * g - 0.0813 * b + 128), 0L, 255L));
    }
    auto file = DicomFile::open(write(ybr, QStringLiteral("littleExplicit")));
    QVERIFY(file);
    auto image = (*file)->renderFrame(0);
    QVERIFY(image);
    QVERIFY(maxDifference(*image, rgb, 0) <= 3);
}

void TestDicomFile::ybrFull422IsShownAsRgb()
{
    // Grey pixels in 4:2:2: Y1 Y2 Cb Cr per horizontal pair, neutral chroma.
    SynthImage grey = DicomSynth::gradient(QStringLiteral("MONOCHROME2"), 1, 8, 1, 0);
    SynthImage ybr = grey;
    ybr.photometric = QStringLiteral("YBR_FULL_422");
    ybr.samplesPerPixel = 3;
    ybr.pixels.clear();
    for (int y = 0; y < grey.rows; ++y)
        for (int x = 0; x < grey.columns; x += 2) {
            ybr.pixels.append(static_cast<char>(sampleAt(grey, 0, x, y, 0)));
            ybr.pixels.append(static_cast<char>(sampleAt(grey, 0, x + 1, y, 0)));
            ybr.pixels.append(char(128));
            ybr.pixels.append(char(128));
        }
    auto file = DicomFile::open(write(ybr, QStringLiteral("littleExplicit")));
    QVERIFY(file);
    auto image = (*file)->renderFrame(0);
    QVERIFY2(image, image ? "" : qPrintable(image.error().message));
    QVERIFY(maxDifference(*image, grey, 0) <= 2);
}

void TestDicomFile::paletteColourUsesTheLookupTable()
{
    SynthImage s = DicomSynth::gradient(QStringLiteral("PALETTE COLOR"), 1, 8, 1, 0);
    for (int i = 0; i < 256; ++i) {
        const quint16 red = static_cast<quint16>(i << 8), green = static_cast<quint16>((255 - i) << 8), blue = 0x8000;
        s.paletteRed.append(reinterpret_cast<const char *>(&red), 2);
        s.paletteGreen.append(reinterpret_cast<const char *>(&green), 2);
        s.paletteBlue.append(reinterpret_cast<const char *>(&blue), 2);
    }
    auto file = DicomFile::open(write(s, QStringLiteral("littleExplicit")));
    QVERIFY(file);
    auto image = (*file)->renderFrame(0);
    QVERIFY2(image, image ? "" : qPrintable(image.error().message));
    const int index = sampleAt(s, 0, 10, 7, 0);
    QCOMPARE(qRed(image->pixel(10, 7)), index);
    QCOMPARE(qGreen(image->pixel(10, 7)), 255 - index);
    QCOMPARE(qBlue(image->pixel(10, 7)), 128);
}

void TestDicomFile::monochrome1IsInverted()
{
    const SynthImage s = DicomSynth::gradient(QStringLiteral("MONOCHROME1"), 1, 8, 1, 0);
    auto file = DicomFile::open(write(s, QStringLiteral("littleExplicit")));
    QVERIFY(file);
    auto image = (*file)->renderFrame(0);
    QVERIFY(image);
    QCOMPARE(qGray(image->pixel(5, 5)), 255 - sampleAt(s, 0, 5, 5, 0));
}

void TestDicomFile::twelveBitDataMapsItsFullRangeLikeDcmtk()
{
    const SynthImage s = DicomSynth::gradient(QStringLiteral("MONOCHROME2"), 1, 16, 1, 0);
    const QString path = write(s, QStringLiteral("littleExplicit"));
    auto file = DicomFile::open(path);
    QVERIFY(file);
    auto image = (*file)->renderFrame(0);
    QVERIFY(image);
    // No VOI window by default: the 12-bit range 0–4095 maps linearly onto 0–255.
    for (const QPoint p : {QPoint(0, 0), QPoint(20, 10), QPoint(63, 47)}) {
        const int expected = static_cast<int>(std::lround(sampleAt(s, 0, p.x(), p.y(), 0) * 255.0 / 4095.0));
        QVERIFY(std::abs(qGray(image->pixel(p)) - expected) <= 1);
    }
    const QString dcmj2pnm = QStandardPaths::findExecutable(QStringLiteral("dcmj2pnm"));
    if (dcmj2pnm.isEmpty())
        return;
    const QString reference = m_dir.filePath(QStringLiteral("ref12.png"));
    QProcess::execute(dcmj2pnm, {QStringLiteral("+on"), path, reference});
    QImage dcmtk(reference);
    QCOMPARE(dcmtk.convertToFormat(QImage::Format_Grayscale8), *image);
}

void TestDicomFile::multiFrameCineDecodesEachFrameOnRequest()
{
    const SynthImage s = DicomSynth::gradient(QStringLiteral("MONOCHROME2"), 1, 8, 5, 0);
    for (const char *syntax : {"littleExplicit", "jpegLossless", "rle"}) {
        auto file = DicomFile::open(write(s, QString::fromLatin1(syntax)));
        QVERIFY(file);
        QCOMPARE((*file)->info().frames, 5);
        QCOMPARE((*file)->info().frameTimeMs, std::optional<double>(33.3));
        for (int frame : {4, 0, 2}) {
            auto image = (*file)->renderFrame(frame);
            QVERIFY2(image, syntax);
            QCOMPARE(maxDifference(*image, s, frame), 0);
        }
    }
}

void TestDicomFile::frameOutsideTheLoopIsRefused()
{
    auto file = DicomFile::open(write(DicomSynth::gradient(QStringLiteral("MONOCHROME2"), 1, 8, 3, 0), QStringLiteral("littleExplicit")));
    QVERIFY(file);
    QCOMPARE((*file)->renderFrame(3).error().code, QStringLiteral("dicom.frame"));
    QCOMPARE((*file)->renderFrame(-1).error().code, QStringLiteral("dicom.frame"));
}

void TestDicomFile::ultrasoundRegionsAreRead()
{
    SynthImage s = DicomSynth::gradient(QStringLiteral("MONOCHROME2"), 1, 8, 1, 0);
    s.withRegion = true;
    auto file = DicomFile::open(write(s, QStringLiteral("littleExplicit")));
    QVERIFY(file);
    const DicomInfo &info = (*file)->info();
    QCOMPARE(info.ultrasoundRegions.size(), 1);
    const UltrasoundRegion &r = info.ultrasoundRegions.first();
    QCOMPARE(r.bounds, QRect(QPoint(2, 2), QPoint(61, 45)));
    QCOMPARE(r.physicalDeltaX, 0.01);
    QCOMPARE(r.physicalDeltaY, 0.02);
    QVERIFY(r.isSpatialInCentimetres());
    QCOMPARE(info.toJson().value(QStringLiteral("ultrasoundRegions")).toArray().first().toObject().value(QStringLiteral("physicalUnitsX")).toString(),
             QStringLiteral("cm"));
}

void TestDicomFile::distanceUsesTheRegionDeltas()
{
    DicomInfo info;
    UltrasoundRegion r;
    r.bounds = QRect(QPoint(0, 0), QPoint(399, 299));
    r.physicalUnitsX = r.physicalUnitsY = 3;
    r.physicalDeltaX = 0.01;
    r.physicalDeltaY = 0.02;
    info.ultrasoundRegions = {r};
    auto horizontal = UltrasoundMeasurement::distance(info, QPointF(10, 10), QPointF(110, 10));
    QVERIFY(horizontal);
    QCOMPARE(horizontal->value, 1.0);
    QCOMPARE(horizontal->unit, QStringLiteral("cm"));
    QCOMPARE(horizontal->calibration, PhysicalMeasurement::Calibration::UltrasoundRegion);
    QCOMPARE(UltrasoundMeasurement::distance(info, QPointF(10, 10), QPointF(10, 60))->value, 1.0);
    QVERIFY(std::abs(UltrasoundMeasurement::distance(info, QPointF(0, 0), QPointF(300, 200))->value - 5.0) < 1e-9);
}

void TestDicomFile::ellipseCircumferenceAndArea()
{
    DicomInfo info;
    UltrasoundRegion r;
    r.bounds = QRect(0, 0, 800, 600);
    r.physicalUnitsX = r.physicalUnitsY = 3;
    r.physicalDeltaX = r.physicalDeltaY = 0.01;
    info.ultrasoundRegions = {r};
    // A circle of radius 2 cm: circumference 4π, area 4π.
    QVERIFY(std::abs(UltrasoundMeasurement::ellipseCircumference(info, QPointF(400, 300), 200, 200)->value - 4 * M_PI) < 1e-9);
    QVERIFY(std::abs(UltrasoundMeasurement::ellipseArea(info, QPointF(400, 300), 200, 200)->value - 4 * M_PI) < 1e-9);
    // An ellipse 3 × 2 cm semi-axes: Ramanujan gives 15.8654 cm.
    QVERIFY(std::abs(UltrasoundMeasurement::ellipseCircumference(info, QPointF(400, 300), 300, 200)->value - 15.8654) < 1e-3);
}

void TestDicomFile::measurementOutsideCalibrationIsRefused()
{
    DicomInfo info;
    UltrasoundRegion scan;
    scan.bounds = QRect(0, 0, 400, 300);
    scan.physicalUnitsX = scan.physicalUnitsY = 3;
    scan.physicalDeltaX = scan.physicalDeltaY = 0.01;
    UltrasoundRegion doppler;
    doppler.bounds = QRect(0, 310, 400, 200);
    doppler.physicalUnitsX = 4; // seconds
    doppler.physicalUnitsY = 7; // cm/s
    doppler.physicalDeltaX = 0.01;
    doppler.physicalDeltaY = 1;
    info.ultrasoundRegions = {scan, doppler};
    QCOMPARE(UltrasoundMeasurement::distance(info, QPointF(10, 10), QPointF(10, 350)).error().code, QStringLiteral("dicom.uncalibrated"));
    QCOMPARE(UltrasoundMeasurement::distance(info, QPointF(10, 320), QPointF(50, 350)).error().code, QStringLiteral("dicom.uncalibrated"));
    QCOMPARE(UltrasoundMeasurement::distance(DicomInfo{}, QPointF(0, 0), QPointF(1, 1)).error().code, QStringLiteral("dicom.uncalibrated"));
}

void TestDicomFile::pixelSpacingIsAMarkedFallback()
{
    DicomInfo info;
    info.pixelSpacingMm = QPointF(0.2, 0.1); // rows 0.2 mm apart, columns 0.1 mm
    auto d = UltrasoundMeasurement::distance(info, QPointF(0, 0), QPointF(100, 0));
    QVERIFY(d);
    QCOMPARE(d->value, 1.0);
    QCOMPARE(d->calibration, PhysicalMeasurement::Calibration::PixelSpacing);
}

void TestDicomFile::truncatedFilesFailCleanly()
{
    const QString path = write(DicomSynth::gradient(QStringLiteral("RGB"), 3, 8, 2, 0), QStringLiteral("littleExplicit"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    for (qsizetype length : {qsizetype(0), qsizetype(10), qsizetype(128), qsizetype(140), qsizetype(400), bytes.size() / 2, bytes.size() - 7}) {
        const QString cut = m_dir.filePath(QStringLiteral("cut-%1.dcm").arg(length));
        QFile out(cut);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bytes.left(length));
        out.close();
        auto opened = DicomFile::open(cut);
        const bool refused = !opened || !(*opened)->renderFrame(1);
        QVERIFY2(refused, qPrintable(QStringLiteral("a file cut at %1 bytes was accepted").arg(length)));
        if (!opened)
            QVERIFY(!opened.error().message.isEmpty());
    }
}

void TestDicomFile::corruptedHeadersNeverCrashOrHang()
{
    const QString path = write(DicomSynth::gradient(QStringLiteral("MONOCHROME2"), 1, 8, 1, 0), QStringLiteral("littleExplicit"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray original = file.readAll();
    QRandomGenerator random(1234);
    QElapsedTimer timer;
    timer.start();
    for (int attempt = 0; attempt < 60; ++attempt) {
        QByteArray bytes = original;
        for (int flips = 0; flips < 4; ++flips)
            bytes[132 + random.bounded(400)] = static_cast<char>(random.bounded(256));
        const QString broken = m_dir.filePath(QStringLiteral("broken.dcm"));
        QFile out(broken);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bytes);
        out.close();
        auto opened = DicomFile::open(broken);
        if (opened)
            (*opened)->renderFrame(0); // may succeed or fail; it must return
    }
    QVERIFY(timer.elapsed() < 60000);
}

void TestDicomFile::impossibleImageSizeIsRefused()
{
    SynthImage s = DicomSynth::gradient(QStringLiteral("MONOCHROME2"), 1, 8, 1, 0);
    const QString path = write(s, QStringLiteral("littleExplicit"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray bytes = file.readAll();
    file.close();
    // Rows (0028,0010) US 2 bytes: set to 65535 so the header claims far more data than exists.
    const QByteArray rowsTag("\x28\x00\x10\x00US\x02\x00", 8);
    const qsizetype at = bytes.indexOf(rowsTag);
    QVERIFY(at > 0);
    bytes[at + 8] = char(0xff);
    bytes[at + 9] = char(0xff);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    file.close();
    auto opened = DicomFile::open(path);
    QVERIFY(opened);
    auto image = (*opened)->renderFrame(0);
    QVERIFY(!image);
    QVERIFY(!image.error().message.isEmpty());
}

void TestDicomFile::cliInfoAndRender()
{
    SynthImage s = DicomSynth::gradient(QStringLiteral("RGB"), 3, 8, 3, 1);
    s.withRegion = true;
    const QString path = write(s, QStringLiteral("rle"));
    QProcess cli;
    cli.start(QStringLiteral(OBSLINK_CLI_BINARY), {QStringLiteral("dicom"), QStringLiteral("info"), path});
    QVERIFY(cli.waitForFinished(30000));
    QCOMPARE(cli.exitCode(), 0);
    const QJsonObject info = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
    QCOMPARE(info.value(QStringLiteral("frames")).toInt(), 3);
    QCOMPARE(info.value(QStringLiteral("photometricInterpretation")).toString(), QStringLiteral("RGB"));
    QCOMPARE(info.value(QStringLiteral("transferSyntax")).toObject().value(QStringLiteral("uid")).toString(), QStringLiteral("1.2.840.10008.1.2.5"));
    QCOMPARE(info.value(QStringLiteral("patientId")).toString(), QStringLiteral("TEST-0001"));
    QCOMPARE(info.value(QStringLiteral("ultrasoundRegions")).toArray().size(), 1);

    const QString png = m_dir.filePath(QStringLiteral("frame2.png"));
    cli.start(QStringLiteral(OBSLINK_CLI_BINARY), {QStringLiteral("dicom"), QStringLiteral("render"), path, QStringLiteral("--frame"),
                                                   QStringLiteral("2"), QStringLiteral("--out"), png});
    QVERIFY(cli.waitForFinished(30000));
    QCOMPARE(cli.exitCode(), 0);
    QCOMPARE(maxDifference(QImage(png), s, 2), 0);

    cli.start(QStringLiteral(OBSLINK_CLI_BINARY), {QStringLiteral("dicom"), QStringLiteral("info"), m_dir.filePath(QStringLiteral("cut-10.dcm"))});
    QVERIFY(cli.waitForFinished(30000));
    QCOMPARE(cli.exitCode(), 1);
    QVERIFY(!cli.readAllStandardError().isEmpty());
}

QTEST_GUILESS_MAIN(TestDicomFile)
#include "tst_dicomfile.moc"
