#pragma once

#include "biometry/fetalbiometry.h"
#include "domain/gestationalage.h"

#include <QCoreApplication>

// Gestational age by ultrasound, in completed days (as the FMF states its CRL window: 45 mm is
// 11+0, 84 mm is 13+6):
//  - first trimester, CRL up to 84 mm: Robinson HP, Fleming JE. A critical evaluation of sonar
//    "crown-rump length" measurements. Br J Obstet Gynaecol 1975;82:702–710, in the form BMUS
//    (2009) uses: days = 8.052·√CRL(mm) + 23.73. ACOG Committee Opinion 700 dates by CRL up to
//    84 mm (14+0); beyond it the head and body are measured instead;
//  - later: Hadlock FP, Deter RL, Harrist RB, Park SK. Estimating fetal age: computer-assisted
//    analysis of multiple fetal growth parameters. Radiology 1984;152:497–501 (cm → weeks):
//      BPD: 9.54 + 1.482·BPD + 0.1676·BPD²        HC: 8.96 + 0.540·HC + 0.0003·HC³
//      AC:  8.14 + 0.753·AC + 0.0036·AC²          FL: 10.35 + 2.460·FL + 0.170·FL²
//      composite: 10.85 + 0.060·HC·FL + 0.6700·BPD + 0.1680·AC
//    With all four the composite is used; with fewer, the average of the single-parameter ages
//    (average ultrasound age, as machines report it), and the result says which.
class UltrasoundGestationalAge
{
    Q_DECLARE_TR_FUNCTIONS(UltrasoundGestationalAge)
public:
    static constexpr double MaximumCrlForDatingMm = 84.0;

    enum class Method { RobinsonCrl, HadlockComposite, HadlockAverage, HadlockSingle };

    struct Estimate
    {
        GestationalAge age;
        Method method = Method::RobinsonCrl;
        int parameters = 1; // measurements it rests on
    };

    // Error "biometry.crl-not-for-dating" above 84 mm, "biometry.out-of-range" outside the range.
    static Result<Estimate> fromCrl(double crlMm);
    // BPD, HC, AC or FL alone (Hadlock 1984); NT and CRL are refused.
    static Result<Estimate> fromSingle(BiometryMeasure measure, double millimetres);
    // The best estimate the measurements allow (CRL first, then Hadlock); error
    // "biometry.ga-incomplete" when none dates the pregnancy.
    static Result<Estimate> estimate(const FetalBiometry &biometry);

    static QString methodName(const Estimate &estimate);

private:
    static double hadlockWeeks(BiometryMeasure measure, double cm);
    static GestationalAge fromWeeks(double weeks);
    static Error crlTooLongForDating();
};
