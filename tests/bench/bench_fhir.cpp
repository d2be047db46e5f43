// bench: fhir_patient_identifier_p99 — GET /fhir/Patient?identifier=<national ID> over 100,000
//        women, as the platform (the whole region) and as a clinic (its half), p99 of 2,000
//        searches; target < 20 ms. Reference: the same look-up as one SQL query on the index.
// bench: fhir_observation_export — every Observation of 10,000 pregnancies (five visits with
//        blood pressure, weight and fundal height, three labs, the EDD) paged with _count=500.
#include "center/attachmentstore.h"
#include "center/centerapi.h"
#include "center/centerdatabase.h"
#include "center/identitystore.h"
#include "center/recordstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>

#include <algorithm>
#include <cstdio>

namespace {
QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString nationalId(int i)
{
    return QStringLiteral("1101051990%1").arg(i, 8, 10, QLatin1Char('0'));
}

QJsonObject meta(const QString &clinic)
{
    return { { QStringLiteral("clinic_id"), clinic },
        { QStringLiteral("created_at"), QStringLiteral("2026-01-01T00:00:00Z") },
        { QStringLiteral("updated_at"), QStringLiteral("2026-01-01T00:00:00Z") },
        { QStringLiteral("author"), QStringLiteral("bench") } };
}

Mutation insert(const QString &table, const QString &id, QJsonObject fields, const QString &clinic)
{
    const QJsonObject m = meta(clinic);
    for (auto it = m.begin(); it != m.end(); ++it)
        fields.insert(it.key(), it.value());
    return Mutation { uuid(), table, id, Mutation::Operation::Insert, 0, fields };
}

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.at(std::min(values.size() - 1, size_t(p * double(values.size()))));
}

