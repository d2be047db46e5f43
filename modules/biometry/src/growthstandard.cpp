#include "biometry/growthstandard.h"

#include "biometry/hadlockweight.h"
#include "growthcurve.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include <cmath>

Q_LOGGING_CATEGORY(lcGrowth, "obslink.biometry.growth")

QStringList GrowthStandard::builtInIds()
{
    return { QStringLiteral("intergrowth21"), QStringLiteral("hadlock") };
}

Result<GrowthStandard> GrowthStandard::builtIn(const QString &id)
{
    if (!builtInIds().contains(id))
        return failure(
            QStringLiteral("growth.standard-unknown"), tr("There is no growth standard \"%1\".").arg(id));
    auto standard = fromFile(QStringLiteral(":/growth/%1.json").arg(id));
    if (!standard)
        qCWarning(lcGrowth) << "built-in growth standard" << id << "refused:" << standard.error().code;
    return standard;
}

Result<GrowthStandard> GrowthStandard::fromFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(QStringLiteral("growth.standard-unreadable"),
            tr("The growth standard %1 cannot be read.").arg(path));
    return fromJson(file.readAll());
}

Result<GrowthStandard> GrowthStandard::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject())
        return failure(QStringLiteral("growth.standard-invalid"),
            tr("The growth standard is not valid JSON: %1").arg(parseError.errorString()));
    const QJsonObject o = document.object();
    GrowthStandard s;
    s.m_id = o.value(QStringLiteral("id")).toString();
    s.m_name = o.value(QStringLiteral("name")).toString();
    if (s.m_id.isEmpty() || s.m_name.isEmpty())
        return failure(QStringLiteral("growth.standard-invalid"),
            tr("A growth standard needs an \"id\" and a \"name\"."));
    const QString formula = o.value(QStringLiteral("efwFormula")).toString();
    if (formula == QLatin1String("intergrowth-2017"))
        s.m_weightFormula = WeightFormula::Intergrowth2017;
    else if (formula == QLatin1String("hadlock-1985"))
        s.m_weightFormula = WeightFormula::Hadlock1985;
    else
        return failure(QStringLiteral("growth.standard-invalid"),
            tr("%1: \"efwFormula\" is \"intergrowth-2017\" or \"hadlock-1985\".").arg(s.m_name));
    const QJsonObject curves = o.value(QStringLiteral("curves")).toObject();
    for (GrowthMeasure m : GrowthMeasures::all()) {
        const QString key = GrowthMeasures::key(m);
        const QString where = QStringLiteral("%1 %2").arg(s.m_name, GrowthMeasures::abbreviation(m));
        if (!curves.contains(key))
            return failure(
                QStringLiteral("growth.standard-invalid"), tr("%1: the curve is missing.").arg(where));
        auto curve = GrowthCurve::fromJson(curves.value(key).toObject(), where);
        if (!curve)
            return failure(curve.error());
        s.m_curves[size_t(m)] = std::make_shared<const GrowthCurve>(std::move(*curve));
    }
    return s;
}

QString GrowthStandard::source(GrowthMeasure measure) const
{
    return m_curves[size_t(measure)]->source();
}

double GrowthStandard::minimumWeeks(GrowthMeasure measure) const
{
    return m_curves[size_t(measure)]->minimumWeeks();
}

double GrowthStandard::maximumWeeks(GrowthMeasure measure) const
{
    return m_curves[size_t(measure)]->maximumWeeks();
}

bool GrowthStandard::covers(GrowthMeasure measure, double weeks) const
{
    return m_curves[size_t(measure)]->covers(weeks);
}

bool GrowthStandard::hasCentiles(GrowthMeasure measure) const
{
    return m_curves[size_t(measure)]->hasSpread();
}

std::optional<double> GrowthStandard::zScore(GrowthMeasure measure, double weeks, double value) const
{
    return m_curves[size_t(measure)]->zScore(weeks, value);
}

std::optional<double> GrowthStandard::centile(GrowthMeasure measure, double weeks, double value) const
{
    const auto z = zScore(measure, weeks, value);
    return z ? std::optional<double>(centileOfZ(*z)) : std::nullopt;
}

std::optional<double> GrowthStandard::valueAtCentile(
    GrowthMeasure measure, double weeks, double centile) const
{
    if (!(centile > 0 && centile < 100))
        return std::nullopt;
    return m_curves[size_t(measure)]->valueAtZ(
        weeks, std::abs(centile - 50) < 1e-9 ? 0.0 : zOfCentile(centile));
}

std::optional<double> GrowthStandard::estimatedWeightGrams(const FetalBiometry &biometry) const
{
    if (m_weightFormula == WeightFormula::Hadlock1985) {
        const auto efw = HadlockWeight::estimate(biometry);
        return efw ? std::optional<double>(efw->grams) : std::nullopt;
    }
    // Stirnemann 2017, AC and HC in cm: ln EFW = 5.084820 − 54.06633·(AC/100)³
    // − 95.80076·(AC/100)³·ln(AC/100) + 3.136370·(HC/100).
    const auto ac = biometry.centimetres(BiometryMeasure::Ac);
    const auto hc = biometry.centimetres(BiometryMeasure::Hc);
    if (!ac || !hc)
        return std::nullopt;
    const double a = *ac / 100.0;
    const double h = *hc / 100.0;
    return std::exp(5.084820 - 54.06633 * a * a * a - 95.80076 * a * a * a * std::log(a) + 3.136370 * h);
}

QString GrowthStandard::weightFormulaName() const
{
    return m_weightFormula == WeightFormula::Hadlock1985 ? tr("Hadlock 1985")
                                                         : tr("INTERGROWTH-21st (HC, AC)");
}

double GrowthStandard::centileOfZ(double z)
{
    return 50.0 * std::erfc(-z / std::sqrt(2.0));
}

double GrowthStandard::zOfCentile(double centile)
{
    // Bisection on the normal distribution: exact to far below a centile's display precision.
    double low = -9, high = 9;
    for (int i = 0; i < 100; ++i) {
        const double mid = (low + high) / 2;
        (centileOfZ(mid) < centile ? low : high) = mid;
    }
    return (low + high) / 2;
}
