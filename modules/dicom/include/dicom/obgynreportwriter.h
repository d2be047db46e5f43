#pragma once

#include "dicom/structuredreport.h"

#include <QDate>

#include <optional>

// A measurement to write: the coded concept name, the number as it is to appear (DS), the UCUM unit,
// and optionally the derivation the machine marks ("Mean" …).
struct ObGynWrittenMeasurement
{
    SrCode conceptName;
    QString value;
    SrCode unit;
    bool mean = false; // written with Derivation = Mean (TID 300)
    // A gestational age the machine derived from it, in days, written INFERRED FROM below it.
    std::optional<int> derivedGestationalAgeDays;
};

struct ObGynWrittenFetus
{
    QString fetusId; // written as the Fetus ID of the sections' subject context; empty: none
    QList<ObGynWrittenMeasurement> biometry; // TID 5004, one Biometry Group each
    QList<ObGynWrittenMeasurement> amnioticSac; // TID 5010
};

struct ObGynReportContent
{
    QString patientId;
    QString patientName;
    QString studyInstanceUid; // empty: a new study
    QDate studyDate;
    QString manufacturer = QStringLiteral("ObsLink synthetic");
    std::optional<int> fetusCount;
    QList<ObGynWrittenFetus> fetuses;

    // A length in millimetres or centimetres, a weight in grams: the UCUM codes machines write.
    static SrCode ucum(const QString &code);
};

// Writes OB-GYN Ultrasound Procedure Reports (TID 5000, Comprehensive SR) with DCMTK's dcmsr:
// synthetic reports for the tests and the demo, shaped like an ultrasound machine's, with a
// procedure summary, per-fetus biometry groups and amniotic sac measurements.
class ObGynReportWriter
{
    Q_DECLARE_TR_FUNCTIONS(ObGynReportWriter)
public:
    static Result<void> write(const ObGynReportContent &content, const QString &path);
};
