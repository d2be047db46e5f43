#include "dicom/dicomfile.h"

#include "jpeg2000decoder.h"

#include <QFileInfo>
#include <QLoggingCategory>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>
#include <dcmtk/dcmdata/dcrledrg.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmdata/dcxfer.h>
#include <dcmtk/dcmimage/diregist.h>
#include <dcmtk/dcmimgle/dcmimage.h>
#include <dcmtk/dcmjpeg/djdecode.h>
#include <dcmtk/dcmjpls/djdecode.h>
#include <dcmtk/oflog/oflog.h>

#include <mutex>

Q_LOGGING_CATEGORY(lcDicom, "obslink.dicom")

namespace {
// Largest image accepted: far beyond any ultrasound cine, small enough that a corrupt header
// cannot make us allocate the machine's memory.
constexpr qint64 MaxPixelBytes = qint64(4) * 1024 * 1024 * 1024;

void registerCodecsOnce()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // DCMTK logs decoder chatter to the console; the module reports errors itself.
        OFLog::configure(OFLogger::FATAL_LOG_LEVEL);
        DJDecoderRegistration::registerCodecs();
        DJLSDecoderRegistration::registerCodecs();
        DcmRLEDecoderRegistration::registerCodecs();
    });
}

QString text(DcmItem *item, const DcmTagKey &tag)
{
    OFString value;
    if (item->findAndGetOFStringArray(tag, value).good())
        return QString::fromUtf8(value.c_str()).trimmed();
    return {};
}

int integer(DcmItem *item, const DcmTagKey &tag, int fallback = 0)
{
    Uint16 u16 = 0;
    if (item->findAndGetUint16(tag, u16).good())
        return u16;
    Uint32 u32 = 0;
    if (item->findAndGetUint32(tag, u32).good())
        return static_cast<int>(u32);
    Sint32 s32 = 0;
    if (item->findAndGetSint32(tag, s32).good())
        return s32;
    const QString s = text(item, tag);
    bool ok = false;
    const int parsed = s.toInt(&ok);
    return ok ? parsed : fallback;
}

std::optional<double> real(DcmItem *item, const DcmTagKey &tag, unsigned long pos = 0)
{
    Float64 value = 0;
    if (item->findAndGetFloat64(tag, value, pos).good())
        return value;
    return std::nullopt;
}

bool isJpeg2000(E_TransferSyntax xfer)
{
    return xfer == EXS_JPEG2000LosslessOnly || xfer == EXS_JPEG2000 || xfer == EXS_JPEG2000MulticomponentLosslessOnly
           || xfer == EXS_JPEG2000Multicomponent;
}

QImage imageFromOutput(DicomImage &image)
{
    const int width = static_cast<int>(image.getWidth());
    const int height = static_cast<int>(image.getHeight());
    const void *data = image.getOutputData(8, 0, 0);
    if (!data)
        return {};
    const auto *bytes = static_cast<const uchar *>(data);
    if (image.isMonochrome()) {
        QImage out(width, height, QImage::Format_Grayscale8);
        for (int y = 0; y < height; ++y)
            memcpy(out.scanLine(y), bytes + static_cast<qsizetype>(y) * width, static_cast<size_t>(width));
        return out;
    }
    QImage out(width, height, QImage::Format_RGB888);
    for (int y = 0; y < height; ++y)
        memcpy(out.scanLine(y), bytes + static_cast<qsizetype>(y) * width * 3, static_cast<size_t>(width) * 3);
    return out;
}
} // namespace

struct DicomFile::Private
{
    DcmFileFormat file;
    E_TransferSyntax xfer = EXS_Unknown;

    Result<QByteArray> jpeg2000Frame(int frame, int frames) const;
};

DicomFile::DicomFile(std::unique_ptr<Private> p) : d(std::move(p)) {}
DicomFile::~DicomFile() = default;

