#include "handouts/appointmentplan.h"

#include "domain/visitschedule.h"

std::optional<AppointmentSuggestion> AppointmentPlan::after(
    const Pregnancy &pregnancy, const QDate &visitDate, const HandoutTexts &texts, const QLocale &locale)
{
    const QDate edd = pregnancy.edd();
    if (!edd.isValid() || !visitDate.isValid())
        return std::nullopt;
    const QDate due = VisitSchedule::nextDue(edd, visitDate, visitDate);
    if (!due.isValid() || due <= visitDate)
        return std::nullopt;
    return AppointmentSuggestion { due, texts.purposeAt(GestationalAge::onDate(edd, due), locale) };
}
