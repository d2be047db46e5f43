#pragma once

#include "cases/casefile.h"
#include "cases/casesettings.h"
#include "domain/result.h"

#include <QCoreApplication>

// The rules of the closed loop (高危建档 → 分类分级 → 专案管理 → 随访干预 → 结案转归) as pure
// functions on values, so every transition can be tested without a database: a case opens with
// its reporting deadline and first contact, contacts are recorded only on an open case and each
// schedules the next, a closure needs its outcome's required fields, and a closed case changes
// only through an audited amendment.
class CaseLifecycle
{
    Q_DECLARE_TR_FUNCTIONS(CaseLifecycle)
public:
    static CaseFile open(const QUuid &pregnancyId, const QString &level, bool purple, const QDate &gradedOn,
                         const CaseSettings &settings);

    // The next contact after `from`: the color's interval, or the next antenatal visit if sooner.
    static QDate nextContactDue(const CaseFile &caseFile, const QDate &from, const QDate &nextAntenatalVisit,
                                const CaseSettings &settings);
    static FollowUpContact firstContact(const CaseFile &caseFile, const QDate &nextAntenatalVisit,
                                        const CaseSettings &settings);

    // Completes the pending contact with what was recorded and returns the next pending one.
    static Result<FollowUpContact> recordContact(const CaseFile &caseFile, FollowUpContact &pending,
                                                 const FollowUpContact &recorded, const QDate &today,
                                                 const QDate &nextAntenatalVisit, const CaseSettings &settings);

    static Result<void> markReported(CaseFile &caseFile, const QDate &reportedOn, const QDate &today);
    static Result<void> regrade(CaseFile &caseFile, const QString &level, bool purple, const QDate &gradedOn,
                                const CaseSettings &settings);
    static Result<void> close(CaseFile &caseFile, const CaseOutcome &outcome, const QDate &today);
    static Result<CaseAmendment> amendClosure(CaseFile &caseFile, const CaseOutcome &outcome, const QString &reason,
                                              const QDate &today);

private:
    static Result<void> checkOutcome(const CaseFile &caseFile, const CaseOutcome &outcome, const QDate &today);
};
