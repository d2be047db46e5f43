#include "jpeg2000decoder.h"

#include "dicomlog.h"

#include <openjpeg.h>

#include <algorithm>
#include <cstring>
#include <memory>

namespace {
struct MemoryStream
{
    const QByteArray *data = nullptr;
    OPJ_OFF_T position = 0;
};

OPJ_SIZE_T readFrom(void *buffer, OPJ_SIZE_T bytes, void *user)
{
    auto *stream = static_cast<MemoryStream *>(user);
    const OPJ_OFF_T left = stream->data->size() - stream->position;
    if (left <= 0)
        return static_cast<OPJ_SIZE_T>(-1);
    const OPJ_SIZE_T n = std::min<OPJ_SIZE_T>(bytes, static_cast<OPJ_SIZE_T>(left));
    std::memcpy(buffer, stream->data->constData() + stream->position, n);
    stream->position += static_cast<OPJ_OFF_T>(n);
    return n;
}

OPJ_OFF_T skipIn(OPJ_OFF_T bytes, void *user)
{
    auto *stream = static_cast<MemoryStream *>(user);
    const OPJ_OFF_T target = std::clamp<OPJ_OFF_T>(stream->position + bytes, 0, stream->data->size());
    const OPJ_OFF_T skipped = target - stream->position;
    stream->position = target;
    return skipped;
}

OPJ_BOOL seekIn(OPJ_OFF_T position, void *user)
{
    auto *stream = static_cast<MemoryStream *>(user);
    if (position < 0 || position > stream->data->size())
        return OPJ_FALSE;
    stream->position = position;
    return OPJ_TRUE;
}

void logError(const char *message, void *)
{
    qCDebug(lcDicom) << "OpenJPEG:" << QByteArray(message).trimmed().constData();
}

void ignore(const char *, void *) { }

Error decodeError(const QString &why)
{
    return Error { QStringLiteral("dicom.jpeg2000"),
        Jpeg2000Decoder::tr("The JPEG 2000 image cannot be decoded: %1.").arg(why) };
}

using Codec = std::unique_ptr<opj_codec_t, void (*)(opj_codec_t *)>;
using Stream = std::unique_ptr<opj_stream_t, void (*)(opj_stream_t *)>;
using Image = std::unique_ptr<opj_image_t, void (*)(opj_image_t *)>;

bool usesColourTransform(opj_codec_t *codec)
{
    opj_codestream_info_v2_t *info = opj_get_cstr_info(codec);
    if (!info)
        return false;
    const bool mct = info->m_default_tile_info.mct != 0;
    opj_destroy_cstr_info(&info);
    return mct;
}
} // namespace

