// Broken files give a clear, translated error: never a crash, never a hang (CTest stops this test
// after a time limit), never an allocation the header merely asks for.
#include "dicom/dicomfile.h"
#include "dicomeditor.h"
#include "dicomsynth.h"
#include "synthfolder.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>
#include <QtEndian>

#include <set>

Q_DECLARE_METATYPE(SynthImage)
Q_DECLARE_METATYPE(SynthSyntax)

namespace {
QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool store(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

// Opens the file and renders every frame; the first error met, or nothing if all went well.
std::optional<Error> firstError(const QString &path)
{
    auto file = DicomFile::open(path);
    if (!file)
        return file.error();
    for (int frame = 0; frame < std::min((*file)->info().frames, 8); ++frame) {
        auto image = (*file)->renderFrame(frame);
        if (!image)
            return image.error();
    }
    return std::nullopt;
}

bool sameFrames(const QString &path, const QString &reference)
{
    auto a = DicomFile::open(path);
    auto b = DicomFile::open(reference);
    if (!a || !b || (*a)->info().frames != (*b)->info().frames)
        return false;
    for (int frame = 0; frame < (*a)->info().frames; ++frame) {
        auto x = (*a)->renderFrame(frame);
        auto y = (*b)->renderFrame(frame);
        if (!x || !y || *x != *y)
            return false;
    }
    return true;
}

constexpr int RleFragmentBytes = 200;

struct Source
{
    const char *name;
    SynthImage image;
    SynthSyntax syntax;
};

QList<Source> sources()
{
    return { { "grey", DicomSynth::grey(8, 8, false, 1), SynthSyntax::ExplicitLittle },
        { "RGB cine", DicomSynth::rgb(3, 0), SynthSyntax::ExplicitLittle },
        { "12-bit implicit", DicomSynth::grey(16, 12, false, 1), SynthSyntax::ImplicitLittle },
        { "big endian cine", DicomSynth::grey(16, 12, false, 2), SynthSyntax::ExplicitBig },
        { "deflated cine", DicomSynth::grey(8, 8, false, 3), SynthSyntax::Deflated },
        { "JPEG baseline cine", DicomSynth::rgb(4, 0), SynthSyntax::JpegBaseline },
        { "JPEG lossless", DicomSynth::grey(16, 12, false, 1), SynthSyntax::JpegLossless },
        { "JPEG-LS cine", DicomSynth::grey(8, 8, false, 3), SynthSyntax::JpegLs },
        { "RLE cine", DicomSynth::rgb(3, 1), SynthSyntax::Rle },
        { "JPEG 2000 cine", DicomSynth::rgb(3, 0), SynthSyntax::Jpeg2000 },
        { "segmented palette, big endian", DicomSynth::asSegmentedPalette(DicomSynth::palette(16, 4096, 1)),
            SynthSyntax::ExplicitBig } };
}
} // namespace

class TestBrokenFiles : public QObject
{
    Q_OBJECT

private:
    SynthFolder m_files;

    QString write(const SynthImage &s, SynthSyntax syntax) { return m_files.write(s, syntax); }

private slots:
    void initTestCase() { QVERIFY(m_files.isValid()); }

    void truncatedFilesAreRefused_data()
    {
        QTest::addColumn<SynthImage>("image");
        QTest::addColumn<SynthSyntax>("syntax");
        for (const Source &source : sources())
            QTest::newRow(source.name) << source.image << source.syntax;
    }

    void truncatedFilesAreRefused()
    {
        QFETCH(SynthImage, image);
        QFETCH(SynthSyntax, syntax);
        const QString path = write(image, syntax);
        QVERIFY(!path.isEmpty());
        QVERIFY(!firstError(path));
        const QByteArray whole = contents(path);
        std::set<qsizetype> cuts { 1, 64, 128, 131, 132, 140, 200, 300, whole.size() - 1, whole.size() - 2,
            whole.size() - 9 };
        for (int k = 1; k < 24; ++k)
            cuts.insert(whole.size() * k / 24);
        for (qsizetype cut : cuts) {
            const QString truncated = m_files.filePath(QStringLiteral("cut.dcm"));
            QVERIFY(store(truncated, whole.left(cut)));
            const std::optional<Error> error = firstError(truncated);
            // The last bytes of a deflated file are zlib's checksum, which DCMTK does not check:
            // without them every pixel is still there, and must then come out the same.
            if (!error && syntax == SynthSyntax::Deflated && cut >= whole.size() - 8) {
                QVERIFY2(sameFrames(truncated, path), qPrintable(QStringLiteral("cut to %1 bytes").arg(cut)));
                continue;
            }
            QVERIFY2(error,
                qPrintable(QStringLiteral("the file cut to %1 of %2 bytes was accepted")
                               .arg(cut)
                               .arg(whole.size())));
            QVERIFY(!error->message.isEmpty());
            QVERIFY(!error->code.isEmpty());
        }
    }

