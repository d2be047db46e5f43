#pragma once

#include "cases/casesettings.h"
#include "domain/result.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QUuid>

class Database;

// Due … Unassigned follow the high-risk case files; the appointment lists follow every booked
// woman's next appointment, as her newest antenatal visit set it (docs/appointments.md).
enum class WorklistKind { Due, Overdue, Unreported, Lost, EddSoon, Unassigned, AppointmentsToday, AppointmentsTomorrow, MissedAppointment };

// One line of a nurse's worklist: the woman, her case and why she is on the list.
struct WorklistItem
{
    QUuid caseId;
    QUuid pregnancyId;
    QUuid patientId;
    QString name;
    QString recordNumber;
    QString phone;
    QString level;
    bool purple = false;
    QString responsibleNurse;
    QString responsibleDoctor;
    QDate dueOn;         // the contact due (due, overdue, lost), the report deadline (unreported) or the appointment
    int daysOverdue = 0;
    QString contactKind;
    QString appointmentPurpose; // the appointment lists: what she comes for
    QString escalation;  // lost: "nurse", "doctor", "district"
    QString reportStatus;
    QDate edd;
    QDate openedOn;      // the case file's, when she has one

    QJsonObject toJson() const;
};

// The nurses' worklists as of a date, each one indexed query over the clinic's cases, so that
// all of them together stay well under a second at 100,000 women (bench_cases measures it).
class Worklists
{
public:
    Worklists(const Database &database, CaseSettings settings);

    static constexpr int Everyone = -1;
    // What a worklist screen shows before the nurse works down or narrows it.
    static constexpr int FirstPage = 200;

    // The list in its order (most urgent first); a limit gives only its first rows, which is
    // all a screen shows at once.
    Result<QList<WorklistItem>> list(WorklistKind kind, const QDate &on, int limit = Everyone) const;
    Result<int> count(WorklistKind kind, const QDate &on) const;

    static QString kindKey(WorklistKind kind);
    static std::optional<WorklistKind> kindFromKey(const QString &key);
    static QList<WorklistKind> allKinds();
    static bool isAppointmentList(WorklistKind kind);

private:
    QVariantList bindings(WorklistKind kind, const QDate &on) const;

    const Database &m_database;
    CaseSettings m_settings;
};
