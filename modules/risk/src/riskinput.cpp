#include "risk/riskinput.h"

#include <algorithm>

namespace {
struct InputInfo
{
    RiskInputId id;
    const char *name;
    const char *unit;
};

constexpr std::array<InputInfo, static_cast<size_t>(RiskInputId::Count)> inputInfo{{
    {RiskInputId::AgeYears, "ageYears", "years"},
    {RiskInputId::Bmi, "bmi", "kg/m\u00b2"},
    {RiskInputId::HbGramsPerLitre, "hbGramsPerLitre", "g/L"},
    {RiskInputId::PlateletsE9PerLitre, "plateletsE9PerLitre", "\u00d710\u2079/L"},
    {RiskInputId::CreatinineToUpperLimit, "creatinineToUpperLimit", "\u00d7ULN"},
    {RiskInputId::Fetuses, "fetuses", ""},
    {RiskInputId::UterineSurgeries, "uterineSurgeries", ""},
    {RiskInputId::MonthsSinceLastUterineSurgery, "monthsSinceLastUterineSurgery", "months"},
    {RiskInputId::HbsagPositive, "hbsagPositive", ""},
    {RiskInputId::SyphilisPositive, "syphilisPositive", ""},
    {RiskInputId::HivPositive, "hivPositive", ""},
    {RiskInputId::BpReadingsAtLeast140over90, "bpReadingsAtLeast140over90", "readings"},
    {RiskInputId::BpReadingsAtLeast160over110, "bpReadingsAtLeast160over110", "readings"},
    {RiskInputId::MalpresentationAtOrAfter36Weeks, "malpresentationAtOrAfter36Weeks", ""},
    {RiskInputId::HeightCm, "heightCm", "cm"},
}};

DerivedValue from(const std::optional<Measurement> &m)
{
    if (!m)
        return {};
    return {true, m->value, m->date, m->sourceId};
}

template <typename Pick>
std::optional<Measurement> latestLab(const QList<LabResult> &labs, LabTest test, const QDate &on, Pick value)
{
    std::optional<Measurement> latest;
    for (const LabResult &lab : labs) {
        if (lab.test != test || lab.meta.deleted || (on.isValid() && lab.takenOn > on))
            continue;
        const std::optional<double> v = value(lab);
        if (!v)
            continue;
        if (!latest || lab.takenOn >= latest->date)
            latest = Measurement{*v, lab.takenOn, lab.meta.id.toString(QUuid::WithoutBraces)};
    }
    return latest;
}
} // namespace

int RiskInputs::completedMonths(const QDate &from, const QDate &to)
{
    int months = (to.year() - from.year()) * 12 + (to.month() - from.month());
    if (to.day() < from.day())
        --months;
    return months;
}

std::optional<RiskInputId> RiskInputs::idFromName(const QString &name)
{
    for (const InputInfo &info : inputInfo)
        if (name == QLatin1String(info.name))
            return info.id;
    return std::nullopt;
}

QString RiskInputs::name(RiskInputId id)
{
    return QString::fromLatin1(inputInfo[static_cast<size_t>(id)].name);
}

QString RiskInputs::unit(RiskInputId id)
{
    return QString::fromUtf8(inputInfo[static_cast<size_t>(id)].unit);
}

DerivedInputs RiskInputs::derive(const RiskInput &in)
{
    DerivedInputs d{};
    auto set = [&d](RiskInputId id, DerivedValue value) { d[static_cast<size_t>(id)] = value; };
    if (in.birthDate.isValid() && in.assessedOn.isValid()) {
        Patient p;
        p.birthDate = in.birthDate;
        set(RiskInputId::AgeYears, {true, static_cast<double>(p.ageInYearsOn(in.assessedOn)), in.assessedOn, {}});
    }
    if (in.heightCm && in.weightKg && in.heightCm->value > 0) {
        const double metres = in.heightCm->value / 100.0;
        set(RiskInputId::Bmi, {true, in.weightKg->value / (metres * metres), in.weightKg->date, in.weightKg->sourceId});
    }
    set(RiskInputId::HbGramsPerLitre, from(in.hbGramsPerLitre));
    set(RiskInputId::PlateletsE9PerLitre, from(in.plateletsE9PerLitre));
    if (in.creatinineMicromolPerLitre && in.creatinineUpperLimit && *in.creatinineUpperLimit > 0) {
        DerivedValue ratio = from(in.creatinineMicromolPerLitre);
        ratio.value /= *in.creatinineUpperLimit;
        set(RiskInputId::CreatinineToUpperLimit, ratio);
    }
    if (in.fetuses)
        set(RiskInputId::Fetuses, {true, static_cast<double>(*in.fetuses), in.assessedOn, {}});
    if (in.uterineSurgeries)
        set(RiskInputId::UterineSurgeries, {true, static_cast<double>(*in.uterineSurgeries), in.assessedOn, {}});
    if (in.lastUterineSurgeryDate.isValid() && in.assessedOn.isValid())
        set(RiskInputId::MonthsSinceLastUterineSurgery,
            {true, static_cast<double>(completedMonths(in.lastUterineSurgeryDate, in.assessedOn)), in.lastUterineSurgeryDate, {}});
    set(RiskInputId::HbsagPositive, from(in.hbsagPositive));
    set(RiskInputId::SyphilisPositive, from(in.syphilisPositive));
    set(RiskInputId::HivPositive, from(in.hivPositive));
    if (!in.bloodPressures.isEmpty()) {
        int raised = 0;
        int severe = 0;
        DerivedValue last{true, 0, {}, {}};
        for (const BloodPressureReading &bp : in.bloodPressures) {
            // Hypertension in pregnancy: systolic ≥140 or diastolic ≥90 mmHg; severe ≥160/110.
            if (bp.systolicMmHg >= 140 || bp.diastolicMmHg >= 90) {
                ++raised;
                last.date = bp.date;
                last.sourceId = bp.sourceId;
            }
            if (bp.systolicMmHg >= 160 || bp.diastolicMmHg >= 110)
                ++severe;
        }
        last.value = raised;
        set(RiskInputId::BpReadingsAtLeast140over90, last);
        last.value = severe;
        set(RiskInputId::BpReadingsAtLeast160over110, last);
    }
    set(RiskInputId::MalpresentationAtOrAfter36Weeks, from(in.malpresentationAtOrAfter36Weeks));
    set(RiskInputId::HeightCm, from(in.heightCm));
    return d;
}

