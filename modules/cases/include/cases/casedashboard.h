#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QUuid>

class Database;

enum class DashboardChart { PregnanciesByColor, TransitionsThisMonth, OverdueByNurse, ClosureOutcomes };

// One bar: its key ("red", "yellow>orange", a nurse's name, "delivery") and how many.
struct DashboardBar
{
    QString key;
    int count = 0;
};

// One woman behind a bar.
struct DashboardWoman
{
    QUuid patientId;
    QString name;
    QString recordNumber;
    QString level;
    bool purple = false;
    QString responsibleNurse;
    QDate date; // the date that put her behind the bar: EDD, grading, contact due, closure
};

// The figures of the high-risk dashboard as of a date, each bar and the list of women behind it
// computed from the same SQL so that a bar's value is always the length of its list:
// booked pregnancies by color (purple counted as purple), changes of decided color this month,
// follow-up contacts overdue by responsible nurse, and closures this year by outcome.
class CaseDashboard
{
    Q_DECLARE_TR_FUNCTIONS(CaseDashboard)
public:
    explicit CaseDashboard(const Database &database);

    Result<QList<DashboardBar>> bars(DashboardChart chart, const QDate &on) const;
    Result<QList<DashboardWoman>> women(DashboardChart chart, const QString &key, const QDate &on) const;

    // A translated label for a bar's key.
    static QString barLabel(DashboardChart chart, const QString &key);
    // "Red", "Orange + purple", "Not graded".
    static QString colorLabel(const QString &level, bool purple);

private:
    const Database &m_database;
};
