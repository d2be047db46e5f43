// The sync engine against a real obslink-center over HTTPS on 127.0.0.1 with a test CA: merge
// and conflict between devices, replay, resumption after kills on either side, certificate and
// token checks, clinic isolation, and hostile request bodies.
#include "sqlscalar.h"
#include "storage/clinicrecords.h"
#include "storage/database.h"
#include "storage/patientrepository.h"
#include "storage/syncjournal.h"
#include "sync-protocol/protocolcodec.h"
#include "sync/centerconnection.h"
#include "sync/syncengine.h"
#include "testcenter.h"
#include "testproxy.h"
#include "ultrasound-exams/ultrasoundreportrepository.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QSslKey>
#include <QTcpSocket>
#include <QTest>

#include <memory>
#include <vector>

namespace {
using HttpReply = CenterReply;

} // namespace

class TestSyncIntegration : public QObject
{
    Q_OBJECT

private:
    TestCenter m_center;
    int m_caches = 0;

    std::unique_ptr<Database> openCache(const QString &clinic, const QString &author)
    {
        auto db = Database::open(m_center.path(QStringLiteral("cache-%1.db").arg(++m_caches)), {clinic, author});
        return db ? std::move(*db) : nullptr;
    }

    Patient registerWoman(Database &db, const QString &name)
    {
        Patient patient;
        patient.name = name;
        patient.birthDate = QDate(1992, 4, 5);
        patient.phone = QStringLiteral("13800000000");
        Pregnancy pregnancy;
        pregnancy.lmp = QDate::currentDate().addDays(-100);
        pregnancy.bookingDate = QDate::currentDate().addDays(-30);
        ClinicRecords records(db);
        const auto saved = records.registerPregnancy(patient, pregnancy);
        if (!saved)
            qWarning() << saved.error().message;
        return patient;
    }

    Result<SyncSummary> sync(Database &db, const QString &user, CenterEndpoint endpoint = {})
    {
        if (endpoint.baseUrl.isEmpty())
            endpoint = CenterEndpoint{QUrl(m_center.url()), m_center.caFile(), {}, 10000};
        SyncJournal journal(db.connection());
        const auto deviceId = journal.deviceId();
        if (!deviceId)
            return tl::unexpected(deviceId.error());
        CenterConnection connection(endpoint);
        if (auto loggedIn = connection.login(user, QStringLiteral("obslink-demo"), *deviceId); !loggedIn)
            return tl::unexpected(loggedIn.error());
        SyncEngine engine(db.connection(), connection);
        return engine.syncOnce();
    }

    HttpReply request(const QByteArray &method, const QString &path, const QByteArray &body, const QString &token = {},
                      const QString &center = {})
    {
        return m_center.request(method, path, body, token, {}, center);
    }

    QString login(const QString &user, const QString &device = QStringLiteral("test-device"), const QString &center = {})
    {
        return request("POST", QStringLiteral("/api/v1/login"),
                       QJsonDocument(QJsonObject{{QStringLiteral("username"), user},
                                                 {QStringLiteral("password"), QStringLiteral("obslink-demo")},
                                                 {QStringLiteral("deviceId"), device}})
                           .toJson(),
                       {}, center)
            .body.value(QStringLiteral("accessToken"))
            .toString();
    }

    QProcess *startCliSync(const QString &cachePath, const QString &user, const QStringList &extra)
    {
        auto *process = new QProcess(this);
        process->start(TestCenter::cliBinary(), QStringList{QStringLiteral("sync"), QStringLiteral("--db"), cachePath, QStringLiteral("--server"),
                                                            m_center.url(), QStringLiteral("--ca"), m_center.caFile(), QStringLiteral("--user"),
                                                            user, QStringLiteral("--password-file"), m_center.passwordFile()}
                           + extra);
        return process;
    }

