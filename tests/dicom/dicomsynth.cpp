#include "dicomsynth.h"

#include <QFile>
#include <QtEndian>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>
#include <dcmtk/dcmdata/dcrleerg.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmdata/dcvrov.h>
#include <dcmtk/dcmimage/diregist.h> // colour images for DCMTK's lossy JPEG encoder
#include <dcmtk/dcmjpeg/djencode.h>
#include <dcmtk/dcmjpeg/djrplol.h>
#include <dcmtk/dcmjpeg/djrploss.h>
#include <dcmtk/dcmjpls/djencode.h>
#include <dcmtk/dcmjpls/djrparam.h>
#include <dcmtk/oflog/oflog.h>

#include <openjpeg.h>

#include <cmath>
#include <cstring>
#include <memory>
#include <mutex>
#include <vector>

namespace {
// A smooth pattern with some texture, different in every frame, between 0 and 1.
double wave(int x, int y, int frame)
{
    const double value = 0.5 + 0.38 * std::sin(x * 0.21 + frame * 0.6) * std::cos(y * 0.17 - frame * 0.2)
        + 0.04 * ((x * 7 + y * 13 + frame * 5) % 11) / 10.0 - 0.02;
    return std::clamp(value, 0.0, 1.0);
}

void putSample(SynthImage &s, qsizetype at, int value)
{
    auto *p = reinterpret_cast<uchar *>(s.pixels.data()) + at;
    if (s.bitsAllocated == 8) {
        p[0] = static_cast<uchar>(value);
    } else {
        qToLittleEndian<quint16>(static_cast<quint16>(value & 0xffff), p);
    }
}

SynthImage blank(
    const QString &photometric, int samples, int bits, int frames, const QSize &size = QSize(64, 48))
{
    SynthImage s;
    s.columns = size.width();
    s.rows = size.height();
    s.photometric = photometric;
    s.samplesPerPixel = samples;
    s.bitsAllocated = bits;
    s.bitsStored = bits;
    s.frames = frames;
    const qsizetype storedSamples = photometric == QLatin1String("YBR_FULL_422") ? 2 : samples;
    s.pixels.resize(qsizetype(s.rows) * s.columns * storedSamples * (bits / 8) * frames);
    if (frames > 1) {
        s.frameTimeMs = 33.3;
        s.cineRate = 30;
    }
    return s;
}

qsizetype offsetOf(const SynthImage &s, int frame, int x, int y, int c)
{
    const int bytes = s.bitsAllocated / 8;
    const qsizetype pixels = qsizetype(s.rows) * s.columns;
    if (s.photometric == QLatin1String("YBR_FULL_422")) {
        const qsizetype pair = (qsizetype(y) * s.columns + x) / 2;
        const qsizetype base = (qsizetype(frame) * pixels * 2 + pair * 4) * bytes;
        return base + (c == 0 ? x % 2 : c + 1) * bytes;
    }
    const qsizetype pixel = qsizetype(y) * s.columns + x;
    const qsizetype index = s.planarConfiguration ? c * pixels + pixel : pixel * s.samplesPerPixel + c;
    return (qsizetype(frame) * pixels * s.samplesPerPixel + index) * bytes;
}

void rgbToYbrFull(int r, int g, int b, int out[3])
{
    // PS3.3 C.7.6.3.1.2: YBR_FULL from RGB.
    out[0] = std::clamp(static_cast<int>(std::lround(0.299 * r + 0.587 * g + 0.114 * b)), 0, 255);
    out[1] = std::clamp(static_cast<int>(std::lround(-0.1687 * r - 0.3313 * g + 0.5 * b + 128)), 0, 255);
    out[2] = std::clamp(static_cast<int>(std::lround(0.5 * r - 0.4187 * g - 0.0813 * b + 128)), 0, 255);
}

int red(int x, int y, int f)
{
    return static_cast<int>(std::lround(255 * wave(x, y, f)));
}
int green(int x, int y, int f)
{
    return static_cast<int>(std::lround(255 * wave(y + 5, x, f + 3)));
}
int blue(int x, int y, int f)
{
    return static_cast<int>(std::lround(255 * wave(x + y, 2 * y, f + 7)));
}

void registerEncoders()
{
    static std::once_flag once;
    std::call_once(once, [] {
        OFLog::configure(OFLogger::ERROR_LOG_LEVEL);
        // DCMTK's defaults (lossy colour as YBR_FULL_422), except that lossy monochrome data is
        // not stretched to its minimum and maximum with a rescale written to undo it: the
        // decoded samples then compare with the source directly.
        DJEncoderRegistration::registerCodecs(ECC_lossyYCbCr, EUC_default, OFFalse, 0, 0, 0, OFTrue, ESS_422,
            OFTrue, OFFalse, 0, 0, 0.0, 0.0, 0, 0, 0, 0, OFFalse);
        DJLSEncoderRegistration::registerCodecs();
        DcmRLEEncoderRegistration::registerCodecs();
    });
}

void putNumber(DcmItem &item, const DcmTagKey &tag, double value)
{
    item.putAndInsertString(tag, QByteArray::number(value, 'g', 10).constData());
}

void fillHeader(DcmDataset &ds, const SynthImage &s, const QString &photometric)
{
    char uid[100];
    if (!s.characterSet.isEmpty())
        ds.putAndInsertString(DCM_SpecificCharacterSet, s.characterSet.toLatin1().constData());
    ds.putAndInsertString(
        DCM_SOPClassUID, s.frames > 1 ? UID_UltrasoundMultiframeImageStorage : UID_UltrasoundImageStorage);
    ds.putAndInsertString(DCM_SOPInstanceUID, dcmGenerateUniqueIdentifier(uid, SITE_INSTANCE_UID_ROOT));
    ds.putAndInsertString(DCM_StudyInstanceUID, dcmGenerateUniqueIdentifier(uid, SITE_STUDY_UID_ROOT));
    ds.putAndInsertString(DCM_SeriesInstanceUID, dcmGenerateUniqueIdentifier(uid, SITE_SERIES_UID_ROOT));
    ds.putAndInsertString(DCM_StudyDate, "20240315");
    ds.putAndInsertString(DCM_PatientID, "TEST-0001");
    ds.putAndInsertString(DCM_PatientName, s.patientName.constData());
    ds.putAndInsertString(DCM_Modality, "US");
    ds.putAndInsertString(DCM_PhotometricInterpretation, photometric.toLatin1().constData());
    ds.putAndInsertUint16(DCM_Rows, static_cast<Uint16>(s.rows));
    ds.putAndInsertUint16(DCM_Columns, static_cast<Uint16>(s.columns));
    ds.putAndInsertUint16(DCM_SamplesPerPixel, static_cast<Uint16>(s.samplesPerPixel));
    ds.putAndInsertUint16(DCM_BitsAllocated, static_cast<Uint16>(s.bitsAllocated));
    ds.putAndInsertUint16(DCM_BitsStored, static_cast<Uint16>(s.bitsStored));
    ds.putAndInsertUint16(DCM_HighBit, static_cast<Uint16>(s.bitsStored - 1));
    ds.putAndInsertUint16(DCM_PixelRepresentation, s.isSigned ? 1 : 0);
    if (s.samplesPerPixel > 1)
        ds.putAndInsertUint16(DCM_PlanarConfiguration, static_cast<Uint16>(s.planarConfiguration));
    if (s.frames > 1) {
        ds.putAndInsertString(DCM_NumberOfFrames, QByteArray::number(s.frames).constData());
        ds.putAndInsertString(DCM_FrameIncrementPointer, "(0018,1063)");
    }
    if (s.frameTimeMs)
        putNumber(ds, DCM_FrameTime, *s.frameTimeMs);
    if (s.cineRate)
        putNumber(ds, DCM_CineRate, *s.cineRate);
    if (s.windowCentre && s.windowWidth) {
        putNumber(ds, DCM_WindowCenter, *s.windowCentre);
        putNumber(ds, DCM_WindowWidth, *s.windowWidth);
    }
    if (s.rescaleIntercept && s.rescaleSlope) {
        putNumber(ds, DCM_RescaleIntercept, *s.rescaleIntercept);
        putNumber(ds, DCM_RescaleSlope, *s.rescaleSlope);
        ds.putAndInsertString(DCM_RescaleType, "US");
    }
    if (s.pixelSpacingRowMm && s.pixelSpacingColumnMm)
        ds.putAndInsertString(DCM_PixelSpacing,
            (QByteArray::number(*s.pixelSpacingRowMm) + '\\' + QByteArray::number(*s.pixelSpacingColumnMm))
                .constData());
    if (photometric == QLatin1String("PALETTE COLOR")) {
        const bool segmented = !s.segmentedRed.isEmpty();
        const int entries = segmented ? s.paletteEntries : int(s.paletteRed.size());
        const Uint16 descriptor[3] = { static_cast<Uint16>(entries == 65536 ? 0 : entries),
            static_cast<Uint16>(s.paletteFirstMapped), static_cast<Uint16>(s.paletteBits) };
        const std::tuple<DcmTagKey, DcmTagKey, const QList<quint16> *> tables[] = {
            { DCM_RedPaletteColorLookupTableDescriptor,
                segmented ? DCM_SegmentedRedPaletteColorLookupTableData : DCM_RedPaletteColorLookupTableData,
                segmented ? &s.segmentedRed : &s.paletteRed },
            { DCM_GreenPaletteColorLookupTableDescriptor,
                segmented ? DCM_SegmentedGreenPaletteColorLookupTableData
                          : DCM_GreenPaletteColorLookupTableData,
                segmented ? &s.segmentedGreen : &s.paletteGreen },
            { DCM_BluePaletteColorLookupTableDescriptor,
                segmented ? DCM_SegmentedBluePaletteColorLookupTableData
                          : DCM_BluePaletteColorLookupTableData,
                segmented ? &s.segmentedBlue : &s.paletteBlue }
        };
        for (const auto &[descriptorTag, dataTag, data] : tables) {
            ds.putAndInsertUint16Array(descriptorTag, descriptor, 3);
            std::vector<Uint16> words(data->begin(), data->end());
            if (!segmented && s.paletteBits == 8) {
                words.assign((data->size() + 1) / 2, 0);
                for (qsizetype i = 0; i < data->size(); ++i)
                    words[size_t(i / 2)]
                        = static_cast<Uint16>(words[size_t(i / 2)] | ((*data)[i] & 0xff) << (i % 2 ? 8 : 0));
            }
            ds.putAndInsertUint16Array(
                DcmTag(dataTag, EVR_OW), words.data(), static_cast<unsigned long>(words.size()));
        }
    }
    for (int i = 0; i < s.regions.size(); ++i) {
        const UltrasoundRegion &r = s.regions[i];
        DcmItem *item = nullptr;
        ds.findOrCreateSequenceItem(DCM_SequenceOfUltrasoundRegions, item, i);
        item->putAndInsertUint16(DCM_RegionSpatialFormat, static_cast<Uint16>(r.spatialFormat));
        item->putAndInsertUint16(DCM_RegionDataType, static_cast<Uint16>(r.dataType));
        item->putAndInsertUint32(DCM_RegionFlags, static_cast<Uint32>(r.flags));
        item->putAndInsertUint32(DCM_RegionLocationMinX0, static_cast<Uint32>(r.minX0));
        item->putAndInsertUint32(DCM_RegionLocationMinY0, static_cast<Uint32>(r.minY0));
        item->putAndInsertUint32(DCM_RegionLocationMaxX1, static_cast<Uint32>(r.maxX1));
        item->putAndInsertUint32(DCM_RegionLocationMaxY1, static_cast<Uint32>(r.maxY1));
        item->putAndInsertUint16(DCM_PhysicalUnitsXDirection, static_cast<Uint16>(r.physicalUnitsX));
        item->putAndInsertUint16(DCM_PhysicalUnitsYDirection, static_cast<Uint16>(r.physicalUnitsY));
        if (r.physicalDeltaX)
            item->putAndInsertFloat64(DCM_PhysicalDeltaX, *r.physicalDeltaX);
        if (r.physicalDeltaY)
            item->putAndInsertFloat64(DCM_PhysicalDeltaY, *r.physicalDeltaY);
        if (r.referencePixelX0)
            item->putAndInsertSint32(DCM_ReferencePixelX0, static_cast<Sint32>(*r.referencePixelX0));
        if (r.referencePixelY0)
            item->putAndInsertSint32(DCM_ReferencePixelY0, static_cast<Sint32>(*r.referencePixelY0));
    }
    if (s.overlay) {
        // A graphic overlay plane, one bit per pixel, least significant bit first (PS3.5 8.1.2).
        std::vector<Uint16> bits((static_cast<size_t>(s.rows) * s.columns + 15) / 16, 0);
        for (int y = 8; y < 20 && y < s.rows; ++y)
            for (int x = 10; x < 30 && x < s.columns; ++x) {
                const size_t k = static_cast<size_t>(y) * s.columns + x;
                bits[k / 16] = static_cast<Uint16>(bits[k / 16] | (1u << (k % 16)));
            }
        ds.putAndInsertUint16(DcmTagKey(0x6000, 0x0010), static_cast<Uint16>(s.rows));
        ds.putAndInsertUint16(DcmTagKey(0x6000, 0x0011), static_cast<Uint16>(s.columns));
        ds.putAndInsertString(DcmTagKey(0x6000, 0x0040), "G");
        ds.putAndInsertString(DcmTagKey(0x6000, 0x0050), "1\\1");
        ds.putAndInsertUint16(DcmTagKey(0x6000, 0x0100), 1);
        ds.putAndInsertUint16(DcmTagKey(0x6000, 0x0102), 0);
        ds.putAndInsertUint16Array(
            DcmTagKey(0x6000, 0x3000), bits.data(), static_cast<unsigned long>(bits.size()));
    }
}

struct MemoryOutput
{
    QByteArray data;
    qsizetype position = 0;
};

OPJ_SIZE_T writeTo(void *buffer, OPJ_SIZE_T bytes, void *user)
{
    auto *out = static_cast<MemoryOutput *>(user);
    const qsizetype end = out->position + static_cast<qsizetype>(bytes);
    if (end > out->data.size())
        out->data.resize(end);
    std::memcpy(out->data.data() + out->position, buffer, bytes);
    out->position = end;
    return bytes;
}

OPJ_OFF_T skipOut(OPJ_OFF_T bytes, void *user)
{
    auto *out = static_cast<MemoryOutput *>(user);
    out->position += static_cast<qsizetype>(bytes);
    if (out->position > out->data.size())
        out->data.resize(out->position, '\0');
    return bytes;
}

OPJ_BOOL seekOut(OPJ_OFF_T position, void *user)
{
    auto *out = static_cast<MemoryOutput *>(user);
    out->position = static_cast<qsizetype>(position);
    if (out->position > out->data.size())
        out->data.resize(out->position, '\0');
    return OPJ_TRUE;
}

// One frame as a JPEG 2000 codestream, encoded with OpenJPEG.
QByteArray encodeJpeg2000(
    const SynthImage &s, int frame, bool lossy, const Jpeg2000Layout &layout, QString *error)
{
    const int components = s.samplesPerPixel;
    std::vector<opj_image_cmptparm_t> parameters(static_cast<size_t>(components));
    for (opj_image_cmptparm_t &p : parameters) {
        std::memset(&p, 0, sizeof p);
        p.dx = 1;
        p.dy = 1;
        p.w = static_cast<OPJ_UINT32>(s.columns);
        p.h = static_cast<OPJ_UINT32>(s.rows);
        p.prec
            = static_cast<OPJ_UINT32>(layout.codestreamPrecision ? layout.codestreamPrecision : s.bitsStored);
        p.sgnd = layout.codestreamSigned.value_or(s.isSigned) ? 1 : 0;
    }
    std::unique_ptr<opj_image_t, void (*)(opj_image_t *)> image(
        opj_image_create(static_cast<OPJ_UINT32>(components), parameters.data(),
            components == 3 ? OPJ_CLRSPC_SRGB : OPJ_CLRSPC_GRAY),
        opj_image_destroy);
    image->x0 = 0;
    image->y0 = 0;
    image->x1 = static_cast<OPJ_UINT32>(s.columns);
    image->y1 = static_cast<OPJ_UINT32>(s.rows);
    for (int c = 0; c < components; ++c)
        for (int y = 0; y < s.rows; ++y)
            for (int x = 0; x < s.columns; ++x)
                image->comps[c].data[y * s.columns + x] = DicomSynth::sample(s, frame, x, y, c);

    opj_cparameters_t p;
    opj_set_default_encoder_parameters(&p);
    p.tcp_numlayers = 1;
    p.cp_disto_alloc = 1;
    p.tcp_rates[0] = lossy ? layout.lossyRate : 0.0f;
    p.irreversible = lossy ? 1 : 0;
    p.tcp_mct = components == 3 && layout.colourTransform ? 1 : 0;
    p.numresolution = 3;
    std::unique_ptr<opj_codec_t, void (*)(opj_codec_t *)> codec(
        opj_create_compress(layout.jp2Wrapper ? OPJ_CODEC_JP2 : OPJ_CODEC_J2K), opj_destroy_codec);
    if (!opj_setup_encoder(codec.get(), &p, image.get())) {
        *error = QStringLiteral("OpenJPEG encoder setup failed");
        return {};
    }
    MemoryOutput output;
    std::unique_ptr<opj_stream_t, void (*)(opj_stream_t *)> stream(
        opj_stream_create(OPJ_J2K_STREAM_CHUNK_SIZE, OPJ_FALSE), opj_stream_destroy);
    opj_stream_set_user_data(stream.get(), &output, nullptr);
    opj_stream_set_write_function(stream.get(), writeTo);
    opj_stream_set_skip_function(stream.get(), skipOut);
    opj_stream_set_seek_function(stream.get(), seekOut);
    if (!opj_start_compress(codec.get(), image.get(), stream.get()) || !opj_encode(codec.get(), stream.get())
        || !opj_end_compress(codec.get(), stream.get())) {
        *error = QStringLiteral("OpenJPEG encoding failed");
        return {};
    }
    return output.data;
}

bool encapsulateJpeg2000(
    DcmDataset &ds, const SynthImage &s, bool lossy, const Jpeg2000Layout &layout, QString *error)
{
    QList<QByteArray> fragments;
    std::vector<Uint64> offsets;
    std::vector<Uint64> lengths;
    quint64 position = 0;
    for (int f = 0; f < s.frames; ++f) {
        QByteArray codestream = encodeJpeg2000(s, f, lossy, layout, error);
        if (codestream.isEmpty())
            return false;
        if (codestream.size() % 2)
            codestream.append('\0');
        offsets.push_back(position);
        lengths.push_back(static_cast<Uint64>(codestream.size()));
        const qsizetype piece = (codestream.size() / layout.fragmentsPerFrame + 1) & ~qsizetype(1);
        for (qsizetype at = 0; at < codestream.size(); at += piece) {
            fragments.append(codestream.mid(at, piece));
            position += 8 + quint64(fragments.last().size());
        }
    }
    auto *sequence = new DcmPixelSequence(DcmTag(DCM_PixelData, EVR_OB));
    auto *table = new DcmPixelItem(DcmTag(DCM_Item, EVR_OB));
    if (layout.basicOffsetTable && !layout.extendedOffsetTable) {
        QByteArray bytes;
        for (Uint64 offset : offsets) {
            char le[4];
            qToLittleEndian<quint32>(static_cast<quint32>(offset), le);
            bytes.append(le, 4);
        }
        table->putUint8Array(
            reinterpret_cast<const Uint8 *>(bytes.constData()), static_cast<unsigned long>(bytes.size()));
    }
    sequence->insert(table);
    for (const QByteArray &fragment : fragments) {
        auto *item = new DcmPixelItem(DcmTag(DCM_Item, EVR_OB));
        item->putUint8Array(reinterpret_cast<const Uint8 *>(fragment.constData()),
            static_cast<unsigned long>(fragment.size()));
        sequence->insert(item);
    }
    auto *pixelData = new DcmPixelData(DCM_PixelData);
    pixelData->putOriginalRepresentation(lossy ? EXS_JPEG2000 : EXS_JPEG2000LosslessOnly, nullptr, sequence);
    ds.insert(pixelData, OFTrue);
    if (layout.extendedOffsetTable) {
        auto *offsetTable = new DcmOther64bitVeryLong(DcmTag(DCM_ExtendedOffsetTable, EVR_OV));
        offsetTable->putUint64Array(offsets.data(), static_cast<unsigned long>(offsets.size()));
        ds.insert(offsetTable, OFTrue);
        auto *lengthTable = new DcmOther64bitVeryLong(DcmTag(DCM_ExtendedOffsetTableLengths, EVR_OV));
        lengthTable->putUint64Array(lengths.data(), static_cast<unsigned long>(lengths.size()));
        ds.insert(lengthTable, OFTrue);
    }
    return true;
}
} // namespace

