#pragma once

#include "domain/patient.h"
#include "domain/result.h"
#include "storage/recordtable.h"

class Database;

class PatientRepository
{
public:
    explicit PatientRepository(const Database &database);

    Result<void> save(Patient &patient); // insert if new, else update (optimistic revision check)
    Result<std::optional<Patient>> find(const QUuid &id) const;
    Result<bool> recordNumberTaken(const QString &recordNumber, const QUuid &except) const;

private:
    const Database &m_database;
    RecordTable m_table;
};
