#pragma once

#include "cases/casefile.h"
#include "domain/result.h"
#include "storage/recordtable.h"

class Database;

class CaseRepository
{
public:
    explicit CaseRepository(const Database &database);

    Result<void> save(CaseFile &caseFile);
    Result<void> save(FollowUpContact &contact);
    Result<void> save(CaseAmendment &amendment);

    Result<std::optional<CaseFile>> find(const QUuid &caseId) const;
    Result<std::optional<CaseFile>> currentForPregnancy(const QUuid &pregnancyId) const; // open, else latest
    Result<QList<FollowUpContact>> contacts(const QUuid &caseId) const;                   // by due date
    Result<QList<CaseAmendment>> amendments(const QUuid &caseId) const;

private:
    Result<QList<CaseFile>> selectCases(const QString &where, const QVariant &key) const;

    const Database &m_database;
    RecordTable m_cases;
    RecordTable m_contacts;
    RecordTable m_amendments;
};