SynthImage DicomSynth::grey(int bitsAllocated, int bitsStored, bool isSigned, int frames)
{
    SynthImage s = blank(QStringLiteral("MONOCHROME2"), 1, bitsAllocated, frames);
    s.bitsStored = bitsStored;
    s.isSigned = isSigned;
    const double top = isSigned ? (1 << (bitsStored - 1)) - 1 : (1 << bitsStored) - 1;
    for (int f = 0; f < frames; ++f)
        for (int y = 0; y < s.rows; ++y)
            for (int x = 0; x < s.columns; ++x) {
                const double w = wave(x, y, f);
                const int value = static_cast<int>(std::lround(isSigned ? (2 * w - 1) * 0.9 * top : w * top));
                putSample(s, offsetOf(s, f, x, y, 0), value);
            }
    return s;
}

SynthImage DicomSynth::rgb(int frames, int planarConfiguration, const QSize &size)
{
    SynthImage s = blank(QStringLiteral("RGB"), 3, 8, frames, size);
    s.planarConfiguration = planarConfiguration;
    for (int f = 0; f < frames; ++f)
        for (int y = 0; y < s.rows; ++y)
            for (int x = 0; x < s.columns; ++x) {
                putSample(s, offsetOf(s, f, x, y, 0), red(x, y, f));
                putSample(s, offsetOf(s, f, x, y, 1), green(x, y, f));
                putSample(s, offsetOf(s, f, x, y, 2), blue(x, y, f));
            }
    return s;
}

