#include "fhir/fhiroutcome.h"

#include <QJsonArray>

namespace {
struct Mapping
{
    const char *codePrefix;
    int status;
    const char *issueType; // FHIR issue-type
};

// Error codes of the FHIR endpoints and of the center beneath them (auth.*, sync.forbidden).
constexpr Mapping Mappings[] = {
    { "fhir.invalid", 400, "invalid" },
    { "fhir.not-supported", 400, "not-supported" },
    { "fhir.format", 406, "not-supported" },
    { "fhir.not-found", 404, "not-found" },
    { "fhir.method", 405, "not-supported" },
    { "fhir.forbidden", 403, "forbidden" },
    { "sync.forbidden", 403, "forbidden" },
    { "auth.locked", 403, "forbidden" },
    { "auth.", 401, "login" },
    { "protocol.too-large", 413, "too-costly" },
    { "protocol.", 400, "invalid" },
};
} // namespace

int FhirOutcome::httpStatus(const Error &error)
{
    for (const Mapping &m : Mappings)
        if (error.code.startsWith(QLatin1String(m.codePrefix)))
            return m.status;
    return 503; // the database: retry later
}

QJsonObject FhirOutcome::operationOutcome(const Error &error)
{
    const char *type = "transient";
    for (const Mapping &m : Mappings) {
        if (error.code.startsWith(QLatin1String(m.codePrefix))) {
            type = m.issueType;
            break;
        }
    }
    return { { QStringLiteral("resourceType"), QStringLiteral("OperationOutcome") },
        { QStringLiteral("issue"),
            QJsonArray { QJsonObject { { QStringLiteral("severity"), QStringLiteral("error") },
                { QStringLiteral("code"), QLatin1String(type) },
                { QStringLiteral("details"), QJsonObject { { QStringLiteral("text"), error.code } } },
                { QStringLiteral("diagnostics"), error.message } } } } };
}
