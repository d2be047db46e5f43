#pragma once

#include "domain/pregnancy.h"
#include "handouts/handouttexts.h"

#include <QDate>
#include <QLocale>
#include <QString>

#include <optional>

struct AppointmentSuggestion
{
    QDate on;
    QString purpose; // what the check on that date is for, in the locale's language
};

// The next appointment the visit form proposes: the visit schedule's interval after this visit
// (VisitSchedule: 4 weeks before 28, 2 weeks to 36, then weekly; never past 41+6), and what the
// check at that gestational age is for. None when the visit is already at 41+6 or later, or the
// pregnancy cannot be dated.
class AppointmentPlan
{
public:
    static std::optional<AppointmentSuggestion> after(const Pregnancy &pregnancy, const QDate &visitDate,
        const HandoutTexts &texts, const QLocale &locale = QLocale());
};