SynthImage DicomSynth::ybrFull(int frames)
{
    SynthImage s = blank(QStringLiteral("YBR_FULL"), 3, 8, frames);
    for (int f = 0; f < frames; ++f)
        for (int y = 0; y < s.rows; ++y)
            for (int x = 0; x < s.columns; ++x) {
                int ybr[3];
                rgbToYbrFull(red(x, y, f), green(x, y, f), blue(x, y, f), ybr);
                for (int c = 0; c < 3; ++c)
                    putSample(s, offsetOf(s, f, x, y, c), ybr[c]);
            }
    return s;
}

SynthImage DicomSynth::ybrFull422(int frames)
{
    SynthImage s = blank(QStringLiteral("YBR_FULL_422"), 3, 8, frames);
    for (int f = 0; f < frames; ++f)
        for (int y = 0; y < s.rows; ++y)
            for (int x = 0; x < s.columns; x += 2) {
                int left[3];
                int right[3];
                rgbToYbrFull(red(x, y, f), green(x, y, f), blue(x, y, f), left);
                rgbToYbrFull(red(x + 1, y, f), green(x + 1, y, f), blue(x + 1, y, f), right);
                putSample(s, offsetOf(s, f, x, y, 0), left[0]);
                putSample(s, offsetOf(s, f, x + 1, y, 0), right[0]);
                putSample(s, offsetOf(s, f, x, y, 1), (left[1] + right[1] + 1) / 2);
                putSample(s, offsetOf(s, f, x, y, 2), (left[2] + right[2] + 1) / 2);
            }
    return s;
}

