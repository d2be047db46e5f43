#include "dicomsynth.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>
#include <dcmtk/dcmdata/dcrleerg.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmdata/dcvrfd.h>
#include <dcmtk/dcmdata/dcvrsl.h>
#include <dcmtk/dcmdata/dcvrus.h>
#include <dcmtk/dcmjpeg/djencode.h>
#include <dcmtk/dcmjpeg/djrplol.h>
#include <dcmtk/dcmjpeg/djrploss.h>
#include <dcmtk/dcmjpls/djencode.h>
#include <dcmtk/dcmjpls/djrparam.h>

#include <mutex>

SynthImage DicomSynth::gradient(const QString &photometric, int samplesPerPixel, int bits, int frames, int planar)
{
    SynthImage s;
    s.photometric = photometric;
    s.samplesPerPixel = samplesPerPixel;
    s.bitsAllocated = bits;
    s.bitsStored = bits == 16 ? 12 : 8;
    s.frames = frames;
    s.planarConfiguration = planar;
    const int bytes = bits / 8;
    const int perFrame = s.rows * s.columns * samplesPerPixel * bytes;
    s.pixels.resize(perFrame * frames);
    auto *out = reinterpret_cast<uchar *>(s.pixels.data());
    for (int f = 0; f < frames; ++f)
        for (int y = 0; y < s.rows; ++y)
            for (int x = 0; x < s.columns; ++x)
                for (int c = 0; c < samplesPerPixel; ++c) {
                    const int value = bits == 16 ? ((x * 60 + y * 3 + f * 100 + c * 500) % 4096)
                                                 : ((x * 3 + y * 2 + f * 20 + c * 60) % 256);
                    const int pixel = y * s.columns + x;
                    const qsizetype index = planar ? (qsizetype(c) * s.rows * s.columns + pixel) : (qsizetype(pixel) * samplesPerPixel + c);
                    const qsizetype at = qsizetype(f) * perFrame + index * bytes;
                    out[at] = static_cast<uchar>(value & 0xff);
                    if (bytes == 2)
                        out[at + 1] = static_cast<uchar>(value >> 8);
                }
    return s;
}

