#pragma once

#include "domain/result.h"

#include <QDate>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>
#include <QUuid>

#include <optional>

// The denormalised columns the patient list sorts and searches on (current pregnancy, EDD,
// next visit due, reversed phone digits). Derived from the records, so they can always be
// rebuilt: migration 2 back-fills them for databases written by older versions.
// An instance keeps its statements prepared: UPDATEs of tables with outbox triggers cost far
// more to compile than to run, and a bulk import issues several per chart.
class SummaryColumns
{
public:
    explicit SummaryColumns(QSqlDatabase db);

    static QString reversedDigits(const QString &phone);
    // The next check after the last visit; for a pregnancy without visits, from 6 weeks.
    static QDate nextVisitDue(const QDate &edd, bool booked, const QDate &lastVisitDate);

    Result<void> setCurrentPregnancy(const QUuid &patientId, const QUuid &pregnancyId);
    Result<void> refreshNextVisit(const QUuid &pregnancyId);
    Result<void> refreshNextVisit(const QString &pregnancyId);
    Result<void> storeNextVisit(const QString &pregnancyId, const QDate &due);

    // Migration 2: EDD, next visit, phone digits and current pregnancy of every woman.
    static Result<void> backfillAll(const QSqlDatabase &db);
    // Migration 14: the pinyin keys of every woman's name.
    static Result<void> backfillPinyin(const QSqlDatabase &db);
    // Rebuilds EDD, next visit, phone digits, current pregnancy and pinyin keys of these women,
    // for records that arrived without the code that normally keeps them (sync, a resolved
    // conflict). Needs the latest schema.
    static Result<void> rebuildFor(const QSqlDatabase &db, const QStringList &patientIds);

private:
    static Result<void> rebuildListColumns(const QSqlDatabase &db, const QStringList &patientIds);
    static Result<void> rebuildPinyin(const QSqlDatabase &db, const QString &where, const QVariantList &values);
    Result<void> prepare(std::optional<QSqlQuery> &query, const QString &sql);

    QSqlDatabase m_db;
    std::optional<QSqlQuery> m_setCurrent;
    std::optional<QSqlQuery> m_readNext;
    std::optional<QSqlQuery> m_storeNext;
};