SynthImage DicomSynth::palette(int bitsAllocated, int entries, int frames, const QSize &size)
{
    SynthImage s = blank(QStringLiteral("PALETTE COLOR"), 1, bitsAllocated, frames, size);
    for (int i = 0; i < entries; ++i) {
        const double t = double(i) / (entries - 1);
        s.paletteRed.append(static_cast<quint16>(std::lround(65535 * t)));
        s.paletteGreen.append(static_cast<quint16>(std::lround(65535 * (1 - t))));
        s.paletteBlue.append(static_cast<quint16>(std::lround(65535 * (0.5 + 0.5 * std::sin(t * 12)))));
    }
    for (int f = 0; f < frames; ++f)
        for (int y = 0; y < s.rows; ++y)
            for (int x = 0; x < s.columns; ++x)
                putSample(
                    s, offsetOf(s, f, x, y, 0), static_cast<int>(std::lround(wave(x, y, f) * (entries - 1))));
    return s;
}

SynthImage DicomSynth::asSegmentedPalette(SynthImage s)
{
    s.paletteEntries = int(s.paletteRed.size());
    s.segmentedRed = QList<quint16> { 0, quint16(s.paletteRed.size()) } + s.paletteRed;
    s.segmentedGreen = QList<quint16> { 0, quint16(s.paletteGreen.size()) } + s.paletteGreen;
    s.segmentedBlue = QList<quint16> { 0, quint16(s.paletteBlue.size()) } + s.paletteBlue;
    return s;
}