RiskInput RiskInput::fromRecords(const Patient &patient, const Pregnancy &pregnancy, const QList<AntenatalVisit> &visits,
                                 const QList<LabResult> &labs, const QStringList &findings, const QDate &assessedOn)
{
    RiskInput in;
    in.assessedOn = assessedOn;
    in.birthDate = patient.birthDate;
    const QString pregnancyId = pregnancy.meta.id.toString(QUuid::WithoutBraces);
    if (pregnancy.heightCm)
        in.heightCm = Measurement{*pregnancy.heightCm, pregnancy.bookingDate, pregnancyId};
    if (pregnancy.prePregnancyWeightKg) {
        in.weightKg = Measurement{*pregnancy.prePregnancyWeightKg, pregnancy.bookingDate, pregnancyId};
    } else {
        // No pre-pregnancy weight: the booking visit's weight, as the national table allows.
        for (const AntenatalVisit &v : visits)
            if (v.weightKg && !v.meta.deleted) {
                in.weightKg = Measurement{*v.weightKg, v.visitDate, v.meta.id.toString(QUuid::WithoutBraces)};
                break;
            }
    }
    in.fetuses = pregnancy.fetuses;
    if (const auto age = pregnancy.gestationalAgeOn(assessedOn))
        in.gestationalWeeks = age->totalDays() / 7.0;
    in.uterineSurgeries = pregnancy.uterineSurgeries;
    in.lastUterineSurgeryDate = pregnancy.lastUterineSurgeryDate;
    auto value = [](const LabResult &lab) { return lab.value; };
    auto positive = [](const LabResult &lab) -> std::optional<double> {
        if (lab.serology == Serology::Unknown)
            return std::nullopt;
        return lab.serology == Serology::Positive ? 1.0 : 0.0;
    };
    in.hbGramsPerLitre = latestLab(labs, LabTest::Haemoglobin, assessedOn, value);
    in.plateletsE9PerLitre = latestLab(labs, LabTest::Platelets, assessedOn, value);
    in.creatinineMicromolPerLitre = latestLab(labs, LabTest::Creatinine, assessedOn, value);
    for (const LabResult &lab : labs)
        if (lab.test == LabTest::Creatinine && lab.upperLimitOfNormal && in.creatinineMicromolPerLitre
            && lab.meta.id.toString(QUuid::WithoutBraces) == in.creatinineMicromolPerLitre->sourceId)
            in.creatinineUpperLimit = lab.upperLimitOfNormal;
    in.hbsagPositive = latestLab(labs, LabTest::HBsAg, assessedOn, positive);
    in.syphilisPositive = latestLab(labs, LabTest::Syphilis, assessedOn, positive);
    in.hivPositive = latestLab(labs, LabTest::Hiv, assessedOn, positive);
    for (const AntenatalVisit &v : visits) {
        if (v.meta.deleted || v.visitDate > assessedOn)
            continue;
        const QString source = v.meta.id.toString(QUuid::WithoutBraces);
        if (v.systolicMmHg && v.diastolicMmHg)
            in.bloodPressures.append({*v.systolicMmHg, *v.diastolicMmHg, v.visitDate, source});
        const bool malpresented = v.presentation == FetalPresentation::Breech || v.presentation == FetalPresentation::Transverse
                                  || v.presentation == FetalPresentation::Oblique;
        if (v.presentation != FetalPresentation::Unknown && v.gestationalAge.totalDays() >= 36 * 7)
            in.malpresentationAtOrAfter36Weeks = Measurement{malpresented ? 1.0 : 0.0, v.visitDate, source};
    }
    in.findings = findings;
    return in;
}
