#pragma once

#include "fhir/fhircodes.h"
#include "fhir/fhirsourcerecord.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QStringList>

// The network's records as FHIR R4 resources (docs/fhir.md has the table):
//   patient            → Patient (national ID and record number as identifiers)
//   pregnancy          → Observation: estimated delivery date (LOINC 11778-8)
//   antenatal_visit    → Observation: blood pressure panel, body weight, fundal height
//   lab_result         → Observation: laboratory result (LOINC where one exists)
//   risk_assessment    → RiskAssessment: the five-color grade, the fired rules as basis
//   case_file          → EpisodeOfCare: the high-risk case file
//   ctg_trace          → Observation: fetal heart rate as SampledData
//   ultrasound_exam    → ImagingStudy
//   ultrasound_report  → DiagnosticReport, once signed
//   referral           → ServiceRequest, and once sent a Task tracking it (its steps give the
//                        Task's status, its attachments the ServiceRequest's supportingInfo)
// A record yields its resources in a fixed order, so a page can stop in the middle of one and
// the next page go on from there. Deleted records, and those not yet meaningful (an unsigned
// report, a visit without measurements), yield none.
class FhirMapper
{
    Q_DECLARE_TR_FUNCTIONS(FhirMapper)
public:
    explicit FhirMapper(const FhirCodes &codes);

    static const QStringList &resourceTypes();
    // The tables whose records become resources of that type; empty for an unknown type.
    static QStringList tablesFor(const QString &resourceType);

    QList<QJsonObject> map(const FhirSourceRecord &record) const;
    // Only the resources of one type (a record may give several types: none today, but the
    // search must not rely on it).
    QList<QJsonObject> map(const FhirSourceRecord &record, const QString &resourceType) const;

private:
    QList<QJsonObject> patient(const FhirSourceRecord &record) const;
    QList<QJsonObject> pregnancy(const FhirSourceRecord &record) const;
    QList<QJsonObject> visit(const FhirSourceRecord &record) const;
    QList<QJsonObject> lab(const FhirSourceRecord &record) const;
    QList<QJsonObject> riskAssessment(const FhirSourceRecord &record) const;
    QList<QJsonObject> caseFile(const FhirSourceRecord &record) const;
    QList<QJsonObject> ctgTrace(const FhirSourceRecord &record) const;
    QList<QJsonObject> ultrasoundExam(const FhirSourceRecord &record) const;
    QList<QJsonObject> ultrasoundReport(const FhirSourceRecord &record) const;
    QList<QJsonObject> referral(const FhirSourceRecord &record) const;
    QJsonObject clinic(const QString &clinicId) const;

    QJsonObject observation(const FhirSourceRecord &record, const QString &idSuffix,
        const FhirCodes::Code &code, const QString &effective) const;
    QJsonObject codeableConcept(const FhirCodes::Code &code, const QString &localCode) const;
    QJsonObject quantity(double value, const QString &unit) const;

    const FhirCodes &m_codes;
};
