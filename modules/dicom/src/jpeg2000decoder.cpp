#include "jpeg2000decoder.h"

#include <QCoreApplication>

#include <openjpeg.h>

#include <cstring>
#include <memory>

namespace {
struct MemoryStream
{
    const QByteArray *data;
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

void quiet(const char *, void *) {}

Error decodeError(const char *what)
{
    return Error{QStringLiteral("dicom.jpeg2000"),
                 QCoreApplication::translate("DicomFile", "The JPEG 2000 image data cannot be decoded (%1).").arg(QLatin1String(what))};
}
} // namespace

Result<DecodedFrame> Jpeg2000Decoder::decode(const QByteArray &codestream)
{
    // A JP2 file starts with a signature box; a raw codestream with SOC (FF 4F).
    static const char jp2Signature[] = {0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20};
    const bool jp2 = codestream.startsWith(QByteArray::fromRawData(jp2Signature, 8));
    std::unique_ptr<opj_codec_t, void (*)(opj_codec_t *)> codec(opj_create_decompress(jp2 ? OPJ_CODEC_JP2 : OPJ_CODEC_J2K),
                                                                opj_destroy_codec);
    opj_set_error_handler(codec.get(), quiet, nullptr);
    opj_set_warning_handler(codec.get(), quiet, nullptr);
    opj_set_info_handler(codec.get(), quiet, nullptr);
    opj_dparameters_t parameters;
    opj_set_default_decoder_parameters(&parameters);
    if (!opj_setup_decoder(codec.get(), &parameters))
        return tl::unexpected(decodeError("setup"));

    MemoryStream memory{&codestream, 0};
    std::unique_ptr<opj_stream_t, void (*)(opj_stream_t *)> stream(opj_stream_default_create(OPJ_TRUE), opj_stream_destroy);
    opj_stream_set_user_data(stream.get(), &memory, nullptr);
    opj_stream_set_user_data_length(stream.get(), static_cast<OPJ_UINT64>(codestream.size()));
    opj_stream_set_read_function(stream.get(), readFrom);
    opj_stream_set_skip_function(stream.get(), skipIn);
    opj_stream_set_seek_function(stream.get(), seekIn);

    opj_image_t *raw = nullptr;
    if (!opj_read_header(stream.get(), codec.get(), &raw))
        return tl::unexpected(decodeError("header"));
    std::unique_ptr<opj_image_t, void (*)(opj_image_t *)> image(raw, opj_image_destroy);
    if (!opj_decode(codec.get(), stream.get(), image.get()) || !opj_end_decompress(codec.get(), stream.get()))
        return tl::unexpected(decodeError("data"));
    if (image->numcomps < 1 || image->numcomps > 4 || !image->comps[0].data)
        return tl::unexpected(decodeError("components"));

    DecodedFrame frame;
    frame.width = static_cast<int>(image->comps[0].w);
    frame.height = static_cast<int>(image->comps[0].h);
    frame.components = static_cast<int>(image->numcomps);
    frame.precision = static_cast<int>(image->comps[0].prec);
    frame.isSigned = image->comps[0].sgnd != 0;
    for (int c = 1; c < frame.components; ++c)
        if (static_cast<int>(image->comps[c].w) != frame.width || static_cast<int>(image->comps[c].h) != frame.height
            || !image->comps[c].data)
            return tl::unexpected(decodeError("subsampled components"));
    const int bytes = frame.precision <= 8 ? 1 : 2;
    const qsizetype pixels = static_cast<qsizetype>(frame.width) * frame.height;
    frame.samples.resize(pixels * frame.components * bytes);
    auto *out = reinterpret_cast<uchar *>(frame.samples.data());
    for (qsizetype i = 0; i < pixels; ++i) {
        for (int c = 0; c < frame.components; ++c) {
            const int value = image->comps[c].data[i];
            const qsizetype at = (i * frame.components + c) * bytes;
            out[at] = static_cast<uchar>(value & 0xff);
            if (bytes == 2)
                out[at + 1] = static_cast<uchar>((value >> 8) & 0xff);
        }
    }
    return frame;
}
