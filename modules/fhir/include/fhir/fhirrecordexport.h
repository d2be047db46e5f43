#pragma once

#include "domain/result.h"
#include "fhir/fhirmapper.h"

#include <QCoreApplication>
#include <QJsonObject>

// One woman's records from a clinic's database as a FHIR collection Bundle (obslink-cli fhir
// export): her Patient and everything of her pregnancies, mapped as the center maps them. The
// database is opened read-only and never migrated.
class FhirRecordExport
{
    Q_DECLARE_TR_FUNCTIONS(FhirRecordExport)
public:
    explicit FhirRecordExport(const FhirMapper &mapper);

    Result<QJsonObject> exportPatient(const QString &databaseFile, const QString &patientId) const;

private:
    const FhirMapper &m_mapper;
};
