#pragma once

#include "domain/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QList>

// How much a multipart/related body may hold before it is refused. A PACS that exceeds them is
// broken or hostile; the parser stops with an error instead of growing without bound.
struct MultipartLimits
{
    qint64 maxPartBytes = 2LL * 1024 * 1024 * 1024; // one DICOM instance
    qint64 maxTotalBytes = 32LL * 1024 * 1024 * 1024; // one study
    qint64 maxHeaderBytes = 16 * 1024; // headers of one part, and the preamble
    int maxParts = 100000;
};

struct MultipartHeaders
{
    QByteArray contentType; // lower-cased media type without parameters
    QByteArray contentLocation;
};

// Receives the parts as the parser finds them, in pieces, so a part never needs to be in
// memory whole. Returning an error stops the parse.
class MultipartSink
{
public:
    virtual ~MultipartSink() = default;
    virtual Result<void> beginPart(const MultipartHeaders &headers) = 0;
    virtual Result<void> partData(QByteArrayView data) = 0;
    virtual Result<void> endPart() = 0;
};

// Streaming parser of a multipart/related body (RFC 2046 §5.1, RFC 2387), as WADO-RS sends
// instances. Memory stays bounded by the header limit plus the largest chunk fed in, whatever
// the reply: it holds back only what could be the start of a delimiter. A body that does not
// use the announced boundary, ends before its close delimiter, or exceeds the limits is an
// error, never a crash or a partial success.
class MultipartParser
{
    Q_DECLARE_TR_FUNCTIONS(MultipartParser)
public:
    MultipartParser(const QByteArray &boundary, MultipartSink &sink, MultipartLimits limits = {});

    Result<void> feed(QByteArrayView chunk);
    // The body has ended: an error unless the close delimiter was seen.
    Result<void> finish();

    int partsSeen() const { return m_parts; }
    // Bytes held back between feeds: stays within the limits whatever is fed.
    qsizetype bufferedBytes() const { return m_buffer.size(); }

    // The boundary parameter of a Content-Type header, checked against RFC 2046 (1–70
    // characters from its set), or an error.
    static Result<QByteArray> boundaryOf(const QByteArray &contentType);
    // The media type of a Content-Type value, lower case, without parameters.
    static QByteArray mediaType(const QByteArray &contentType);

private:
    enum class State { Preamble, AfterDelimiter, Headers, Body, Closed, Failed };

    Result<void> step(bool &progressed);
    Result<void> scanPreamble(bool &progressed);
    Result<void> scanAfterDelimiter(bool &progressed);
    Result<void> scanHeaders(bool &progressed);
    Result<void> scanBody(bool &progressed);
    Result<void> emitData(qsizetype length);
    Result<void> fail(const QString &message);

    QByteArray m_delimiter; // CRLF "--" boundary
    MultipartSink &m_sink;
    MultipartLimits m_limits;
    State m_state = State::Preamble;
    QByteArray m_buffer;
    qsizetype m_offset = 0; // consumed bytes at the front of m_buffer
    qint64 m_partBytes = 0;
    qint64 m_totalBytes = 0;
    qint64 m_preambleBytes = 0;
    int m_parts = 0;
};
