#include "biometry/growthmeasure.h"

QList<GrowthMeasure> GrowthMeasures::all()
{
    return { GrowthMeasure::Bpd, GrowthMeasure::Hc, GrowthMeasure::Ac, GrowthMeasure::Fl,
        GrowthMeasure::Efw };
}

QString GrowthMeasures::key(GrowthMeasure measure)
{
    if (const auto biometry = biometryMeasure(measure))
        return BiometryMeasures::key(*biometry);
    return QStringLiteral("efw");
}

std::optional<GrowthMeasure> GrowthMeasures::fromKey(const QString &key)
{
    for (GrowthMeasure m : all())
        if (GrowthMeasures::key(m) == key)
            return m;
    return std::nullopt;
}

QString GrowthMeasures::abbreviation(GrowthMeasure measure)
{
    if (const auto biometry = biometryMeasure(measure))
        return BiometryMeasures::abbreviation(*biometry);
    return QStringLiteral("EFW");
}

QString GrowthMeasures::name(GrowthMeasure measure)
{
    if (const auto biometry = biometryMeasure(measure))
        return BiometryMeasures::name(*biometry);
    return tr("Estimated fetal weight");
}

QString GrowthMeasures::unit(GrowthMeasure measure)
{
    return measure == GrowthMeasure::Efw ? QStringLiteral("g") : QStringLiteral("mm");
}

std::optional<BiometryMeasure> GrowthMeasures::biometryMeasure(GrowthMeasure measure)
{
    switch (measure) {
    case GrowthMeasure::Bpd:
        return BiometryMeasure::Bpd;
    case GrowthMeasure::Hc:
        return BiometryMeasure::Hc;
    case GrowthMeasure::Ac:
        return BiometryMeasure::Ac;
    case GrowthMeasure::Fl:
        return BiometryMeasure::Fl;
    case GrowthMeasure::Efw:
        break;
    }
    return std::nullopt;
}
