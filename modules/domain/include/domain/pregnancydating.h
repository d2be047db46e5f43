#pragma once

#include "domain/gestationalage.h"

#include <QDate>

#include <optional>

// An ultrasound examination that measured gestational age (usually from CRL or biometry).
struct UltrasoundDating
{
    QDate scanDate;
    GestationalAge gestationalAgeAtScan;
};

enum class DatingSource { LastMenstrualPeriod, Ultrasound };

struct PregnancyDating
{
    QDate edd;
    DatingSource source = DatingSource::LastMenstrualPeriod;
    int discrepancyDays = 0; // ultrasound GA − LMP GA at the scan
};

// Largest LMP-vs-ultrasound discrepancy (days) still accepted before the ultrasound dating takes
// over, by the gestational age by LMP on the day of the scan (ACOG Committee Opinion 700, 2017,
// table 1, whose ranges are "based on LMP"): ≤8+6: 5; 9+0–13+6: 7; 14+0–15+6: 7;
// 16+0–21+6: 10; 22+0–27+6: 14; ≥28+0: 21.
int acceptedDatingDiscrepancyDays(const GestationalAge &ageByLmp);

// EDD from the LMP, overridden by the ultrasound when the difference exceeds the limit for the
// gestational age by LMP at the scan. With no LMP the ultrasound dates the pregnancy.
std::optional<PregnancyDating> datePregnancy(const QDate &lmp,
                                             const std::optional<UltrasoundDating> &ultrasound);
