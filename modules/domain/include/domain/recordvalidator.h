#pragma once

#include "domain/antenatalvisit.h"
#include "domain/patient.h"
#include "domain/pregnancy.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

// A problem with one form field: the field's key (so the form can focus it) and a translated
// message that says what is wrong and what is expected.
struct FieldError
{
    QString field;
    QString message;
};

// Plausibility checks for what a nurse types; ranges are wide physiological limits that catch
// typing slips (a BP of 1400, a weight in jin) without rejecting real extremes.
class RecordValidator
{
    Q_DECLARE_TR_FUNCTIONS(RecordValidator)
public:
    static QList<FieldError> validatePatient(const Patient &patient, const QDate &today);
    static QList<FieldError> validatePregnancy(const Pregnancy &pregnancy, const QDate &today);
    static QList<FieldError> validateVisit(const AntenatalVisit &visit, const Pregnancy &pregnancy,
                                           const QDate &today);
};
