#pragma once

#include "biometry/fetalbiometry.h"

#include <QCoreApplication>

// Estimated fetal weight by Hadlock FP, Harrist RB, Sharman RS, Deter RL, Park SK. Estimation of
// fetal weight with the use of head, body, and femur measurements — a prospective study.
// Am J Obstet Gynecol 1985;151:333–337. Measurements in cm, weight in grams, log10:
//   BPD HC AC FL: 1.3596 − 0.00386·AC·FL + 0.0064·HC + 0.00061·BPD·AC + 0.0424·AC + 0.174·FL
//   HC AC FL:     1.326 − 0.00326·AC·FL + 0.0107·HC + 0.0438·AC + 0.158·FL
//   BPD AC FL:    1.335 − 0.0034·AC·FL + 0.0316·BPD + 0.0457·AC + 0.1623·FL
//   AC FL:        1.304 + 0.05281·AC + 0.1938·FL − 0.004·AC·FL
// The most complete formula the measurements allow is used (the four-parameter one had the
// smallest error in the paper); AC and FL are needed for any of them.
class HadlockWeight
{
    Q_DECLARE_TR_FUNCTIONS(HadlockWeight)
public:
    enum class Formula { BpdHcAcFl, HcAcFl, BpdAcFl, AcFl };

    struct Estimate
    {
        double grams = 0;
        Formula formula = Formula::BpdHcAcFl;
    };

    // Error "biometry.efw-incomplete" without AC and FL.
    static Result<Estimate> estimate(const FetalBiometry &biometry);
    // "Hadlock (BPD, HC, AC, FL)", for the screen and the record.
    static QString formulaName(Formula formula);
};
