#pragma once

#include "fractionalpolynomial.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <optional>

// One measure of a growth standard: its distribution at each gestational age (exact weeks), in
// one of the forms the publications give:
//  - normal: mean and SD equations (INTERGROWTH-21st biometry, Papageorghiou 2014);
//  - box-cox-of-log: skewness λ, median μ and coefficient of variation σ of ln(value)
//    (INTERGROWTH-21st EFW, Stirnemann 2017): z = ((ln v / μ)^λ − 1) / (λσ);
//  - centile-table: centiles printed week by week (Hadlock 1991 Table 2), interpolated linearly
//    between weeks and, at a week, linearly on the z scale between the printed centiles;
//  - inverse-dating: only the size a dating regression gives at each week (Hadlock 1984), the
//    50th line with no spread.
class GrowthCurve
{
    Q_DECLARE_TR_FUNCTIONS(GrowthCurve)
public:
    enum class Model { Normal, BoxCoxOfLog, CentileTable, InverseDating };

    static Result<GrowthCurve> fromJson(const QJsonObject &o, const QString &where);

    Model model() const { return m_model; }
    QString source() const { return m_source; }
    double minimumWeeks() const { return m_minimumWeeks; }
    double maximumWeeks() const { return m_maximumWeeks; }
    bool covers(double weeks) const
    {
        return weeks >= m_minimumWeeks - 1e-9 && weeks <= m_maximumWeeks + 1e-9;
    }
    bool hasSpread() const { return m_model != Model::InverseDating; }

    // Outside the weeks covered, or without a spread: none.
    std::optional<double> zScore(double weeks, double value) const;
    // The value at z (z = 0 is the median; only z = 0 without a spread).
    std::optional<double> valueAtZ(double weeks, double z) const;

private:
    Result<void> validate(const QString &where) const;
    std::optional<double> tableValueAtZ(double weeks, double z) const;
    QList<double> tableRowAt(double weeks) const;

    Model m_model = Model::Normal;
    QString m_source;
    double m_minimumWeeks = 0;
    double m_maximumWeeks = 0;
    // Normal: mean, sd. BoxCoxOfLog: lambda, mu, sigma. InverseDating: weeks from size (cm).
    FractionalPolynomial m_first;
    FractionalPolynomial m_second;
    FractionalPolynomial m_third;
    QList<double> m_tableZ; // z of each printed centile, ascending
    QList<QList<double>> m_tableRows; // [weeks, value at each centile …]
};