namespace {
void registerEncoders()
{
    static std::once_flag once;
    std::call_once(once, [] {
        DJEncoderRegistration::registerCodecs();
        DJLSEncoderRegistration::registerCodecs();
        DcmRLEEncoderRegistration::registerCodecs();
    });
}

void fillHeader(DcmDataset &ds, const SynthImage &s)
{
    char uid[100];
    ds.putAndInsertString(DCM_SOPClassUID, s.frames > 1 ? UID_UltrasoundMultiframeImageStorage : UID_UltrasoundImageStorage);
    ds.putAndInsertString(DCM_SOPInstanceUID, dcmGenerateUniqueIdentifier(uid, SITE_INSTANCE_UID_ROOT));
    ds.putAndInsertString(DCM_StudyInstanceUID, dcmGenerateUniqueIdentifier(uid, SITE_STUDY_UID_ROOT));
    ds.putAndInsertString(DCM_SeriesInstanceUID, dcmGenerateUniqueIdentifier(uid, SITE_SERIES_UID_ROOT));
    ds.putAndInsertString(DCM_PatientID, "TEST-0001");
    ds.putAndInsertString(DCM_PatientName, "Test^Synthetic");
    ds.putAndInsertString(DCM_Modality, "US");
    ds.putAndInsertString(DCM_PhotometricInterpretation, s.photometric.toLatin1().constData());
    ds.putAndInsertUint16(DCM_Rows, static_cast<Uint16>(s.rows));
    ds.putAndInsertUint16(DCM_Columns, static_cast<Uint16>(s.columns));
    ds.putAndInsertUint16(DCM_SamplesPerPixel, static_cast<Uint16>(s.samplesPerPixel));
    ds.putAndInsertUint16(DCM_BitsAllocated, static_cast<Uint16>(s.bitsAllocated));
    ds.putAndInsertUint16(DCM_BitsStored, static_cast<Uint16>(s.bitsStored));
    ds.putAndInsertUint16(DCM_HighBit, static_cast<Uint16>(s.bitsStored - 1));
    ds.putAndInsertUint16(DCM_PixelRepresentation, 0);
    if (s.samplesPerPixel > 1)
        ds.putAndInsertUint16(DCM_PlanarConfiguration, static_cast<Uint16>(s.planarConfiguration));
    if (s.frames > 1) {
        ds.putAndInsertString(DCM_NumberOfFrames, QByteArray::number(s.frames).constData());
        ds.putAndInsertString(DCM_FrameTime, "33.3");
        ds.putAndInsertString(DCM_FrameIncrementPointer, "(0018,1063)");
    }
    if (s.photometric == QLatin1String("PALETTE COLOR")) {
        const Uint16 descriptor[3] = {256, 0, 16};
        for (const auto &[tagDescriptor, tagData, data] :
             {std::tuple{DCM_RedPaletteColorLookupTableDescriptor, DCM_RedPaletteColorLookupTableData, &s.paletteRed},
              std::tuple{DCM_GreenPaletteColorLookupTableDescriptor, DCM_GreenPaletteColorLookupTableData, &s.paletteGreen},
              std::tuple{DCM_BluePaletteColorLookupTableDescriptor, DCM_BluePaletteColorLookupTableData, &s.paletteBlue}}) {
            ds.putAndInsertUint16Array(tagDescriptor, descriptor, 3);
            ds.putAndInsertUint16Array(tagData, reinterpret_cast<const Uint16 *>(data->constData()), 256);
        }
    }
    if (s.withRegion) {
        DcmItem *region = nullptr;
        ds.findOrCreateSequenceItem(DCM_SequenceOfUltrasoundRegions, region, 0);
        region->putAndInsertUint16(DCM_RegionSpatialFormat, 1);
        region->putAndInsertUint16(DCM_RegionDataType, 1);
        region->putAndInsertUint16(DCM_RegionFlags, 0);
        region->putAndInsertUint32(DCM_RegionLocationMinX0, 2);
        region->putAndInsertUint32(DCM_RegionLocationMinY0, 2);
        region->putAndInsertUint32(DCM_RegionLocationMaxX1, static_cast<Uint32>(s.columns - 3));
        region->putAndInsertUint32(DCM_RegionLocationMaxY1, static_cast<Uint32>(s.rows - 3));
        region->putAndInsertUint16(DCM_PhysicalUnitsXDirection, 3);
        region->putAndInsertUint16(DCM_PhysicalUnitsYDirection, 3);
        region->putAndInsertFloat64(DCM_PhysicalDeltaX, 0.01);
        region->putAndInsertFloat64(DCM_PhysicalDeltaY, 0.02);
    }
}

// JPEG 2000 frames are encoded with OpenJPEG's command-line encoder and encapsulated here,
// one fragment per frame, as DCMTK has no free JPEG 2000 codec.
bool encapsulateJpeg2000(DcmDataset &ds, const SynthImage &s, QString *error)
{
    const QString encoder = QStandardPaths::findExecutable(QStringLiteral("opj_compress"));
    if (encoder.isEmpty()) {
        *error = QStringLiteral("opj_compress (libopenjp2-tools) is not installed");
        return false;
    }
    QTemporaryDir dir;
    auto *sequence = new DcmPixelSequence(DcmTag(DCM_PixelData, EVR_OB));
    sequence->insert(new DcmPixelItem(DcmTag(DCM_Item, EVR_OB))); // empty Basic Offset Table
    const int perFrame = s.rows * s.columns * s.samplesPerPixel;
    for (int f = 0; f < s.frames; ++f) {
        const QString pnm = dir.filePath(QStringLiteral("f%1.%2").arg(f).arg(s.samplesPerPixel == 3 ? QStringLiteral("ppm") : QStringLiteral("pgm")));
        QFile out(pnm);
        out.open(QIODevice::WriteOnly);
        out.write(QStringLiteral("P%1\n%2 %3\n255\n").arg(s.samplesPerPixel == 3 ? 6 : 5).arg(s.columns).arg(s.rows).toLatin1());
        out.write(s.pixels.mid(qsizetype(f) * perFrame, perFrame));
        out.close();
        const QString j2k = dir.filePath(QStringLiteral("f%1.j2k").arg(f));
        QProcess process;
        process.start(encoder, {QStringLiteral("-i"), pnm, QStringLiteral("-o"), j2k});
        if (!process.waitForFinished(30000) || process.exitCode() != 0) {
            *error = QStringLiteral("opj_compress failed");
            return false;
        }
        QFile in(j2k);
        in.open(QIODevice::ReadOnly);
        QByteArray bytes = in.readAll();
        if (bytes.size() % 2)
            bytes.append('\0');
        auto *item = new DcmPixelItem(DcmTag(DCM_Item, EVR_OB));
        item->putUint8Array(reinterpret_cast<const Uint8 *>(bytes.constData()), static_cast<unsigned long>(bytes.size()));
        sequence->insert(item);
    }
    auto *pixelData = new DcmPixelData(DCM_PixelData);
    pixelData->putOriginalRepresentation(EXS_JPEG2000LosslessOnly, nullptr, sequence);
    ds.insert(pixelData, true);
    return true;
}
} // namespace

