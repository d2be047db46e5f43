#include "center/fhirapi.h"

#include "center/centerdatabase.h"
#include "fhir/fhirbundle.h"
#include "fhir/fhircapability.h"
#include "fhir/fhiroutcome.h"
#include "referralaccess.h"
#include "storage/sqlerror.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlQuery>

namespace {
ApiResponse fhirResponse(int status, const QJsonObject &body)
{
    ApiResponse response { status, QJsonDocument(body).toJson(QJsonDocument::Compact), {} };
    response.contentType = QByteArrayLiteral("application/fhir+json");
    return response;
}

// Who reads the whole region: the center's staff and the regional health platform.
bool readsRegion(const CenterUser &user)
{
    return user.centerStaff || user.role == QLatin1String("platform");
}

// The record ids a resource id may come from: itself, or with one of the mapper's suffixes
// ("-bp", "-fundal-height") taken off.
QStringList recordIdsFor(const QString &resourceId)
{
    QStringList ids { resourceId };
    QString id = resourceId;
    for (int i = 0; i < 2; ++i) {
        const qsizetype dash = id.lastIndexOf(QLatin1Char('-'));
        if (dash <= 0)
            break;
        id = id.left(dash);
        ids << id;
    }
    return ids;
}
} // namespace

FhirApi::FhirApi(CenterDatabase &database, const FhirMapper &mapper)
    : m_database(database)
    , m_mapper(mapper)
{
}

ApiResponse FhirApi::error(const Error &error)
{
    return fhirResponse(FhirOutcome::httpStatus(error), FhirOutcome::operationOutcome(error));
}

QString FhirApi::base(const ApiRequest &request) const
{
    return (request.baseUrl.isEmpty() ? QStringLiteral("https://localhost") : request.baseUrl)
        + QStringLiteral("/fhir");
}

ApiResponse FhirApi::handle(const CenterUser *user, const ApiRequest &request, const QString &path)
{
    if (request.method != "GET")
        return error({ QStringLiteral("fhir.method"), tr("The FHIR endpoints are read-only: use GET.") });
    if (path == QLatin1String("metadata"))
        return fhirResponse(
            200, FhirCapability::statement(base(request), QCoreApplication::applicationVersion()));
    if (!user)
        return error({ QStringLiteral("auth.invalid-token"), tr("Not logged in.") });
    const QStringList parts = path.split(QLatin1Char('/'));
    if (parts.size() == 2 && parts.at(0) == QLatin1String("CodeSystem")) {
        const QJsonObject codeSystem = FhirCapability::fiveColorCodeSystem();
        if (parts.at(1) != codeSystem.value(QStringLiteral("id")).toString())
            return error(
                { QStringLiteral("fhir.not-found"), tr("There is no CodeSystem %1.").arg(parts.at(1)) });
        return fhirResponse(200, codeSystem);
    }
    if (parts.isEmpty() || parts.size() > 2 || !FhirMapper::resourceTypes().contains(parts.at(0)))
        return error(
            { QStringLiteral("fhir.not-found"), tr("This server does not serve %1.").arg(path.left(64)) });
    auto parsed = FhirSearch::parse(parts.at(0), parts.size() == 2 ? QUrlQuery() : request.query);
    if (!parsed)
        return error(parsed.error());
    if (parts.size() == 2) {
        // A read: the one resource, or 404 also when it exists but the caller may not see it,
        // so that a clinic cannot learn which women other clinics have.
        parsed->id = parts.at(1);
        parsed->count = FhirSearch::MaxCount;
        const auto page = search(*user, *parsed, recordIdsFor(parts.at(1)));
        if (!page)
            return error(page.error());
        for (const QJsonObject &resource : page->resources) {
            if (resource.value(QStringLiteral("id")).toString() == parts.at(1))
                return fhirResponse(200, resource);
        }
        return error({ QStringLiteral("fhir.not-found"),
            tr("There is no %1 with the id %2 that you may read.").arg(parts.at(0), parts.at(1).left(64)) });
    }
    QStringList ids;
    if (!parsed->id.isEmpty())
        ids = recordIdsFor(parsed->id);
    const auto page = search(*user, *parsed, ids);
    if (!page)
        return error(page.error());
    QList<QJsonObject> resources = page->resources;
    if (!parsed->id.isEmpty())
        resources.removeIf(
            [&](const QJsonObject &r) { return r.value(QStringLiteral("id")).toString() != parsed->id; });
    const QString typeUrl = base(request) + QLatin1Char('/') + parsed->resourceType + QLatin1Char('?');
    const QString self = typeUrl + parsed->selfQuery().toString(QUrl::FullyEncoded);
    const QString next
        = page->next ? typeUrl + parsed->nextQuery(*page->next).toString(QUrl::FullyEncoded) : QString();
    return fhirResponse(200, FhirBundle::searchset(resources, base(request), self, next));
}

