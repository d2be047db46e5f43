#pragma once

#include "domain/pregnancy.h"
#include "domain/result.h"
#include "storage/recordtable.h"

#include <memory>

class Database;
class SummaryColumns;

class PregnancyRepository
{
public:
    explicit PregnancyRepository(const Database &database);

    // Saving also keeps the list columns (EDD, next visit due) and the patient's current
    // pregnancy up to date; call inside a Transaction together with related writes.
    Result<void> save(Pregnancy &pregnancy);
    Result<std::optional<Pregnancy>> find(const QUuid &id) const;
    Result<QList<Pregnancy>> forPatient(const QUuid &patientId) const;

private:
    Result<QList<Pregnancy>> select(const QString &where, const QVariant &key) const;

    const Database &m_database;
    RecordTable m_table;
    std::shared_ptr<SummaryColumns> m_summary;
};
