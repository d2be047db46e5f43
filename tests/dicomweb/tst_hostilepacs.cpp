#include "dicomweb/dicomwebclient.h"

#include <QDir>
#include <QProcess>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

namespace {
// A server that speaks TLS properly and then answers every request with whatever the test
// tells it: the PACS gone wrong or hostile. Runs on the test's thread; the client's local event
// loop drives it.
class HostileServer : public QObject
{
public:
    using Answer = std::function<void(QSslSocket *socket)>;

    bool start(const QString &certificateDir)
    {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        QFile key(QDir(certificateDir).filePath(QStringLiteral("server.key")));
        if (!key.open(QIODevice::ReadOnly))
            return false;
        tls.setPrivateKey(QSslKey(key.readAll(), QSsl::Ec));
        tls.setLocalCertificate(QSslCertificate::fromPath(QDir(certificateDir).filePath(QStringLiteral("server.pem"))).value(0));
        m_server.setSslConfiguration(tls);
        connect(&m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (auto *socket = qobject_cast<QSslSocket *>(m_server.nextPendingConnection())) {
                connect(socket, &QSslSocket::readyRead, socket, [this, socket] {
                    m_request += socket->readAll();
                    if (m_request.contains("\r\n\r\n") && !socket->property("answered").toBool()) {
                        socket->setProperty("answered", true);
                        m_answer(socket);
                    }
                });
                connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        return m_server.listen(QHostAddress::LocalHost, 0);
    }
    void setAnswer(Answer answer)
    {
        m_answer = std::move(answer);
        m_request.clear();
    }
    int port() const { return m_server.serverPort(); }

private:
    QSslServer m_server;
    QByteArray m_request;
    Answer m_answer;
};

QByteArray head(const QByteArray &contentType, const QByteArray &extra = {})
{
    return "HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\nConnection: close\r\n" + extra + "\r\n";
}

// Sends `body` and closes: the end of the body is the end of the connection.
HostileServer::Answer reply(const QByteArray &contentType, const QByteArray &body, const QByteArray &extra = {})
{
    return [=](QSslSocket *socket) {
        socket->write(head(contentType, extra) + body);
        socket->disconnectFromHost();
    };
}

const QByteArray Multipart = QByteArrayLiteral("multipart/related; type=\"application/dicom\"; boundary=b0");
const QByteArray PartStart = QByteArrayLiteral("--b0\r\nContent-Type: application/dicom\r\n\r\n");
} // namespace

class tst_HostilePacs : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    HostileServer m_server;

    PacsEndpoint endpoint() const
    {
        PacsEndpoint e;
        e.baseUrl = QUrl(QStringLiteral("https://localhost:%1/dicom-web").arg(m_server.port()));
        e.regionalCaFile = QDir(m_dir.path()).filePath(QStringLiteral("ca.pem"));
        e.timeoutMilliseconds = 10000;
        return e;
    }

private slots:
    void initTestCase()
    {
        QCOMPARE(QProcess::execute(QStringLiteral(OBSLINK_CERTIFICATE_SCRIPT), {m_dir.path(), QStringLiteral("Hostile Test CA")}), 0);
        QVERIFY(m_server.start(m_dir.path()));
    }

