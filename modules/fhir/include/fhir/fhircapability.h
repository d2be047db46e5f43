#pragma once

#include <QCoreApplication>
#include <QJsonObject>

// The CapabilityStatement of GET /fhir/metadata: FHIR R4 (4.0.1), JSON, read and search-type
// for each resource type with the search parameters FhirSearch accepts, bearer tokens from the
// center's login, and the published five-color CodeSystem.
class FhirCapability
{
    Q_DECLARE_TR_FUNCTIONS(FhirCapability)
public:
    static QJsonObject statement(const QString &base, const QString &softwareVersion);
    static QJsonObject fiveColorCodeSystem(); // resources/fhir/codesystem-five-color-risk.json
};
