#pragma once

#include "center/centerapi.h"
#include "center/identitystore.h"
#include "domain/result.h"
#include "fhir/fhirmapper.h"
#include "fhir/fhirsearch.h"

#include <QCoreApplication>

class CenterDatabase;

// The center's read-only FHIR R4 endpoints under /fhir (docs/fhir.md): GET /fhir/metadata, the
// published five-color CodeSystem, and read and search of each resource type FhirMapper serves,
// built from the synced records. Who may read what is decided here and only here, with the same
// rule as the change feed: a clinic's users see the women registered at or referred to their
// clinic; the platform role and the center's staff see the region. Errors are OperationOutcomes.
class FhirApi
{
    Q_DECLARE_TR_FUNCTIONS(FhirApi)
public:
    FhirApi(CenterDatabase &database, const FhirMapper &mapper);

    // `path` is what follows /fhir/; a null user for GET /fhir/metadata, which needs no token.
    ApiResponse handle(const CenterUser *user, const ApiRequest &request, const QString &path);
    static ApiResponse error(const Error &error);

private:
    struct Page
    {
        QList<QJsonObject> resources;
        std::optional<FhirPageCursor> next;
    };
    Result<Page> search(const CenterUser &user, const FhirSearch &search, const QStringList &recordIds = {});
    Result<QByteArray> ctgSamples(const QString &sha256) const;
    // A referral's referral_step and referral_attachment records, with their ids.
    Result<QHash<QString, QList<QJsonObject>>> referralChildren(const QString &patientKey, const QString &referralId) const;
    QString base(const ApiRequest &request) const;

    CenterDatabase &m_database;
    const FhirMapper &m_mapper;
};
