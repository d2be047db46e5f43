#include "dicomweb/multipartparser.h"

#include <QTest>

namespace {
// Keeps every part in memory: what the parser delivered, exactly.
class CollectingSink : public MultipartSink
{
public:
    Result<void> beginPart(const MultipartHeaders &headers) override
    {
        types << headers.contentType;
        parts << QByteArray();
        return {};
    }
    Result<void> partData(QByteArrayView data) override
    {
        parts.last().append(data.data(), data.size());
        return {};
    }
    Result<void> endPart() override
    {
        ++ended;
        return {};
    }
    QList<QByteArray> types;
    QList<QByteArray> parts;
    int ended = 0;
};

const QByteArray Boundary = QByteArrayLiteral("b0undary-42");

QByteArray body(const QList<QByteArray> &parts)
{
    QByteArray result;
    for (const QByteArray &part : parts)
        result += "--" + Boundary + "\r\nContent-Type: application/dicom\r\n\r\n" + part + "\r\n";
    return result + "--" + Boundary + "--\r\n";
}

Result<void> parseInChunks(const QByteArray &data, qsizetype chunk, CollectingSink &sink, MultipartLimits limits = {})
{
    MultipartParser parser(Boundary, sink, limits);
    for (qsizetype at = 0; at < data.size(); at += chunk)
        if (auto fed = parser.feed(QByteArrayView(data).sliced(at, std::min(chunk, data.size() - at))); !fed)
            return fed;
    return parser.finish();
}
} // namespace

class tst_MultipartParser : public QObject
{
    Q_OBJECT
private slots:
    void partsComeOutByteIdenticalWhateverTheChunkSize_data()
    {
        QTest::addColumn<int>("chunk");
        for (int chunk : {1, 2, 3, 7, 13, 64, 1000, 1 << 20})
            QTest::addRow("chunk %d", chunk) << chunk;
    }
    void partsComeOutByteIdenticalWhateverTheChunkSize()
    {
        QFETCH(int, chunk);
        // Data that looks like the start of a delimiter but is not one must survive.
        const QList<QByteArray> parts{QByteArrayLiteral("DICM\r\n--b0undary-4\r\n-"), QByteArray(5000, '\0') + "\r\n--",
                                      QByteArray(), QByteArray("\r\n")};
        CollectingSink sink;
        QVERIFY(parseInChunks(body(parts), chunk, sink).has_value());
        QCOMPARE(sink.parts, parts);
        QCOMPARE(sink.ended, 4);
        QCOMPARE(sink.types.value(0), QByteArray("application/dicom"));
    }

    void preambleAndEpilogueAreIgnored()
    {
        CollectingSink sink;
        QVERIFY(parseInChunks("This is a preamble.\r\n" + body({"abc"}) + "epilogue", 5, sink).has_value());
        QCOMPARE(sink.parts, QList<QByteArray>{"abc"});
    }

    void headersAreCaseInsensitiveAndParametersDropped()
    {
        CollectingSink sink;
        const QByteArray data = "--" + Boundary + "\r\nCONTENT-TYPE:  Application/DICOM; transfer-syntax=1.2.840.10008.1.2.1\r\n\r\nx\r\n--" + Boundary + "--";
        QVERIFY(parseInChunks(data, 4, sink).has_value());
        QCOMPARE(sink.types.value(0), QByteArray("application/dicom"));
    }

    void aBodyWithAnotherBoundaryFailsWithBoundedMemory()
    {
        CollectingSink sink;
        MultipartParser parser(Boundary, sink);
        const QByteArray chunk = "--other-boundary\r\nContent-Type: application/dicom\r\n\r\n" + QByteArray(4096, 'x');
        Result<void> fed;
        int fedChunks = 0;
        for (; fedChunks < 10000 && fed; ++fedChunks) {
            fed = parser.feed(chunk);
            QVERIFY(parser.bufferedBytes() <= chunk.size() + Boundary.size() + 4);
        }
        QVERIFY(!fed);
        QVERIFY(fedChunks < 10); // refused after the preamble limit, not after everything
        QVERIFY(fed.error().message.contains(QLatin1String("boundary")));
        QVERIFY(sink.parts.isEmpty());
    }

    void aLongPartIsStreamedNotBuffered()
    {
        CollectingSink sink;
        MultipartParser parser(Boundary, sink);
        QVERIFY(parser.feed("--" + Boundary + "\r\nContent-Type: application/dicom\r\n\r\n").has_value());
        const QByteArray megabyte(1 << 20, 'p');
        for (int i = 0; i < 20; ++i) {
            QVERIFY(parser.feed(megabyte).has_value());
            QVERIFY(parser.bufferedBytes() < 64); // only what could start a delimiter
        }
        QVERIFY(parser.feed("\r\n--" + Boundary + "--").has_value());
        QVERIFY(parser.finish().has_value());
        QCOMPARE(sink.parts.value(0).size(), 20 << 20);
    }

