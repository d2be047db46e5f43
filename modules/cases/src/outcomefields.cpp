#include "cases/outcomefields.h"

#include <QLocale>
#include <QRegularExpression>

#include <algorithm>

namespace {
using Type = OutcomeField::Type;

QString optionalText(const std::optional<int> &value)
{
    return value ? QString::number(*value) : QString();
}

// Newborn fields are "newborn<n>.<field>", n from 1.
std::optional<std::pair<int, QString>> newbornField(const QString &key)
{
    static const QRegularExpression pattern(QStringLiteral("^newborn(\\d+)\\.(\\w+)$"));
    const auto match = pattern.match(key);
    if (!match.hasMatch())
        return std::nullopt;
    return std::pair { match.captured(1).toInt() - 1, match.captured(2) };
}
} // namespace

QList<QPair<QString, QString>> OutcomeFields::choices(const QString &choiceField)
{
    if (choiceField == QLatin1String("kind"))
        return { { QStringLiteral("delivery"), tr("Delivery") },
            { QStringLiteral("miscarriage"), tr("Miscarriage") },
            { QStringLiteral("termination"), tr("Termination of pregnancy") },
            { QStringLiteral("transfer-out"), tr("Transferred out") },
            { QStringLiteral("maternal-death"), tr("Maternal death") } };
    if (choiceField == QLatin1String("mode"))
        return { { QStringLiteral("vaginal"), tr("Vaginal delivery") },
            { QStringLiteral("assisted-vaginal"), tr("Assisted vaginal delivery") },
            { QStringLiteral("caesarean"), tr("Caesarean section") } };
    if (choiceField == QLatin1String("placeLevel"))
        return { { QStringLiteral("primary"), tr("Primary hospital") },
            { QStringLiteral("secondary"), tr("Secondary hospital") },
            { QStringLiteral("tertiary"), tr("Tertiary hospital") } };
    if (choiceField == QLatin1String("maternalOutcome"))
        return { { QStringLiteral("well"), tr("Well") },
            { QStringLiteral("complications"), tr("With complications") },
            { QStringLiteral("transferred"), tr("Transferred for care") },
            { QStringLiteral("died"), tr("Died") } };
    if (choiceField == QLatin1String("sex"))
        return { { QStringLiteral("female"), tr("Girl") }, { QStringLiteral("male"), tr("Boy") },
            { QStringLiteral("undetermined"), tr("Undetermined") } };
    if (choiceField == QLatin1String("newbornOutcome"))
        return { { QStringLiteral("live"), tr("Live birth") },
            { QStringLiteral("stillbirth"), tr("Stillbirth") },
            { QStringLiteral("neonatal-death"), tr("Neonatal death") } };
    return {};
}

QString OutcomeFields::choiceLabel(const QString &choiceField, const QString &key)
{
    for (const auto &[k, label] : choices(choiceField))
        if (k == key)
            return label;
    return key;
}

QString OutcomeFields::choiceFieldOf(const QString &key)
{
    if (const auto newborn = newbornField(key))
        return newborn->second == QLatin1String("outcome") ? QStringLiteral("newbornOutcome")
            : newborn->second == QLatin1String("sex")      ? QStringLiteral("sex")
                                                           : QString();
    return choices(key).isEmpty() ? QString() : key;
}

QList<OutcomeField> OutcomeFields::of(const CaseOutcome &outcome)
{
    QList<OutcomeField> fields { { QStringLiteral("date"), tr("Date of the outcome"), Type::Date } };
    const OutcomeField gestationalAge { QStringLiteral("gestationalAge"), tr("Gestational age (weeks+days)"),
        Type::GestationalAge };
    const OutcomeField cause { QStringLiteral("cause"),
        outcome.kind == CaseOutcome::Kind::MaternalDeath ? tr("Cause of death")
                                                         : tr("Reason for the termination"),
        Type::Text };
    switch (outcome.kind) {
    case CaseOutcome::Kind::Delivery:
        fields << gestationalAge
               << OutcomeField { QStringLiteral("mode"), tr("Mode of delivery"), Type::Choice }
               << OutcomeField { QStringLiteral("place"), tr("Place of delivery"), Type::Text }
               << OutcomeField { QStringLiteral("placeLevel"), tr("Level of the delivery hospital"),
                      Type::Choice }
               << OutcomeField { QStringLiteral("maternalOutcome"), tr("Maternal outcome"), Type::Choice }
               << OutcomeField { QStringLiteral("complications"), tr("Complications"), Type::Text }
               << OutcomeField { QStringLiteral("bloodLossMl"), tr("Blood loss (mL)"), Type::Number };
        for (int i = 1; i <= outcome.newborns.size(); ++i) {
            const QString prefix = QStringLiteral("newborn%1.").arg(i);
            fields << OutcomeField { prefix + QStringLiteral("sex"), tr("Newborn %1: sex").arg(i),
                Type::Choice }
                   << OutcomeField { prefix + QStringLiteral("weightGrams"),
                          tr("Newborn %1: weight (g)").arg(i), Type::Number }
                   << OutcomeField { prefix + QStringLiteral("apgar1"),
                          tr("Newborn %1: Apgar at 1 min").arg(i), Type::Number }
                   << OutcomeField { prefix + QStringLiteral("apgar5"),
                          tr("Newborn %1: Apgar at 5 min").arg(i), Type::Number }
                   << OutcomeField { prefix + QStringLiteral("outcome"), tr("Newborn %1: outcome").arg(i),
                          Type::Choice };
        }
        fields << OutcomeField { QStringLiteral("postpartumCheckOn"), tr("42-day postpartum check"),
            Type::Date }
               << OutcomeField { QStringLiteral("postpartumFindings"), tr("Postpartum check findings"),
                      Type::Text };
        break;
    case CaseOutcome::Kind::Miscarriage:
        fields << gestationalAge;
        break;
    case CaseOutcome::Kind::Termination:
        fields << gestationalAge << cause;
        break;
    case CaseOutcome::Kind::TransferOut:
        fields << OutcomeField { QStringLiteral("destination"), tr("Transferred to"), Type::Text };
        break;
    case CaseOutcome::Kind::MaternalDeath:
        fields << cause;
        break;
    }
    fields << OutcomeField { QStringLiteral("notes"), tr("Notes"), Type::Text };
    return fields;
}

