#pragma once

#include "domain/gestationalage.h"
#include "domain/recordvalidator.h"

#include <QCoreApplication>
#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

struct Newborn
{
    QString sex;                  // "female", "male", "undetermined"
    std::optional<int> weightGrams;
    std::optional<int> apgar1;
    std::optional<int> apgar5;
    QString outcome;              // "live", "stillbirth", "neonatal-death"
};

// How a managed pregnancy ended (结案转归): each kind has its own required fields.
struct CaseOutcome
{
    enum class Kind { Delivery, Miscarriage, Termination, TransferOut, MaternalDeath };

    Kind kind = Kind::Delivery;
    QDate date;
    std::optional<GestationalAge> gestationalAge;
    // Delivery
    QString mode;          // "vaginal", "assisted-vaginal", "caesarean"
    QString place;         // hospital name
    QString placeLevel;    // "primary", "secondary", "tertiary"
    QString maternalOutcome; // "well", "complications", "transferred", "died"
    QString complications;
    std::optional<int> bloodLossMl;
    QList<Newborn> newborns;
    QDate postpartumCheckOn; // the 42-day check
    QString postpartumFindings;
    // Other ends
    QString destination;   // transfer out
    QString cause;         // termination reason, cause of death
    QString notes;

    static QString kindKey(Kind kind);
    static std::optional<Kind> kindFromKey(const QString &key);
    QJsonObject toJson() const;
    static std::optional<CaseOutcome> fromJson(const QJsonObject &object);
};

class CaseOutcomeValidator
{
    Q_DECLARE_TR_FUNCTIONS(CaseOutcomeValidator)
public:
    // Field errors for a closure; empty if the closure may be saved.
    static QList<FieldError> validate(const CaseOutcome &outcome, const QDate &openedOn, const QDate &today);
};