    std::unique_ptr<Database> demoCache(int patients)
    {
        const QString path = m_center.path(QStringLiteral("demo-%1.db").arg(++m_caches));
        QProcess generator;
        generator.start(TestCenter::cliBinary(), {QStringLiteral("demo-data"), QStringLiteral("--db"), path, QStringLiteral("--patients"),
                                                  QString::number(patients), QStringLiteral("--clinic"), QStringLiteral("clinic-a")});
        if (!generator.waitForFinished(120000) || generator.exitCode() != 0)
            return nullptr;
        auto db = Database::open(path, {QStringLiteral("clinic-a"), QStringLiteral("demo")});
        return db ? std::move(*db) : nullptr;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_center.prepare(), qPrintable(m_center.lastError()));
        QVERIFY2(m_center.start(), qPrintable(m_center.lastError()));
    }

    void registrationOnOneDeviceReachesAnotherDeviceOfTheClinic()
    {
        auto reception = openCache(QStringLiteral("clinic-a"), QStringLiteral("dr-wang"));
        auto consulting = openCache(QStringLiteral("clinic-a"), QStringLiteral("nurse-li"));
        QVERIFY(reception && consulting);
        const Patient patient = registerWoman(*reception, QStringLiteral("林晓梅"));
        const auto pushed = sync(*reception, QStringLiteral("dr-wang"));
        QVERIFY2(pushed, qPrintable(pushed ? QString() : pushed.error().message));
        QCOMPARE(pushed->pushed, 2); // the woman and her pregnancy
        QCOMPARE(sqlNumber(reception->connection(), QStringLiteral("SELECT count(*) FROM sync_outbox")), 0);
        const auto pulled = sync(*consulting, QStringLiteral("nurse-li"));
        QVERIFY(pulled);
        auto found = PatientRepository(*consulting).find(patient.meta.id);
        QVERIFY(found && *found);
        QCOMPARE((*found)->name, QStringLiteral("林晓梅"));
        // The list columns derived locally are rebuilt for pulled records.
        QVERIFY(sqlNumber(consulting->connection(), QStringLiteral("SELECT count(*) FROM patient WHERE list_edd IS NOT NULL AND current_pregnancy_id IS NOT NULL")) >= 1);
        // Nothing pulled is echoed back to the center.
        QCOMPARE(sqlNumber(consulting->connection(), QStringLiteral("SELECT count(*) FROM sync_outbox")), 0);
    }

    void signedUltrasoundReportReachesTheClinicSignedAndReadOnly()
    {
        auto reading = openCache(QStringLiteral("clinic-a"), QStringLiteral("dr-wang"));
        auto clinic = openCache(QStringLiteral("clinic-a"), QStringLiteral("nurse-li"));
        QVERIFY(reading && clinic);
        const Patient patient = registerWoman(*reading, QStringLiteral("周雨"));
        QSqlQuery query(reading->connection());
        QVERIFY(query.exec(QStringLiteral("SELECT id FROM pregnancy WHERE patient_id = '%1'").arg(patient.meta.id.toString(QUuid::WithoutBraces))) && query.next());
        UltrasoundReport report;
        report.pregnancyId = QUuid::fromString(query.value(0).toString());
        report.studyInstanceUid = QStringLiteral("1.2.826.0.1.3680043.99.1");
        report.examDate = QDate::currentDate();
        report.fetusCount = 1;
        report.heartActivity = UltrasoundReport::HeartActivity::Present;
        report.heartRateBpm = 140;
        report.impression = QStringLiteral("宫内妊娠，单活胎。");
        report.reader = QStringLiteral("dr-wang");
        UltrasoundReportRepository repository(*reading);
        QVERIFY(repository.save(report));
        QVERIFY(repository.sign(report, QStringLiteral("dr-wang"), QDateTime::currentDateTimeUtc()));
        const auto pushed = sync(*reading, QStringLiteral("dr-wang"));
        QVERIFY2(pushed, qPrintable(pushed ? QString() : pushed.error().message));
        QCOMPARE(pushed->refused, 0);
        QCOMPARE(pushed->pushed, 4); // woman, pregnancy, report and its signature
        QCOMPARE(sqlNumber(reading->connection(), QStringLiteral("SELECT count(*) FROM sync_outbox")), 0);
        QVERIFY(sync(*clinic, QStringLiteral("nurse-li")));
        UltrasoundReportRepository pulledReports(*clinic);
        const auto pulled = pulledReports.forStudy(report.studyInstanceUid);
        QVERIFY(pulled);
        QCOMPARE(pulled->size(), 1);
        UltrasoundReport there = pulled->first();
        QVERIFY(there.isSigned());
        QCOMPARE(there.signedBy, QStringLiteral("dr-wang"));
        QCOMPARE(there.heartRateBpm, std::optional<int>(140));
        QCOMPARE(there.impression, report.impression);
        there.impression = QStringLiteral("changed at the clinic");
        QCOMPARE(pulledReports.save(there).error().code, QStringLiteral("usreport.signed"));
    }

    void replayedPushChangesNothing()
    {
        const QString token = login(QStringLiteral("dr-wang"));
        QVERIFY(!token.isEmpty());
        const QString patientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        PushRequest push{QStringLiteral("replay-device"),
                         {Mutation{QStringLiteral("replay-1"), QStringLiteral("patient"), patientId, Mutation::Operation::Insert, 0,
                                   QJsonObject{{QStringLiteral("clinic_id"), QStringLiteral("clinic-a")}, {QStringLiteral("created_at"), QStringLiteral("2026-01-01T00:00:00Z")},
                                               {QStringLiteral("updated_at"), QStringLiteral("2026-01-01T00:00:00Z")}, {QStringLiteral("author"), QStringLiteral("t")},
                                               {QStringLiteral("name"), QStringLiteral("重放")}}}}};
        const HttpReply first = request("POST", QStringLiteral("/api/v1/sync/push"), ProtocolCodec::encode(push), token);
        QCOMPARE(first.status, 200);
        const QString cursorAfterFirst = request("GET", QStringLiteral("/api/v1/sync/pull?limit=2000"), {}, token).body.value(QStringLiteral("nextCursor")).toString();
        const HttpReply second = request("POST", QStringLiteral("/api/v1/sync/push"), ProtocolCodec::encode(push), token);
        QCOMPARE(second.status, 200);
        const auto outcomes = ProtocolCodec::decodePushResponse(QJsonDocument(second.body).toJson());
        QVERIFY(outcomes);
        QCOMPARE(outcomes->outcomes.first().status, MutationOutcome::Status::Duplicate);
        const HttpReply after = request("GET", QStringLiteral("/api/v1/sync/pull?cursor=") + cursorAfterFirst, {}, token);
        QCOMPARE(after.body.value(QStringLiteral("changes")).toArray().size(), 0);
    }

    void editsOfDifferentFieldsMergeAndEditsOfOneFieldConflict()
    {
        auto first = openCache(QStringLiteral("clinic-a"), QStringLiteral("dr-wang"));
        auto second = openCache(QStringLiteral("clinic-a"), QStringLiteral("nurse-li"));
        Patient patient = registerWoman(*first, QStringLiteral("周丽"));
        QVERIFY(sync(*first, QStringLiteral("dr-wang")));
        QVERIFY(sync(*second, QStringLiteral("nurse-li")));
        auto onSecond = PatientRepository(*second).find(patient.meta.id);
        QVERIFY(onSecond && *onSecond);
        Patient secondCopy = **onSecond;

        patient.phone = QStringLiteral("13911112222");
        QVERIFY(PatientRepository(*first).save(patient));
        secondCopy.address = QStringLiteral("东区幸福路 8 号");
        QVERIFY(PatientRepository(*second).save(secondCopy));
        QVERIFY(sync(*first, QStringLiteral("dr-wang")));
        const auto merged = sync(*second, QStringLiteral("nurse-li"));
        QVERIFY(merged);
        QCOMPARE(merged->conflicts, 0);
        QVERIFY(sync(*first, QStringLiteral("dr-wang")));
        for (Database *db : {first.get(), second.get()}) {
            const auto copy = PatientRepository(*db).find(patient.meta.id);
            QCOMPARE((*copy)->phone, QStringLiteral("13911112222"));
            QCOMPARE((*copy)->address, QStringLiteral("东区幸福路 8 号"));
        }

        // Both change the name: the second to push gets a conflict with both values kept.
        patient = **PatientRepository(*first).find(patient.meta.id);
        secondCopy = **PatientRepository(*second).find(patient.meta.id);
        patient.name = QStringLiteral("周丽华");
        secondCopy.name = QStringLiteral("周莉");
        QVERIFY(PatientRepository(*first).save(patient));
        QVERIFY(PatientRepository(*second).save(secondCopy));
        QVERIFY(sync(*first, QStringLiteral("dr-wang")));
        const auto conflicted = sync(*second, QStringLiteral("nurse-li"));
        QVERIFY(conflicted);
        QCOMPARE(conflicted->conflicts, 1);
        QSqlQuery kept(second->connection());
        QVERIFY(kept.exec(QStringLiteral("SELECT field, local_value, center_value FROM sync_conflict WHERE resolved_at IS NULL AND field <> ''")));
        QVERIFY(kept.next());
        QCOMPARE(kept.value(0).toString(), QStringLiteral("name"));
        QVERIFY(kept.value(1).toString().contains(QStringLiteral("周莉")));
        QVERIFY(kept.value(2).toString().contains(QStringLiteral("周丽华")));
        // The center's value was not overwritten.
        QVERIFY(sync(*first, QStringLiteral("dr-wang")));
        QCOMPARE((*PatientRepository(*first).find(patient.meta.id))->name, QStringLiteral("周丽华"));
    }

    void clinicCannotSeeOrChangeAnotherClinicsWomanUntilReferred()
    {
        auto clinicA = openCache(QStringLiteral("clinic-a"), QStringLiteral("dr-wang"));
        auto clinicB = openCache(QStringLiteral("clinic-b"), QStringLiteral("dr-zhao"));
        const Patient patient = registerWoman(*clinicA, QStringLiteral("郑敏"));
        QVERIFY(sync(*clinicA, QStringLiteral("dr-wang")));
        QVERIFY(sync(*clinicB, QStringLiteral("dr-zhao")));
        QVERIFY(!*PatientRepository(*clinicB).find(patient.meta.id));

        const QString tokenB = login(QStringLiteral("dr-zhao"));
        PushRequest hostile{QStringLiteral("b-device"),
                            {Mutation{QStringLiteral("steal-1"), QStringLiteral("patient"), patient.meta.id.toString(QUuid::WithoutBraces),
                                      Mutation::Operation::Update, 1, QJsonObject{{QStringLiteral("name"), QStringLiteral("x")}}}}};
        const HttpReply refused = request("POST", QStringLiteral("/api/v1/sync/push"), ProtocolCodec::encode(hostile), tokenB);
        const auto outcome = ProtocolCodec::decodePushResponse(QJsonDocument(refused.body).toJson());
        QVERIFY(outcome);
        QCOMPARE(outcome->outcomes.first().status, MutationOutcome::Status::Rejected);
        QCOMPARE(outcome->outcomes.first().errorCode, QStringLiteral("sync.forbidden"));

        // A referral from clinic A makes her whole record visible to clinic B.
        const HttpReply referred = request("POST", QStringLiteral("/api/v1/referrals"),
                                           QJsonDocument(QJsonObject{{QStringLiteral("patientId"), patient.meta.id.toString(QUuid::WithoutBraces)},
                                                                     {QStringLiteral("clinicId"), QStringLiteral("clinic-b")}})
                                               .toJson(),
                                           login(QStringLiteral("dr-wang")));
        QCOMPARE(referred.status, 200);
        QVERIFY(sync(*clinicB, QStringLiteral("dr-zhao")));
        QVERIFY(*PatientRepository(*clinicB).find(patient.meta.id));
        QCOMPARE(sqlNumber(clinicB->connection(), QStringLiteral("SELECT count(*) FROM pregnancy WHERE patient_id = '%1'").arg(patient.meta.id.toString(QUuid::WithoutBraces))), 1);
    }

    void untrustedOrMismatchedCertificateIsRefused()
    {
        auto cache = openCache(QStringLiteral("clinic-a"), QStringLiteral("dr-wang"));
        const auto noRegionalCa = sync(*cache, QStringLiteral("dr-wang"), CenterEndpoint{QUrl(m_center.url()), {}, {}, 10000});
        QVERIFY(!noRegionalCa);
        QCOMPARE(noRegionalCa.error().code, QStringLiteral("sync.tls"));
        const auto otherCa = sync(*cache, QStringLiteral("dr-wang"), CenterEndpoint{QUrl(m_center.url()), m_center.selfSignedCaFile(), {}, 10000});
        QVERIFY(!otherCa);
        QCOMPARE(otherCa.error().code, QStringLiteral("sync.tls"));
        const auto wrongPin = sync(*cache, QStringLiteral("dr-wang"),
                                   CenterEndpoint{QUrl(m_center.url()), m_center.caFile(), QByteArrayLiteral("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="), 10000});
        QVERIFY(!wrongPin);
        QCOMPARE(wrongPin.error().code, QStringLiteral("sync.tls"));
        QFile certificate(m_center.path(QStringLiteral("server.pem")));
        QVERIFY(certificate.open(QIODevice::ReadOnly));
        const QByteArray pin = QCryptographicHash::hash(QSslCertificate(certificate.readAll()).publicKey().toDer(), QCryptographicHash::Sha256).toBase64();
        QVERIFY(sync(*cache, QStringLiteral("dr-wang"), CenterEndpoint{QUrl(m_center.url()), m_center.caFile(), pin, 10000}));
    }

    void plainHttpGetsNoAnswer()
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_center.port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        socket.waitForReadyRead(2000);
        QVERIFY(!socket.readAll().startsWith("HTTP/"));
    }

    void garbageTruncatedAndHugeBodiesAreRefusedCleanly()
    {
        const QString token = login(QStringLiteral("dr-wang"));
        const HttpReply garbage = request("POST", QStringLiteral("/api/v1/sync/push"), QByteArrayLiteral("\x01\x02not json"), token);
        QCOMPARE(garbage.status, 400);
        QCOMPARE(garbage.body.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("protocol.invalid"));
        const HttpReply truncated = request("POST", QStringLiteral("/api/v1/sync/push"), QByteArrayLiteral("{\"deviceId\":\"d\",\"mutations\":[{\"mutat"), token);
        QCOMPARE(truncated.status, 400);
        const HttpReply wrongShape = request("POST", QStringLiteral("/api/v1/sync/push"),
                                             QByteArrayLiteral("{\"deviceId\":\"d\",\"mutations\":[{\"mutationId\":\"m\",\"table\":\"patient\","
                                                               "\"recordId\":\"r\",\"operation\":\"drop\",\"baseRevision\":0,\"fields\":{}}]}"),
                                             token);
        QCOMPARE(wrongShape.status, 400);
        const HttpReply huge = request("POST", QStringLiteral("/api/v1/sync/push"), QByteArray(9 * 1024 * 1024, '['), token);
        QCOMPARE(huge.status, 413);
        QCOMPARE(request("POST", QStringLiteral("/api/v1/sync/push"), QByteArrayLiteral("{}"), QStringLiteral("forged")).status, 401);
        QCOMPARE(request("GET", QStringLiteral("/api/v1/nothing"), {}, token).status, 404);
        QCOMPARE(request("GET", QStringLiteral("/health"), {}).status, 200);
        // Each refusal is logged with its code (one JSON line per request on stderr).
        QFile log(m_center.path(QStringLiteral("center.log")));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QByteArray lines = log.readAll();
        QVERIFY(lines.contains(R"("error":"protocol.invalid")"));
        QVERIFY(lines.contains(R"("error":"protocol.too-large")"));
        QVERIFY(lines.contains(R"("error":"auth.invalid-token")"));
    }

    void repeatedWrongPasswordsLockTheAccount()
    {
        const QByteArray wrong = QJsonDocument(QJsonObject{{QStringLiteral("username"), QStringLiteral("us-chen")},
                                                           {QStringLiteral("password"), QStringLiteral("guess-guess")},
                                                           {QStringLiteral("deviceId"), QStringLiteral("d")}})
                                     .toJson();
        // Five are free; the sixth closes sign-in from this (new) device for a minute
        // (SignInThrottle; tst_passwords and tst_signinthrottle check the rest).
        for (int attempt = 0; attempt < 6; ++attempt)
            QCOMPARE(request("POST", QStringLiteral("/api/v1/login"), wrong).status, 401);
        const HttpReply locked = request("POST", QStringLiteral("/api/v1/login"),
                                         QJsonDocument(QJsonObject{{QStringLiteral("username"), QStringLiteral("us-chen")},
                                                                   {QStringLiteral("password"), QStringLiteral("obslink-demo")},
                                                                   {QStringLiteral("deviceId"), QStringLiteral("d")}})
                                             .toJson());
        QCOMPARE(locked.status, 403);
        QCOMPARE(locked.body.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("auth.locked"));
    }

    void clientKilledMidPullResumesWithoutLossOrDuplicates()
    {
        auto source = demoCache(120);
        QVERIFY(source);
        SyncJournal(source->connection()).publishAll();
        QVERIFY(sync(*source, QStringLiteral("dr-wang")));
        const qint64 visits = sqlNumber(source->connection(), QStringLiteral("SELECT count(*) FROM antenatal_visit"));
        QVERIFY(visits > 100);

        const QString path = m_center.path(QStringLiteral("killed-pull.db"));
        { auto created = Database::open(path, {QStringLiteral("clinic-a"), QStringLiteral("nurse-li")}); QVERIFY(created); }
        QProcess *cli = startCliSync(path, QStringLiteral("nurse-li"), {QStringLiteral("--page-size"), QStringLiteral("20")});
        auto watcher = Database::open(path, {QStringLiteral("clinic-a"), QStringLiteral("watcher")});
        QVERIFY(watcher);
        QTRY_VERIFY_WITH_TIMEOUT(sqlNumber((*watcher)->connection(), QStringLiteral("SELECT count(*) FROM sync_state WHERE key = 'pull_cursor'")) == 1, 20000);
        QVERIFY2(cli->state() == QProcess::Running, "the pull finished before it could be cut");
        cli->kill();
        cli->waitForFinished();
        QVERIFY(sqlNumber((*watcher)->connection(), QStringLiteral("SELECT count(*) FROM antenatal_visit")) < visits);
        QProcess *again = startCliSync(path, QStringLiteral("nurse-li"), {});
        QVERIFY(again->waitForFinished(60000));
        QCOMPARE(again->exitCode(), 0);
        QVERIFY(sqlNumber((*watcher)->connection(), QStringLiteral("SELECT count(*) FROM antenatal_visit")) >= visits);
        QCOMPARE(sqlNumber((*watcher)->connection(), QStringLiteral("SELECT count(*) FROM sync_outbox")), 0);
    }

    void centerKilledMidPushLosesAndDuplicatesNothing()
    {
        auto source = demoCache(120);
        QVERIFY(source);
        const auto queued = SyncJournal(source->connection()).publishAll();
        QVERIFY(queued && *queued > 500);
        QFile log(m_center.path(QStringLiteral("center.log")));
        const auto pushesLogged = [&] {
            log.open(QIODevice::ReadOnly);
            const int count = int(log.readAll().count("\"path\":\"/api/v1/sync/push\""));
            log.close();
            return count;
        };
        const int before = pushesLogged();
        QProcess *cli = startCliSync(source->path(), QStringLiteral("dr-wang"), {QStringLiteral("--page-size"), QStringLiteral("20")});
        QTRY_VERIFY_WITH_TIMEOUT(pushesLogged() >= before + 3, 20000);
        m_center.kill();
        cli->waitForFinished(30000);
        QVERIFY(cli->exitCode() != 0); // it noticed the center went away
        QVERIFY(sqlNumber(source->connection(), QStringLiteral("SELECT count(*) FROM sync_outbox")) > 0);
        QVERIFY2(m_center.start(), qPrintable(m_center.lastError()));
        const auto finished = sync(*source, QStringLiteral("dr-wang"));
        QVERIFY2(finished, qPrintable(finished ? QString() : finished.error().message));
        QCOMPARE(sqlNumber(source->connection(), QStringLiteral("SELECT count(*) FROM sync_outbox")), 0);
        // A fresh device of the clinic receives every visit exactly once.
        auto fresh = openCache(QStringLiteral("clinic-a"), QStringLiteral("nurse-li"));
        QVERIFY(sync(*fresh, QStringLiteral("nurse-li")));
        QSqlQuery ids(source->connection());
        QVERIFY(ids.exec(QStringLiteral("SELECT id FROM antenatal_visit")));
        int checked = 0;
        while (ids.next()) {
            QCOMPARE(sqlNumber(fresh->connection(), QStringLiteral("SELECT count(*) FROM antenatal_visit WHERE id = '%1'").arg(ids.value(0).toString())), 1);
            ++checked;
        }
        QVERIFY(checked > 100);
    }

    void expiredAccessTokenIsRefreshed()
    {
        TestCenter shortTokens;
        QVERIFY2(shortTokens.prepare({QStringLiteral("--access-token-seconds"), QStringLiteral("1")}), qPrintable(shortTokens.lastError()));
        QVERIFY(shortTokens.start());
        auto cache = openCache(QStringLiteral("clinic-a"), QStringLiteral("dr-wang"));
        CenterConnection connection(CenterEndpoint{QUrl(shortTokens.url()), shortTokens.caFile(), {}, 10000});
        QVERIFY(connection.login(QStringLiteral("dr-wang"), QStringLiteral("obslink-demo"), QStringLiteral("device-x")));
        const QString firstToken = connection.session().accessToken;
        QTest::qWait(2100); // let the access token expire: a real clock, as the center's
        registerWoman(*cache, QStringLiteral("刷新"));
        SyncEngine engine(cache->connection(), connection);
        const auto summary = engine.syncOnce();
        QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().message));
        QCOMPARE(summary->pushed, 2);
        QVERIFY(connection.session().accessToken != firstToken);
    }

    void twoCenterProcessesOnOneDatabaseServeTheClinicAsOne()
    {
        // What a TLS proxy in front of several centers relies on: nothing but the database holds
        // state, so any process answers any request of the round.
        const QString other = m_center.startAnotherInstance();
        QVERIFY2(!other.isEmpty(), qPrintable(m_center.lastError()));
        auto reception = openCache(QStringLiteral("clinic-a"), QStringLiteral("dr-wang"));
        auto consulting = openCache(QStringLiteral("clinic-a"), QStringLiteral("nurse-li"));
        QVERIFY(reception && consulting);
        const Patient patient = registerWoman(*reception, QStringLiteral("沈佳宁"));
        const auto pushed = sync(*reception, QStringLiteral("dr-wang"));
        QVERIFY2(pushed, qPrintable(pushed ? QString() : pushed.error().message));
        QCOMPARE(pushed->pushed, 2);
        const auto pulled = sync(*consulting, QStringLiteral("nurse-li"), CenterEndpoint{QUrl(other), m_center.caFile(), {}, 10000});
        QVERIFY2(pulled, qPrintable(pulled ? QString() : pulled.error().message));
        auto found = PatientRepository(*consulting).find(patient.meta.id);
        QVERIFY(found && *found);
        QCOMPARE((*found)->name, QStringLiteral("沈佳宁"));
        // A token issued by one process is honoured by the other, and a wrong one by neither.
        const QString token = login(QStringLiteral("dr-wang"));
        QVERIFY(!token.isEmpty());
        QCOMPARE(request("GET", QStringLiteral("/api/v1/sync/pull?limit=10"), {}, token, other).status, 200);
        QCOMPARE(request("GET", QStringLiteral("/api/v1/sync/pull?limit=10"), {}, token + QLatin1Char('x'), other).status, 401);
    }

    void centersBehindTheShippedNginxSiteServeTheRegionAndOutliveOneOfThem()
    {
        if (TestProxy::nginxBinary().isEmpty())
            QSKIP("nginx is not installed (scripts/install-deps.sh installs it)");
        const QString other = m_center.startAnotherInstance();
        QVERIFY2(!other.isEmpty(), qPrintable(m_center.lastError()));
        TestProxy proxy;
        QVERIFY2(proxy.start(m_center, {m_center.port(), quint16(QUrl(other).port())}), qPrintable(proxy.lastError()));
        const CenterEndpoint throughProxy{QUrl(proxy.url()), m_center.caFile(), {}, 10000};

        auto reception = openCache(QStringLiteral("clinic-a"), QStringLiteral("dr-wang"));
        auto consulting = openCache(QStringLiteral("clinic-a"), QStringLiteral("nurse-li"));
        QVERIFY(reception && consulting);
        const Patient patient = registerWoman(*reception, QStringLiteral("钱雨桐"));
        const auto pushed = sync(*reception, QStringLiteral("dr-wang"), throughProxy);
        QVERIFY2(pushed, qPrintable(pushed ? QString() : pushed.error().message));
        QCOMPARE(pushed->pushed, 2);
        const QString token = login(QStringLiteral("dr-wang"), QStringLiteral("test-device"), proxy.url());
        QVERIFY(!token.isEmpty());

        // One center goes away; the proxy passes over it and the other honours the same token.
        m_center.kill();
        for (int i = 0; i < 4; ++i)
            QCOMPARE(request("GET", QStringLiteral("/api/v1/me"), {}, token, proxy.url()).status, 200);
        const auto pulled = sync(*consulting, QStringLiteral("nurse-li"), throughProxy);
        QVERIFY2(pulled, qPrintable(pulled ? QString() : pulled.error().message));
        auto found = PatientRepository(*consulting).find(patient.meta.id);
        QVERIFY(found && *found);
        QCOMPARE((*found)->name, QStringLiteral("钱雨桐"));
        QVERIFY2(m_center.start(), qPrintable(m_center.lastError()));
    }

    void centersStartingTogetherOnANewDatabaseAllFindItReady()
    {
        // Behind a TLS proxy every center process brings the schema up to date when it starts
        // (obslink-center.service runs --init first); started together, none may fail.
        TestCenter fresh; // a new, empty database of its own (SQLite or PostgreSQL)
        std::vector<std::unique_ptr<QProcess>> inits;
        for (int i = 0; i < 4; ++i) {
            inits.push_back(std::make_unique<QProcess>());
            inits.back()->start(QStringLiteral(OBSLINK_CENTER_BINARY),
                                {QStringLiteral("--db"), fresh.databaseLocation(), QStringLiteral("--init")});
        }
        for (const auto &init : inits) {
            QVERIFY(init->waitForFinished(60000));
            QVERIFY2(init->exitStatus() == QProcess::NormalExit && init->exitCode() == 0,
                     init->readAllStandardError().constData());
            QVERIFY(init->readAllStandardOutput().contains("Database schema at version"));
        }
    }

    void gracefulStopExitsCleanly()
    {
        QVERIFY(m_center.stop());
    }
};

QTEST_GUILESS_MAIN(TestSyncIntegration)
#include "tst_syncintegration.moc"
