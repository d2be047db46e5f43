#include "fhir/fhirrecordexport.h"

#include "fhir/fhirbundle.h"

#include <QDateTime>
#include <QFileInfo>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>

namespace {
// The tables of a pregnancy's records that have a FHIR form, each linked by pregnancy_id.
const char *const PregnancyTables[] = { "antenatal_visit", "lab_result", "risk_assessment", "case_file",
    "ctg_trace", "ultrasound_exam", "ultrasound_report", "referral" };
// The records of a referral that shape its ServiceRequest and Task, each linked by referral_id.
const char *const ReferralChildTables[] = { "referral_step", "referral_attachment" };

QJsonObject rowFields(const QSqlQuery &query)
{
    const QSqlRecord record = query.record();
    QJsonObject fields;
    for (int i = 0; i < record.count(); ++i) {
        const QVariant value = query.value(i);
        fields.insert(record.fieldName(i),
            value.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue::fromVariant(value));
    }
    return fields;
}

Error readError(const QSqlQuery &query)
{
    return Error { QStringLiteral("fhir.database"),
        FhirRecordExport::tr("The clinic database cannot be read: %1").arg(query.lastError().text()) };
}

Result<QHash<QString, QList<QJsonObject>>> referralChildren(const QSqlDatabase &db, const QString &referralId)
{
    QHash<QString, QList<QJsonObject>> children;
    for (const char *table : ReferralChildTables) {
        QSqlQuery rows(db);
        rows.prepare(QStringLiteral("SELECT * FROM %1 WHERE referral_id = ?").arg(QLatin1String(table)));
        rows.addBindValue(referralId);
        if (!rows.exec())
            return tl::unexpected(readError(rows));
        while (rows.next())
            children[QLatin1String(table)].append(rowFields(rows));
    }
    return children;
}
} // namespace

FhirRecordExport::FhirRecordExport(const FhirMapper &mapper)
    : m_mapper(mapper)
{
}

Result<QJsonObject> FhirRecordExport::exportPatient(
    const QString &databaseFile, const QString &patientId) const
{
    if (!QFileInfo::exists(databaseFile))
        return failure(
            QStringLiteral("fhir.database"), tr("There is no database file %1.").arg(databaseFile));
    const QString connectionName
        = QStringLiteral("fhir-export-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const auto removeConnection = qScopeGuard([&] { QSqlDatabase::removeDatabase(connectionName); });
    QList<QJsonObject> resources;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        db.setDatabaseName(databaseFile);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open())
            return failure(QStringLiteral("fhir.database"),
                tr("The clinic database cannot be opened: %1").arg(db.lastError().text()));
        QSqlQuery patient(db);
        patient.prepare(QStringLiteral("SELECT * FROM patient WHERE id = ?"));
        patient.addBindValue(patientId);
        if (!patient.exec())
            return tl::unexpected(readError(patient));
        if (!patient.next())
            return failure(QStringLiteral("fhir.not-found"),
                tr("There is no woman with the id %1 in this database.").arg(patientId));
        const QJsonObject patientFields = rowFields(patient);
        const QString clinicId = patientFields.value(QStringLiteral("clinic_id")).toString();
        resources += m_mapper.map(FhirSourceRecord {
            QStringLiteral("patient"), patientId, clinicId, patientId, patientFields, {}, {} });
        QSqlQuery pregnancies(db);
        pregnancies.prepare(QStringLiteral("SELECT * FROM pregnancy WHERE patient_id = ? ORDER BY id"));
        pregnancies.addBindValue(patientId);
        if (!pregnancies.exec())
            return tl::unexpected(readError(pregnancies));
        QStringList pregnancyIds;
        while (pregnancies.next()) {
            const QJsonObject fields = rowFields(pregnancies);
            const QString id = fields.value(QStringLiteral("id")).toString();
            pregnancyIds << id;
            resources += m_mapper.map(FhirSourceRecord { QStringLiteral("pregnancy"), id,
                fields.value(QStringLiteral("clinic_id")).toString(), patientId, fields, {}, {} });
        }
        for (const QString &pregnancyId : pregnancyIds) {
            for (const char *table : PregnancyTables) {
                QSqlQuery rows(db);
                const bool ctg = qstrcmp(table, "ctg_trace") == 0;
                // The samples of a trace are its SampledData: read with it from the local blob store.
                rows.prepare(ctg
                        ? QStringLiteral(
                            "SELECT t.*, d.bytes AS fhir_samples FROM ctg_trace t LEFT JOIN ctg_trace_data d "
                            "ON d.sha256 = t.data_sha256 WHERE t.pregnancy_id = ? ORDER BY t.id")
                        : QStringLiteral("SELECT * FROM %1 WHERE pregnancy_id = ? ORDER BY id")
                              .arg(QLatin1String(table)));
                rows.addBindValue(pregnancyId);
                if (!rows.exec())
                    return tl::unexpected(readError(rows));
                while (rows.next()) {
                    QJsonObject fields = rowFields(rows);
                    QByteArray samples;
                    if (ctg) {
                        samples = rows.value(QStringLiteral("fhir_samples")).toByteArray();
                        fields.remove(QStringLiteral("fhir_samples"));
                    }
                    FhirSourceRecord source { QLatin1String(table), fields.value(QStringLiteral("id")).toString(),
                        fields.value(QStringLiteral("clinic_id")).toString(), patientId, fields, samples, {} };
                    if (qstrcmp(table, "referral") == 0) {
                        auto children = referralChildren(db, source.id);
                        if (!children)
                            return tl::unexpected(children.error());
                        source.children = *children;
                    }
                    resources += m_mapper.map(source);
                }
            }
        }
    }
    return FhirBundle::collection(resources, QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
}
