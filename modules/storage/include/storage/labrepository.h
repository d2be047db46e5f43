#pragma once

#include "domain/labresult.h"
#include "domain/result.h"
#include "storage/recordtable.h"

class Database;

class LabRepository
{
public:
    explicit LabRepository(const Database &database);

    Result<void> save(LabResult &result);
    Result<QList<LabResult>> forPregnancy(const QUuid &pregnancyId) const; // oldest first

private:
    const Database &m_database;
    RecordTable m_table;
};