bool DicomSynth::write(const SynthImage &s, const QString &transferSyntax, const QString &path, QString *error)
{
    registerEncoders();
    DcmFileFormat file;
    DcmDataset &ds = *file.getDataset();
    fillHeader(ds, s);
    if (transferSyntax == QLatin1String("jpeg2000")) {
        if (!encapsulateJpeg2000(ds, s, error))
            return false;
        const OFCondition saved = file.saveFile(QFile::encodeName(path).constData(), EXS_JPEG2000LosslessOnly);
        *error = QString::fromLatin1(saved.text());
        return saved.good();
    }
    if (s.bitsAllocated == 8)
        ds.putAndInsertUint8Array(DCM_PixelData, reinterpret_cast<const Uint8 *>(s.pixels.constData()),
                                  static_cast<unsigned long>(s.pixels.size()));
    else
        ds.putAndInsertUint16Array(DCM_PixelData, reinterpret_cast<const Uint16 *>(s.pixels.constData()),
                                   static_cast<unsigned long>(s.pixels.size() / 2));
    E_TransferSyntax xfer = EXS_LittleEndianExplicit;
    const DcmRepresentationParameter *parameters = nullptr;
    DJ_RPLossless lossless;
    DJ_RPLossy lossy(95);
    DJLSRepresentationParameter jpegLs(0, OFTrue);
    if (transferSyntax == QLatin1String("littleImplicit"))
        xfer = EXS_LittleEndianImplicit;
    else if (transferSyntax == QLatin1String("bigExplicit"))
        xfer = EXS_BigEndianExplicit;
    else if (transferSyntax == QLatin1String("deflated"))
        xfer = EXS_DeflatedLittleEndianExplicit;
    else if (transferSyntax == QLatin1String("jpegBaseline")) {
        xfer = s.bitsAllocated == 8 ? EXS_JPEGProcess1 : EXS_JPEGProcess2_4;
        parameters = &lossy;
    } else if (transferSyntax == QLatin1String("jpegLossless")) {
        xfer = EXS_JPEGProcess14SV1;
        parameters = &lossless;
    } else if (transferSyntax == QLatin1String("jpegLs")) {
        xfer = EXS_JPEGLSLossless;
        parameters = &jpegLs;
    } else if (transferSyntax == QLatin1String("rle")) {
        xfer = EXS_RLELossless;
    }
    if (DcmXfer(xfer).isEncapsulated()) {
        const OFCondition converted = ds.chooseRepresentation(xfer, parameters);
        if (converted.bad() || !ds.canWriteXfer(xfer)) {
            *error = QStringLiteral("DCMTK cannot encode %1: %2").arg(transferSyntax, QString::fromLatin1(converted.text()));
            return false;
        }
    }
    const OFCondition saved = file.saveFile(QFile::encodeName(path).constData(), xfer);
    *error = QString::fromLatin1(saved.text());
    return saved.good();
}
