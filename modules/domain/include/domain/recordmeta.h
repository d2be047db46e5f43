#pragma once

#include <QDateTime>
#include <QString>
#include <QUuid>

// What every clinical record carries so that clinics and the regional center can sync it:
// a global id, the owning clinic, who changed it and when, a revision that grows with every
// change, and a tombstone instead of a physical delete.
struct RecordMeta
{
    QUuid id;
    QString clinicId;
    QDateTime createdAt;
    QDateTime updatedAt;
    QString author;
    qint64 revision = 0;
    bool deleted = false;

    static RecordMeta createdNow(const QString &clinicId, const QString &author);
};
