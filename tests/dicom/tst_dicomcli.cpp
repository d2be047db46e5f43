// 'obslink-cli dicom info|render|sr' end to end: the JSON of docs/dicom.md, PNGs identical to what
// DCMTK's dcmj2pnm writes, exit codes 0 / 1 (bad file, with a message) / 2 (wrong usage).
#include "dcmtkreference.h"
#include "dicomeditor.h"
#include "dicomsynth.h"
#include "gdcmreference.h"
#include "imagecompare.h"
#include "srsynth.h"
#include "synthfolder.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

Q_DECLARE_METATYPE(SynthImage)
Q_DECLARE_METATYPE(SynthSyntax)

namespace {
struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run cli(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(OBSLINK_CLI_BINARY), QStringList { QStringLiteral("dicom") } + arguments);
    Run run;
    if (!process.waitForFinished(120000))
        return run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

UltrasoundRegion scanRegion()
{
    UltrasoundRegion r = DicomSynth::region(1, 1, QRect(QPoint(2, 2), QPoint(61, 29)),
        UltrasoundRegion::Centimetre, UltrasoundRegion::Centimetre, 0.01, 0.02);
    r.referencePixelX0 = 32;
    r.referencePixelY0 = 2;
    return r;
}

UltrasoundRegion dopplerRegion()
{
    return DicomSynth::region(3, 3, QRect(QPoint(0, 30), QPoint(63, 47)), UltrasoundRegion::Second,
        UltrasoundRegion::CentimetrePerSecond, 0.004, 2.5);
}
} // namespace

class TestDicomCli : public QObject
{
    Q_OBJECT

private:
    SynthFolder m_files;

    QString write(const SynthImage &s, SynthSyntax syntax) { return m_files.write(s, syntax); }

private slots:
    void initTestCase() { QVERIFY(m_files.isValid()); }

    void infoPrintsTheHeaderAsJson()
    {
        SynthImage image = DicomSynth::rgb(3, 0);
        image.regions = { scanRegion(), dopplerRegion() };
        image.pixelSpacingRowMm = 0.2;
        image.pixelSpacingColumnMm = 0.1;
        const Run run = cli({ QStringLiteral("info"), write(image, SynthSyntax::JpegBaseline) });
        QCOMPARE(run.exitCode, 0);
        QJsonParseError parsed;
        const QJsonObject info = QJsonDocument::fromJson(run.out, &parsed).object();
        QCOMPARE(parsed.error, QJsonParseError::NoError);
        for (const char *key : { "patientId", "patientName", "studyInstanceUid", "seriesInstanceUid",
                 "sopInstanceUid", "sopClassUid", "modality", "transferSyntax", "photometricInterpretation",
                 "rows", "columns", "bitsAllocated", "bitsStored", "samplesPerPixel", "planarConfiguration",
                 "frames", "frameTimeMs", "cineRate", "ultrasoundRegions", "pixelSpacing" })
            QVERIFY2(info.contains(QLatin1String(key)), key);
        QCOMPARE(info.value(QStringLiteral("patientId")).toString(), QStringLiteral("TEST-0001"));
        QCOMPARE(info.value(QStringLiteral("modality")).toString(), QStringLiteral("US"));
        QCOMPARE(info.value(QStringLiteral("sopClassUid")).toString(),
            QStringLiteral("1.2.840.10008.5.1.4.1.1.3.1"));
        const QJsonObject syntax = info.value(QStringLiteral("transferSyntax")).toObject();
        QCOMPARE(syntax.value(QStringLiteral("uid")).toString(), QStringLiteral("1.2.840.10008.1.2.4.50"));
        QCOMPARE(syntax.value(QStringLiteral("name")).toString(), QStringLiteral("JPEG Baseline"));
        QCOMPARE(info.value(QStringLiteral("photometricInterpretation")).toString(),
            QStringLiteral("YBR_FULL_422"));
        QCOMPARE(info.value(QStringLiteral("rows")).toInt(), 48);
        QCOMPARE(info.value(QStringLiteral("columns")).toInt(), 64);
        QCOMPARE(info.value(QStringLiteral("bitsAllocated")).toInt(), 8);
        QCOMPARE(info.value(QStringLiteral("bitsStored")).toInt(), 8);
        QCOMPARE(info.value(QStringLiteral("samplesPerPixel")).toInt(), 3);
        QCOMPARE(info.value(QStringLiteral("planarConfiguration")).toInt(), 0);
        QCOMPARE(info.value(QStringLiteral("frames")).toInt(), 3);
        QCOMPARE(info.value(QStringLiteral("frameTimeMs")).toDouble(), 33.3);
        QCOMPARE(info.value(QStringLiteral("cineRate")).toDouble(), 30.0);
        const QJsonObject spacing = info.value(QStringLiteral("pixelSpacing")).toObject();
        QCOMPARE(spacing.value(QStringLiteral("rowSpacingMm")).toDouble(), 0.2);
        QCOMPARE(spacing.value(QStringLiteral("columnSpacingMm")).toDouble(), 0.1);

        const QJsonArray regions = info.value(QStringLiteral("ultrasoundRegions")).toArray();
        QCOMPARE(regions.size(), 2);
        const QJsonObject scan = regions.at(0).toObject();
        QCOMPARE(
            scan.value(QStringLiteral("spatialFormat")).toObject().value(QStringLiteral("name")).toString(),
            QStringLiteral("2D"));
        QCOMPARE(
            scan.value(QStringLiteral("physicalUnitsX")).toObject().value(QStringLiteral("name")).toString(),
            QStringLiteral("cm"));
        QCOMPARE(
            scan.value(QStringLiteral("physicalUnitsY")).toObject().value(QStringLiteral("code")).toInt(), 3);
        QCOMPARE(scan.value(QStringLiteral("physicalDeltaX")).toDouble(), 0.01);
        QCOMPARE(scan.value(QStringLiteral("physicalDeltaY")).toDouble(), 0.02);
        QCOMPARE(scan.value(QStringLiteral("referencePixelX0")).toInt(), 32);
        QVERIFY(scan.value(QStringLiteral("calibratedInCm")).toBool());
        const QJsonObject bounds = scan.value(QStringLiteral("bounds")).toObject();
        QCOMPARE(bounds.value(QStringLiteral("minX0")).toInt(), 2);
        QCOMPARE(bounds.value(QStringLiteral("minY0")).toInt(), 2);
        QCOMPARE(bounds.value(QStringLiteral("maxX1")).toInt(), 61);
        QCOMPARE(bounds.value(QStringLiteral("maxY1")).toInt(), 29);
        const QJsonObject doppler = regions.at(1).toObject();
        QCOMPARE(doppler.value(QStringLiteral("physicalUnitsX"))
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString(),
            QStringLiteral("seconds"));
        QCOMPARE(doppler.value(QStringLiteral("physicalUnitsY"))
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString(),
            QStringLiteral("cm/sec"));
        QVERIFY(!doppler.value(QStringLiteral("calibratedInCm")).toBool());
    }

