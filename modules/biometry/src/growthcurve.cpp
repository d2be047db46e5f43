#include "growthcurve.h"

#include "biometry/growthstandard.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace {
// Linear interpolation of y at x on a polyline with increasing xs, extended beyond its ends
// along its first and last segments.
double interpolate(const QList<double> &xs, const QList<double> &ys, double x)
{
    qsizetype i = 1;
    while (i < xs.size() - 1 && x > xs[i])
        ++i;
    const double x0 = xs[i - 1], x1 = xs[i];
    return ys[i - 1] + (ys[i] - ys[i - 1]) * (x - x0) / (x1 - x0);
}
} // namespace

Result<GrowthCurve> GrowthCurve::fromJson(const QJsonObject &o, const QString &where)
{
    const auto invalid = [&where](const QString &why) {
        return failure(QStringLiteral("growth.standard-invalid"), tr("%1: %2").arg(where, why));
    };
    GrowthCurve c;
    c.m_source = o.value(QStringLiteral("source")).toString();
    if (c.m_source.trimmed().isEmpty())
        return invalid(tr("every curve cites its source."));
    const QJsonArray weeks = o.value(QStringLiteral("weeks")).toArray();
    if (weeks.size() != 2 || !weeks[0].isDouble() || !weeks[1].isDouble())
        return invalid(tr("\"weeks\" is [first, last] gestational week."));
    c.m_minimumWeeks = weeks[0].toDouble();
    c.m_maximumWeeks = weeks[1].toDouble();
    if (c.m_minimumWeeks < 8 || c.m_maximumWeeks > 44 || c.m_minimumWeeks >= c.m_maximumWeeks)
        return invalid(tr("the weeks must lie between 8 and 44, first before last."));
    const QString model = o.value(QStringLiteral("model")).toString();
    auto equation = [&](const char *key, FractionalPolynomial &into) -> Result<void> {
        auto p = FractionalPolynomial::fromJson(
            o.value(QLatin1String(key)), QStringLiteral("%1 %2").arg(where, QLatin1String(key)));
        if (!p)
            return failure(p.error());
        into = *p;
        return {};
    };
    Result<void> read;
    if (model == QLatin1String("normal")) {
        c.m_model = Model::Normal;
        if (!(read = equation("mean", c.m_first)) || !(read = equation("sd", c.m_second)))
            return failure(read.error());
    } else if (model == QLatin1String("box-cox-of-log")) {
        c.m_model = Model::BoxCoxOfLog;
        if (!(read = equation("lambda", c.m_first)) || !(read = equation("mu", c.m_second))
            || !(read = equation("sigma", c.m_third)))
            return failure(read.error());
    } else if (model == QLatin1String("inverse-dating")) {
        c.m_model = Model::InverseDating;
        if (!(read = equation("dating", c.m_first)))
            return failure(read.error());
    } else if (model == QLatin1String("centile-table")) {
        c.m_model = Model::CentileTable;
        double previous = 0;
        for (const QJsonValue &v : o.value(QStringLiteral("centiles")).toArray()) {
            const double centile = v.toDouble(-1);
            if (centile <= previous || centile >= 100)
                return invalid(tr("\"centiles\" rise strictly between 0 and 100."));
            c.m_tableZ.append(GrowthStandard::zOfCentile(centile));
            previous = centile;
        }
        if (c.m_tableZ.size() < 2)
            return invalid(tr("a centile table prints at least two centiles."));
        for (const QJsonValue &r : o.value(QStringLiteral("rows")).toArray()) {
            QList<double> row;
            for (const QJsonValue &cell : r.toArray())
                row.append(cell.toDouble(std::nan("")));
            if (row.size() != c.m_tableZ.size() + 1
                || std::any_of(row.begin(), row.end(), [](double x) { return !std::isfinite(x); }))
                return invalid(tr("each row is its week and one number per centile."));
            if (!std::is_sorted(row.begin() + 1, row.end())
                || std::adjacent_find(row.begin() + 1, row.end()) != row.end())
                return invalid(tr("the row for week %1 does not rise with the centile.").arg(row[0]));
            if (!c.m_tableRows.isEmpty() && row[0] != c.m_tableRows.last()[0] + 1)
                return invalid(tr("the rows follow one another week by week."));
            c.m_tableRows.append(row);
        }
        if (c.m_tableRows.isEmpty() || c.m_tableRows.first()[0] > c.m_minimumWeeks
            || c.m_tableRows.last()[0] < c.m_maximumWeeks)
            return invalid(tr("the rows cover the weeks of the curve."));
    } else {
        return invalid(tr("unknown model \"%1\".").arg(model));
    }
    if (auto valid = c.validate(where); !valid)
        return failure(valid.error());
    return c;
}

