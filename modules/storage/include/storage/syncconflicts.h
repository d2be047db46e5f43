#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonValue>
#include <QList>
#include <QSqlDatabase>

// A field that changed both here and at the center since the two last agreed, or a record
// from the center this cache could not store. Both values are kept until a clinician chooses.
struct SyncConflict
{
    QString id;
    QString table;
    QString recordId;
    QString field; // empty: the whole record was set aside
    QJsonValue localValue; // what this workstation had written
    QJsonValue centerValue; // what the center kept (the record's fields when set aside)
    QString currentValue; // what the record holds now, as text
    QDateTime detectedAt;
    QString patientId; // the woman the record belongs to, when it can be told
    QString womanName;

    bool isWholeRecord() const { return field.isEmpty(); }
};

// The open sync conflicts of a clinic cache and their resolution. Resolving writes the chosen
// value to the record as an ordinary change (new revision, author, outbox entry), so the
// center receives it with the next round and nothing is ever overwritten without a person
// having chosen.
class SyncConflicts
{
    Q_DECLARE_TR_FUNCTIONS(SyncConflicts)
public:
    SyncConflicts(QSqlDatabase db, QString author);

    Result<QList<SyncConflict>> open() const;
    // chosen: the local value, the center's, or one the clinician typed.
    Result<void> resolve(const QString &conflictId, const QJsonValue &chosen);

private:
    Result<SyncConflict> find(const QString &conflictId) const;
    void describeWoman(SyncConflict &conflict) const;

    QSqlDatabase m_db;
    QString m_author;
};
