#include "dicomweb/multipartparser.h"

#include <QList>

#include <algorithm>

namespace {
const QByteArray Crlf = QByteArrayLiteral("\r\n");

bool isBoundaryCharacter(char c)
{
    // RFC 2046 bchars
    static const QByteArray others = QByteArrayLiteral("'()+_,-./:=? ");
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || others.contains(c);
}

// Splits "type/sub; a=b; c=\"d;e\"" at semicolons outside quotes.
QList<QByteArray> parameters(const QByteArray &value)
{
    QList<QByteArray> result;
    QByteArray current;
    bool quoted = false;
    for (char c : value) {
        if (c == '"')
            quoted = !quoted;
        if (c == ';' && !quoted) {
            result << current.trimmed();
            current.clear();
        } else {
            current += c;
        }
    }
    result << current.trimmed();
    return result;
}
} // namespace

MultipartParser::MultipartParser(const QByteArray &boundary, MultipartSink &sink, MultipartLimits limits)
    : m_delimiter(Crlf + "--" + boundary)
    , m_sink(sink)
    , m_limits(limits)
{
    // The first delimiter may open the body without a CRLF before it: pretend there was one.
    m_buffer = Crlf;
}

QByteArray MultipartParser::mediaType(const QByteArray &contentType)
{
    return parameters(contentType).value(0).toLower();
}

Result<QByteArray> MultipartParser::boundaryOf(const QByteArray &contentType)
{
    const QList<QByteArray> parts = parameters(contentType);
    if (!parts.value(0).toLower().startsWith("multipart/"))
        return failure(QStringLiteral("dicomweb.multipart"), tr("The PACS did not send a multipart reply."));
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const qsizetype equals = parts[i].indexOf('=');
        if (equals < 0 || parts[i].left(equals).trimmed().toLower() != "boundary")
            continue;
        QByteArray boundary = parts[i].mid(equals + 1).trimmed();
        if (boundary.size() >= 2 && boundary.startsWith('"') && boundary.endsWith('"'))
            boundary = boundary.mid(1, boundary.size() - 2);
        const bool valid = !boundary.isEmpty() && boundary.size() <= 70 && !boundary.endsWith(' ')
            && std::all_of(boundary.begin(), boundary.end(), isBoundaryCharacter);
        if (!valid)
            break;
        return boundary;
    }
    return failure(QStringLiteral("dicomweb.multipart"), tr("The PACS reply announces no valid multipart boundary."));
}

Result<void> MultipartParser::fail(const QString &message)
{
    m_state = State::Failed;
    m_buffer.clear();
    m_offset = 0;
    return failure(QStringLiteral("dicomweb.multipart"), message);
}

Result<void> MultipartParser::feed(QByteArrayView chunk)
{
    if (m_state == State::Failed)
        return failure(QStringLiteral("dicomweb.multipart"), tr("The PACS reply could not be read."));
    if (m_state == State::Closed)
        return {}; // the epilogue is ignored
    m_buffer.append(chunk.data(), chunk.size());
    bool progressed = true;
    while (progressed && m_state != State::Closed && m_state != State::Failed) {
        progressed = false;
        if (auto stepped = step(progressed); !stepped)
            return stepped;
    }
    // Drop what was consumed, so the buffer holds only undecided bytes.
    if (m_offset > 0) {
        m_buffer.remove(0, m_offset);
        m_offset = 0;
    }
    if (m_state == State::Closed)
        m_buffer.clear();
    return {};
}

Result<void> MultipartParser::step(bool &progressed)
{
    switch (m_state) {
    case State::Preamble:
        return scanPreamble(progressed);
    case State::AfterDelimiter:
        return scanAfterDelimiter(progressed);
    case State::Headers:
        return scanHeaders(progressed);
    case State::Body:
        return scanBody(progressed);
    case State::Closed:
    case State::Failed:
        break;
    }
    return {};
}

Result<void> MultipartParser::scanPreamble(bool &progressed)
{
    const qsizetype found = m_buffer.indexOf(m_delimiter, m_offset);
    if (found < 0) {
        // Keep only what could still become the delimiter.
        const qsizetype keep = std::min<qsizetype>(m_buffer.size() - m_offset, m_delimiter.size() - 1);
        m_preambleBytes += m_buffer.size() - m_offset - keep;
        m_offset = m_buffer.size() - keep;
        if (m_preambleBytes > m_limits.maxHeaderBytes)
            return fail(tr("The PACS reply does not use the boundary it announced."));
        return {};
    }
    m_preambleBytes += found - m_offset;
    if (m_preambleBytes > m_limits.maxHeaderBytes)
        return fail(tr("The PACS reply does not use the boundary it announced."));
    m_offset = found + m_delimiter.size();
    m_state = State::AfterDelimiter;
    progressed = true;
    return {};
}

