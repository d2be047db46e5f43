#pragma once

#include "cases/caseoutcome.h"
#include "domain/result.h"

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>

// One field of a closure (结案转归) as a nurse names it: for the closure form's choices, the
// read-only view of a closed case, and the amendment of one field at a time.
struct OutcomeField
{
    enum class Type { Text, Number, Date, GestationalAge, Choice };
    QString key; // "mode", "bloodLossMl", "newborn2.weightGrams" …
    QString label;
    Type type = Type::Text;
};

class OutcomeFields
{
    Q_DECLARE_TR_FUNCTIONS(OutcomeFields)
public:
    // The fields that belong to this outcome's kind, newborns numbered from 1.
    static QList<OutcomeField> of(const CaseOutcome &outcome);
    static std::optional<OutcomeField> find(const CaseOutcome &outcome, const QString &key);
    // The stored form of a field ("caesarean", "2026-11-20", "38+2", "3200").
    static QString value(const CaseOutcome &outcome, const QString &key);
    // The field as a nurse reads it (choices translated, empty shown as a dash).
    static QString displayValue(const CaseOutcome &outcome, const QString &key);
    // The outcome with one field changed, or why the value cannot be taken.
    static Result<CaseOutcome> withValue(
        const CaseOutcome &outcome, const QString &key, const QString &value);
    // The allowed values of a choice field ("kind", "mode", "placeLevel", "maternalOutcome",
    // "sex", "newbornOutcome"), stored key and translated label.
    static QList<QPair<QString, QString>> choices(const QString &choiceField);
    static QString choiceLabel(const QString &choiceField, const QString &key);
    // Labels of the fields that differ between two stored closures (an amendment's before/after).
    static QStringList changedFields(const CaseOutcome &before, const CaseOutcome &after);

private:
    static QString choiceFieldOf(const QString &key);
};