    void flippedBytesNeverCrashOrHang_data()
    {
        QTest::addColumn<SynthImage>("image");
        QTest::addColumn<SynthSyntax>("syntax");
        for (const Source &source : sources())
            QTest::newRow(source.name) << source.image << source.syntax;
    }

    void flippedBytesNeverCrashOrHang()
    {
        QFETCH(SynthImage, image);
        QFETCH(SynthSyntax, syntax);
        const QString path = write(image, syntax);
        QVERIFY(!path.isEmpty());
        const QByteArray original = contents(path);
        QRandomGenerator random(20240315u + static_cast<quint32>(syntax));
        int refused = 0;
        for (int attempt = 0; attempt < 120; ++attempt) {
            QByteArray bytes = original;
            // Mostly the header (lengths, VRs, attribute values), sometimes anywhere.
            const qsizetype span
                = attempt % 3 == 0 ? bytes.size() - 132 : std::min<qsizetype>(900, bytes.size() - 132);
            for (int flips = 1 + attempt % 4; flips > 0; --flips)
                bytes[132 + random.bounded(static_cast<int>(span))] = static_cast<char>(random.bounded(256));
            const QString broken = m_files.filePath(QStringLiteral("flipped.dcm"));
            QVERIFY(store(broken, bytes));
            if (const std::optional<Error> error = firstError(broken)) {
                ++refused;
                QVERIFY(!error->message.isEmpty());
            }
        }
        qDebug("%d of 120 damaged copies refused, the others decoded", refused);
    }

    void absurdHeadersAreRefused_data()
    {
        QTest::addColumn<SynthImage>("image");
        QTest::addColumn<SynthSyntax>("syntax");
        QTest::addColumn<QStringList>("edits"); // "gggg,eeee=value", or "gggg,eeee" to remove
        QTest::addColumn<QString>("code");
        const SynthImage grey = DicomSynth::grey(8, 8, false, 1);
        const SynthImage cine = DicomSynth::rgb(4, 0);
        QTest::newRow("65535 × 65535 pixels")
            << grey << SynthSyntax::ExplicitLittle
            << QStringList { QStringLiteral("0028,0010=65535"), QStringLiteral("0028,0011=65535") }
            << QStringLiteral("dicom.too-large");
        QTest::newRow("compressed 65535 × 65535")
            << cine << SynthSyntax::JpegBaseline
            << QStringList { QStringLiteral("0028,0010=65535"), QStringLiteral("0028,0011=65535") }
            << QStringLiteral("dicom.too-large");
        QTest::newRow("no rows") << grey << SynthSyntax::ExplicitLittle
                                 << QStringList { QStringLiteral("0028,0010=0") }
                                 << QStringLiteral("dicom.geometry");
        QTest::newRow("no samples per pixel")
            << grey << SynthSyntax::ExplicitLittle << QStringList { QStringLiteral("0028,0002=0") }
            << QStringLiteral("dicom.geometry");
        QTest::newRow("200 samples per pixel")
            << grey << SynthSyntax::ExplicitLittle << QStringList { QStringLiteral("0028,0002=200") }
            << QStringLiteral("dicom.geometry");
        QTest::newRow("no bits allocated")
            << grey << SynthSyntax::ExplicitLittle << QStringList { QStringLiteral("0028,0100=0") }
            << QStringLiteral("dicom.geometry");
        QTest::newRow("12 bits stored in 8")
            << grey << SynthSyntax::ExplicitLittle << QStringList { QStringLiteral("0028,0101=12") }
            << QStringLiteral("dicom.geometry");
        QTest::newRow("a billion frames")
            << grey << SynthSyntax::ExplicitLittle << QStringList { QStringLiteral("0028,0008=1000000000") }
            << QStringLiteral("dicom.too-large");
        QTest::newRow("ten times the rows the data holds")
            << grey << SynthSyntax::ExplicitLittle << QStringList { QStringLiteral("0028,0010=480") }
            << QStringLiteral("dicom.truncated");
        QTest::newRow("more compressed frames than fragments")
            << cine << SynthSyntax::JpegBaseline << QStringList { QStringLiteral("0028,0008=1000") }
            << QStringLiteral("dicom.truncated");
        QTest::newRow("JPEG 2000 frames beyond the fragments")
            << cine << SynthSyntax::Jpeg2000 << QStringList { QStringLiteral("0028,0008=9") }
            << QStringLiteral("dicom.truncated");
        QTest::newRow("no pixel data")
            << grey << SynthSyntax::ExplicitLittle << QStringList { QStringLiteral("7fe0,0010") }
            << QStringLiteral("dicom.no-pixels");
    }

