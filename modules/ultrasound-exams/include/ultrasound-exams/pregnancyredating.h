#pragma once

#include "domain/pregnancy.h"
#include "ultrasound-exams/ultrasoundexam.h"

#include <QCoreApplication>

// What using an ultrasound exam to date a pregnancy would do, said so that the clinician sees
// whether the EDD changes and why before anything is stored. The decision itself is the
// domain's ACOG rule (datePregnancy, Committee Opinion 700); this adds the cases where an exam
// cannot be used at all:
//  - it has no gestational age by ultrasound;
//  - the pregnancy has ended;
//  - the pregnancy is already dated by an earlier scan (ACOG: once the EDD is set by the
//    earliest ultrasound it is not changed by later ones).
struct RedatingProposal
{
    bool refused = false;
    QDate eddBefore;
    QDate eddAfter;
    DatingSource sourceAfter = DatingSource::LastMenstrualPeriod;
    std::optional<GestationalAge> ageByLmpAtScan; // when there is an LMP
    int discrepancyDays = 0; // ultrasound − LMP
    int acceptedDays = 0; // ACOG limit at the GA by LMP
    QString explanation; // translated, one or two sentences

    bool changesEdd() const { return !refused && eddAfter != eddBefore; }
};

class PregnancyRedating
{
    Q_DECLARE_TR_FUNCTIONS(PregnancyRedating)
public:
    static RedatingProposal propose(const Pregnancy &pregnancy, const UltrasoundExam &exam);
};
