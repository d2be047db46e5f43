#pragma once

#include "domain/result.h"

#include <QJsonObject>

// An error as FHIR wants it: an OperationOutcome with one issue, and the HTTP status for it.
class FhirOutcome
{
public:
    static int httpStatus(const Error &error);
    static QJsonObject operationOutcome(const Error &error);
};