std::optional<OutcomeField> OutcomeFields::find(const CaseOutcome &outcome, const QString &key)
{
    for (const OutcomeField &field : of(outcome))
        if (field.key == key)
            return field;
    return std::nullopt;
}

QString OutcomeFields::value(const CaseOutcome &o, const QString &key)
{
    if (const auto newborn = newbornField(key)) {
        if (newborn->first < 0 || newborn->first >= o.newborns.size())
            return {};
        const Newborn &b = o.newborns[newborn->first];
        const QString &f = newborn->second;
        return f == QLatin1String("sex")        ? b.sex
            : f == QLatin1String("weightGrams") ? optionalText(b.weightGrams)
            : f == QLatin1String("apgar1")      ? optionalText(b.apgar1)
            : f == QLatin1String("apgar5")      ? optionalText(b.apgar5)
            : f == QLatin1String("outcome")     ? b.outcome
                                                : QString();
    }
    if (key == QLatin1String("gestationalAge"))
        return o.gestationalAge ? o.gestationalAge->toString() : QString();
    const QJsonValue stored = o.toJson().value(key);
    return stored.isDouble() ? QString::number(stored.toInt()) : stored.toString();
}

QString OutcomeFields::displayValue(const CaseOutcome &outcome, const QString &key)
{
    const QString stored = value(outcome, key);
    if (stored.isEmpty())
        return QStringLiteral("—");
    if (const auto field = find(outcome, key); field && field->type == Type::Date)
        return QLocale().toString(QDate::fromString(stored, Qt::ISODate), QLocale::ShortFormat);
    const QString choiceField = choiceFieldOf(key);
    return choiceField.isEmpty() ? stored : choiceLabel(choiceField, stored);
}

Result<CaseOutcome> OutcomeFields::withValue(
    const CaseOutcome &outcome, const QString &key, const QString &text)
{
    const auto field = find(outcome, key);
    if (!field)
        return failure(QStringLiteral("cases.amend-field"), tr("This closure has no field %1.").arg(key));
    const QString value = text.trimmed();
    std::optional<int> number;
    if (field->type == Type::Number && !value.isEmpty()) {
        bool ok = false;
        number = value.toInt(&ok);
        if (!ok)
            return failure(
                QStringLiteral("cases.amend-value"), tr("%1 must be a whole number.").arg(field->label));
    }
    QDate date;
    if (field->type == Type::Date && !value.isEmpty()) {
        date = QDate::fromString(value, Qt::ISODate);
        if (!date.isValid())
            return failure(QStringLiteral("cases.amend-value"),
                tr("%1 must be a date written YYYY-MM-DD.").arg(field->label));
    }
    if (field->type == Type::Choice && !value.isEmpty()) {
        const auto allowed = choices(choiceFieldOf(key));
        if (std::none_of(
                allowed.begin(), allowed.end(), [&](const auto &choice) { return choice.first == value; }))
            return failure(QStringLiteral("cases.amend-value"),
                tr("Choose one of the values offered for %1.").arg(field->label));
    }
    CaseOutcome changed = outcome;
    if (const auto newborn = newbornField(key)) {
        Newborn &b = changed.newborns[newborn->first];
        const QString &f = newborn->second;
        if (f == QLatin1String("sex"))
            b.sex = value;
        else if (f == QLatin1String("weightGrams"))
            b.weightGrams = number;
        else if (f == QLatin1String("apgar1"))
            b.apgar1 = number;
        else if (f == QLatin1String("apgar5"))
            b.apgar5 = number;
        else
            b.outcome = value;
        return changed;
    }
    if (key == QLatin1String("gestationalAge")) {
        static const QRegularExpression ga(QStringLiteral("^(\\d{1,2})\\+([0-6])$"));
        const auto match = ga.match(value);
        if (!value.isEmpty() && !match.hasMatch())
            return failure(QStringLiteral("cases.amend-value"),
                tr("Write the gestational age as weeks+days, e.g. 38+2."));
        changed.gestationalAge = value.isEmpty() ? std::nullopt
                                                 : std::optional(GestationalAge::fromWeeksAndDays(
                                                     match.captured(1).toInt(), match.captured(2).toInt()));
        return changed;
    }
    QJsonObject json = changed.toJson();
    json.insert(key,
        field->type == Type::Number     ? (number ? QJsonValue(*number) : QJsonValue())
            : field->type == Type::Date ? QJsonValue(date.toString(Qt::ISODate))
                                        : QJsonValue(value));
    return CaseOutcome::fromJson(json).value_or(changed);
}

QStringList OutcomeFields::changedFields(const CaseOutcome &before, const CaseOutcome &after)
{
    QStringList labels;
    if (before.kind != after.kind)
        labels.append(tr("Kind of outcome"));
    for (const OutcomeField &field : of(after))
        if (value(before, field.key) != value(after, field.key))
            labels.append(field.label);
    return labels;
}
