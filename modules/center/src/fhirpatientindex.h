#pragma once

#include "domain/result.h"

#include <QJsonObject>
#include <QSqlDatabase>

// The center's index of FHIR Patient identifiers (migration 0003): the identifiers FhirMapper
// gives a patient record, so that the index and the resources served never disagree.
class FhirPatientIndex
{
public:
    static Result<void> update(const QSqlDatabase &db, const QString &patientKey, const QString &clinicId,
        const QJsonObject &fields);
    static Result<void> rebuild(const QSqlDatabase &db); // every patient record already stored
};
