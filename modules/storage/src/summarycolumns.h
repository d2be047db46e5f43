#pragma once

#include "domain/result.h"

#include <QSqlDatabase>
#include <QUuid>

// The denormalised columns the patient list sorts and searches on (current pregnancy, EDD,
// next visit due, reversed phone digits). Derived from the records, so they can always be
// rebuilt: migration 2 back-fills them for databases written by older versions.
class SummaryColumns
{
public:
    static QString reversedDigits(const QString &phone);
    static Result<void> setCurrentPregnancy(const QSqlDatabase &db, const QUuid &patientId, const QUuid &pregnancyId);
    static Result<void> refreshNextVisit(const QSqlDatabase &db, const QUuid &pregnancyId);
    static Result<void> refreshNextVisit(const QSqlDatabase &db, const QString &pregnancyId);
    static Result<void> backfillAll(const QSqlDatabase &db);
};