Result<void> GrowthCurve::validate(const QString &where) const
{
    // Week by week the median must grow and the 3rd centile stay below the 97th: a mistyped
    // coefficient shows here rather than as a wrong centile on a woman's chart.
    const double z3 = GrowthStandard::zOfCentile(3);
    std::optional<double> previous;
    for (double w = m_minimumWeeks; w <= m_maximumWeeks + 1e-9; w += 0.5) {
        const auto median = valueAtZ(w, 0);
        if (!median || !std::isfinite(*median) || *median <= 0 || (previous && *median <= *previous))
            return failure(QStringLiteral("growth.standard-invalid"),
                tr("%1: the median does not grow with gestational age at %2 weeks: check the coefficients.")
                    .arg(where)
                    .arg(w));
        previous = median;
        if (hasSpread()) {
            const auto low = valueAtZ(w, z3);
            const auto high = valueAtZ(w, -z3);
            if (!low || !high || !(*low < *median && *median < *high))
                return failure(QStringLiteral("growth.standard-invalid"),
                    tr("%1: the centiles are not in order at %2 weeks: check the coefficients.")
                        .arg(where)
                        .arg(w));
        }
    }
    return {};
}

QList<double> GrowthCurve::tableRowAt(double weeks) const
{
    const double first = m_tableRows.first()[0];
    const qsizetype below
        = std::clamp<qsizetype>(qsizetype(std::floor(weeks - first)), 0, m_tableRows.size() - 1);
    const qsizetype above = std::min<qsizetype>(below + 1, m_tableRows.size() - 1);
    const double t = above == below ? 0 : weeks - m_tableRows[below][0];
    QList<double> values;
    for (qsizetype i = 1; i < m_tableRows[below].size(); ++i)
        values.append(m_tableRows[below][i] + t * (m_tableRows[above][i] - m_tableRows[below][i]));
    return values;
}

std::optional<double> GrowthCurve::tableValueAtZ(double weeks, double z) const
{
    return interpolate(m_tableZ, tableRowAt(weeks), z);
}

std::optional<double> GrowthCurve::zScore(double weeks, double value) const
{
    if (!covers(weeks) || !hasSpread() || !std::isfinite(value) || value <= 0)
        return std::nullopt;
    switch (m_model) {
    case Model::Normal:
        return (value - m_first.at(weeks)) / m_second.at(weeks);
    case Model::BoxCoxOfLog: {
        const double lambda = m_first.at(weeks);
        const double mu = m_second.at(weeks);
        const double sigma = m_third.at(weeks);
        const double ratio = std::log(value) / mu;
        if (ratio <= 0)
            return std::nullopt;
        if (std::abs(lambda) < 1e-9)
            return std::log(ratio) / sigma;
        return (std::pow(ratio, lambda) - 1) / (lambda * sigma);
    }
    case Model::CentileTable:
        return interpolate(tableRowAt(weeks), m_tableZ, value);
    case Model::InverseDating:
        break;
    }
    return std::nullopt;
}

std::optional<double> GrowthCurve::valueAtZ(double weeks, double z) const
{
    if (!covers(weeks) || !std::isfinite(z))
        return std::nullopt;
    switch (m_model) {
    case Model::Normal:
        return m_first.at(weeks) + z * m_second.at(weeks);
    case Model::BoxCoxOfLog: {
        const double lambda = m_first.at(weeks);
        const double mu = m_second.at(weeks);
        const double sigma = m_third.at(weeks);
        if (std::abs(lambda) < 1e-9)
            return std::exp(mu * std::exp(sigma * z));
        const double base = 1 + lambda * sigma * z;
        if (base <= 0)
            return std::nullopt;
        return std::exp(mu * std::pow(base, 1 / lambda));
    }
    case Model::CentileTable:
        return tableValueAtZ(weeks, z);
    case Model::InverseDating: {
        if (z != 0)
            return std::nullopt;
        // The dating regressions rise with size over the measurable range: bisection on
        // 0.1–60 cm for the size they date at these weeks, in millimetres.
        double low = 0.1, high = 60;
        if (m_first.at(low) > weeks || m_first.at(high) < weeks)
            return std::nullopt;
        for (int i = 0; i < 80; ++i) {
            const double mid = (low + high) / 2;
            (m_first.at(mid) < weeks ? low : high) = mid;
        }
        return (low + high) / 2 * 10.0;
    }
    }
    return std::nullopt;
}