UltrasoundRegion DicomSynth::region(int spatialFormat, int dataType, const QRect &bounds, int unitsX,
    int unitsY, double deltaX, double deltaY)
{
    UltrasoundRegion r;
    r.spatialFormat = spatialFormat;
    r.dataType = dataType;
    r.minX0 = bounds.left();
    r.minY0 = bounds.top();
    r.maxX1 = bounds.right();
    r.maxY1 = bounds.bottom();
    r.physicalUnitsX = unitsX;
    r.physicalUnitsY = unitsY;
    r.physicalDeltaX = deltaX;
    r.physicalDeltaY = deltaY;
    return r;
}

int DicomSynth::sample(const SynthImage &s, int frame, int x, int y, int c)
{
    const auto *p = reinterpret_cast<const uchar *>(s.pixels.constData()) + offsetOf(s, frame, x, y, c);
    if (s.bitsAllocated == 8)
        return p[0];
    const quint16 value = qFromLittleEndian<quint16>(p);
    return s.isSigned ? static_cast<qint16>(value) : value;
}

QImage DicomSynth::sourceFrame(const SynthImage &s, int frame)
{
    const bool grey = s.samplesPerPixel == 1;
    QImage image(s.columns, s.rows, grey ? QImage::Format_Grayscale8 : QImage::Format_RGB888);
    for (int y = 0; y < s.rows; ++y) {
        uchar *line = image.scanLine(y);
        for (int x = 0; x < s.columns; ++x)
            for (int c = 0; c < s.samplesPerPixel; ++c)
                line[x * s.samplesPerPixel + c] = static_cast<uchar>(sample(s, frame, x, y, c));
    }
    return image;
}

