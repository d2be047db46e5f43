// What the regional PACS answers, as if it were hostile: WADO-RS multipart/related bodies fed in
// pieces of every size to the streaming parser, and QIDO-RS study lists (DICOM JSON).
#include "dicomweb/multipartparser.h"
#include "dicomweb/studyjson.h"
#include "fuzzinput.h"

#include <algorithm>

namespace {
// Checks the order the parser promises: data only inside a part, every part begun is ended.
class OrderCheckingSink : public MultipartSink
{
public:
    Result<void> beginPart(const MultipartHeaders &) override
    {
        if (m_inPart)
            __builtin_trap();
        m_inPart = true;
        ++m_begun;
        return {};
    }
    Result<void> partData(QByteArrayView) override
    {
        if (!m_inPart)
            __builtin_trap();
        return {};
    }
    Result<void> endPart() override
    {
        if (!m_inPart)
            __builtin_trap();
        m_inPart = false;
        ++m_ended;
        return {};
    }
    bool allEnded() const { return !m_inPart && m_begun == m_ended; }

private:
    bool m_inPart = false;
    int m_begun = 0;
    int m_ended = 0;
};

void parseMultipart(const QByteArray &contentType, const QByteArray &body, qsizetype chunk)
{
    const auto boundary = MultipartParser::boundaryOf(contentType);
    if (!boundary)
        return;
    MultipartLimits limits;
    limits.maxHeaderBytes = 1024;
    limits.maxPartBytes = 1 << 20;
    limits.maxTotalBytes = 4 << 20;
    limits.maxParts = 64;
    OrderCheckingSink sink;
    MultipartParser parser(*boundary, sink, limits);
    // The bound the parser documents: the header limit, one chunk and a delimiter held back.
    const qsizetype bound = limits.maxHeaderBytes + chunk + boundary->size() + 8;
    for (qsizetype at = 0; at < body.size(); at += chunk) {
        if (!parser.feed(QByteArrayView(body).sliced(at, std::min(chunk, body.size() - at))))
            return;
        if (parser.bufferedBytes() > bound)
            __builtin_trap();
    }
    if (parser.finish() && !sink.allEnded())
        __builtin_trap();
}
} // namespace

// Input: a selector byte ('j' a QIDO-RS JSON list; otherwise its value sets the chunk size),
// then for multipart the Content-Type, a NUL and the body.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    if (data[0] == 'j') {
        (void)StudyJson::parseStudies(QByteArray(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1)));
        return 0;
    }
    const auto fields = FuzzInput::fields(data + 1, size - 1, 2);
    parseMultipart(fields[0], fields[1], 1 + data[0] % 97);
    return 0;
}