void print(const char *name, double value, const char *unit)
{
    std::printf("bench: %s %.3f %s\n", name, value, unit);
    std::fflush(stdout);
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    auto database = CenterDatabase::open(dir.filePath(QStringLiteral("center.db")));
    if (!database || !(*database)->migrate()) {
        std::fprintf(stderr, "cannot create the center database\n");
        return 1;
    }
    IdentityStore identities(**database);
    RecordStore records(**database);
    AttachmentStore attachments(**database);
    CenterApi api(**database, identities, records, attachments);
    identities.addClinic(QStringLiteral("center"), QStringLiteral("Center"), true);
    identities.addClinic(QStringLiteral("clinic-a"), QStringLiteral("A"), false);
    identities.addClinic(QStringLiteral("clinic-b"), QStringLiteral("B"), false);
    identities.addUser(QStringLiteral("platform"), QStringLiteral("center"), QStringLiteral("platform"),
        QStringLiteral("P"), QStringLiteral("bench-password"), 1000,
        IdentityStore::InitialPassword::WellKnown);
    identities.addUser(QStringLiteral("admin-a"), QStringLiteral("clinic-a"), QStringLiteral("clinic-admin"),
        QStringLiteral("A"), QStringLiteral("bench-password"), 1000,
        IdentityStore::InitialPassword::WellKnown);
    identities.addUser(QStringLiteral("admin-b"), QStringLiteral("clinic-b"), QStringLiteral("clinic-admin"),
        QStringLiteral("B"), QStringLiteral("bench-password"), 1000,
        IdentityStore::InitialPassword::WellKnown);
    const auto platform = identities.login(
        QStringLiteral("platform"), QStringLiteral("bench-password"), QStringLiteral("d0"));
    const auto clinicA
        = identities.login(QStringLiteral("admin-a"), QStringLiteral("bench-password"), QStringLiteral("d1"));
    const auto adminA = clinicA ? identities.authenticate(clinicA->accessToken)
                                : Result<CenterUser>(failure(QString(), QString()));
    const auto adminB
        = identities.login(QStringLiteral("admin-b"), QStringLiteral("bench-password"), QStringLiteral("d2"))
              .and_then([&](const IssuedTokens &t) { return identities.authenticate(t.accessToken); });
    if (!platform || !adminA || !adminB) {
        std::fprintf(stderr, "cannot log in\n");
        return 1;
    }

    // 100,000 women, alternately at clinic A and clinic B, the first 10,000 with a pregnancy.
    constexpr int Women = 100000;
    constexpr int Pregnancies = 10000;
    QElapsedTimer fill;
    fill.start();
    QList<Mutation> batch;
    qint64 expectedObservations = 0;
    const auto flush = [&](const CenterUser &user) {
        if (batch.isEmpty())
            return true;
        const auto pushed = records.push(user, PushRequest { QStringLiteral("bench"), batch });
        batch.clear();
        return pushed.has_value();
    };
    // A clinic pushes its own records, parents before children, a few hundred women a push.
    for (int k = 0; k < 2; ++k) {
        const CenterUser &user = k == 0 ? *adminA : *adminB;
        const QString clinic = user.clinicId;
        for (int w = k; w < Women; w += 2) {
            const QString patient = uuid();
            batch.append(insert(QStringLiteral("patient"), patient,
                { { QStringLiteral("name"), QStringLiteral("Bench %1").arg(w) },
                    { QStringLiteral("national_id"), nationalId(w) },
                    { QStringLiteral("record_number"), QStringLiteral("MH%1").arg(w) },
                    { QStringLiteral("birth_date"), QStringLiteral("1990-01-01") } },
                clinic));
            if (w < Pregnancies) {
                const QString pregnancy = uuid();
                batch.append(insert(QStringLiteral("pregnancy"), pregnancy,
                    { { QStringLiteral("patient_id"), patient },
                        { QStringLiteral("lmp"), QStringLiteral("2026-01-01") },
                        { QStringLiteral("booking_date"), QStringLiteral("2026-02-20") } },
                    clinic));
                ++expectedObservations; // EDD
                for (int v = 0; v < 5; ++v) {
                    batch.append(insert(QStringLiteral("antenatal_visit"), uuid(),
                        { { QStringLiteral("pregnancy_id"), pregnancy },
                            { QStringLiteral("visit_date"),
                                QDate(2026, 2, 20).addDays(28 * v).toString(Qt::ISODate) },
                            { QStringLiteral("systolic_mmhg"), 110 + v },
                            { QStringLiteral("diastolic_mmhg"), 70 + v },
                            { QStringLiteral("weight_kg"), 60.0 + v },
                            { QStringLiteral("fundal_height_cm"), 14.0 + 4 * v } },
                        clinic));
                    expectedObservations += 3;
                }
                for (const char *test : { "hb", "plt", "glucose" }) {
                    batch.append(insert(QStringLiteral("lab_result"), uuid(),
                        { { QStringLiteral("pregnancy_id"), pregnancy },
                            { QStringLiteral("taken_on"), QStringLiteral("2026-02-20") },
                            { QStringLiteral("test"), QLatin1String(test) },
                            { QStringLiteral("value"), 110.0 } },
                        clinic));
                    ++expectedObservations;
                }
            }
            if (batch.size() >= 2000 && !flush(user)) {
                std::fprintf(stderr, "push failed\n");
                return 1;
            }
        }
        if (!flush(user)) {
            std::fprintf(stderr, "push failed\n");
            return 1;
        }
    }
    std::fprintf(stderr, "filled %d women in %.1f s\n", Women, double(fill.elapsed()) / 1000);

    const QByteArray platformAuth = "Bearer " + platform->accessToken.toLatin1();
    const QByteArray clinicAuth = "Bearer " + clinicA->accessToken.toLatin1();
    QRandomGenerator random(7);
    for (const auto &[name, auth, onlyEven] :
        { std::tuple { "fhir_patient_identifier_p99_platform", platformAuth, false },
            std::tuple { "fhir_patient_identifier_p99_clinic", clinicAuth, true } }) {
        std::vector<double> fhirMs;
        std::vector<double> sqlMs;
        for (int n = 0; n < 2000; ++n) {
            int w = int(random.bounded(Women));
            if (onlyEven)
                w &= ~1; // clinic A's women
            QUrlQuery query;
            query.addQueryItem(QStringLiteral("identifier"), nationalId(w));
            QElapsedTimer timer;
            timer.start();
            const ApiResponse response
                = api.handle(ApiRequest { "GET", QStringLiteral("/fhir/Patient"), query, auth, {}, {}, {} });
            fhirMs.push_back(double(timer.nsecsElapsed()) / 1e6);
            if (response.status != 200
                || QJsonDocument::fromJson(response.body)
                        .object()
                        .value(QStringLiteral("entry"))
                        .toArray()
                        .size()
                    != 1) {
                std::fprintf(stderr, "search for woman %d failed: %d %s\n", w, response.status,
                    response.body.left(300).constData());
                return 1;
            }
            timer.restart();
            QSqlQuery plain((*database)->connection());
            plain.prepare(QStringLiteral("SELECT r.fields FROM fhir_patient_identifier i JOIN synced_record "
                                         "r ON r.table_name = 'patient' "
                                         "AND r.record_id = i.patient_key WHERE i.identifier_value = ?"));
            plain.addBindValue(nationalId(w));
            if (!plain.exec() || !plain.next())
                return 1;
            sqlMs.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
        const double p99 = percentile(fhirMs, 0.99);
        print(name, p99, "ms");
        print((std::string(name) + "_vs_sql_lookup").c_str(), p99 / percentile(sqlMs, 0.99), "ratio");
    }

    QElapsedTimer exportTimer;
    exportTimer.start();
    qint64 exported = 0;
    int pages = 0;
    QUrlQuery query(QStringLiteral("_count=500"));
    for (;;) {
        const ApiResponse response = api.handle(
            ApiRequest { "GET", QStringLiteral("/fhir/Observation"), query, platformAuth, {}, {}, {} });
        if (response.status != 200) {
            std::fprintf(stderr, "export page failed: %d\n", response.status);
            return 1;
        }
        const QJsonObject bundle = QJsonDocument::fromJson(response.body).object();
        exported += bundle.value(QStringLiteral("entry")).toArray().size();
        ++pages;
        QString next;
        for (const QJsonValue &link : bundle.value(QStringLiteral("link")).toArray())
            if (link[QStringLiteral("relation")].toString() == QLatin1String("next"))
                next = link[QStringLiteral("url")].toString();
        if (next.isEmpty())
            break;
        query = QUrlQuery(QUrl(next));
    }
    const double seconds = double(exportTimer.nsecsElapsed()) / 1e9;
    if (exported != expectedObservations) {
        std::fprintf(stderr, "exported %lld observations, expected %lld\n", static_cast<long long>(exported),
            static_cast<long long>(expectedObservations));
        return 1;
    }
    std::fprintf(stderr, "exported %lld observations in %d pages, %.1f s\n", static_cast<long long>(exported),
        pages, seconds);
    print("fhir_observation_export", double(exported) / seconds, "resources/s");
    return 0;
}
