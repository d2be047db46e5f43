#include "domain/pregnancy.h"

#include "domain/bodymass.h"

#include <array>
#include <utility>

namespace {
constexpr std::array<std::pair<PregnancyStatus, const char *>, 4> statusKeys{{
    {PregnancyStatus::Booked, "booked"},
    {PregnancyStatus::Delivered, "delivered"},
    {PregnancyStatus::Closed, "closed"},
    {PregnancyStatus::Transferred, "transferred"},
}};
} // namespace

QString pregnancyStatusKey(PregnancyStatus status)
{
    for (const auto &[value, key] : statusKeys)
        if (value == status)
            return QString::fromLatin1(key);
    return {};
}

std::optional<PregnancyStatus> pregnancyStatusFromKey(const QString &key)
{
    for (const auto &[value, name] : statusKeys)
        if (key == QLatin1String(name))
            return value;
    return std::nullopt;
}

QDate Pregnancy::edd() const
{
    const auto dating = datePregnancy(lmp, ultrasoundDating);
    return dating ? dating->edd : QDate();
}

std::optional<GestationalAge> Pregnancy::gestationalAgeOn(const QDate &date) const
{
    const QDate due = edd();
    if (!due.isValid() || !date.isValid())
        return std::nullopt;
    return GestationalAge::onDate(due, date);
}

std::optional<double> Pregnancy::prePregnancyBmi() const
{
    if (!heightCm || !prePregnancyWeightKg)
        return std::nullopt;
    return bodyMassIndex(*heightCm, *prePregnancyWeightKg);
}
