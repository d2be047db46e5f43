#pragma once

#include "cases/caserepository.h"
#include "cases/casesettings.h"
#include "domain/riskgraderecord.h"

#include <QCoreApplication>

class Database;

// The nurses' operations on the high-risk loop, each one transaction: a decided grade opens or
// re-grades the case, contacts are recorded with the next one scheduled, cases are reported,
// assigned, closed and amended.
class CaseManagement
{
    Q_DECLARE_TR_FUNCTIONS(CaseManagement)
public:
    CaseManagement(const Database &database, CaseSettings settings);

    // Called when a clinician confirms or overrides a grade: opens a case for a managed color
    // (with its reporting deadline and first contact) or updates the open one.
    Result<std::optional<CaseFile>> gradeDecided(const RiskGradeRecord &grade);
    // A nurse may open a case herself (e.g. for a yellow pregnancy she wants to follow closely).
    Result<CaseFile> openCase(const QUuid &pregnancyId, const QString &level, bool purple, const QDate &today);
    Result<FollowUpContact> recordContact(const QUuid &caseId, const FollowUpContact &recorded, const QDate &today);
    Result<void> markReported(const QUuid &caseId, const QDate &reportedOn, const QDate &today);
    Result<void> assign(const QUuid &caseId, const QString &doctor, const QString &nurse, const QString &plan,
                        const QString &deliveryHospitalLevel);
    Result<void> close(const QUuid &caseId, const CaseOutcome &outcome, const QDate &today);
    Result<void> amendClosure(const QUuid &caseId, const CaseOutcome &outcome, const QString &reason, const QDate &today);

    const CaseRepository &repository() const { return m_repository; }
    const CaseSettings &settings() const { return m_settings; }

private:
    Result<CaseFile> load(const QUuid &caseId) const;
    Result<CaseFile> openInTransaction(const QUuid &pregnancyId, const QString &level, bool purple, const QDate &on);
    QDate nextAntenatalVisit(const QUuid &pregnancyId) const;

    const Database &m_database;
    CaseSettings m_settings;
    CaseRepository m_repository;
};