Result<std::unique_ptr<DicomFile>> DicomFile::open(const QString &path)
{
    registerCodecsOnce();
    const QFileInfo fileInfo(path);
    if (!fileInfo.exists() || !fileInfo.isFile())
        return failure(QStringLiteral("dicom.missing"), tr("The file %1 does not exist.").arg(path));
    auto p = std::make_unique<Private>();
    const OFCondition status = p->file.loadFile(OFFilename(QFile::encodeName(path).constData()), EXS_Unknown, EGL_noChange,
                                                DCM_MaxReadLength, ERM_autoDetect);
    if (status.bad())
        return failure(QStringLiteral("dicom.unreadable"),
                       tr("%1 is not a readable DICOM file: %2.").arg(fileInfo.fileName(), QString::fromLatin1(status.text())));
    DcmDataset *ds = p->file.getDataset();
    p->xfer = ds->getOriginalXfer();
    std::unique_ptr<DicomFile> file(new DicomFile(std::move(p)));
    DicomInfo &info = file->m_info;
    info.patientId = text(ds, DCM_PatientID);
    info.patientName = text(ds, DCM_PatientName);
    info.studyInstanceUid = text(ds, DCM_StudyInstanceUID);
    info.seriesInstanceUid = text(ds, DCM_SeriesInstanceUID);
    info.sopInstanceUid = text(ds, DCM_SOPInstanceUID);
    info.sopClassUid = text(ds, DCM_SOPClassUID);
    info.modality = text(ds, DCM_Modality);
    info.studyDate = text(ds, DCM_StudyDate);
    const DcmXfer xfer(file->d->xfer);
    info.transferSyntaxUid = QString::fromLatin1(xfer.getXferID());
    info.transferSyntaxName = QString::fromLatin1(xfer.getXferName());
    if (file->d->xfer == EXS_Unknown) {
        info.transferSyntaxUid = text(file->d->file.getMetaInfo(), DCM_TransferSyntaxUID);
        info.transferSyntaxName = tr("unknown");
    }
    info.photometricInterpretation = text(ds, DCM_PhotometricInterpretation);
    info.rows = integer(ds, DCM_Rows);
    info.columns = integer(ds, DCM_Columns);
    info.bitsAllocated = integer(ds, DCM_BitsAllocated);
    info.bitsStored = integer(ds, DCM_BitsStored);
    info.samplesPerPixel = integer(ds, DCM_SamplesPerPixel, 1);
    info.planarConfiguration = integer(ds, DCM_PlanarConfiguration);
    info.pixelRepresentation = integer(ds, DCM_PixelRepresentation);
    info.frames = std::max(1, integer(ds, DCM_NumberOfFrames, 1));
    info.frameTimeMs = real(ds, DCM_FrameTime);
    if (!info.frameTimeMs) {
        bool ok = false;
        const double t = text(ds, DCM_FrameTime).toDouble(&ok);
        if (ok)
            info.frameTimeMs = t;
    }
    const int cine = integer(ds, DCM_CineRate, -1);
    if (cine > 0)
        info.cineRate = cine;
    Float64 spacing[2];
    if (ds->findAndGetFloat64(DCM_PixelSpacing, spacing[0], 0).good() && ds->findAndGetFloat64(DCM_PixelSpacing, spacing[1], 1).good())
        info.pixelSpacingMm = QPointF(spacing[0], spacing[1]);

    DcmSequenceOfItems *regions = nullptr;
    if (ds->findAndGetSequence(DCM_SequenceOfUltrasoundRegions, regions).good() && regions) {
        for (unsigned long i = 0; i < regions->card(); ++i) {
            DcmItem *item = regions->getItem(i);
            UltrasoundRegion r;
            r.spatialFormat = integer(item, DCM_RegionSpatialFormat);
            r.dataType = integer(item, DCM_RegionDataType);
            const int x0 = integer(item, DCM_RegionLocationMinX0);
            const int y0 = integer(item, DCM_RegionLocationMinY0);
            const int x1 = integer(item, DCM_RegionLocationMaxX1);
            const int y1 = integer(item, DCM_RegionLocationMaxY1);
            r.bounds = QRect(QPoint(x0, y0), QPoint(x1, y1));
            r.physicalUnitsX = integer(item, DCM_PhysicalUnitsXDirection);
            r.physicalUnitsY = integer(item, DCM_PhysicalUnitsYDirection);
            r.physicalDeltaX = real(item, DCM_PhysicalDeltaX).value_or(0);
            r.physicalDeltaY = real(item, DCM_PhysicalDeltaY).value_or(0);
            Sint32 ref = 0;
            if (item->findAndGetSint32(DCM_ReferencePixelX0, ref).good())
                r.referencePixelX = ref;
            if (item->findAndGetSint32(DCM_ReferencePixelY0, ref).good())
                r.referencePixelY = ref;
            info.ultrasoundRegions.append(r);
        }
    }
    return file;
}

