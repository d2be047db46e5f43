#include "biometry/hadlockweight.h"

#include <cmath>

Result<HadlockWeight::Estimate> HadlockWeight::estimate(const FetalBiometry &biometry)
{
    const auto ac = biometry.centimetres(BiometryMeasure::Ac);
    const auto fl = biometry.centimetres(BiometryMeasure::Fl);
    if (!ac || !fl)
        return failure(QStringLiteral("biometry.efw-incomplete"),
            tr("The estimated fetal weight needs at least AC and FL."));
    const auto hc = biometry.centimetres(BiometryMeasure::Hc);
    const auto bpd = biometry.centimetres(BiometryMeasure::Bpd);
    const double a = *ac;
    const double f = *fl;
    double log10Grams = 0;
    Formula formula = Formula::AcFl;
    if (bpd && hc) {
        formula = Formula::BpdHcAcFl;
        log10Grams = 1.3596 - 0.00386 * a * f + 0.0064 * *hc + 0.00061 * *bpd * a + 0.0424 * a + 0.174 * f;
    } else if (hc) {
        formula = Formula::HcAcFl;
        log10Grams = 1.326 - 0.00326 * a * f + 0.0107 * *hc + 0.0438 * a + 0.158 * f;
    } else if (bpd) {
        formula = Formula::BpdAcFl;
        log10Grams = 1.335 - 0.0034 * a * f + 0.0316 * *bpd + 0.0457 * a + 0.1623 * f;
    } else {
        log10Grams = 1.304 + 0.05281 * a + 0.1938 * f - 0.004 * a * f;
    }
    return Estimate { std::pow(10.0, log10Grams), formula };
}

QString HadlockWeight::formulaName(Formula formula)
{
    switch (formula) {
    case Formula::BpdHcAcFl:
        return tr("Hadlock 1985 (BPD, HC, AC, FL)");
    case Formula::HcAcFl:
        return tr("Hadlock 1985 (HC, AC, FL)");
    case Formula::BpdAcFl:
        return tr("Hadlock 1985 (BPD, AC, FL)");
    case Formula::AcFl:
        return tr("Hadlock 1985 (AC, FL)");
    }
    return {};
}