    void aBrokenStudyReplyIsAClearErrorAndNothingIsCached_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("extraHeaders");
        QTest::addColumn<QString>("code");
        const QString multipart = QStringLiteral("dicomweb.multipart");
        const QByteArray instance(5000, 'D');
        QTest::newRow("truncated in a part") << Multipart << PartStart + instance << QByteArray() << multipart;
        QTest::newRow("truncated by Content-Length")
            << Multipart << PartStart + instance << QByteArray("Content-Length: 999999\r\n") << QStringLiteral("dicomweb.transfer");
        QTest::newRow("no close delimiter") << Multipart << PartStart + instance + "\r\n--b0\r\n" << QByteArray() << multipart;
        QTest::newRow("another boundary") << Multipart << "--zz\r\nContent-Type: application/dicom\r\n\r\n" + instance + "\r\n--zz--" << QByteArray() << multipart;
        QTest::newRow("no boundary") << QByteArray("multipart/related; type=\"application/dicom\"") << PartStart + instance << QByteArray() << multipart;
        QTest::newRow("not multipart") << QByteArray("application/dicom+json") << QByteArray("[]") << QByteArray() << multipart;
        QTest::newRow("part that is not DICOM")
            << Multipart << QByteArray("--b0\r\nContent-Type: text/html\r\n\r\n<script>\r\n--b0--") << QByteArray() << multipart;
        QTest::newRow("no instance") << Multipart << QByteArray("--b0--\r\n") << QByteArray() << multipart;
        QTest::newRow("empty") << Multipart << QByteArray() << QByteArray() << multipart;
    }
    void aBrokenStudyReplyIsAClearErrorAndNothingIsCached()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, extraHeaders);
        QFETCH(QString, code);
        m_server.setAnswer(reply(contentType, body, extraHeaders));
        QTemporaryDir cacheDir;
        StudyCache cache(cacheDir.path(), 1 << 30);
        const auto study = DicomWebClient(endpoint()).retrieveStudy(QStringLiteral("1.2.3"), cache);
        QVERIFY(!study);
        QCOMPARE(study.error().code, code);
        QVERIFY(!study.error().message.isEmpty());
        QCOMPARE(cache.totalBytes(), 0);
        QVERIFY(QDir(cacheDir.filePath(QStringLiteral(".staging"))).isEmpty()); // nothing half-written left
    }

    void anEndlessPartStopsAtTheLimitWithBoundedMemory()
    {
        int chunksSent = 0;
        m_server.setAnswer([&](QSslSocket *socket) {
            socket->write(head(Multipart) + PartStart);
            // Keeps sending while the client reads, up to 256 MB, then gives up by itself.
            auto more = [socket, &chunksSent] {
                while (socket->state() == QAbstractSocket::ConnectedState && socket->bytesToWrite() < (1 << 20) && chunksSent < 4096) {
                    socket->write(QByteArray(64 * 1024, 'X'));
                    ++chunksSent;
                }
            };
            connect(socket, &QSslSocket::encryptedBytesWritten, socket, more);
            more();
        });
        MultipartLimits limits;
        limits.maxPartBytes = 8 * 1024 * 1024;
        QTemporaryDir cacheDir;
        StudyCache cache(cacheDir.path(), 1 << 30);
        const auto study = DicomWebClient(endpoint(), limits).retrieveStudy(QStringLiteral("1.2.3"), cache);
        QVERIFY(!study);
        QVERIFY(study.error().message.contains(QLatin1String("8 MB")));
        QVERIFY(chunksSent < 4096); // stopped at the limit, not at the server's end
        QCOMPARE(cache.totalBytes(), 0);
    }

    void aHostileStudyListIsRefused_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("not JSON") << QByteArray("<html>");
        QTest::newRow("object, not array") << QByteArray("{}");
        QTest::newRow("UID that is a path") << QByteArray(R"([{"0020000D": {"vr": "UI", "Value": ["../../etc"]}}])");
        QTest::newRow("no UID") << QByteArray(R"([{"00100020": {"vr": "LO", "Value": ["x"]}}])");
    }
    void aHostileStudyListIsRefused()
    {
        QFETCH(QByteArray, body);
        m_server.setAnswer(reply("application/dicom+json", body));
        const auto studies = DicomWebClient(endpoint()).findStudies({});
        QVERIFY(!studies);
        QCOMPARE(studies.error().code, QStringLiteral("dicomweb.qido"));
    }

    void oddButValidStudyFieldsAreLeftEmpty()
    {
        m_server.setAnswer(reply("application/dicom+json",
                                 R"([{"0020000D": {"vr": "UI", "Value": ["1.2.3"]}, "00100010": {"vr": "PN", "Value": [42]},
                                      "00080020": {"vr": "DA", "Value": ["2026-99-99"]}, "00201208": {"vr": "IS", "Value": ["-5"]}}])"));
        const auto studies = DicomWebClient(endpoint()).findStudies({});
        QVERIFY(studies.has_value());
        QCOMPARE(studies->size(), 1);
        QVERIFY(studies->first().patientName.isEmpty());
        QVERIFY(!studies->first().studyDate.isValid());
        QVERIFY(!studies->first().instances.has_value());
    }

    void anOversizedStudyListIsRefused()
    {
        m_server.setAnswer([](QSslSocket *socket) {
            socket->write(head("application/dicom+json"));
            for (int i = 0; i < 40 && socket->state() == QAbstractSocket::ConnectedState; ++i)
                socket->write(QByteArray(1 << 20, ' '));
            socket->disconnectFromHost();
        });
        const auto studies = DicomWebClient(endpoint()).findStudies({});
        QVERIFY(!studies);
        QCOMPARE(studies.error().code, QStringLiteral("dicomweb.too-large"));
    }
};

QTEST_GUILESS_MAIN(tst_HostilePacs)
#include "tst_hostilepacs.moc"