QByteArray DicomSynth::syntaxName(SynthSyntax syntax)
{
    switch (syntax) {
    case SynthSyntax::ImplicitLittle:
        return "implicit little endian";
    case SynthSyntax::ExplicitLittle:
        return "explicit little endian";
    case SynthSyntax::ExplicitBig:
        return "explicit big endian";
    case SynthSyntax::Deflated:
        return "deflated";
    case SynthSyntax::JpegBaseline:
        return "JPEG baseline";
    case SynthSyntax::JpegExtended:
        return "JPEG extended";
    case SynthSyntax::JpegLossless:
        return "JPEG lossless SV1";
    case SynthSyntax::JpegLs:
        return "JPEG-LS lossless";
    case SynthSyntax::JpegLsNear:
        return "JPEG-LS near-lossless";
    case SynthSyntax::Rle:
        return "RLE";
    case SynthSyntax::Jpeg2000:
        return "JPEG 2000 lossless";
    case SynthSyntax::Jpeg2000Lossy:
        return "JPEG 2000 lossy";
    }
    return "?";
}

bool DicomSynth::write(
    const SynthImage &s, SynthSyntax syntax, const QString &path, QString *error, const SynthOptions &options)
{
    registerEncoders();
    DcmFileFormat file;
    DcmDataset &ds = *file.getDataset();
    const bool jpeg2000 = syntax == SynthSyntax::Jpeg2000 || syntax == SynthSyntax::Jpeg2000Lossy;
    QString photometric = s.photometric;
    if (jpeg2000 && s.samplesPerPixel == 3 && options.jpeg2000.colourTransform)
        photometric
            = syntax == SynthSyntax::Jpeg2000Lossy ? QStringLiteral("YBR_ICT") : QStringLiteral("YBR_RCT");
    fillHeader(ds, s, photometric);
    const E_FileWriteMode mode = options.metaHeader ? EWM_createNewMeta : EWM_dataset;
    if (jpeg2000) {
        const bool lossy = syntax == SynthSyntax::Jpeg2000Lossy;
        if (s.photometric == QLatin1String("YBR_FULL_422")) {
            *error = QStringLiteral("4:2:2 data is not written as JPEG 2000");
            return false;
        }
        if (s.samplesPerPixel == 3)
            ds.putAndInsertUint16(DCM_PlanarConfiguration, 0);
        if (!encapsulateJpeg2000(ds, s, lossy, options.jpeg2000, error))
            return false;
        const E_TransferSyntax xfer = lossy ? EXS_JPEG2000 : EXS_JPEG2000LosslessOnly;
        const OFCondition saved = file.saveFile(QFile::encodeName(path).constData(), xfer, EET_ExplicitLength,
            EGL_recalcGL, EPD_noChange, 0, 0, mode);
        *error = QString::fromLatin1(saved.text());
        return saved.good();
    }
    if (s.bitsAllocated == 8) {
        ds.putAndInsertUint8Array(DCM_PixelData, reinterpret_cast<const Uint8 *>(s.pixels.constData()),
            static_cast<unsigned long>(s.pixels.size()));
    } else {
        std::vector<Uint16> words(static_cast<size_t>(s.pixels.size() / 2));
        for (size_t i = 0; i < words.size(); ++i)
            words[i] = qFromLittleEndian<quint16>(s.pixels.constData() + 2 * i);
        ds.putAndInsertUint16Array(DCM_PixelData, words.data(), static_cast<unsigned long>(words.size()));
    }
    E_TransferSyntax xfer = EXS_LittleEndianExplicit;
    const DcmRepresentationParameter *parameters = nullptr;
    const DJ_RPLossless losslessSv1(1, 0);
    const DJ_RPLossy lossy(90);
    const DJLSRepresentationParameter jpegLsLossless(0, OFTrue);
    const DJLSRepresentationParameter jpegLsNear(2, OFFalse);
    switch (syntax) {
    case SynthSyntax::ImplicitLittle:
        xfer = EXS_LittleEndianImplicit;
        break;
    case SynthSyntax::ExplicitLittle:
        break;
    case SynthSyntax::ExplicitBig:
        xfer = EXS_BigEndianExplicit;
        break;
    case SynthSyntax::Deflated:
        xfer = EXS_DeflatedLittleEndianExplicit;
        break;
    case SynthSyntax::JpegBaseline:
        xfer = EXS_JPEGProcess1;
        parameters = &lossy;
        break;
    case SynthSyntax::JpegExtended:
        xfer = EXS_JPEGProcess2_4;
        parameters = &lossy;
        break;
    case SynthSyntax::JpegLossless:
        xfer = EXS_JPEGProcess14SV1;
        parameters = &losslessSv1;
        break;
    case SynthSyntax::JpegLs:
        xfer = EXS_JPEGLSLossless;
        parameters = &jpegLsLossless;
        break;
    case SynthSyntax::JpegLsNear:
        xfer = EXS_JPEGLSLossy;
        parameters = &jpegLsNear;
        break;
    case SynthSyntax::Rle:
        xfer = EXS_RLELossless;
        break;
    case SynthSyntax::Jpeg2000:
    case SynthSyntax::Jpeg2000Lossy:
        break;
    }
    if (DcmXfer(xfer).isEncapsulated()) {
        const OFCondition converted = ds.chooseRepresentation(xfer, parameters);
        if (converted.bad() || !ds.canWriteXfer(xfer)) {
            *error = QStringLiteral("DCMTK cannot encode %1: %2")
                         .arg(QString::fromLatin1(syntaxName(syntax)), QString::fromLatin1(converted.text()));
            return false;
        }
    }
    const OFCondition saved = file.saveFile(QFile::encodeName(path).constData(), xfer, EET_ExplicitLength,
        EGL_recalcGL, EPD_noChange, 0, 0, mode);
    *error = QString::fromLatin1(saved.text());
    return saved.good();
}
