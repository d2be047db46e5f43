#pragma once

#include "domain/antenatalvisit.h"
#include "domain/pregnancy.h"
#include "domain/result.h"
#include "storage/recordtable.h"

#include <memory>

class Database;
class SummaryColumns;

class VisitRepository
{
public:
    explicit VisitRepository(const Database &database);

    enum class Schedule { Refresh, Defer };
    // Computes the visit's gestational age from the pregnancy's EDD and refreshes the next
    // visit due (bulk imports defer that to once per pregnancy); call inside a Transaction.
    Result<void> save(
        AntenatalVisit &visit, const Pregnancy &pregnancy, Schedule schedule = Schedule::Refresh);
    Result<QList<AntenatalVisit>> forPregnancy(const QUuid &pregnancyId) const; // oldest first
    // Recomputes the pregnancy's next visit due after saves with Schedule::Defer.
    Result<void> refreshSchedule(const QUuid &pregnancyId);

private:
    const Database &m_database;
    RecordTable m_table;
    std::shared_ptr<SummaryColumns> m_summary;
};
