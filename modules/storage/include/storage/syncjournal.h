#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <memory>
#include <vector>

// A local change waiting in the outbox (captured by triggers, schema 4).
struct OutboxEntry
{
    qint64 seq = 0;
    QString mutationId;
    QString table;
    QString recordId;
    bool isInsert = true;
    qint64 baseRevision = 0;
    QJsonObject fields;
};

// What the center answered for one outbox entry.
struct OutboxReceipt
{
    QString mutationId;
    bool accepted = true; // false: refused, kept in the outbox with the reason
    bool retryLater = false; // refused for now (e.g. its parent not there yet): keep as pending
    qint64 revision = 0;
    QString errorCode;
    QString errorMessage;
    struct Conflict
    {
        QString field;
        QJsonValue localValue;
        QJsonValue centerValue;
    };
    QList<Conflict> conflicts;
};

// A record's whole state as the center holds it.
struct IncomingRecord
{
    QString table;
    QString recordId;
    qint64 revision = 0;
    QJsonObject fields;
};

// The local side of sync on the clinic cache: reads the outbox, settles it with the center's
// receipts, and applies pulled records together with the pull cursor in one transaction, so a
// crash at any point leaves either both or neither. Pulled records are written with the
// outbox triggers switched off (no echo), never over a field with a local change still
// waiting to be pushed, and the list columns derived from them are rebuilt.
class PreparedStatements;

class SyncJournal
{
    Q_DECLARE_TR_FUNCTIONS(SyncJournal)
public:
    explicit SyncJournal(QSqlDatabase db);
    ~SyncJournal();
    SyncJournal(const SyncJournal &) = delete;
    SyncJournal &operator=(const SyncJournal &) = delete;

    Result<QString> deviceId(); // made once per cache, kept in sync_state
    Result<QString> pullCursor() const;
    Result<QList<OutboxEntry>> pending(int limit) const; // oldest first, refused ones left out
    Result<int> pendingCount() const;
    Result<int> refusedCount() const;
    Result<int> openConflictCount() const;
    Result<void> settle(const QList<OutboxReceipt> &receipts);
    Result<void> apply(const QList<IncomingRecord> &records, const QString &nextCursor);
    // Queues every record of every synced table as an insert: publishes a cache filled by an
    // import (which the outbox does not capture) or written before sync existed. Returns the
    // number queued; the center merges records it already has.
    Result<int> publishAll();

private:
    Result<QString> stateValue(const QString &key) const;
    Result<void> setStateValue(const QString &key, const QString &value);
    Result<QStringList> columnsOf(const QString &table);
    Result<QSet<QString>> pendingFields(const QString &table, const QString &recordId);
    QSqlQuery &prepared(const QString &sql);
    Result<void> applyOne(const IncomingRecord &record, const QStringList &columns);
    Result<void> upsert(const IncomingRecord &record, const QStringList &columns);
    Result<void> applyKeepingWhatFails(const IncomingRecord &record, const QStringList &columns);
    Result<void> setApplying(bool applying);
    Result<void> refreshRiskLevel(const QString &pregnancyId);
    Result<QStringList> syncedTables() const;

    QSqlDatabase m_db;
    QHash<QString, QStringList> m_columns; // synced tables only; empty list: not synced here
    QHash<QString, QSqlQuery> m_prepared;
    struct UpsertPlan
    {
        QString table;
        QStringList keys;   // the record's fields, in order
        QList<bool> bound;  // which of them are columns written here
        QString sql;
        QSqlQuery query; // where the SQLite C API is not at hand
    };
    std::unique_ptr<PreparedStatements> m_statements; // binds a page's upserts without QSqlQuery
    std::vector<std::unique_ptr<UpsertPlan>> m_upserts;
    bool m_outboxMayHold = true; // false while applying a page to a cache with nothing to send
};