Result<QByteArray> DicomFile::Private::jpeg2000Frame(int frame, int frames) const
{
    DcmDataset *ds = const_cast<DcmFileFormat &>(file).getDataset();
    DcmElement *element = nullptr;
    if (ds->findAndGetElement(DCM_PixelData, element).bad() || !element)
        return failure(QStringLiteral("dicom.no-pixels"), DicomFile::tr("The file has no pixel data."));
    auto *pixelData = static_cast<DcmPixelData *>(element);
    DcmPixelSequence *sequence = nullptr;
    if (pixelData->getEncapsulatedRepresentation(xfer, nullptr, sequence).bad() || !sequence)
        return failure(QStringLiteral("dicom.no-pixels"), DicomFile::tr("The JPEG 2000 pixel data is not encapsulated."));
    const unsigned long fragments = sequence->card();
    if (fragments < 2)
        return failure(QStringLiteral("dicom.no-pixels"), DicomFile::tr("The JPEG 2000 pixel data is empty."));
    auto fragmentBytes = [&](unsigned long index) -> QByteArray {
        DcmPixelItem *item = nullptr;
        Uint8 *bytes = nullptr;
        if (sequence->getItem(item, index).bad() || !item || item->getUint8Array(bytes).bad() || !bytes)
            return {};
        return QByteArray(reinterpret_cast<const char *>(bytes), static_cast<qsizetype>(item->getLength()));
    };
    // Item 0 is the Basic Offset Table. One fragment per frame is the common case; otherwise a
    // frame starts at a fragment beginning with the SOC marker (FF 4F) and runs to the next.
    QList<QByteArray> frameData;
    if (fragments - 1 == static_cast<unsigned long>(frames)) {
        frameData.append(fragmentBytes(static_cast<unsigned long>(frame) + 1));
    } else {
        QByteArray current;
        int index = -1;
        for (unsigned long i = 1; i < fragments && index <= frame; ++i) {
            const QByteArray bytes = fragmentBytes(i);
            const bool startsFrame = frames == 1 ? i == 1 : bytes.startsWith("\xff\x4f");
            if (startsFrame)
                ++index;
            if (index == frame)
                current += bytes;
        }
        frameData.append(current);
    }
    if (frameData.first().isEmpty())
        return failure(QStringLiteral("dicom.frame"), DicomFile::tr("Frame %1 is missing from the pixel data.").arg(frame));
    return frameData.first();
}