Result<FhirApi::Page> FhirApi::search(
    const CenterUser &user, const FhirSearch &search, const QStringList &recordIds)
{
    const QStringList tables = FhirMapper::tablesFor(search.resourceType);
    QStringList tableMarks;
    for (qsizetype i = 0; i < tables.size(); ++i)
        tableMarks << QStringLiteral(":t%1").arg(i);
    QString sql = QStringLiteral("SELECT table_name, record_id, clinic_id, patient_key, fields FROM "
                                 "synced_record r WHERE table_name IN (")
        + tableMarks.join(QStringLiteral(", ")) + QStringLiteral(") ");
    QStringList idMarks;
    for (qsizetype i = 0; i < recordIds.size(); ++i)
        idMarks << QStringLiteral(":id%1").arg(i);
    if (!recordIds.isEmpty())
        sql += QStringLiteral("AND record_id IN (") + idMarks.join(QStringLiteral(", "))
            + QStringLiteral(") ");
    if (!search.patientKey.isEmpty())
        sql += QStringLiteral("AND patient_key = :patient ");
    if (!search.identifierValue.isEmpty())
        sql += QStringLiteral("AND record_id IN (SELECT patient_key FROM fhir_patient_identifier WHERE "
                              "identifier_value = :value")
            + (search.identifierSystem.isEmpty() ? QString()
                                                 : QStringLiteral(" AND identifier_system = :system"))
            + QStringLiteral(") ");
    if (!readsRegion(user))
        sql += QStringLiteral("AND EXISTS (SELECT 1 FROM shared_patient s WHERE s.patient_key = "
                              "r.patient_key AND s.clinic_id = :clinic AND %1) ")
                   .arg(ReferralAccess::inForce(QStringLiteral("s"), QStringLiteral(":now")));
    // Keyset paging on the primary key: stable whatever is added or changed between pages.
    const QString after = QStringLiteral(
        "AND (table_name > :after_table OR (table_name = :after_table2 AND record_id %1 :after_id)) "
        "ORDER BY table_name, record_id LIMIT :limit");

    Page page;
    FhirPageCursor position
        = search.cursor.value_or(FhirPageCursor { QStringLiteral(""), QStringLiteral(""), 0 });
    bool inclusive = search.cursor.has_value();
    const int batch = std::min(search.count + 1, FhirSearch::MaxCount);
    for (;;) {
        QSqlQuery query(m_database.connection());
        query.setForwardOnly(true);
        query.prepare(sql + after.arg(inclusive ? QStringLiteral(">=") : QStringLiteral(">")));
        for (qsizetype i = 0; i < tables.size(); ++i)
            query.bindValue(tableMarks.at(i), tables.at(i));
        for (qsizetype i = 0; i < recordIds.size(); ++i)
            query.bindValue(idMarks.at(i), recordIds.at(i));
        if (!search.patientKey.isEmpty())
            query.bindValue(QStringLiteral(":patient"), search.patientKey);
        if (!search.identifierValue.isEmpty()) {
            query.bindValue(QStringLiteral(":value"), search.identifierValue);
            if (!search.identifierSystem.isEmpty())
                query.bindValue(QStringLiteral(":system"), search.identifierSystem);
        }
        if (!readsRegion(user)) {
            query.bindValue(QStringLiteral(":clinic"), user.clinicId);
            query.bindValue(QStringLiteral(":now"), QDateTime::currentSecsSinceEpoch());
        }
        query.bindValue(QStringLiteral(":after_table"), position.table);
        query.bindValue(QStringLiteral(":after_table2"), position.table);
        query.bindValue(QStringLiteral(":after_id"), position.recordId);
        query.bindValue(QStringLiteral(":limit"), batch);
        if (auto done = execute(query, "search FHIR resources"); !done)
            return tl::unexpected(done.error());
        QList<FhirSourceRecord> rows;
        while (query.next())
            rows.append(FhirSourceRecord { query.value(0).toString(), query.value(1).toString(),
                query.value(2).toString(), query.value(3).toString(),
                QJsonDocument::fromJson(query.value(4).toString().toUtf8()).object(), {}, {} });
        query.finish();
        for (FhirSourceRecord &row : rows) {
            const bool resumed = inclusive && row.table == position.table && row.id == position.recordId;
            if (row.table == QLatin1String("ctg_trace")
                && search.resourceType == QLatin1String("Observation")) {
                auto samples = ctgSamples(row.fields.value(QStringLiteral("data_sha256")).toString());
                if (!samples)
                    return tl::unexpected(samples.error());
                row.attachment = *samples;
            }
            if (row.table == QLatin1String("referral")) {
                auto children = referralChildren(row.patientKey, row.id);
                if (!children)
                    return tl::unexpected(children.error());
                row.children = *children;
            }
            const QList<QJsonObject> resources = m_mapper.map(row, search.resourceType);
            for (int i = resumed ? position.skip : 0; i < resources.size(); ++i) {
                if (page.resources.size() == search.count) {
                    page.next = FhirPageCursor { row.table, row.id, i };
                    return page;
                }
                page.resources.append(resources.at(i));
            }
        }
        if (rows.size() < batch)
            return page;
        position = FhirPageCursor { rows.last().table, rows.last().id, 0 };
        inclusive = false;
    }
}

