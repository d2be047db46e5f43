#pragma once

#include "domain/patient.h"

#include <QCoreApplication>
#include <QStringList>

// Whether two registrations are one woman (one record per woman, issue: the regional patient
// index). The national ID number decides when both have it; without it, two of name, birth
// date and phone together make her a probable match. Names are compared as written on an ID
// card (full-width letters and spaces, the middle dot of minority names and case do not count),
// phones by their last 11 digits (+86 or 0086 in front does not count).
class IdentityMatch
{
    Q_DECLARE_TR_FUNCTIONS(IdentityMatch)
public:
    enum class Rule { NationalId, NameAndBirthDate, NameAndPhone, PhoneAndBirthDate };

    static QString normalisedName(const QString &name);
    static QString normalisedPhone(const QString &phone); // digits only, the last 11
    static QString normalisedNationalId(const QString &id);

    // The rules the two meet, the exact one first; empty: not the same woman by these rules.
    // Two different national ID numbers are two women, whatever else they share.
    static QList<Rule> rulesMet(const Patient &a, const Patient &b);
    static bool isExact(const QList<Rule> &rules) { return rules.contains(Rule::NationalId); }
    static QString key(Rule rule); // "national-id", "name-birth-date", …
    static QString label(Rule rule); // translated: "same ID number", "same name and birth date" …
};
