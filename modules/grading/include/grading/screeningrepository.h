#pragma once

#include "domain/result.h"
#include "grading/screeningrecord.h"
#include "storage/recordtable.h"

class Database;

// Screenings in the risk_screening table (schema 8), carried to the center by its outbox
// triggers like every clinical table.
class ScreeningRepository
{
public:
    explicit ScreeningRepository(const Database &database);

    Result<void> save(ScreeningRecord &screening);
    Result<QList<ScreeningRecord>> history(const QUuid &pregnancyId) const; // oldest first
    Result<std::optional<ScreeningRecord>> latest(const QUuid &pregnancyId) const;

private:
    const Database &m_database;
    RecordTable m_screenings;
};
