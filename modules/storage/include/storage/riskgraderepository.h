#pragma once

#include "domain/result.h"
#include "domain/riskgraderecord.h"
#include "storage/recordtable.h"

class Database;

// The grade history of pregnancies and the findings clinicians ticked.
class RiskGradeRepository
{
public:
    explicit RiskGradeRepository(const Database &database);

    // Saving a confirmed or overridden grade also makes it the pregnancy's current grade shown
    // in the list and banner; call inside a Transaction.
    Result<void> save(RiskGradeRecord &grade);
    Result<QList<RiskGradeRecord>> history(const QUuid &pregnancyId) const; // oldest first

    Result<void> saveFinding(RiskFindingRecord &finding);
    Result<QList<RiskFindingRecord>> findings(const QUuid &pregnancyId) const; // current (not removed)

private:
    const Database &m_database;
    RecordTable m_grades;
    RecordTable m_findings;
};
