#include "domain/gestationalage.h"

GestationalAge GestationalAge::onDate(const QDate &edd, const QDate &date)
{
    return GestationalAge(DaysAtTerm - static_cast<int>(date.daysTo(edd)));
}

int GestationalAge::trimester() const
{
    if (m_days < 14 * 7)
        return 1;
    if (m_days < 28 * 7)
        return 2;
    return 3;
}

QString GestationalAge::toString() const
{
    return QStringLiteral("%1+%2").arg(completedWeeks()).arg(extraDays());
}

QDate eddByNaegele(const QDate &lmp)
{
    if (!lmp.isValid())
        return {};
    return lmp.addDays(GestationalAge::DaysAtTerm);
}

QDate lmpEquivalentForEdd(const QDate &edd)
{
    return edd.isValid() ? edd.addDays(-GestationalAge::DaysAtTerm) : QDate();
}