Result<void> MultipartParser::scanAfterDelimiter(bool &progressed)
{
    // After a delimiter: "--" closes the body; otherwise optional transport padding, then CRLF.
    qsizetype at = m_offset;
    if (m_buffer.size() - at < 2)
        return {};
    if (m_buffer[at] == '-' && m_buffer[at + 1] == '-') {
        m_state = State::Closed;
        m_offset = m_buffer.size();
        progressed = true;
        return {};
    }
    while (at < m_buffer.size() && (m_buffer[at] == ' ' || m_buffer[at] == '\t'))
        ++at;
    if (at - m_offset > 64)
        return fail(tr("The PACS reply has a malformed part delimiter."));
    if (m_buffer.size() - at < 2)
        return {};
    if (m_buffer[at] != '\r' || m_buffer[at + 1] != '\n')
        return fail(tr("The PACS reply has a malformed part delimiter."));
    if (++m_parts > m_limits.maxParts)
        return fail(tr("The PACS reply has more than %n parts.", nullptr, m_limits.maxParts));
    m_offset = at + 2;
    m_state = State::Headers;
    progressed = true;
    return {};
}

Result<void> MultipartParser::scanHeaders(bool &progressed)
{
    qsizetype end = -1;
    if (m_buffer.mid(m_offset, 2) == Crlf)
        end = m_offset; // a part without headers
    else if (const qsizetype found = m_buffer.indexOf("\r\n\r\n", m_offset); found >= 0)
        end = found + 2;
    if (end < 0) {
        if (m_buffer.size() - m_offset > m_limits.maxHeaderBytes)
            return fail(tr("The headers of a part of the PACS reply are too long."));
        return {};
    }
    if (end - m_offset > m_limits.maxHeaderBytes)
        return fail(tr("The headers of a part of the PACS reply are too long."));
    MultipartHeaders headers;
    const QList<QByteArray> lines = m_buffer.mid(m_offset, end - m_offset).split('\n');
    for (QByteArray line : lines) {
        line = line.trimmed();
        const qsizetype colon = line.indexOf(':');
        if (line.isEmpty())
            continue;
        if (colon <= 0)
            return fail(tr("A part of the PACS reply has a malformed header."));
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-type")
            headers.contentType = mediaType(value);
        else if (name == "content-location")
            headers.contentLocation = value;
    }
    m_offset = end + 2;
    m_partBytes = 0;
    m_state = State::Body;
    progressed = true;
    if (auto begun = m_sink.beginPart(headers); !begun)
        return fail(begun.error().message);
    return {};
}

Result<void> MultipartParser::emitData(qsizetype length)
{
    if (length <= 0)
        return {};
    m_partBytes += length;
    m_totalBytes += length;
    if (m_partBytes > m_limits.maxPartBytes)
        return fail(tr("A part of the PACS reply is larger than %1 MB.").arg(m_limits.maxPartBytes / (1024 * 1024)));
    if (m_totalBytes > m_limits.maxTotalBytes)
        return fail(tr("The PACS reply is larger than %1 MB.").arg(m_limits.maxTotalBytes / (1024 * 1024)));
    if (auto written = m_sink.partData(QByteArrayView(m_buffer.constData() + m_offset, length)); !written)
        return fail(written.error().message);
    m_offset += length;
    return {};
}

Result<void> MultipartParser::scanBody(bool &progressed)
{
    const qsizetype found = m_buffer.indexOf(m_delimiter, m_offset);
    if (found < 0) {
        // Everything except a possible delimiter start is part data.
        const qsizetype safe = m_buffer.size() - m_offset - (m_delimiter.size() - 1);
        return emitData(safe);
    }
    if (auto emitted = emitData(found - m_offset); !emitted)
        return emitted;
    m_offset = found + m_delimiter.size();
    m_state = State::AfterDelimiter;
    progressed = true;
    if (auto ended = m_sink.endPart(); !ended)
        return fail(ended.error().message);
    return {};
}

Result<void> MultipartParser::finish()
{
    if (m_state == State::Closed)
        return {};
    if (m_state == State::Failed)
        return failure(QStringLiteral("dicomweb.multipart"), tr("The PACS reply could not be read."));
    if (m_state == State::Preamble)
        return fail(tr("The PACS reply does not use the boundary it announced."));
    return fail(tr("The PACS reply ended before its last part was complete (truncated)."));
}
