#include "domain/patient.h"

int Patient::ageInYearsOn(const QDate &date) const
{
    if (!birthDate.isValid() || !date.isValid())
        return -1;
    int age = date.year() - birthDate.year();
    // Completed years: the birthday in the assessment year has not come yet.
    if (date.month() < birthDate.month()
        || (date.month() == birthDate.month() && date.day() < birthDate.day()))
        --age;
    return age;
}
