#include "biometry/biometrymeasure.h"

#include <QLocale>

#include <cmath>

namespace {
struct MeasureFacts
{
    const char *key;
    const char *abbreviation;
    BiometryMeasures::Drawing drawing;
    double minimumMm;
    double maximumMm;
};

// Ranges: about 12 to 42 weeks for BPD, HC, AC and FL (Hadlock 1984 and 1985 were derived on
// 12–42 and 15–42 weeks); CRL from the first measurable embryo to 120 mm (dating stops at
// 84 mm, see UltrasoundGestationalAge); NT up to 10 mm (FMF: 3.5 mm is already above the 99th
// centile, so larger values are real but rare).
const MeasureFacts &facts(BiometryMeasure measure)
{
    static const MeasureFacts table[] = {
        { "bpd", "BPD", BiometryMeasures::Drawing::Distance, 15, 110 },
        { "hc", "HC", BiometryMeasures::Drawing::Ellipse, 60, 400 },
        { "ac", "AC", BiometryMeasures::Drawing::Ellipse, 50, 420 },
        { "fl", "FL", BiometryMeasures::Drawing::Distance, 5, 85 },
        { "crl", "CRL", BiometryMeasures::Drawing::Distance, 3, 120 },
        { "nt", "NT", BiometryMeasures::Drawing::Distance, 0.5, 10 },
    };
    return table[static_cast<int>(measure)];
}
} // namespace

QList<BiometryMeasure> BiometryMeasures::all()
{
    return { BiometryMeasure::Bpd, BiometryMeasure::Hc, BiometryMeasure::Ac, BiometryMeasure::Fl,
        BiometryMeasure::Crl, BiometryMeasure::Nt };
}

QString BiometryMeasures::key(BiometryMeasure measure)
{
    return QString::fromLatin1(facts(measure).key);
}

std::optional<BiometryMeasure> BiometryMeasures::fromKey(const QString &key)
{
    for (BiometryMeasure measure : all())
        if (BiometryMeasures::key(measure) == key)
            return measure;
    return std::nullopt;
}

QString BiometryMeasures::abbreviation(BiometryMeasure measure)
{
    return QString::fromLatin1(facts(measure).abbreviation);
}

QString BiometryMeasures::name(BiometryMeasure measure)
{
    switch (measure) {
    case BiometryMeasure::Bpd:
        return tr("Biparietal diameter");
    case BiometryMeasure::Hc:
        return tr("Head circumference");
    case BiometryMeasure::Ac:
        return tr("Abdominal circumference");
    case BiometryMeasure::Fl:
        return tr("Femur length");
    case BiometryMeasure::Crl:
        return tr("Crown–rump length");
    case BiometryMeasure::Nt:
        return tr("Nuchal translucency");
    }
    return {};
}

BiometryMeasures::Drawing BiometryMeasures::drawing(BiometryMeasure measure)
{
    return facts(measure).drawing;
}

double BiometryMeasures::minimumMm(BiometryMeasure measure)
{
    return facts(measure).minimumMm;
}

double BiometryMeasures::maximumMm(BiometryMeasure measure)
{
    return facts(measure).maximumMm;
}

Result<double> BiometryMeasures::validate(BiometryMeasure measure, double millimetres)
{
    if (std::isfinite(millimetres) && millimetres >= minimumMm(measure) && millimetres <= maximumMm(measure))
        return millimetres;
    const QLocale locale;
    return failure(QStringLiteral("biometry.out-of-range"),
        tr("%1 of %2 mm is outside %3–%4 mm, the range its formulas hold for: check the calliper placement.")
            .arg(abbreviation(measure),
                std::isfinite(millimetres) ? locale.toString(millimetres, 'f', 1) : QStringLiteral("?"),
                locale.toString(minimumMm(measure)), locale.toString(maximumMm(measure))));
}