Result<Jpeg2000Frame> Jpeg2000Decoder::decode(const QByteArray &codestream, int columns, int rows)
{
    static const char jp2Signature[] = { '\x00', '\x00', '\x00', '\x0c', '\x6a', '\x50', '\x20', '\x20' };
    static const char socSiz[] = { '\xff', '\x4f', '\xff', '\x51' };
    const bool jp2 = codestream.startsWith(QByteArray::fromRawData(jp2Signature, 8));
    if (!jp2 && !codestream.startsWith(QByteArray::fromRawData(socSiz, 4)))
        return tl::unexpected(decodeError(tr("the frame does not start with a JPEG 2000 codestream")));

    Codec codec(opj_create_decompress(jp2 ? OPJ_CODEC_JP2 : OPJ_CODEC_J2K), opj_destroy_codec);
    if (!codec)
        return tl::unexpected(decodeError(tr("no decoder")));
    opj_set_error_handler(codec.get(), logError, nullptr);
    opj_set_warning_handler(codec.get(), ignore, nullptr);
    opj_set_info_handler(codec.get(), ignore, nullptr);
    opj_dparameters_t parameters;
    opj_set_default_decoder_parameters(&parameters);
    if (!opj_setup_decoder(codec.get(), &parameters))
        return tl::unexpected(decodeError(tr("the decoder cannot be set up")));

    MemoryStream memory { &codestream, 0 };
    Stream stream(opj_stream_default_create(OPJ_TRUE), opj_stream_destroy);
    opj_stream_set_user_data(stream.get(), &memory, nullptr);
    opj_stream_set_user_data_length(stream.get(), static_cast<OPJ_UINT64>(codestream.size()));
    opj_stream_set_read_function(stream.get(), readFrom);
    opj_stream_set_skip_function(stream.get(), skipIn);
    opj_stream_set_seek_function(stream.get(), seekIn);

    opj_image_t *raw = nullptr;
    if (!opj_read_header(stream.get(), codec.get(), &raw) || !raw)
        return tl::unexpected(decodeError(tr("its header is damaged")));
    Image image(raw, opj_image_destroy);
    // Checked before decoding so that a hostile codestream cannot make OpenJPEG allocate more
    // than the DICOM header, already checked against limits, allows.
    const qint64 width = qint64(image->x1) - image->x0;
    const qint64 height = qint64(image->y1) - image->y0;
    if (width != columns || height != rows)
        return tl::unexpected(decodeError(tr("the codestream is %1 × %2 pixels but the header says %3 × %4")
                                              .arg(width)
                                              .arg(height)
                                              .arg(columns)
                                              .arg(rows)));
    if (image->numcomps < 1 || image->numcomps > 4)
        return tl::unexpected(decodeError(tr("it has %1 components").arg(image->numcomps)));
    Jpeg2000Frame frame;
    frame.width = columns;
    frame.height = rows;
    frame.components = static_cast<int>(image->numcomps);
    for (int c = 0; c < frame.components; ++c) {
        const opj_image_comp_t &component = image->comps[c];
        if (component.prec < 1 || component.prec > 16 || component.dx < 1 || component.dy < 1
            || component.dx > 4 || component.dy > 4)
            return tl::unexpected(decodeError(tr("component %1 has an unsupported layout").arg(c)));
        frame.precision = std::max(frame.precision, static_cast<int>(component.prec));
        frame.isSigned = frame.isSigned || component.sgnd != 0;
        frame.declaredYcc = frame.declaredYcc || component.dx > 1 || component.dy > 1;
    }
    frame.colourTransformUndone = frame.components >= 3 && usesColourTransform(codec.get());
    frame.declaredYcc = frame.declaredYcc || image->color_space == OPJ_CLRSPC_SYCC;

    if (!opj_decode(codec.get(), stream.get(), image.get()) || !opj_end_decompress(codec.get(), stream.get()))
        return tl::unexpected(decodeError(tr("its data is damaged or incomplete")));
    for (int c = 0; c < frame.components; ++c) {
        const opj_image_comp_t &component = image->comps[c];
        if (!component.data || qint64(component.w) * component.dx < width
            || qint64(component.h) * component.dy < height)
            return tl::unexpected(decodeError(tr("component %1 was not decoded").arg(c)));
    }

    const qsizetype pixels = qsizetype(columns) * rows;
    frame.samples.resize(static_cast<size_t>(pixels * frame.components));
    for (int c = 0; c < frame.components; ++c) {
        const opj_image_comp_t &component = image->comps[c];
        qint32 *out = frame.samples.data() + c;
        if (component.dx == 1 && component.dy == 1) {
            for (qsizetype i = 0; i < pixels; ++i)
                out[i * frame.components] = component.data[i];
            continue;
        }
        for (int y = 0; y < rows; ++y) {
            const OPJ_INT32 *line
                = component.data + qsizetype(y / static_cast<int>(component.dy)) * component.w;
            for (int x = 0; x < columns; ++x)
                out[(qsizetype(y) * columns + x) * frame.components]
                    = line[x / static_cast<int>(component.dx)];
        }
    }
    return frame;
}
