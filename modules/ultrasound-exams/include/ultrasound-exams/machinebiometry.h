#pragma once

#include "biometry/fetalbiometry.h"
#include "dicom/structuredreport.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QMap>

#include <optional>

// One numeric item of the machine's report and what ObsLink made of it.
struct MachineReading
{
    enum class Status {
        Used, // taken into the fetus's biometry
        NotChosen, // another value of the same measure was the one the machine reported
        Conflicting, // several values, none marked as the reported one: the doctor decides
        UnknownCode, // a measurement ObsLink has no code for
        UnknownUnit, // a known measurement in a unit it cannot convert
        OutOfRange, // converted, but outside the range the formulas hold for
        NoValue, // the machine wrote no number
        Derived, // a number the machine derived from a measurement (GA estimate, percentile)
    };

    SrMeasurement source;
    Status status = Status::UnknownCode;
    QString measureKey; // "bpd", "efw", "afi" … when the code is known
    std::optional<double> value; // in the measure's unit: mm, g, or cm for the AFI
};

// The biometry of one fetus as the machine measured it.
struct MachineFetus
{
    QString label; // Fetus ID as the report writes it ("A", "1" …); empty for a single fetus
    FetalBiometry biometry;
    std::optional<double> efwGrams;
    std::optional<double> afiCm;
    // Where each value came from: the reading's position in the report tree, by measure key.
    QMap<QString, QString> sources;

    bool isEmpty() const { return biometry.isEmpty() && !efwGrams && !afiCm; }
};

// Everything the machine's report gives, fetus by fetus, and every numeric item with its fate:
// nothing it wrote is dropped silently.
struct MachineBiometry
{
    QString sopInstanceUid;
    QString studyInstanceUid;
    QString patientId;
    QString studyDate;
    QString manufacturer;
    std::optional<int> fetusCount;
    QList<MachineFetus> fetuses;
    QList<MachineReading> readings;

    const MachineFetus *fetus(const QString &label) const;
    QList<MachineReading> unusedReadings() const;
};

// Maps the measurements of an OB-GYN ultrasound structured report (TID 5000) onto ObsLink's
// biometry set with the codes and unit conversions of resources/dicom/sr-biometry-codes.json.
// A code or unit it does not know is listed as such, never guessed at; of several values of
// one measure it takes the one the machine marks (mean or chosen), and leaves a tie to the
// doctor.
class MachineBiometryMapping
{
    Q_DECLARE_TR_FUNCTIONS(MachineBiometryMapping)
public:
    // The mapping built into the application.
    static const MachineBiometryMapping &builtIn();
    static Result<MachineBiometryMapping> fromJson(const QByteArray &json);

    MachineBiometry map(const StructuredReport &report) const;
    // The measure key of a coded concept, or empty.
    QString measureOf(const SrCode &conceptName) const;
    // A value in the measure's unit, or nothing when the unit is not one it converts.
    std::optional<double> convert(const QString &measureKey, const SrCode &unit, double value) const;

    static QString statusText(MachineReading::Status status); // translated
    static QString statusKey(MachineReading::Status status); // "used", "unknown-code" …

private:
    QHash<QString, QString> m_measureByCode; // "LN|11820-8" → "bpd"
    // "bpd" → UCUM code → factor to the measure's unit (mm; g for the EFW, cm for the AFI)
    QHash<QString, QHash<QString, double>> m_factors;
};