    void truncatedInsideAPartIsAnError()
    {
        const QByteArray full = body({QByteArray(3000, 'a'), QByteArray(3000, 'b')});
        for (qsizetype cut : {qsizetype(10), qsizetype(60), qsizetype(3100), full.size() - 5, full.size() - 3}) {
            CollectingSink sink;
            const auto parsed = parseInChunks(full.left(cut), 100, sink);
            QVERIFY2(!parsed, qPrintable(QString::number(cut)));
        }
        CollectingSink sink;
        QVERIFY(parseInChunks(full, 100, sink).has_value()); // the whole body, for contrast
    }

    void anEmptyBodyIsAnError()
    {
        CollectingSink sink;
        MultipartParser parser(Boundary, sink);
        QVERIFY(!parser.finish());
    }

    void aPartLargerThanTheLimitIsRefused()
    {
        MultipartLimits limits;
        limits.maxPartBytes = 1000;
        CollectingSink sink;
        QVERIFY(parseInChunks(body({QByteArray(1000, 'a')}), 64, sink, limits).has_value());
        CollectingSink tooLarge;
        const auto parsed = parseInChunks(body({QByteArray(1001, 'a')}), 64, tooLarge, limits);
        QVERIFY(!parsed);
        QVERIFY(parsed.error().message.contains(QLatin1String("larger")));
    }

    void theStudyTotalIsBounded()
    {
        MultipartLimits limits;
        limits.maxTotalBytes = 2500;
        CollectingSink sink;
        QVERIFY(!parseInChunks(body({QByteArray(1000, 'a'), QByteArray(1000, 'b'), QByteArray(1000, 'c')}), 64, sink, limits));
    }

    void tooManyPartsAreRefused()
    {
        MultipartLimits limits;
        limits.maxParts = 3;
        CollectingSink sink;
        QVERIFY(parseInChunks(body({"1", "2", "3"}), 5, sink, limits).has_value());
        CollectingSink tooMany;
        QVERIFY(!parseInChunks(body({"1", "2", "3", "4"}), 5, tooMany, limits));
    }

    void endlessHeadersAreRefused()
    {
        CollectingSink sink;
        MultipartParser parser(Boundary, sink);
        QVERIFY(parser.feed("--" + Boundary + "\r\n").has_value());
        Result<void> fed;
        for (int i = 0; i < 1000 && fed; ++i)
            fed = parser.feed("X-Padding: " + QByteArray(100, 'h') + "\r\n");
        QVERIFY(!fed);
        QVERIFY(parser.bufferedBytes() < 32 * 1024);
    }

    void aMalformedHeaderOrDelimiterIsRefused()
    {
        CollectingSink sink;
        QVERIFY(!parseInChunks("--" + Boundary + "\r\nno colon here\r\n\r\nx\r\n--" + Boundary + "--", 7, sink));
        CollectingSink garbage;
        QVERIFY(!parseInChunks("--" + Boundary + "garbage\r\n\r\nx\r\n--" + Boundary + "--", 7, garbage));
    }

    void aSinkErrorStopsTheParse()
    {
        class RefusingSink : public CollectingSink
        {
        public:
            Result<void> beginPart(const MultipartHeaders &) override
            {
                return failure(QStringLiteral("test"), QStringLiteral("refused"));
            }
        } sink;
        MultipartParser parser(Boundary, sink);
        const auto fed = parser.feed(body({"abc"}));
        QVERIFY(!fed);
        QCOMPARE(fed.error().message, QStringLiteral("refused"));
        QVERIFY(!parser.feed("more")); // stays failed
        QVERIFY(!parser.finish());
    }

    void boundaryIsTakenFromTheContentType_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("boundary");
        QTest::newRow("quoted") << QByteArray("multipart/related; type=\"application/dicom; x=y\"; boundary=\"a b:c\"") << QByteArray("a b:c");
        QTest::newRow("plain") << QByteArray("Multipart/Related;Boundary=xyz;type=application/dicom") << QByteArray("xyz");
        QTest::newRow("70 characters") << "multipart/related; boundary=" + QByteArray(70, 'z') << QByteArray(70, 'z');
        QTest::newRow("71 characters") << "multipart/related; boundary=" + QByteArray(71, 'z') << QByteArray();
        QTest::newRow("missing") << QByteArray("multipart/related; type=\"application/dicom\"") << QByteArray();
        QTest::newRow("empty") << QByteArray("multipart/related; boundary=\"\"") << QByteArray();
        QTest::newRow("forbidden character") << QByteArray("multipart/related; boundary=ab\r\ncd") << QByteArray();
        QTest::newRow("not multipart") << QByteArray("application/dicom+json") << QByteArray();
        QTest::newRow("nothing") << QByteArray() << QByteArray();
    }
    void boundaryIsTakenFromTheContentType()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, boundary);
        const auto parsed = MultipartParser::boundaryOf(contentType);
        if (boundary.isEmpty()) {
            QVERIFY(!parsed);
            QVERIFY(!parsed.error().message.isEmpty());
        } else {
            QCOMPARE(parsed.value_or(QByteArray()), boundary);
        }
    }
};

QTEST_GUILESS_MAIN(tst_MultipartParser)
#include "tst_multipartparser.moc"
