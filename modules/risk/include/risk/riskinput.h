#pragma once

#include "domain/antenatalvisit.h"
#include "domain/labresult.h"
#include "domain/patient.h"
#include "domain/pregnancy.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>

// A measured value with where it came from, so that every fired rule can show its evidence.
struct Measurement
{
    double value = 0;
    QDate date;
    QString sourceId; // the record it was read from, if any
};

struct BloodPressureReading
{
    int systolicMmHg = 0;
    int diastolicMmHg = 0;
    QDate date;
    QString sourceId;
};

// Everything the grading looks at, as of the assessment date. Unknown values stay empty and
// then no computable rule can fire on them.
struct RiskInput
{
    QDate assessedOn;
    QDate birthDate;
    std::optional<Measurement> heightCm;
    std::optional<Measurement> weightKg; // pre-pregnancy or booking weight
    std::optional<int> fetuses;
    std::optional<double> gestationalWeeks;
    std::optional<int> uterineSurgeries;
    QDate lastUterineSurgeryDate;
    std::optional<Measurement> hbGramsPerLitre;
    std::optional<Measurement> plateletsE9PerLitre;
    std::optional<Measurement> creatinineMicromolPerLitre;
    std::optional<double> creatinineUpperLimit;
    std::optional<Measurement> hbsagPositive; // value 1 positive, 0 negative
    std::optional<Measurement> syphilisPositive;
    std::optional<Measurement> hivPositive;
    QList<BloodPressureReading> bloodPressures;
    std::optional<Measurement> malpresentationAtOrAfter36Weeks; // value 1 if recorded at ≥36+0
    QStringList findings; // rule ids ticked by a clinician

    // The latest value of each input recorded on or before the assessment date.
    static RiskInput fromRecords(const Patient &patient, const Pregnancy &pregnancy, const QList<AntenatalVisit> &visits,
                                 const QList<LabResult> &labs, const QStringList &findings, const QDate &assessedOn);
};

// The values the rule conditions compare, derived once per assessment.
enum class RiskInputId {
    AgeYears,
    Bmi,
    HbGramsPerLitre,
    PlateletsE9PerLitre,
    CreatinineToUpperLimit,
    Fetuses,
    UterineSurgeries,
    MonthsSinceLastUterineSurgery,
    HbsagPositive,
    SyphilisPositive,
    HivPositive,
    BpReadingsAtLeast140over90,
    BpReadingsAtLeast160over110,
    MalpresentationAtOrAfter36Weeks,
    HeightCm, // the screening form's "height ≤145 cm"
    Count
};

struct DerivedValue
{
    bool known = false;
    double value = 0;
    QDate date;
    QString sourceId;
};

using DerivedInputs = std::array<DerivedValue, static_cast<size_t>(RiskInputId::Count)>;

class RiskInputs
{
public:
    static DerivedInputs derive(const RiskInput &input);
    static std::optional<RiskInputId> idFromName(const QString &name);
    static QString name(RiskInputId id);
    static QString unit(RiskInputId id);
    // Completed calendar months between two dates (the 18-month scar interval).
    static int completedMonths(const QDate &from, const QDate &to);
};