Result<QHash<QString, QList<QJsonObject>>> FhirApi::referralChildren(const QString &patientKey, const QString &referralId) const
{
    // Her records of the two tables, narrowed to this referral: the patient_key index finds them.
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT table_name, record_id, fields FROM synced_record WHERE patient_key = ? "
                                 "AND table_name IN ('referral_step', 'referral_attachment')"));
    query.addBindValue(patientKey);
    if (auto done = execute(query, "read a referral's steps"); !done)
        return tl::unexpected(done.error());
    QHash<QString, QList<QJsonObject>> children;
    while (query.next()) {
        QJsonObject fields = QJsonDocument::fromJson(query.value(2).toString().toUtf8()).object();
        if (fields.value(QStringLiteral("referral_id")).toString() != referralId)
            continue;
        fields.insert(QStringLiteral("id"), query.value(1).toString());
        children[query.value(0).toString()].append(fields);
    }
    return children;
}

Result<QByteArray> FhirApi::ctgSamples(const QString &sha256) const
{
    if (sha256.isEmpty())
        return QByteArray();
    // Only a complete blob: the chunks of an upload still under way are elsewhere.
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT c.bytes FROM blob b JOIN blob_chunk c ON c.sha256 = b.sha256 WHERE "
                                 "b.sha256 = ? ORDER BY c.chunk_offset"));
    query.addBindValue(sha256);
    if (auto done = execute(query, "read CTG samples"); !done)
        return tl::unexpected(done.error());
    QByteArray bytes;
    while (query.next())
        bytes += query.value(0).toByteArray();
    return bytes;
}
