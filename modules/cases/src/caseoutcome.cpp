#include "cases/caseoutcome.h"

#include <QJsonArray>

#include <array>

namespace {
constexpr std::array<std::pair<CaseOutcome::Kind, const char *>, 5> kindKeys{{
    {CaseOutcome::Kind::Delivery, "delivery"},
    {CaseOutcome::Kind::Miscarriage, "miscarriage"},
    {CaseOutcome::Kind::Termination, "termination"},
    {CaseOutcome::Kind::TransferOut, "transfer-out"},
    {CaseOutcome::Kind::MaternalDeath, "maternal-death"},
}};

QJsonValue optionalJson(const std::optional<int> &value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

std::optional<int> optionalFrom(const QJsonValue &value)
{
    return value.isDouble() ? std::optional<int>(value.toInt()) : std::nullopt;
}

bool oneOf(const QString &value, std::initializer_list<const char *> allowed)
{
    for (const char *a : allowed)
        if (value == QLatin1String(a))
            return true;
    return false;
}
} // namespace

QString CaseOutcome::kindKey(Kind kind)
{
    for (const auto &[k, key] : kindKeys)
        if (k == kind)
            return QString::fromLatin1(key);
    return {};
}

std::optional<CaseOutcome::Kind> CaseOutcome::kindFromKey(const QString &key)
{
    for (const auto &[k, name] : kindKeys)
        if (key == QLatin1String(name))
            return k;
    return std::nullopt;
}

QJsonObject CaseOutcome::toJson() const
{
    QJsonArray babies;
    for (const Newborn &b : newborns)
        babies.append(QJsonObject{{QStringLiteral("sex"), b.sex},
                                  {QStringLiteral("weightGrams"), optionalJson(b.weightGrams)},
                                  {QStringLiteral("apgar1"), optionalJson(b.apgar1)},
                                  {QStringLiteral("apgar5"), optionalJson(b.apgar5)},
                                  {QStringLiteral("outcome"), b.outcome}});
    return QJsonObject{
        {QStringLiteral("kind"), kindKey(kind)},
        {QStringLiteral("date"), date.toString(Qt::ISODate)},
        {QStringLiteral("gestationalAgeDays"), gestationalAge ? QJsonValue(gestationalAge->totalDays()) : QJsonValue()},
        {QStringLiteral("mode"), mode},
        {QStringLiteral("place"), place},
        {QStringLiteral("placeLevel"), placeLevel},
        {QStringLiteral("maternalOutcome"), maternalOutcome},
        {QStringLiteral("complications"), complications},
        {QStringLiteral("bloodLossMl"), optionalJson(bloodLossMl)},
        {QStringLiteral("newborns"), babies},
        {QStringLiteral("postpartumCheckOn"), postpartumCheckOn.toString(Qt::ISODate)},
        {QStringLiteral("postpartumFindings"), postpartumFindings},
        {QStringLiteral("destination"), destination},
        {QStringLiteral("cause"), cause},
        {QStringLiteral("notes"), notes},
    };
}

std::optional<CaseOutcome> CaseOutcome::fromJson(const QJsonObject &o)
{
    const auto parsedKind = kindFromKey(o.value(QStringLiteral("kind")).toString());
    if (!parsedKind)
        return std::nullopt;
    CaseOutcome c;
    c.kind = *parsedKind;
    c.date = QDate::fromString(o.value(QStringLiteral("date")).toString(), Qt::ISODate);
    if (const auto days = optionalFrom(o.value(QStringLiteral("gestationalAgeDays"))))
        c.gestationalAge = GestationalAge(*days);
    c.mode = o.value(QStringLiteral("mode")).toString();
    c.place = o.value(QStringLiteral("place")).toString();
    c.placeLevel = o.value(QStringLiteral("placeLevel")).toString();
    c.maternalOutcome = o.value(QStringLiteral("maternalOutcome")).toString();
    c.complications = o.value(QStringLiteral("complications")).toString();
    c.bloodLossMl = optionalFrom(o.value(QStringLiteral("bloodLossMl")));
    for (const QJsonValue &value : o.value(QStringLiteral("newborns")).toArray()) {
        const QJsonObject b = value.toObject();
        c.newborns.append(Newborn{b.value(QStringLiteral("sex")).toString(), optionalFrom(b.value(QStringLiteral("weightGrams"))),
                                  optionalFrom(b.value(QStringLiteral("apgar1"))), optionalFrom(b.value(QStringLiteral("apgar5"))),
                                  b.value(QStringLiteral("outcome")).toString()});
    }
    c.postpartumCheckOn = QDate::fromString(o.value(QStringLiteral("postpartumCheckOn")).toString(), Qt::ISODate);
    c.postpartumFindings = o.value(QStringLiteral("postpartumFindings")).toString();
    c.destination = o.value(QStringLiteral("destination")).toString();
    c.cause = o.value(QStringLiteral("cause")).toString();
    c.notes = o.value(QStringLiteral("notes")).toString();
    return c;
}

QList<FieldError> CaseOutcomeValidator::validate(const CaseOutcome &c, const QDate &openedOn, const QDate &today)
{
    QList<FieldError> errors;
    auto require = [&](bool ok, const char *field, const QString &message) {
        if (!ok)
            errors.append({QString::fromLatin1(field), message});
    };
    require(c.date.isValid(), "date", tr("Enter the date of the outcome."));
    if (c.date.isValid()) {
        require(c.date <= today, "date", tr("The outcome date is in the future."));
        require(!openedOn.isValid() || c.date >= openedOn.addDays(-280), "date",
                tr("The outcome date is before this pregnancy."));
    }
    switch (c.kind) {
    case CaseOutcome::Kind::Delivery: {
        require(c.gestationalAge && c.gestationalAge->totalDays() >= 20 * 7 && c.gestationalAge->totalDays() <= 45 * 7,
                "gestationalAge", tr("Enter the gestational age at delivery (20+0 to 45+0 weeks)."));
        require(oneOf(c.mode, {"vaginal", "assisted-vaginal", "caesarean"}), "mode", tr("Choose the mode of delivery."));
        require(!c.place.trimmed().isEmpty(), "place", tr("Enter where she delivered."));
        require(oneOf(c.placeLevel, {"primary", "secondary", "tertiary"}), "placeLevel",
                tr("Choose the level of the delivery hospital."));
        require(oneOf(c.maternalOutcome, {"well", "complications", "transferred", "died"}), "maternalOutcome",
                tr("Choose the maternal outcome."));
        require(c.maternalOutcome != QLatin1String("complications") || !c.complications.trimmed().isEmpty(),
                "complications", tr("Describe the complications."));
        require(c.bloodLossMl && *c.bloodLossMl >= 0 && *c.bloodLossMl <= 10000, "bloodLoss",
                tr("Enter the blood loss (0–10,000 mL)."));
        require(!c.newborns.isEmpty(), "newborns", tr("Enter at least one newborn."));
        for (int i = 0; i < c.newborns.size(); ++i) {
            const Newborn &b = c.newborns[i];
            const QString which = tr("Newborn %1: ").arg(i + 1);
            require(oneOf(b.sex, {"female", "male", "undetermined"}), "newborns", which + tr("choose the sex."));
            require(b.weightGrams && *b.weightGrams >= 300 && *b.weightGrams <= 6500, "newborns",
                    which + tr("enter the birth weight (300–6,500 g)."));
            require(oneOf(b.outcome, {"live", "stillbirth", "neonatal-death"}), "newborns", which + tr("choose the outcome."));
            if (b.outcome != QLatin1String("stillbirth"))
                require(b.apgar1 && b.apgar5 && *b.apgar1 >= 0 && *b.apgar1 <= 10 && *b.apgar5 >= 0 && *b.apgar5 <= 10,
                        "newborns", which + tr("enter the Apgar scores at 1 and 5 minutes (0–10)."));
        }
        // The loop closes after the 42-day postpartum check, unless the mother died.
        if (c.maternalOutcome != QLatin1String("died") && c.date.isValid())
            require(c.postpartumCheckOn.isValid() && c.postpartumCheckOn >= c.date.addDays(28) && c.postpartumCheckOn <= today,
                    "postpartumCheck", tr("Enter the date of the 42-day postpartum check (at least 28 days after delivery)."));
        break;
    }
    case CaseOutcome::Kind::Miscarriage:
        require(c.gestationalAge && c.gestationalAge->totalDays() < 28 * 7, "gestationalAge",
                tr("Enter the gestational age of the miscarriage (before 28+0 weeks)."));
        break;
    case CaseOutcome::Kind::Termination:
        require(c.gestationalAge.has_value(), "gestationalAge", tr("Enter the gestational age at termination."));
        require(!c.cause.trimmed().isEmpty(), "cause", tr("Enter the reason for the termination."));
        break;
    case CaseOutcome::Kind::TransferOut:
        require(!c.destination.trimmed().isEmpty(), "destination", tr("Enter where she was transferred to."));
        break;
    case CaseOutcome::Kind::MaternalDeath:
        require(!c.cause.trimmed().isEmpty(), "cause", tr("Enter the cause of death."));
        break;
    }
    return errors;
}
