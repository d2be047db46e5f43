// The sync messages' JSON form: round trips, and strict refusal of what a hostile peer sends.
#include "sync-protocol/protocolcodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

class TestSyncProtocol : public QObject
{
    Q_OBJECT

private slots:
    void pushRequestRoundTrips()
    {
        PushRequest request{QStringLiteral("device-1"),
                            {Mutation{QStringLiteral("m-1"), QStringLiteral("patient"), QStringLiteral("p-1"), Mutation::Operation::Update, 7,
                                      QJsonObject{{QStringLiteral("name"), QStringLiteral("王芳")}, {QStringLiteral("deleted"), 0},
                                                  {QStringLiteral("phone"), QJsonValue::Null}}}}};
        const auto decoded = ProtocolCodec::decodePushRequest(ProtocolCodec::encode(request));
        QVERIFY(decoded);
        QCOMPARE(decoded->deviceId, request.deviceId);
        QCOMPARE(decoded->mutations.size(), 1);
        QCOMPARE(decoded->mutations[0].baseRevision, 7);
        QCOMPARE(decoded->mutations[0].operation, Mutation::Operation::Update);
        QCOMPARE(decoded->mutations[0].fields, request.mutations[0].fields);
    }

    void pushResponseKeepsConflictsAndErrors()
    {
        MutationOutcome conflict{QStringLiteral("m-1"), MutationOutcome::Status::Conflict, 3,
                                 {FieldConflict{QStringLiteral("name"), QStringLiteral("a"), QStringLiteral("b")}}, {}, {}};
        MutationOutcome refused{QStringLiteral("m-2"), MutationOutcome::Status::Rejected, 0, {}, QStringLiteral("sync.forbidden"), QStringLiteral("no")};
        const auto decoded = ProtocolCodec::decodePushResponse(ProtocolCodec::encode(PushResponse{{conflict, refused}}));
        QVERIFY(decoded);
        QCOMPARE(decoded->outcomes[0].conflicts[0].serverValue.toString(), QStringLiteral("a"));
        QCOMPARE(decoded->outcomes[1].errorCode, QStringLiteral("sync.forbidden"));
    }

    void hostileMessagesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        QTest::newRow("not json") << QByteArray("]]") << "protocol.invalid";
        QTest::newRow("array") << QByteArray("[]") << "protocol.invalid";
        QTest::newRow("unknown key") << QByteArray(R"({"deviceId":"d","mutations":[],"admin":true})") << "protocol.invalid";
        QTest::newRow("missing device") << QByteArray(R"({"mutations":[]})") << "protocol.invalid";
        QTest::newRow("sql in table") << QByteArray(R"({"deviceId":"d","mutations":[{"mutationId":"m","table":"patient; DROP TABLE x","recordId":"r","operation":"insert","baseRevision":0,"fields":{}}]})")
                                      << "protocol.invalid";
        QTest::newRow("nested field value") << QByteArray(R"({"deviceId":"d","mutations":[{"mutationId":"m","table":"patient","recordId":"r","operation":"insert","baseRevision":0,"fields":{"name":{"a":1}}}]})")
                                            << "protocol.invalid";
        QTest::newRow("negative revision") << QByteArray(R"({"deviceId":"d","mutations":[{"mutationId":"m","table":"patient","recordId":"r","operation":"update","baseRevision":-1,"fields":{}}]})")
                                           << "protocol.invalid";
        QTest::newRow("fractional revision") << QByteArray(R"({"deviceId":"d","mutations":[{"mutationId":"m","table":"patient","recordId":"r","operation":"update","baseRevision":1.5,"fields":{}}]})")
                                             << "protocol.invalid";
        // Found by the fuzzer: converting a number beyond 64 bits was undefined behaviour.
        QTest::newRow("revision beyond 64 bits") << QByteArray(R"({"deviceId":"d","mutations":[{"mutationId":"m","table":"patient","recordId":"r","operation":"update","baseRevision":5.5e99,"fields":{}}]})")
                                                 << "protocol.invalid";
        QTest::newRow("revision beyond the exact range") << QByteArray(R"({"deviceId":"d","mutations":[{"mutationId":"m","table":"patient","recordId":"r","operation":"update","baseRevision":4503599627370497,"fields":{}}]})")
                                                         << "protocol.invalid";
        QTest::newRow("field name with dot") << QByteArray(R"({"deviceId":"d","mutations":[{"mutationId":"m","table":"patient","recordId":"r","operation":"insert","baseRevision":0,"fields":{"a.b":1}}]})")
                                             << "protocol.invalid";
    }

    void hostileMessagesAreRefused()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        const auto decoded = ProtocolCodec::decodePushRequest(body);
        QVERIFY(!decoded);
        QCOMPARE(decoded.error().code, code);
        QVERIFY(!decoded.error().message.isEmpty());
    }

    void limitsAreEnforcedOnBothSidesOfTheBoundary()
    {
        ProtocolLimits limits;
        limits.maxMutationsPerPush = 2;
        const auto batch = [](int n) {
            PushRequest request{QStringLiteral("d"), {}};
            for (int i = 0; i < n; ++i)
                request.mutations.append(Mutation{QStringLiteral("m%1").arg(i), QStringLiteral("patient"), QStringLiteral("r%1").arg(i),
                                                  Mutation::Operation::Insert, 0, {}});
            return ProtocolCodec::encode(request);
        };
        QVERIFY(ProtocolCodec::decodePushRequest(batch(2), limits));
        const auto tooMany = ProtocolCodec::decodePushRequest(batch(3), limits);
        QVERIFY(!tooMany);
        QCOMPARE(tooMany.error().code, QStringLiteral("protocol.too-large"));
        limits.maxBodyBytes = batch(2).size();
        QVERIFY(ProtocolCodec::decodePushRequest(batch(2), limits));
        limits.maxBodyBytes -= 1;
        QCOMPARE(ProtocolCodec::decodePushRequest(batch(2), limits).error().code, QStringLiteral("protocol.too-large"));
    }

    void pullResponseFromAHostileServerIsRefused()
    {
        QVERIFY(!ProtocolCodec::decodePullResponse(R"({"changes":[{"sequence":0,"table":"t","recordId":"r","revision":1,"fields":{}}],"nextCursor":"1","more":false})"));
        QVERIFY(!ProtocolCodec::decodePullResponse(R"({"changes":[],"nextCursor":"1 OR 1=1","more":false})"));
        QVERIFY(ProtocolCodec::decodePullResponse(R"({"changes":[],"nextCursor":"0","more":false})"));
    }
};

QTEST_GUILESS_MAIN(TestSyncProtocol)
#include "tst_syncprotocol.moc"
