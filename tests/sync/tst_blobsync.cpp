// Attachments through a real obslink-center over HTTPS (docs/sync-protocol.md, Attachments): a
// CTG trace's samples uploaded in chunks and resumed after the center was killed mid-way, a
// damaged chunk or a blob that does not match its address refused with nothing kept, another
// clinic refused until the woman is referred to it, and a pulled trace's samples downloaded on
// demand, resumed after a cut and checked before the CTG module reads them.
#include "center/centerdatabase.h"
#include "ctg-records/ctgrecords.h"
#include "sqlscalar.h"
#include "storage/clinicrecords.h"
#include "storage/database.h"
#include "storage/syncjournal.h"
#include "sync-protocol/blobaddress.h"
#include "sync/blobstore.h"
#include "sync/centerconnection.h"
#include "sync/syncengine.h"
#include "testcenter.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

namespace {
using HttpReply = CenterReply;

QString errorCode(const HttpReply &reply)
{
    return reply.errorCode();
}

// Forty minutes at 4 Hz with a wandering baseline and noise: bytes that do not compress away.
CtgTrace syntheticTrace()
{
    CtgTrace trace;
    QRandomGenerator random(2024);
    float baseline = 140;
    for (int i = 0; i < 40 * 60 * 4; ++i) {
        baseline = std::clamp(baseline + float(random.generateDouble() * 2 - 1) * 0.3f, 120.0f, 160.0f);
        trace.fhrBpm.append(baseline + float(random.generateDouble() * 10 - 5));
        trace.tocoUnits.append(float(random.generateDouble() * 40));
    }
    return trace;
}
} // namespace

class TestBlobSync : public QObject
{
    Q_OBJECT

private:
    TestCenter m_center;
    int m_caches = 0;
    std::unique_ptr<Database> m_clinicA;
    QString m_patientId;
    CtgTraceRecord m_trace;

    std::unique_ptr<Database> openCache(const QString &clinic, const QString &author)
    {
        auto db = Database::open(
            m_center.path(QStringLiteral("cache-%1.db").arg(++m_caches)), { clinic, author });
        return db ? std::move(*db) : nullptr;
    }

    std::unique_ptr<CenterConnection> connect(Database &db, const QString &user)
    {
        SyncJournal journal(db.connection());
        const auto deviceId = journal.deviceId();
        auto connection = std::make_unique<CenterConnection>(
            CenterEndpoint { QUrl(m_center.url()), m_center.caFile(), {}, 10000 });
        if (!deviceId || !connection->login(user, QStringLiteral("obslink-demo"), *deviceId))
            return nullptr;
        return connection;
    }

    HttpReply request(const QByteArray &method, const QString &path, const QByteArray &body,
        const QString &token, const QByteArray &contentSha256 = {})
    {
        QList<QPair<QByteArray, QByteArray>> headers { { "Content-Type", "application/octet-stream" } };
        if (!contentSha256.isEmpty())
            headers.append({ "X-Content-SHA256", contentSha256 });
        return m_center.request(method, path, body, token, headers);
    }

    QString login(const QString &user)
    {
        return m_center
            .request("POST", QStringLiteral("/api/v1/login"),
                QJsonDocument(QJsonObject { { QStringLiteral("username"), user },
                                  { QStringLiteral("password"), QStringLiteral("obslink-demo") },
                                  { QStringLiteral("deviceId"), QStringLiteral("raw-") + user } })
                    .toJson())
            .body.value(QStringLiteral("accessToken"))
            .toString();
    }

