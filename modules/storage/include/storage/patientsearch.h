#pragma once

#include "domain/result.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QUuid>

class Database;

// One line of the patient list: the woman and her current pregnancy.
struct PatientListRow
{
    QUuid patientId;
    QUuid pregnancyId; // null if she has no pregnancy on record
    QString recordNumber;
    QString name;
    QDate birthDate;
    QString phone;
    QString nationalId;
    QDate edd;
    QDate nextVisitDue;
    QString riskLevel; // rule-set level id ("green" …), empty until graded
    bool riskPurple = false;
    QString status;
    int gravida = 0;
    int para = 0;
};

enum class PatientSort { RecentlyChanged, Name, RecordNumber, Age, GestationalAge, Edd, NextVisitDue, Risk };

// Search as you type over name (in Chinese, or in pinyin: initials "zyj", full "zhang yajing",
// mixed "张yj"), national ID number, phone (prefix or last digits) and record number, each a
// prefix range scan on its own index, so a keystroke costs the same at 100,000
// patients as at 100 (bench_storage measures it).
class PatientSearch
{
public:
    // A list a person reads: more than fits on a screen, few enough to fetch on every keystroke.
    static constexpr int ListLimit = 200;

    explicit PatientSearch(const Database &database);

    // riskFilter: a level id ("red" …), "purple", "ungraded", or empty for everyone.
    Result<QList<PatientListRow>> find(const QString &text, PatientSort sort, Qt::SortOrder order,
                                       int limit = ListLimit, const QString &riskFilter = {}) const;
    Result<int> countAll() const;

private:
    const Database &m_database;
};
