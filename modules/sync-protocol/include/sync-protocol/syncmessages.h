#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

// One local change to one record, as the workstation's outbox captured it. The mutation id is
// made by the client, so that the center can recognise a batch it has already applied.
struct Mutation
{
    enum class Operation { Insert, Update };

    QString mutationId;
    QString table;
    QString recordId;
    Operation operation = Operation::Insert;
    qint64 baseRevision = 0; // the record's revision the change was made on; 0 for an insert
    QJsonObject fields;      // only the fields that changed (all of them for an insert)
};

struct PushRequest
{
    QString deviceId;
    QList<Mutation> mutations;
};

// Both sides' values of a field changed on both since the base revision; the center keeps both.
struct FieldConflict
{
    QString field;
    QJsonValue serverValue;
    QJsonValue clientValue;
};

struct MutationOutcome
{
    enum class Status {
        Applied,   // every field applied
        Duplicate, // this mutation id was applied before; nothing changed now
        Conflict,  // non-overlapping fields applied, the listed ones kept on both sides
        Rejected,  // nothing applied (not allowed, invalid); see errorCode
    };

    QString mutationId;
    Status status = Status::Applied;
    qint64 revision = 0; // the record's revision at the center afterwards
    QList<FieldConflict> conflicts;
    QString errorCode;
    QString errorMessage;
};

struct PushResponse
{
    QList<MutationOutcome> outcomes;
};

// One record's whole state at the center, in the order of the center's change sequence.
struct Change
{
    qint64 sequence = 0;
    QString table;
    QString recordId;
    qint64 revision = 0;
    QJsonObject fields;
};

struct PullResponse
{
    QList<Change> changes;
    QString nextCursor; // opaque; resume from here
    bool more = false;
};