    void infoOfAStillImageHasNoCineTiming()
    {
        const Run run = cli(
            { QStringLiteral("info"), write(DicomSynth::grey(8, 8, false, 1), SynthSyntax::ExplicitLittle) });
        QCOMPARE(run.exitCode, 0);
        const QJsonObject info = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(info.value(QStringLiteral("frames")).toInt(), 1);
        QVERIFY(info.value(QStringLiteral("frameTimeMs")).isNull());
        QVERIFY(info.value(QStringLiteral("cineRate")).isNull());
        QVERIFY(!info.contains(QStringLiteral("pixelSpacing")));
        QCOMPARE(info.value(QStringLiteral("ultrasoundRegions")).toArray().size(), 0);
    }

    void renderWritesWhatDcmtkShows_data()
    {
        QTest::addColumn<SynthImage>("image");
        QTest::addColumn<SynthSyntax>("syntax");
        QTest::addColumn<int>("frame");
        QTest::newRow("RGB cine JPEG baseline, frame 2")
            << DicomSynth::rgb(3, 0) << SynthSyntax::JpegBaseline << 2;
        QTest::newRow("12-bit grey") << DicomSynth::grey(16, 12, false, 1) << SynthSyntax::ExplicitLittle
                                     << 0;
        QTest::newRow("palette RLE") << DicomSynth::palette(8, 256, 1) << SynthSyntax::Rle << 0;
        QTest::newRow("YBR_FULL_422 cine, frame 1")
            << DicomSynth::ybrFull422(2) << SynthSyntax::ExplicitLittle << 1;
        QTest::newRow("JPEG-LS cine, frame 1")
            << DicomSynth::grey(8, 8, false, 2) << SynthSyntax::JpegLs << 1;
        QTest::newRow("JPEG 2000 cine, frame 1") << DicomSynth::rgb(3, 0) << SynthSyntax::Jpeg2000 << 1;
    }

    void renderWritesWhatDcmtkShows()
    {
        QFETCH(SynthImage, image);
        QFETCH(SynthSyntax, syntax);
        QFETCH(int, frame);
        if (!DcmtkReference::available())
            QSKIP("dcmj2pnm (package dcmtk) is not installed: no reference rendering");
        const QString path = write(image, syntax);
        // DCMTK cannot read JPEG 2000: it shows the same image uncompressed instead.
        const QString referencePath
            = syntax == SynthSyntax::Jpeg2000 ? write(image, SynthSyntax::ExplicitLittle) : path;
        const QString png
            = m_files.filePath(QStringLiteral("out-%1.png").arg(QString::fromUtf8(QTest::currentDataTag())));
        const Run run = cli({ QStringLiteral("render"), path, QStringLiteral("--frame"),
            QString::number(frame), QStringLiteral("--out"), png });
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(DcmtkReference::difference(QImage(png), referencePath, frame), QString());
    }

