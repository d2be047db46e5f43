#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// A coded concept of a structured report: (value, coding scheme, meaning), as PS3.3 C.8.1 writes
// it, e.g. ("11820-8", "LN", "Biparietal Diameter"); units use the scheme "UCUM".
struct SrCode
{
    QString value;
    QString scheme;
    QString meaning;

    bool is(const QString &codeScheme, const QString &codeValue) const
    {
        return scheme == codeScheme && value == codeValue;
    }
    bool isEmpty() const { return value.isEmpty(); }
    bool operator==(const SrCode &) const = default;
};

// One numeric content item (NUM) of a structured report, with the context it was written in.
struct SrMeasurement
{
    SrCode conceptName;
    std::optional<double> value; // none when the machine wrote no number (a qualifier instead)
    QString valueText; // the number as written, for showing where a value came from
    SrCode unit;
    // The fetus it belongs to, as the report identifies it (Fetus ID of the subject context,
    // TID 1008); empty when the report says nothing, as single pregnancies often do.
    QString fetus;
    QStringList sections; // meanings of the containers from the document title down
    // How the value was obtained when the machine says so: "Mean", "User chosen value" … (the
    // meaning of a Derivation or Selection Status modifier); empty when it says nothing.
    QString derivation;
    // True for a number derived from another measurement (its GA estimate, its percentile):
    // it is inferred from the parent NUM, not measured.
    bool derivedFromMeasurement = false;
    QString position; // where it is in the content tree, "1.3.2.1"
};

// A DICOM Structured Report as the ultrasound machine sent it: its identity and every numeric
// measurement, in document order. Only what ObsLink reads; the file itself is kept with the
// study as it came.
struct StructuredReport
{
    QString sopClassUid;
    QString sopInstanceUid;
    QString studyInstanceUid;
    QString seriesInstanceUid;
    QString patientId;
    QString patientName;
    QString studyDate;
    QString manufacturer;
    QString templateId; // "5000" for the OB-GYN Ultrasound Procedure Report
    SrCode title; // concept name of the root container
    bool complete = false; // Completion Flag COMPLETE
    bool verified = false; // Verification Flag VERIFIED
    std::optional<int> fetusCount; // Number of Fetuses (11878-6, LN) when the report gives it
    QList<SrMeasurement> measurements;

    bool isObstetricUltrasoundReport() const;
};

// Reads structured reports with DCMTK's dcmsr. A file that is not an SR, or whose content tree
// DCMTK cannot read, is refused with a message; a readable tree that breaks rules of its
// template is read as far as it goes, because what matters is each measurement's code and unit.
class StructuredReportReader
{
    Q_DECLARE_TR_FUNCTIONS(StructuredReportReader)
public:
    static Result<StructuredReport> read(const QString &path);
    // True for the storage SOP classes of structured reports (Basic Text, Enhanced,
    // Comprehensive, Comprehensive 3D, Extensible SR).
    static bool isStructuredReportSopClass(const QString &sopClassUid);
};
