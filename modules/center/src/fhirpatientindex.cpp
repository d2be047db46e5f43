#include "fhirpatientindex.h"

#include "fhir/fhircodes.h"
#include "fhir/fhirmapper.h"
#include "storage/sqlerror.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

Result<void> FhirPatientIndex::update(
    const QSqlDatabase &db, const QString &patientKey, const QString &clinicId, const QJsonObject &fields)
{
    QSqlQuery remove(db);
    remove.prepare(QStringLiteral("DELETE FROM fhir_patient_identifier WHERE patient_key = ?"));
    remove.addBindValue(patientKey);
    if (auto done = execute(remove, "update the patient identifier index"); !done)
        return done;
    const FhirMapper mapper(FhirCodes::builtIn());
    // A deleted record maps to nothing and so leaves no identifier behind.
    for (const QJsonObject &patient : mapper.map(
             FhirSourceRecord { QStringLiteral("patient"), patientKey, clinicId, patientKey, fields, {}, {} })) {
        for (const QJsonValue &identifier : patient.value(QStringLiteral("identifier")).toArray()) {
            const QString value = identifier[QStringLiteral("value")].toString();
            const QString system = identifier[QStringLiteral("system")].toString();
            if (value.isEmpty() || system.isEmpty())
                continue; // never bind a null QString into a NOT NULL column
            QSqlQuery insert(db);
            insert.prepare(
                QStringLiteral("INSERT INTO fhir_patient_identifier (identifier_value, identifier_system, "
                               "patient_key) VALUES (?, ?, ?) "
                               "ON CONFLICT (identifier_value, identifier_system, patient_key) DO NOTHING"));
            insert.addBindValue(value);
            insert.addBindValue(system);
            insert.addBindValue(patientKey);
            if (auto done = execute(insert, "update the patient identifier index"); !done)
                return done;
        }
    }
    return {};
}

Result<void> FhirPatientIndex::rebuild(const QSqlDatabase &db)
{
    QSqlQuery patients(db);
    patients.setForwardOnly(true);
    if (!patients.exec(QStringLiteral("SELECT record_id, clinic_id, fields FROM synced_record WHERE "
                                      "table_name = 'patient' ORDER BY record_id")))
        return tl::unexpected(SqlError::from(patients, "rebuild the patient identifier index"));
    QList<std::tuple<QString, QString, QJsonObject>> rows;
    while (patients.next())
        rows.append({ patients.value(0).toString(), patients.value(1).toString(),
            QJsonDocument::fromJson(patients.value(2).toString().toUtf8()).object() });
    patients.finish();
    for (const auto &[key, clinic, fields] : rows) {
        if (auto done = update(db, key, clinic, fields); !done)
            return done;
    }
    return {};
}