Result<QImage> DicomFile::renderFrame(int frame) const
{
    if (frame < 0 || frame >= m_info.frames)
        return failure(QStringLiteral("dicom.frame"),
                       tr("Frame %1 does not exist: the file has %n frame(s), numbered from 0.", nullptr, m_info.frames).arg(frame));
    const qint64 pixelBytes = qint64(m_info.rows) * m_info.columns * std::max(1, m_info.samplesPerPixel)
                              * std::max(1, m_info.bitsAllocated / 8);
    if (m_info.rows <= 0 || m_info.columns <= 0 || pixelBytes <= 0 || pixelBytes > MaxPixelBytes
        || m_info.samplesPerPixel < 1 || m_info.samplesPerPixel > 4)
        return failure(QStringLiteral("dicom.geometry"),
                       tr("The image size in the header is impossible (%1 × %2, %3 samples).")
                           .arg(m_info.columns)
                           .arg(m_info.rows)
                           .arg(m_info.samplesPerPixel));
    DcmDataset *ds = d->file.getDataset();
    if (isJpeg2000(d->xfer)) {
        auto codestream = d->jpeg2000Frame(frame, m_info.frames);
        if (!codestream)
            return tl::unexpected(codestream.error());
        auto decoded = Jpeg2000Decoder::decode(*codestream);
        if (!decoded)
            return tl::unexpected(decoded.error());
        if (decoded->width != m_info.columns || decoded->height != m_info.rows)
            return failure(QStringLiteral("dicom.jpeg2000"), tr("The JPEG 2000 frame size does not match the header."));
        // Render the decoded samples through DCMTK like any uncompressed image, so that the
        // display rules stay the same: a one-frame dataset with native pixel data.
        DcmDataset native(*ds);
        native.findAndDeleteElement(DCM_PixelData);
        const bool colour = decoded->components == 3;
        const int bits = decoded->precision <= 8 ? 8 : 16;
        native.putAndInsertUint16(DCM_SamplesPerPixel, static_cast<Uint16>(decoded->components));
        native.putAndInsertString(DCM_PhotometricInterpretation,
                                  colour ? "RGB" : (m_info.photometricInterpretation == QLatin1String("MONOCHROME1") ? "MONOCHROME1"
                                                                                                                     : "MONOCHROME2"));
        native.putAndInsertUint16(DCM_BitsAllocated, static_cast<Uint16>(bits));
        native.putAndInsertUint16(DCM_BitsStored, static_cast<Uint16>(decoded->precision));
        native.putAndInsertUint16(DCM_HighBit, static_cast<Uint16>(decoded->precision - 1));
        native.putAndInsertUint16(DCM_PixelRepresentation, decoded->isSigned ? 1 : 0);
        native.putAndInsertString(DCM_NumberOfFrames, "1");
        if (colour)
            native.putAndInsertUint16(DCM_PlanarConfiguration, 0);
        if (bits == 8)
            native.putAndInsertUint8Array(DCM_PixelData, reinterpret_cast<const Uint8 *>(decoded->samples.constData()),
                                          static_cast<unsigned long>(decoded->samples.size()));
        else
            native.putAndInsertUint16Array(DCM_PixelData, reinterpret_cast<const Uint16 *>(decoded->samples.constData()),
                                           static_cast<unsigned long>(decoded->samples.size() / 2));
        DicomImage image(&native, EXS_LittleEndianExplicit, CIF_MayDetachPixelData, 0, 1);
        if (image.getStatus() != EIS_Normal)
            return failure(QStringLiteral("dicom.render"),
                           tr("The image cannot be displayed: %1.").arg(QString::fromLatin1(DicomImage::getString(image.getStatus()))));
        return imageFromOutput(image);
    }
    DicomImage image(ds, d->xfer, CIF_UsePartialAccessToPixelData, static_cast<unsigned long>(frame), 1);
    if (image.getStatus() != EIS_Normal)
        return failure(QStringLiteral("dicom.render"),
                       tr("The image cannot be displayed: %1.").arg(QString::fromLatin1(DicomImage::getString(image.getStatus()))));
    // As dcmj2pnm by default: overlays shown, no VOI window (the modality LUT still applies).
    image.showAllOverlays();
    const QImage out = imageFromOutput(image);
    if (out.isNull())
        return failure(QStringLiteral("dicom.render"), tr("Frame %1 could not be decoded.").arg(frame));
    return out;
}

QList<QStringList> DicomFile::headerElements() const
{
    QList<QStringList> rows;
    DcmDataset *ds = d->file.getDataset();
    for (unsigned long i = 0; i < ds->card(); ++i) {
        DcmElement *element = ds->getElement(i);
        DcmTag tag = element->getTag();
        OFString value;
        if (element->getTag() != DCM_PixelData && element->ident() != EVR_SQ)
            element->getOFStringArray(value);
        rows.append({QStringLiteral("(%1,%2)").arg(tag.getGTag(), 4, 16, QLatin1Char('0')).arg(tag.getETag(), 4, 16, QLatin1Char('0')),
                     QString::fromLatin1(tag.getTagName()), QString::fromUtf8(value.c_str()).left(200)});
    }
    return rows;
}