    HttpReply putChunk(const QString &token, const QString &sha256, qint64 size, qint64 offset,
        const QByteArray &bytes, QByteArray digest = {})
    {
        if (digest.isEmpty())
            digest = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
        return request("PUT",
            QStringLiteral("/api/v1/blobs/%1/chunks/%2?size=%3").arg(sha256).arg(offset).arg(size), bytes,
            token, digest);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_center.prepare(), qPrintable(m_center.lastError()));
        QVERIFY2(m_center.start(), qPrintable(m_center.lastError()));
        m_clinicA = openCache(QStringLiteral("clinic-a"), QStringLiteral("dr-wang"));
        QVERIFY(m_clinicA);
        Patient patient;
        patient.name = QStringLiteral("陈静");
        patient.birthDate = QDate(1993, 2, 1);
        patient.phone = QStringLiteral("13900000000");
        Pregnancy pregnancy;
        pregnancy.lmp = QDate::currentDate().addDays(-250);
        pregnancy.bookingDate = QDate::currentDate().addDays(-200);
        QVERIFY(ClinicRecords(*m_clinicA).registerPregnancy(patient, pregnancy));
        m_patientId = patient.meta.id.toString(QUuid::WithoutBraces);
        m_trace.pregnancyId = pregnancy.meta.id;
        m_trace.recordedAt = QDateTime::currentDateTimeUtc().addSecs(-3600);
        m_trace.durationSeconds = 2400;
        m_trace.source = QStringLiteral("nst.csv");
        QVERIFY(CtgRecords(*m_clinicA).addTrace(m_trace, syntheticTrace()));
        QVERIFY(m_trace.dataBytes > 20000);
    }

    void anUploadCutMidwayResumesWhereTheCenterStopped()
    {
        auto connection = connect(*m_clinicA, QStringLiteral("dr-wang"));
        QVERIFY(connection);
        BlobStore blobs(m_clinicA->connection(), *connection);
        const qint64 chunk = m_trace.dataBytes / 8 + 1; // eight chunks
        blobs.setChunkBytes(chunk);
        QCOMPARE(blobs.queueFromOutbox().value_or(-1), 1);
        QCOMPARE(blobs.queueFromOutbox().value_or(-1), 0); // queued once
        int sent = 0;
        QObject::connect(&blobs, &BlobStore::chunkSent, this, [&] {
            if (++sent == 3)
                m_center.kill(); // a power cut at the center after three chunks
        });
        const auto cut = blobs.uploadPending();
        QVERIFY(!cut);
        QCOMPARE(cut.error().code, QStringLiteral("sync.offline"));
        QCOMPARE(sqlNumber(m_clinicA->connection(),
                     QStringLiteral("SELECT done_bytes FROM blob_transfer WHERE direction = 'upload'")),
            3 * chunk);
        QCOMPARE(blobs.pendingUploadCount().value_or(-1), 1);

        QVERIFY2(m_center.start(), qPrintable(m_center.lastError()));
        const auto resumed = blobs.uploadPending();
        QVERIFY2(resumed, qPrintable(resumed ? QString() : resumed.error().message));
        QCOMPARE(resumed->uploaded, 1);
        QCOMPARE(resumed->chunks, 5); // only what the center did not have
        QCOMPARE(resumed->bytesSent, m_trace.dataBytes - 3 * chunk);
        QCOMPARE(blobs.pendingUploadCount().value_or(-1), 0);

        // The round then pushes the records; the blob is not sent again.
        SyncEngine engine(m_clinicA->connection(), *connection);
        const auto round = engine.syncOnce();
        QVERIFY2(round, qPrintable(round ? QString() : round.error().message));
        QCOMPARE(round->attachmentsSent, 0);
        QCOMPARE(round->refused, 0);
        const QString token = login(QStringLiteral("dr-wang"));
        const HttpReply status
            = request("GET", QStringLiteral("/api/v1/blobs/") + m_trace.dataSha256, {}, token);
        QCOMPARE(status.status, 200);
        QCOMPARE(status.body.value(QStringLiteral("complete")).toBool(), true);
        QCOMPARE(qint64(status.body.value(QStringLiteral("size")).toDouble()), m_trace.dataBytes);
    }

    void aDamagedChunkOrBlobIsRefusedAndNothingKept()
    {
        const QString token = login(QStringLiteral("nurse-li"));
        QByteArray bytes(3000, Qt::Uninitialized);
        for (char &byte : bytes)
            byte = char(QRandomGenerator::global()->bounded(256));
        const QString sha256 = BlobAddress::of(bytes);
        const QString statusPath = QStringLiteral("/api/v1/blobs/") + sha256;

        // A chunk whose bytes do not match the digest sent with them.
        HttpReply reply = putChunk(token, sha256, bytes.size(), 0, bytes.left(1000),
            QCryptographicHash::hash(bytes.mid(1000, 1000), QCryptographicHash::Sha256).toHex());
        QCOMPARE(reply.status, 422);
        QCOMPARE(errorCode(reply), QStringLiteral("blob.chunk-mismatch"));
        QCOMPARE(errorCode(request("GET", statusPath, {}, token)), QStringLiteral("blob.not-found"));

        // Chunks each intact, but together not the bytes the address names: refused on the last.
        QCOMPARE(putChunk(token, sha256, bytes.size(), 0, bytes.left(1000)).status, 200);
        QCOMPARE(putChunk(token, sha256, bytes.size(), 1000, bytes.mid(1000, 1000)).status, 200);
        // Out of order: the center says where the upload stands.
        reply = putChunk(token, sha256, bytes.size(), 2500, bytes.mid(2500));
        QCOMPARE(reply.status, 409);
        QCOMPARE(errorCode(reply), QStringLiteral("blob.offset"));
        reply = request("GET", statusPath, {}, token);
        QCOMPARE(reply.status, 200);
        QCOMPARE(qint64(reply.body.value(QStringLiteral("received")).toDouble()), 2000);
        QByteArray damaged = bytes.mid(2000);
        damaged[10] = char(damaged.at(10) ^ 0x55);
        reply = putChunk(token, sha256, bytes.size(), 2000, damaged);
        QCOMPARE(reply.status, 422);
        QCOMPARE(errorCode(reply), QStringLiteral("blob.hash-mismatch"));
        reply = request("GET", statusPath, {}, token);
        QCOMPARE(reply.status, 404); // neither the blob nor the upload is kept
        QCOMPARE(request("GET", statusPath + QStringLiteral("/chunks/0"), {}, token).status, 404);

        // Too large, and a name that is not an address.
        reply = putChunk(token, sha256, 64LL * 1024 * 1024 + 1, 0, bytes);
        QCOMPARE(reply.status, 413);
        QCOMPARE(errorCode(reply), QStringLiteral("protocol.too-large"));
        QCOMPARE(errorCode(request("GET", QStringLiteral("/api/v1/blobs/ABC"), {}, token)),
            QStringLiteral("blob.invalid"));

        // The right bytes are then taken whole.
        reply = putChunk(token, sha256, bytes.size(), 0, bytes);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.body.value(QStringLiteral("complete")).toBool(), true);
        reply = request("GET", statusPath + QStringLiteral("/chunks/0?length=5000"), {}, token);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.bytes, bytes);
    }

    void anotherClinicCannotReadTheBlobUntilTheWomanIsReferred()
    {
        const QString path = QStringLiteral("/api/v1/blobs/") + m_trace.dataSha256;
        const QString zhao = login(QStringLiteral("dr-zhao")); // clinic-b
        HttpReply reply = request("GET", path, {}, zhao);
        QCOMPARE(reply.status, 404);
        QCOMPARE(errorCode(reply), QStringLiteral("blob.not-found")); // not even told it exists
        QCOMPARE(request("GET", path + QStringLiteral("/chunks/0"), {}, zhao).status, 404);
        // The center's staff see the region.
        QCOMPARE(request("GET", path, {}, login(QStringLiteral("center-admin"))).status, 200);

        const QString wang = login(QStringLiteral("dr-wang"));
        QNetworkAccessManager network;
        QNetworkRequest referral(QUrl(m_center.url() + QStringLiteral("/api/v1/referrals")));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(QSslCertificate::fromPath(m_center.caFile()));
        referral.setSslConfiguration(tls);
        referral.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        referral.setRawHeader("Authorization", "Bearer " + wang.toLatin1());
        QNetworkReply *shared = network.post(referral,
            QJsonDocument(QJsonObject { { QStringLiteral("patientId"), m_patientId },
                              { QStringLiteral("clinicId"), QStringLiteral("clinic-b") } })
                .toJson());
        QSignalSpy finished(shared, &QNetworkReply::finished);
        QVERIFY(finished.wait(20000));
        QCOMPARE(shared->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        delete shared;

        reply = request("GET", path + QStringLiteral("/chunks/0?length=100"), {}, zhao);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.bytes.size(), 100);
    }

    void aPulledTraceIsDownloadedOnDemandResumedAndChecked()
    {
        auto consulting = openCache(QStringLiteral("clinic-a"), QStringLiteral("nurse-li"));
        QVERIFY(consulting);
        auto connection = connect(*consulting, QStringLiteral("nurse-li"));
        QVERIFY(connection);
        SyncEngine engine(consulting->connection(), *connection);
        QVERIFY(engine.syncOnce());
        CtgRecords traces(*consulting);
        const auto row = traces.trace(m_trace.meta.id);
        QVERIFY(row && *row);
        QCOMPARE(traces.loadTrace(**row).error().code,
            QStringLiteral("ctg.data-missing")); // the row came, the bytes wait

        BlobStore blobs(consulting->connection(), *connection);
        const qint64 chunk = m_trace.dataBytes / 6 + 1;
        blobs.setChunkBytes(chunk);
        int received = 0;
        QObject::connect(&blobs, &BlobStore::chunkReceived, this, [&] {
            if (++received == 2)
                m_center.kill();
        });
        QVERIFY(!blobs.fetch(m_trace.dataSha256));
        QCOMPARE(sqlNumber(consulting->connection(), QStringLiteral("SELECT count(*) FROM blob_download_chunk")), 2);
        QVERIFY2(m_center.start(), qPrintable(m_center.lastError()));
        received = 10; // no more cuts
        QSignalSpy chunks(&blobs, &BlobStore::chunkReceived);
        const auto bytes = blobs.fetch(m_trace.dataSha256);
        QVERIFY2(bytes, qPrintable(bytes ? QString() : bytes.error().message));
        QCOMPARE(chunks.count(), 4); // the six chunks less the two kept before the cut
        QCOMPARE(BlobAddress::of(*bytes), m_trace.dataSha256);
        QCOMPARE(sqlNumber(consulting->connection(), QStringLiteral("SELECT count(*) FROM blob_download_chunk")), 0);
        const auto loaded = traces.loadTrace(**row);
        QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().message));
        QCOMPARE(loaded->sampleCount(), syntheticTrace().sampleCount());
        // Asked again, it is the local copy: nothing goes over the network.
        const qint64 before = connection->bytesReceived();
        QVERIFY(blobs.fetch(m_trace.dataSha256));
        QCOMPARE(connection->bytesReceived(), before);
    }
    void aClinicMayHave64UploadsUnderWayAndAWeekOldOneMakesRoom()
    {
        const QString token = login(QStringLiteral("dr-zhao")); // clinic-b, no uploads yet
        const auto startUpload = [&](int i) {
            const QByteArray bytes = QByteArray("upload ") + QByteArray::number(i) + QByteArray(100, 'x');
            return putChunk(
                token, BlobAddress::of(bytes), bytes.size() + 1, 0, bytes); // one byte short of done
        };
        for (int i = 0; i < 64; ++i)
            QCOMPARE(startUpload(i).status, 200);
        HttpReply reply = startUpload(64);
        QCOMPARE(reply.status, 429);
        QCOMPARE(errorCode(reply), QStringLiteral("blob.too-many-uploads"));

        // One of them left for eight days, as by a workstation gone for good.
        {
            auto center = CenterDatabase::open(m_center.databaseLocation());
            QVERIFY2(center, qPrintable(center ? QString() : center.error().message));
            QSqlQuery age((*center)->connection());
            QVERIFY(age.exec(QStringLiteral(
                "UPDATE blob_upload SET updated_at = updated_at - 8 * 24 * 3600 WHERE sha256 = '%1'")
                                 .arg(BlobAddress::of(QByteArray("upload 0") + QByteArray(100, 'x')))));
            QCOMPARE(age.numRowsAffected(), 1);
        }
        QCOMPARE(startUpload(64).status, 200);
        QCOMPARE(errorCode(startUpload(65)), QStringLiteral("blob.too-many-uploads"));
    }
};

QTEST_GUILESS_MAIN(TestBlobSync)
#include "tst_blobsync.moc"