    void absurdHeadersAreRefused()
    {
        QFETCH(SynthImage, image);
        QFETCH(SynthSyntax, syntax);
        QFETCH(QStringList, edits);
        QFETCH(QString, code);
        const QString path = write(image, syntax);
        QVERIFY(!path.isEmpty());
        for (const QString &edit : edits) {
            const quint16 group = edit.mid(0, 4).toUShort(nullptr, 16);
            const quint16 element = edit.mid(5, 4).toUShort(nullptr, 16);
            QString error;
            const bool done = edit.contains(QLatin1Char('='))
                ? DicomEditor::setValue(path, group, element, edit.section(QLatin1Char('='), 1), &error)
                : DicomEditor::remove(path, group, element, &error);
            QVERIFY2(done, qPrintable(error));
        }
        auto file = DicomFile::open(path);
        QVERIFY2(file, file ? "" : qPrintable(file.error().message)); // the header itself is readable
        auto image0 = (*file)->renderFrame(0);
        QVERIFY(!image0);
        QCOMPARE(image0.error().code, code);
        QVERIFY(!image0.error().message.isEmpty());
        QCOMPARE((*file)->checkPixelData().error().code, code);
    }

    void framesThePixelDataLacksAreRefusedOneByOne()
    {
        // The header promises 10 frames, the pixel data holds 3: those 3 still show.
        const QString path = write(DicomSynth::grey(8, 8, false, 3), SynthSyntax::ExplicitLittle);
        QString error;
        QVERIFY2(
            DicomEditor::setValue(path, 0x0028, 0x0008, QStringLiteral("10"), &error), qPrintable(error));
        auto file = DicomFile::open(path);
        QVERIFY(file);
        QVERIFY((*file)->renderFrame(2));
        auto missing = (*file)->renderFrame(3);
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, QStringLiteral("dicom.truncated"));
    }

    void damagedRleHeadersAreRefusedBeforeDecoding_data()
    {
        QTest::addColumn<QList<quint32>>("header"); // segment count, then the offsets
        // Found by fuzz_dicom: DCMTK read far outside its buffer for an offset past the frame.
        QTest::newRow("segment beyond the frame") << QList<quint32> { 3, 64, 100, 0x21000000 };
        QTest::newRow("segments out of order") << QList<quint32> { 3, 64, 120, 100 };
        QTest::newRow("first segment not after the header") << QList<quint32> { 3, 32, 100, 120 };
        QTest::newRow("too few segments for RGB") << QList<quint32> { 1, 64 };
        QTest::newRow("sixteen segments") << QList<quint32> { 16, 64 };
    }

    void damagedRleHeadersAreRefusedBeforeDecoding()
    {
        QFETCH(QList<quint32>, header);
        const QString path = write(DicomSynth::rgb(3, 1), SynthSyntax::Rle);
        QByteArray fragment(RleFragmentBytes, '\x01');
        for (int i = 0; i < 16; ++i)
            qToLittleEndian<quint32>(i < header.size() ? header[i] : 0, fragment.data() + 4 * i);
        QString error;
        QVERIFY2(DicomEditor::replaceFragment(path, 2, fragment, &error), qPrintable(error));
        auto file = DicomFile::open(path);
        QVERIFY(file);
        QVERIFY((*file)->renderFrame(0)); // the frames around it still show
        QVERIFY((*file)->renderFrame(2));
        const auto damaged = (*file)->renderFrame(1);
        QVERIFY(!damaged);
        QCOMPARE(damaged.error().code, QStringLiteral("dicom.render"));
        QVERIFY2(damaged.error().message.contains(QStringLiteral("RLE")), qPrintable(damaged.error().message));
    }

    void filesThatAreNotDicomAreRefused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QByteArray random(10000, '\0');
        QRandomGenerator generator(7);
        for (char &c : random)
            c = static_cast<char>(generator.bounded(256));
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("text") << QByteArray("patient,weight\n1,62.5\n");
        QTest::newRow("PNG") << QByteArray(
            "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x02\0\0\0", 33);
        QTest::newRow("random bytes") << random;
        QTest::newRow("preamble and DICM, nothing more") << QByteArray(128, '\0') + QByteArray("DICM");
    }

    void filesThatAreNotDicomAreRefused()
    {
        QFETCH(QByteArray, bytes);
        const QString path = m_files.filePath(QStringLiteral("not.dcm"));
        QVERIFY(store(path, bytes));
        auto file = DicomFile::open(path);
        QVERIFY(!file);
        QVERIFY2(file.error().code == QLatin1String("dicom.not-dicom")
                || file.error().code == QLatin1String("dicom.unreadable"),
            qPrintable(file.error().code));
        QVERIFY(!file.error().message.isEmpty());
    }

    void missingFileAndFolderAreRefused()
    {
        QCOMPARE(DicomFile::open(m_files.filePath(QStringLiteral("nowhere.dcm"))).error().code,
            QStringLiteral("dicom.missing"));
        QVERIFY(QDir().mkpath(m_files.filePath(QStringLiteral("folder"))));
        QCOMPARE(DicomFile::open(m_files.filePath(QStringLiteral("folder"))).error().code,
            QStringLiteral("dicom.not-dicom"));
    }
};

QTEST_GUILESS_MAIN(TestBrokenFiles)
#include "tst_brokenfiles.moc"
