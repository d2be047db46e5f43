#include "domain/pregnancydating.h"

#include <cstdlib>

int acceptedDatingDiscrepancyDays(const GestationalAge &ageByLmp)
{
    const int days = ageByLmp.totalDays();
    if (days < 9 * 7)
        return 5;
    if (days < 16 * 7)
        return 7;
    if (days < 22 * 7)
        return 10;
    if (days < 28 * 7)
        return 14;
    return 21;
}

std::optional<PregnancyDating> datePregnancy(const QDate &lmp,
                                             const std::optional<UltrasoundDating> &ultrasound)
{
    const bool usable = ultrasound && ultrasound->scanDate.isValid();
    QDate ultrasoundEdd;
    if (usable)
        ultrasoundEdd = ultrasound->scanDate.addDays(GestationalAge::DaysAtTerm
                                                     - ultrasound->gestationalAgeAtScan.totalDays());
    if (!lmp.isValid()) {
        if (!usable)
            return std::nullopt;
        return PregnancyDating{ultrasoundEdd, DatingSource::Ultrasound, 0};
    }
    const QDate lmpEdd = eddByNaegele(lmp);
    if (!usable)
        return PregnancyDating{lmpEdd, DatingSource::LastMenstrualPeriod, 0};

    const GestationalAge byLmp = GestationalAge::onDate(lmpEdd, ultrasound->scanDate);
    const int discrepancy = ultrasound->gestationalAgeAtScan.totalDays() - byLmp.totalDays();
    // ACOG's table picks the limit by the gestational age by LMP at the scan, not by the scan's.
    if (std::abs(discrepancy) > acceptedDatingDiscrepancyDays(byLmp))
        return PregnancyDating{ultrasoundEdd, DatingSource::Ultrasound, discrepancy};
    return PregnancyDating{lmpEdd, DatingSource::LastMenstrualPeriod, discrepancy};
}
