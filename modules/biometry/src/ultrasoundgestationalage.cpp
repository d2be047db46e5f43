#include "biometry/ultrasoundgestationalage.h"

#include <cmath>

GestationalAge UltrasoundGestationalAge::fromWeeks(double weeks)
{
    // Completed days; the epsilon keeps a value that is a whole day in exact arithmetic from
    // falling a day short through rounding error.
    return GestationalAge(static_cast<int>(std::floor(weeks * 7.0 + 1e-9)));
}

Error UltrasoundGestationalAge::crlTooLongForDating()
{
    return Error { QStringLiteral("biometry.crl-not-for-dating"),
        tr("A CRL above 84 mm (14+0) no longer dates the pregnancy: measure BPD, HC, AC and FL.") };
}

Result<UltrasoundGestationalAge::Estimate> UltrasoundGestationalAge::fromCrl(double crlMm)
{
    auto valid = BiometryMeasures::validate(BiometryMeasure::Crl, crlMm);
    if (!valid)
        return tl::unexpected(valid.error());
    if (*valid > MaximumCrlForDatingMm)
        return tl::unexpected(crlTooLongForDating());
    const double days = 8.052 * std::sqrt(*valid) + 23.73;
    return Estimate { fromWeeks(days / 7.0), Method::RobinsonCrl, 1 };
}

double UltrasoundGestationalAge::hadlockWeeks(BiometryMeasure measure, double cm)
{
    switch (measure) {
    case BiometryMeasure::Bpd:
        return 9.54 + 1.482 * cm + 0.1676 * cm * cm;
    case BiometryMeasure::Hc:
        return 8.96 + 0.540 * cm + 0.0003 * cm * cm * cm;
    case BiometryMeasure::Ac:
        return 8.14 + 0.753 * cm + 0.0036 * cm * cm;
    case BiometryMeasure::Fl:
        return 10.35 + 2.460 * cm + 0.170 * cm * cm;
    case BiometryMeasure::Crl:
    case BiometryMeasure::Nt:
        break;
    }
    return 0;
}

Result<UltrasoundGestationalAge::Estimate> UltrasoundGestationalAge::fromSingle(
    BiometryMeasure measure, double millimetres)
{
    if (measure == BiometryMeasure::Crl)
        return fromCrl(millimetres);
    if (measure == BiometryMeasure::Nt)
        return failure(QStringLiteral("biometry.not-dating"), tr("NT does not date a pregnancy."));
    auto valid = BiometryMeasures::validate(measure, millimetres);
    if (!valid)
        return tl::unexpected(valid.error());
    return Estimate { fromWeeks(hadlockWeeks(measure, *valid / 10.0)), Method::HadlockSingle, 1 };
}

Result<UltrasoundGestationalAge::Estimate> UltrasoundGestationalAge::estimate(const FetalBiometry &biometry)
{
    if (const auto crl = biometry.millimetres(BiometryMeasure::Crl); crl && *crl <= MaximumCrlForDatingMm)
        return fromCrl(*crl);
    const auto bpd = biometry.centimetres(BiometryMeasure::Bpd);
    const auto hc = biometry.centimetres(BiometryMeasure::Hc);
    const auto ac = biometry.centimetres(BiometryMeasure::Ac);
    const auto fl = biometry.centimetres(BiometryMeasure::Fl);
    if (bpd && hc && ac && fl)
        return Estimate { fromWeeks(10.85 + 0.060 * *hc * *fl + 0.6700 * *bpd + 0.1680 * *ac),
            Method::HadlockComposite, 4 };
    double sum = 0;
    int count = 0;
    for (BiometryMeasure m :
        { BiometryMeasure::Bpd, BiometryMeasure::Hc, BiometryMeasure::Ac, BiometryMeasure::Fl }) {
        if (const auto cm = biometry.centimetres(m)) {
            sum += hadlockWeeks(m, *cm);
            ++count;
        }
    }
    if (count == 0)
        return biometry.has(BiometryMeasure::Crl)
            ? tl::unexpected(crlTooLongForDating())
            : failure(QStringLiteral("biometry.ga-incomplete"),
                tr("Gestational age needs a CRL (first trimester) or BPD, HC, AC or FL."));
    return Estimate { fromWeeks(sum / count), count == 1 ? Method::HadlockSingle : Method::HadlockAverage,
        count };
}

QString UltrasoundGestationalAge::methodName(const Estimate &estimate)
{
    switch (estimate.method) {
    case Method::RobinsonCrl:
        return tr("CRL (Robinson)");
    case Method::HadlockComposite:
        return tr("Hadlock composite (BPD, HC, AC, FL)");
    case Method::HadlockAverage:
        return tr("Hadlock, average of %n measurement(s)", nullptr, estimate.parameters);
    case Method::HadlockSingle:
        return tr("Hadlock, one measurement");
    }
    return {};
}
