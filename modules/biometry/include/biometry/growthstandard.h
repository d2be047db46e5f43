#pragma once

#include "biometry/fetalbiometry.h"
#include "biometry/growthmeasure.h"

#include <QCoreApplication>
#include <QStringList>

#include <array>
#include <memory>
#include <optional>

class GrowthCurve;

// A published fetal growth standard: for BPD, HC, AC, FL and EFW, the distribution of the
// measure at each gestational age, and the EFW formula its weight centiles were made for. The
// equations and coefficients are data (resources/growth/<id>.json, each curve citing its
// source), validated when loaded; docs/biometry.md lists them. Built in:
//  - "intergrowth21" (the default): INTERGROWTH-21st, Papageorghiou 2014 (biometry) and
//    Stirnemann 2017 (EFW by its own formula from HC and AC);
//  - "hadlock": Hadlock 1991's weight standard (EFW by Hadlock 1985) and, for BPD, HC, AC and
//    FL, only the size Hadlock 1984 dates at each week (no centiles).
class GrowthStandard
{
    Q_DECLARE_TR_FUNCTIONS(GrowthStandard)
public:
    static constexpr auto DefaultId = "intergrowth21";

    static QStringList builtInIds();
    // Error "growth.standard-unknown" for an id not built in.
    static Result<GrowthStandard> builtIn(const QString &id);
    static Result<GrowthStandard> fromFile(const QString &path);
    // Error "growth.standard-invalid" (with what is wrong) for a file that is not a complete,
    // sensible standard.
    static Result<GrowthStandard> fromJson(const QByteArray &json);

    QString id() const { return m_id; }
    QString name() const { return m_name; } // a proper name, as published
    QString source(GrowthMeasure measure) const;
    double minimumWeeks(GrowthMeasure measure) const;
    double maximumWeeks(GrowthMeasure measure) const;
    bool covers(GrowthMeasure measure, double weeks) const;
    // False where the standard gives only the median (Hadlock 1984 biometry).
    bool hasCentiles(GrowthMeasure measure) const;

    // At gestational age `weeks` (exact: days / 7). None outside the weeks the curve covers or
    // without centiles.
    std::optional<double> zScore(GrowthMeasure measure, double weeks, double value) const;
    std::optional<double> centile(GrowthMeasure measure, double weeks, double value) const;
    // The value at a centile (0–100 exclusive); the 50th also where there are no centiles.
    std::optional<double> valueAtCentile(GrowthMeasure measure, double weeks, double centile) const;

    // The EFW this standard's weight centiles are for: INTERGROWTH-21st's from HC and AC
    // (Stirnemann 2017), Hadlock 1985's from AC and FL (and BPD, HC). None without the inputs.
    std::optional<double> estimatedWeightGrams(const FetalBiometry &biometry) const;
    QString weightFormulaName() const;

    static double centileOfZ(double z);
    static double zOfCentile(double centile);

private:
    enum class WeightFormula { Intergrowth2017, Hadlock1985 };

    QString m_id;
    QString m_name;
    WeightFormula m_weightFormula = WeightFormula::Intergrowth2017;
    std::array<std::shared_ptr<const GrowthCurve>, 5> m_curves;
};
