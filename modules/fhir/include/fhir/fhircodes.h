#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>

#include <optional>

// The code systems and codes of the FHIR mapping (resources/fhir/fhir-codes.json): LOINC for
// observations and laboratory tests where an unambiguous code exists, SNOMED CT, UCUM units and
// the identifier systems of the region. Data, not code, so a region can replace it; checked on
// load so that a broken file is refused instead of producing invalid resources.
class FhirCodes
{
    Q_DECLARE_TR_FUNCTIONS(FhirCodes)
public:
    struct Code
    {
        QString loinc; // empty where no LOINC code is used
        QString snomed; // for SNOMED-coded concepts
        QString local; // code in the local system
        QString display;
        QString unit; // UCUM
        QString category; // observation-category code
    };

    static Result<FhirCodes> load(const QString &path = QStringLiteral(":/fhir/fhir-codes.json"));
    static Result<FhirCodes> fromJson(const QByteArray &json);
    // The built-in codes; loading them cannot fail once the build has checked the file.
    static const FhirCodes &builtIn();

    QString system(const QString &name) const; // "loinc", "ucum", "fiveColor", "nationalId" …
    std::optional<Code> observation(const QString &name) const; // "systolic", "bodyWeight" …
    std::optional<Code> lab(const QString &testKey) const; // "hb", "plt" … (domain/labresult.h)
    Code qualitative(bool positive) const;
    Code episode() const;
    Code ultrasoundReport() const;
    QString version() const { return m_version; }

private:
    static std::optional<Code> codeFrom(const QJsonValue &value);

    QString m_version;
    QHash<QString, QString> m_systems;
    QHash<QString, Code> m_observations;
    QHash<QString, Code> m_labs;
    Code m_positive;
    Code m_negative;
    Code m_episode;
    Code m_ultrasoundReport;
};
