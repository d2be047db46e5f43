#include "domain/identitymatch.h"

QString IdentityMatch::normalisedName(const QString &name)
{
    // NFKC folds full-width letters and digits (Ｗａｎｇ) to their plain forms.
    const QString folded = name.normalized(QString::NormalizationForm_KC).toCaseFolded();
    QString out;
    out.reserve(folded.size());
    for (const QChar c : folded) {
        // Spaces and the middle dots written between parts of a name (阿依古丽·买买提).
        if (c.isSpace() || c == QChar(0x00B7) || c == QChar(0x30FB) || c == QChar(0x2022) || c == QLatin1Char('.'))
            continue;
        out.append(c);
    }
    return out;
}

QString IdentityMatch::normalisedPhone(const QString &phone)
{
    QString digits;
    for (const QChar c : phone.normalized(QString::NormalizationForm_KC))
        if (c.isDigit())
            digits.append(c);
    return digits.right(11);
}

QString IdentityMatch::normalisedNationalId(const QString &id)
{
    return id.normalized(QString::NormalizationForm_KC).trimmed().toUpper();
}

QList<IdentityMatch::Rule> IdentityMatch::rulesMet(const Patient &a, const Patient &b)
{
    const QString idA = normalisedNationalId(a.nationalId);
    const QString idB = normalisedNationalId(b.nationalId);
    QList<Rule> rules;
    if (!idA.isEmpty() && !idB.isEmpty()) {
        if (idA != idB)
            return rules;
        rules.append(Rule::NationalId);
    }
    const QString nameA = normalisedName(a.name);
    const bool sameName = !nameA.isEmpty() && nameA == normalisedName(b.name);
    const bool sameBirth = a.birthDate.isValid() && a.birthDate == b.birthDate;
    const QString phoneA = normalisedPhone(a.phone);
    // A phone shorter than a landline's 7 digits is too little to go by.
    const bool samePhone = phoneA.size() >= 7 && phoneA == normalisedPhone(b.phone);
    if (sameName && sameBirth)
        rules.append(Rule::NameAndBirthDate);
    if (sameName && samePhone)
        rules.append(Rule::NameAndPhone);
    if (samePhone && sameBirth)
        rules.append(Rule::PhoneAndBirthDate);
    return rules;
}

QString IdentityMatch::key(Rule rule)
{
    switch (rule) {
    case Rule::NationalId:
        return QStringLiteral("national-id");
    case Rule::NameAndBirthDate:
        return QStringLiteral("name-birth-date");
    case Rule::NameAndPhone:
        return QStringLiteral("name-phone");
    case Rule::PhoneAndBirthDate:
        return QStringLiteral("phone-birth-date");
    }
    return {};
}

QString IdentityMatch::label(Rule rule)
{
    switch (rule) {
    case Rule::NationalId:
        return tr("same ID number");
    case Rule::NameAndBirthDate:
        return tr("same name and birth date");
    case Rule::NameAndPhone:
        return tr("same name and phone");
    case Rule::PhoneAndBirthDate:
        return tr("same phone and birth date");
    }
    return {};
}
