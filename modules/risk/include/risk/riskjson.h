#pragma once

#include "domain/result.h"
#include "risk/riskengine.h"

#include <QCoreApplication>
#include <QJsonObject>

// The JSON forms of the engine's input and output, used by `obslink-cli risk assess` and by
// anything that grades outside the workstation. The input format is documented in
// docs/rules-five-color-2017.md; it is strict: unknown keys, wrong types and impossible values
// are errors naming the key.
class RiskJson
{
    Q_DECLARE_TR_FUNCTIONS(RiskJson)
public:
    static Result<RiskInput> parseInput(const QByteArray &json);
    static QJsonObject toJson(const RiskAssessment &assessment);
};