    void renderOfASegmentedPaletteWritesWhatDcmtkShowsOfItsPlainTables()
    {
        if (!DcmtkReference::available())
            QSKIP("dcmj2pnm (package dcmtk) is not installed: no reference rendering");
        const SynthImage plain = DicomSynth::palette(16, 4096, 1);
        const QString path = write(DicomSynth::asSegmentedPalette(plain), SynthSyntax::ExplicitBig);
        const QString png = m_files.filePath(QStringLiteral("segmented.png"));
        const Run run = cli({ QStringLiteral("render"), path, QStringLiteral("--out"), png });
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(
            DcmtkReference::difference(QImage(png), write(plain, SynthSyntax::ExplicitBig), 0), QString());

        SynthImage damaged = DicomSynth::asSegmentedPalette(plain);
        damaged.segmentedGreen[0] = 7; // no such segment type
        const Run refused = cli({ QStringLiteral("render"), write(damaged, SynthSyntax::ExplicitLittle),
            QStringLiteral("--out"), m_files.filePath(QStringLiteral("damaged.png")) });
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("palette"), refused.err.constData());
        QVERIFY(!QFile::exists(m_files.filePath(QStringLiteral("damaged.png"))));
    }

    void renderOfLossyJpeg2000WritesWhatGdcmShows()
    {
        if (!GdcmReference::available())
            QSKIP("gdcmconv (package libgdcm-tools) or dcmj2pnm is not installed: no reference decoding");
        // Signed 14-bit samples whose codestream says 14 bits and header 16, with a rescale.
        SynthImage image = DicomSynth::grey(16, 14, true, 1);
        image.bitsStored = 16;
        image.rescaleIntercept = -100;
        image.rescaleSlope = 2;
        SynthOptions options;
        options.jpeg2000.codestreamPrecision = 14;
        const QString path = m_files.write(image, SynthSyntax::Jpeg2000Lossy, options);
        QVERIFY(!path.isEmpty());
        const QString png = m_files.filePath(QStringLiteral("lossy.png"));
        const Run run = cli({ QStringLiteral("render"), path, QStringLiteral("--out"), png });
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QString why;
        const QImage gdcm = GdcmReference::render(path, 0, &why);
        QVERIFY2(!gdcm.isNull(), qPrintable(why));
        QCOMPARE(ImageCompare::difference(QImage(png), gdcm), QString());
    }

    void oneFrameFileAcceptsFrameZeroAndOne()
    {
        const QString path = write(DicomSynth::rgb(1, 0), SynthSyntax::ExplicitLittle);
        const QString zero = m_files.filePath(QStringLiteral("zero.png"));
        const QString one = m_files.filePath(QStringLiteral("one.png"));
        QCOMPARE(cli({ QStringLiteral("render"), path, QStringLiteral("--frame"), QStringLiteral("0"),
                         QStringLiteral("--out"), zero })
                     .exitCode,
            0);
        QCOMPARE(cli({ QStringLiteral("render"), path, QStringLiteral("--frame=1"),
                         QStringLiteral("--out=") + one })
                     .exitCode,
            0);
        QCOMPARE(ImageCompare::difference(QImage(zero), QImage(one)), QString());
        QCOMPARE(ImageCompare::difference(QImage(zero), DicomSynth::sourceFrame(DicomSynth::rgb(1, 0), 0)),
            QString());
        const Run two = cli({ QStringLiteral("render"), path, QStringLiteral("--frame"), QStringLiteral("2"),
            QStringLiteral("--out"), zero });
        QCOMPARE(two.exitCode, 1);
    }

    void missingFrameIsRefusedAndNoFileIsLeft()
    {
        const QString path = write(DicomSynth::grey(8, 8, false, 3), SynthSyntax::ExplicitLittle);
        const QString png = m_files.filePath(QStringLiteral("missing.png"));
        const Run run = cli({ QStringLiteral("render"), path, QStringLiteral("--frame"), QStringLiteral("3"),
            QStringLiteral("--out"), png });
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains("3"));
        QVERIFY(!QFile::exists(png));
    }

    void brokenFileExitsOneWithAMessage()
    {
        const QString path = write(DicomSynth::rgb(2, 0), SynthSyntax::JpegBaseline);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.resize(file.size() / 2));
        file.close();
        for (const QString &command : { QStringLiteral("info"), QStringLiteral("render") }) {
            QStringList arguments { command, path };
            if (command == QLatin1String("render"))
                arguments << QStringLiteral("--out") << m_files.filePath(QStringLiteral("broken.png"));
            const Run run = cli(arguments);
            QCOMPARE(run.exitCode, 1);
            QVERIFY(!run.err.trimmed().isEmpty());
            QVERIFY(run.out.isEmpty());
        }
    }

    void absurdImageSizeIsReadButNotRendered()
    {
        const QString path = write(DicomSynth::grey(8, 8, false, 1), SynthSyntax::ExplicitLittle);
        QString error;
        QVERIFY(DicomEditor::setValue(path, 0x0028, 0x0010, QStringLiteral("65535"), &error));
        QVERIFY(DicomEditor::setValue(path, 0x0028, 0x0011, QStringLiteral("65535"), &error));
        QCOMPARE(cli({ QStringLiteral("info"), path }).exitCode, 0);
        const Run run = cli({ QStringLiteral("render"), path, QStringLiteral("--out"),
            m_files.filePath(QStringLiteral("absurd.png")) });
        QCOMPARE(run.exitCode, 1);
        QVERIFY(!run.err.trimmed().isEmpty());
    }

    void srListsTheMachinesBiometryFetusByFetus()
    {
        const QString path = m_files.filePath(QStringLiteral("twins-sr.dcm"));
        const auto written = ObGynReportWriter::write(
            SrSynth::twins(QStringLiteral("1.2.826.0.1.3680043.10.543.78"), QStringLiteral("P-77"), QDate(2026, 11, 30)),
            path);
        QVERIFY2(written.has_value(), qPrintable(written ? QString() : written.error().message));
        const Run run = cli({ QStringLiteral("sr"), path });
        QCOMPARE(run.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(json.value(QStringLiteral("patientId")).toString(), QStringLiteral("P-77"));
        QCOMPARE(json.value(QStringLiteral("fetusCount")).toInt(), 2);
        const QJsonArray fetuses = json.value(QStringLiteral("fetuses")).toArray();
        QCOMPARE(fetuses.size(), 2);
        QCOMPARE(fetuses[0].toObject().value(QStringLiteral("label")).toString(), QStringLiteral("A"));
        QCOMPARE(fetuses[0].toObject().value(QStringLiteral("hcMm")).toDouble(), 312.0);
        QCOMPARE(fetuses[1].toObject().value(QStringLiteral("acMm")).toDouble(), 281.0);
        QCOMPARE(fetuses[1].toObject().value(QStringLiteral("efwGrams")).toDouble(), 1950.0);
        QStringList statuses;
        for (const QJsonValue &reading : json.value(QStringLiteral("readings")).toArray())
            statuses << reading.toObject().value(QStringLiteral("status")).toString();
        QCOMPARE(statuses.count(QStringLiteral("unknown-code")), 1);
        QCOMPARE(statuses.count(QStringLiteral("unknown-unit")), 1);
    }

    void srOfAnImageOrABrokenFileExitsOne()
    {
        const QString image = write(DicomSynth::grey(8, 8, false, 1), SynthSyntax::ExplicitLittle);
        const QString missing = m_files.filePath(QStringLiteral("no-such-report.dcm"));
        for (const QString &path : { image, missing }) {
            const Run run = cli({ QStringLiteral("sr"), path });
            QCOMPARE(run.exitCode, 1);
            QVERIFY(!run.err.trimmed().isEmpty());
            QVERIFY(run.out.isEmpty());
        }
    }

    void wrongUsageExitsTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("nothing") << QStringList {};
        QTest::newRow("unknown action") << QStringList { QStringLiteral("show") };
        QTest::newRow("info without a file") << QStringList { QStringLiteral("info") };
        QTest::newRow("render without --out")
            << QStringList { QStringLiteral("render"), QStringLiteral("a.dcm") };
        QTest::newRow("frame that is not a number")
            << QStringList { QStringLiteral("render"), QStringLiteral("a.dcm"), QStringLiteral("--frame"),
                   QStringLiteral("x"), QStringLiteral("--out"), QStringLiteral("a.png") };
        QTest::newRow("sr without a file") << QStringList { QStringLiteral("sr") };
        QTest::newRow("sr with two files")
            << QStringList { QStringLiteral("sr"), QStringLiteral("a.dcm"), QStringLiteral("b.dcm") };
        QTest::newRow("negative frame") << QStringList { QStringLiteral("render"), QStringLiteral("a.dcm"),
            QStringLiteral("--frame=-1"), QStringLiteral("--out"), QStringLiteral("a.png") };
    }

    void wrongUsageExitsTwo()
    {
        QFETCH(QStringList, arguments);
        const Run run = cli(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(!run.err.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDicomCli)
#include "tst_dicomcli.moc"
