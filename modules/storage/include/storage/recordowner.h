#pragma once

#include "domain/result.h"

#include <QHash>
#include <QSqlDatabase>
#include <QString>

// Which woman a clinical record belongs to, found through the cache's own foreign keys: a
// visit's pregnancy's patient, a follow-up contact's case file's pregnancy's patient, and so on.
// Read from the schema, so a table added later is covered without being listed here.
class RecordOwner
{
public:
    explicit RecordOwner(QSqlDatabase db);

    // Her patient id; empty when the record is not (or no longer) in the cache.
    Result<QString> patientOf(const QString &table, const QString &recordId);

private:
    struct Parent
    {
        QString column;
        QString table;
    };
    Result<QList<Parent>> parentsOf(const QString &table);

    QSqlDatabase m_db;
    QHash<QString, QList<Parent>> m_parents; // by table, read once
};
