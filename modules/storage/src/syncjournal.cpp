#include "storage/syncjournal.h"

#include "storage/sqlerror.h"
#include "storage/transaction.h"
#include "preparedstatements.h"
#include "summarycolumns.h"
#include "syncvalues.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QUuid>

namespace {
const QString DeviceIdKey = QStringLiteral("device_id");
const QString PullCursorKey = QStringLiteral("pull_cursor");

// SQLite checks foreign keys per statement; pulled records arrive in the center's change order,
// where a child can precede a parent changed later. The center checked every parent when the
// record was made, so the checks are switched off while a page is applied on this connection.
class ForeignKeysOff
{
public:
    explicit ForeignKeysOff(QSqlDatabase db)
        : m_db(std::move(db))
    {
        QSqlQuery(m_db).exec(QStringLiteral("PRAGMA foreign_keys = OFF"));
    }
    ~ForeignKeysOff() { QSqlQuery(m_db).exec(QStringLiteral("PRAGMA foreign_keys = ON")); }
    ForeignKeysOff(const ForeignKeysOff &) = delete;
    ForeignKeysOff &operator=(const ForeignKeysOff &) = delete;

private:
    QSqlDatabase m_db;
};
} // namespace

SyncJournal::SyncJournal(QSqlDatabase db)
    : m_db(std::move(db))
{
    auto statements = std::make_unique<PreparedStatements>(m_db);
    if (statements->available())
        m_statements = std::move(statements);
}

SyncJournal::~SyncJournal() = default;

Result<QString> SyncJournal::stateValue(const QString &key) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT value FROM sync_state WHERE key = ?"));
    query.addBindValue(key);
    if (auto done = execute(query, "read sync state"); !done)
        return tl::unexpected(done.error());
    return query.next() ? query.value(0).toString() : QString();
}

Result<void> SyncJournal::setStateValue(const QString &key, const QString &value)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO "
                                 "UPDATE SET value = excluded.value"));
    query.addBindValue(key);
    query.addBindValue(value);
    return execute(query, "store sync state");
}

Result<QString> SyncJournal::deviceId()
{
    auto stored = stateValue(DeviceIdKey);
    if (!stored || !stored->isEmpty())
        return stored;
    const QString made = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (auto saved = setStateValue(DeviceIdKey, made); !saved)
        return tl::unexpected(saved.error());
    return made;
}

Result<QString> SyncJournal::pullCursor() const
{
    return stateValue(PullCursorKey);
}

Result<QList<OutboxEntry>> SyncJournal::pending(int limit) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "SELECT seq, mutation_id, table_name, record_id, operation, base_revision, fields FROM sync_outbox "
        "WHERE rejected_code IS NULL ORDER BY seq LIMIT ?"));
    query.addBindValue(limit);
    if (auto done = execute(query, "read the outbox"); !done)
        return tl::unexpected(done.error());
    QList<OutboxEntry> entries;
    while (query.next()) {
        entries.append(OutboxEntry { query.value(0).toLongLong(), query.value(1).toString(),
            query.value(2).toString(), query.value(3).toString(),
            query.value(4).toString() == QLatin1String("insert"), query.value(5).toLongLong(),
            QJsonDocument::fromJson(query.value(6).toByteArray()).object() });
    }
    return entries;
}

namespace {
Result<int> countOf(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next())
        return tl::unexpected(SqlError::from(query, "count sync entries"));
    return query.value(0).toInt();
}
} // namespace

Result<int> SyncJournal::pendingCount() const
{
    return countOf(m_db, QStringLiteral("SELECT count(*) FROM sync_outbox WHERE rejected_code IS NULL"));
}

Result<int> SyncJournal::refusedCount() const
{
    return countOf(m_db, QStringLiteral("SELECT count(*) FROM sync_outbox WHERE rejected_code IS NOT NULL"));
}

Result<int> SyncJournal::openConflictCount() const
{
    return countOf(m_db, QStringLiteral("SELECT count(*) FROM sync_conflict WHERE resolved_at IS NULL"));
}

Result<void> SyncJournal::settle(const QList<OutboxReceipt> &receipts)
{
    Transaction transaction(m_db);
    QSqlQuery remove(m_db);
    QSqlQuery refuse(m_db);
    QSqlQuery conflict(m_db);
    if (!remove.prepare(QStringLiteral("DELETE FROM sync_outbox WHERE mutation_id = ?"))
        || !refuse.prepare(QStringLiteral(
            "UPDATE sync_outbox SET rejected_code = ?, rejected_message = ? WHERE mutation_id = ?"))
        || !conflict.prepare(QStringLiteral(
            "INSERT INTO sync_conflict (id, table_name, record_id, field, local_value, center_value, "
            "detected_at) SELECT ?, table_name, record_id, ?, ?, ?, ? FROM sync_outbox WHERE mutation_id = "
            "?")))
        return tl::unexpected(SqlError::from(conflict, "prepare settling the outbox"));
    for (const OutboxReceipt &receipt : receipts) {
        if (receipt.retryLater)
            continue;
        if (!receipt.accepted) {
            refuse.bindValue(0, receipt.errorCode);
            refuse.bindValue(1, receipt.errorMessage);
            refuse.bindValue(2, receipt.mutationId);
            if (auto done = execute(refuse, "mark a refused change"); !done)
                return done;
            continue;
        }
        for (const OutboxReceipt::Conflict &field : receipt.conflicts) {
            conflict.bindValue(0, QUuid::createUuid().toString(QUuid::WithoutBraces));
            conflict.bindValue(1, field.field);
            conflict.bindValue(2, SyncValues::toText(field.localValue));
            conflict.bindValue(3, SyncValues::toText(field.centerValue));
            conflict.bindValue(4, SyncValues::now());
            conflict.bindValue(5, receipt.mutationId);
            if (auto done = execute(conflict, "keep a conflict"); !done)
                return done;
        }
        remove.bindValue(0, receipt.mutationId);
        if (auto done = execute(remove, "settle the outbox"); !done)
            return done;
    }
    return transaction.commit();
}

Result<QStringList> SyncJournal::columnsOf(const QString &table)
{
    if (const auto it = m_columns.constFind(table); it != m_columns.constEnd())
        return *it;
    // Only tables whose changes the outbox carries are written by sync; the name comes from
    // the network, so it is looked up as a value before it is ever used as a name.
    QSqlQuery synced(m_db);
    synced.prepare(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = ?"));
    synced.addBindValue(table + QStringLiteral("_outbox_insert"));
    if (auto done = execute(synced, "look up a synced table"); !done)
        return tl::unexpected(done.error());
    QStringList columns;
    if (synced.next()) {
        QSqlQuery info(m_db);
        if (!info.exec(QStringLiteral("PRAGMA table_info(%1)").arg(table)))
            return tl::unexpected(SqlError::from(info, "read a table's columns"));
        while (info.next())
            columns.append(info.value(1).toString());
    }
    m_columns.insert(table, columns);
    return columns;
}

QSqlQuery &SyncJournal::prepared(const QString &sql)
{
    // A pulled page runs the same few statements thousands of times: parse each once.
    auto it = m_prepared.find(sql);
    if (it == m_prepared.end()) {
        it = m_prepared.insert(sql, QSqlQuery(m_db));
        it->prepare(sql);
    }
    return *it;
}

Result<QSet<QString>> SyncJournal::pendingFields(const QString &table, const QString &recordId)
{
    QSet<QString> fields;
    if (!m_outboxMayHold)
        return fields;
    QSqlQuery &query
        = prepared(QStringLiteral("SELECT fields FROM sync_outbox WHERE table_name = ? AND record_id = ?"));
    query.addBindValue(table);
    query.addBindValue(recordId);
    if (auto done = execute(query, "read pending changes"); !done)
        return tl::unexpected(done.error());
    while (query.next()) {
        const QJsonObject object = QJsonDocument::fromJson(query.value(0).toByteArray()).object();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it)
            fields.insert(it.key());
    }
    return fields;
}

Result<void> SyncJournal::applyOne(const IncomingRecord &record, const QStringList &columns)
{
    const auto pending = pendingFields(record.table, record.recordId);
    if (!pending)
        return tl::unexpected(pending.error());
    if (!pending->isEmpty()) {
        QStringList names;
        QVariantList values;
        for (auto it = record.fields.constBegin(); it != record.fields.constEnd(); ++it) {
            if (columns.contains(it.key()) && it.key() != QLatin1String("id")
                && it.key() != QLatin1String("revision") && !pending->contains(it.key())) {
                names.append(it.key());
                values.append(SyncValues::toSql(it.value()));
            }
        }
        // Changes of hers still to send: the record is here; the other fields are updated.
        QStringList assignments;
        for (const QString &name : std::as_const(names))
            assignments.append(name + QStringLiteral(" = ?"));
        assignments.append(QStringLiteral("revision = ?"));
        QSqlQuery &update = prepared(QStringLiteral("UPDATE %1 SET %2 WHERE id = ?")
                                         .arg(record.table, assignments.join(QStringLiteral(", "))));
        for (const QVariant &value : std::as_const(values))
            update.addBindValue(value);
        update.addBindValue(record.revision);
        update.addBindValue(record.recordId);
        return execute(update, "apply a pulled record");
    }
    return upsert(record, columns);
}

Result<void> SyncJournal::upsert(const IncomingRecord &record, const QStringList &columns)
{
    // One statement inserts a record new here or updates the fields the center sent. Records
    // of a table arrive with the same fields in the same (sorted) order, so the statement and
    // which fields it binds are worked out once per table and field list, not per record.
    UpsertPlan *plan = nullptr;
    for (const auto &stored : m_upserts) {
        UpsertPlan &candidate = *stored;
        if (candidate.keys.size() != record.fields.size() || candidate.table != record.table)
            continue;
        qsizetype i = 0;
        auto it = record.fields.constBegin();
        while (it != record.fields.constEnd() && it.key() == candidate.keys.at(i)) {
            ++it;
            ++i;
        }
        if (it == record.fields.constEnd()) {
            plan = &candidate;
            break;
        }
    }
    if (!plan) {
        auto made = std::make_unique<UpsertPlan>();
        made->table = record.table;
        QStringList names;
        for (auto it = record.fields.constBegin(); it != record.fields.constEnd(); ++it) {
            made->keys.append(it.key());
            const bool bound = columns.contains(it.key()) && it.key() != QLatin1String("id")
                && it.key() != QLatin1String("revision");
            made->bound.append(bound);
            if (bound)
                names.append(it.key());
        }
        QStringList assignments;
        for (const QString &name : std::as_const(names))
            assignments.append(name + QStringLiteral(" = excluded.") + name);
        assignments.append(QStringLiteral("revision = excluded.revision"));
        made->sql = QStringLiteral("INSERT INTO %1 (id, revision%2) VALUES (?, ?%3) ON CONFLICT(id) DO UPDATE SET %4")
                        .arg(record.table,
                            names.isEmpty() ? QString() : QStringLiteral(", ") + names.join(QStringLiteral(", ")),
                            QStringLiteral(", ?").repeated(names.size()), assignments.join(QStringLiteral(", ")));
        if (!m_statements) {
            made->query = QSqlQuery(m_db);
            made->query.prepare(made->sql);
        }
        plan = made.get();
        m_upserts.push_back(std::move(made));
    }
    if (m_statements) {
        QVariantList values { record.recordId, record.revision };
        values.reserve(2 + record.fields.size());
        qsizetype i = 0;
        for (auto it = record.fields.constBegin(); it != record.fields.constEnd(); ++it, ++i) {
            if (plan->bound.at(i))
                values.append(SyncValues::toSql(it.value()));
        }
        return m_statements->run(plan->sql, values, "apply a pulled record");
    }
    QSqlQuery &write = plan->query;
    write.bindValue(0, record.recordId);
    write.bindValue(1, record.revision);
    int position = 2;
    qsizetype i = 0;
    for (auto it = record.fields.constBegin(); it != record.fields.constEnd(); ++it, ++i) {
        if (plan->bound.at(i))
            write.bindValue(position++, SyncValues::toSql(it.value()));
    }
    return execute(write, "apply a pulled record");
}

Result<void> SyncJournal::applyKeepingWhatFails(const IncomingRecord &record, const QStringList &columns)
{
    // One record this cache cannot take (a constraint a newer or foreign writer did not meet)
    // must not stop the feed for good: it is set aside whole, as an open conflict, and the
    // rest applies.
    const QString savepoint = QStringLiteral("SAVEPOINT pulled_record");
    if (auto done = m_statements ? m_statements->run(savepoint, {}, "apply a pulled record")
                                 : execute(prepared(savepoint), "apply a pulled record");
        !done)
        return done;
    if (auto applied = applyOne(record, columns); !applied) {
        if (auto undone = executeStatement(
                m_db, QStringLiteral("ROLLBACK TO pulled_record"), "set a pulled record aside");
            !undone)
            return undone;
        QSqlQuery aside(m_db);
        aside.prepare(QStringLiteral("INSERT INTO sync_conflict (id, table_name, record_id, field, "
                                     "local_value, center_value, detected_at) "
                                     "VALUES (?, ?, ?, '', NULL, ?, ?)"));
        aside.addBindValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
        aside.addBindValue(record.table);
        aside.addBindValue(record.recordId);
        aside.addBindValue(QString::fromUtf8(QJsonDocument(record.fields).toJson(QJsonDocument::Compact)));
        aside.addBindValue(SyncValues::now());
        if (auto kept = execute(aside, "set a pulled record aside"); !kept)
            return kept;
    }
    const QString release = QStringLiteral("RELEASE pulled_record");
    return m_statements ? m_statements->run(release, {}, "apply a pulled record")
                        : execute(prepared(release), "apply a pulled record");
}

Result<void> SyncJournal::setApplying(bool applying)
{
    return executeStatement(m_db,
        QStringLiteral("UPDATE sync_control SET applying = %1 WHERE id = 1").arg(applying ? 1 : 0),
        "switch outbox capture");
}

Result<void> SyncJournal::refreshRiskLevel(const QString &pregnancyId)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE pregnancy SET "
                                 "risk_level = (SELECT level FROM risk_assessment WHERE pregnancy_id = :id "
                                 "AND status <> 'proposed' AND deleted = 0 "
                                 "ORDER BY decided_at DESC LIMIT 1), "
                                 "risk_purple = coalesce((SELECT purple FROM risk_assessment WHERE "
                                 "pregnancy_id = :id AND status <> 'proposed' AND deleted = 0 "
                                 "ORDER BY decided_at DESC LIMIT 1), 0) WHERE id = :id"));
    query.bindValue(QStringLiteral(":id"), pregnancyId);
    return execute(query, "refresh the list colour");
}

Result<void> SyncJournal::apply(const QList<IncomingRecord> &records, const QString &nextCursor)
{
    ForeignKeysOff foreignKeysOff(m_db);
    Transaction transaction(m_db);
    if (auto done = setApplying(true); !done)
        return done;
    {
        QSqlQuery any(m_db);
        m_outboxMayHold = !any.exec(QStringLiteral("SELECT EXISTS (SELECT 1 FROM sync_outbox)"))
            || !any.next() || any.value(0).toBool();
    }
    QSet<QString> patients;
    QSet<QString> pregnancies;
    QSet<QString> graded;
    for (const IncomingRecord &record : records) {
        const auto columns = columnsOf(record.table);
        if (!columns)
            return tl::unexpected(columns.error());
        if (columns->isEmpty())
            continue; // a table this version does not keep (a newer workstation's)
        if (auto done = applyKeepingWhatFails(record, *columns); !done)
            return done;
        if (record.table == QLatin1String("patient"))
            patients.insert(record.recordId);
        else if (record.table == QLatin1String("pregnancy"))
            pregnancies.insert(record.recordId);
        else if (record.fields.contains(QStringLiteral("pregnancy_id")))
            pregnancies.insert(record.fields.value(QStringLiteral("pregnancy_id")).toString());
        if (record.table == QLatin1String("risk_assessment"))
            graded.insert(record.fields.value(QStringLiteral("pregnancy_id")).toString());
    }
    for (const QString &pregnancyId : std::as_const(graded)) {
        if (auto done = refreshRiskLevel(pregnancyId); !done)
            return done;
    }
    QSqlQuery owner(m_db);
    owner.prepare(QStringLiteral("SELECT patient_id FROM pregnancy WHERE id = ?"));
    for (const QString &pregnancyId : std::as_const(pregnancies)) {
        owner.bindValue(0, pregnancyId);
        if (auto done = execute(owner, "find a pregnancy's woman"); !done)
            return done;
        if (owner.next())
            patients.insert(owner.value(0).toString());
    }
    if (auto done = SummaryColumns::rebuildFor(m_db, QStringList(patients.cbegin(), patients.cend())); !done)
        return done;
    if (auto done = setStateValue(PullCursorKey, nextCursor); !done)
        return done;
    if (auto done = setApplying(false); !done)
        return done;
    return transaction.commit();
}

Result<QStringList> SyncJournal::syncedTables() const
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name = "
                                   "tbl_name || '_outbox_insert' "
                                   "ORDER BY rowid")))
        return tl::unexpected(SqlError::from(query, "list synced tables"));
    QStringList tables;
    while (query.next())
        tables.append(query.value(0).toString());
    return tables;
}

Result<int> SyncJournal::publishAll()
{
    const auto tables = syncedTables();
    if (!tables)
        return tl::unexpected(tables.error());
    Transaction transaction(m_db);
    // Sync's own doing, not an edit: the audit does not note these rows (schema 19).
    if (auto done = executeStatement(m_db, QStringLiteral("UPDATE sync_control SET applying = 2 WHERE id = 1"), "mark a re-publish");
        !done)
        return tl::unexpected(done.error());
    // Each record goes out whole, which supersedes any change of it still waiting.
    if (auto done = executeStatement(
            m_db, QStringLiteral("DELETE FROM sync_outbox WHERE rejected_code IS NULL"), "clear the outbox");
        !done)
        return tl::unexpected(done.error());
    int queued = 0;
    for (const QString &table : *tables) {
        // The insert trigger names exactly the fields that sync carries for this table.
        QSqlQuery trigger(m_db);
        trigger.prepare(QStringLiteral("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?"));
        trigger.addBindValue(table + QStringLiteral("_outbox_insert"));
        if (auto done = execute(trigger, "read a sync trigger"); !done || !trigger.next())
            return failure(
                QStringLiteral("storage.sync"), tr("The sync definition of %1 cannot be read.").arg(table));
        QStringList pairs;
        static const QRegularExpression column(QStringLiteral("NEW\\.(\\w+)"));
        QSet<QString> seen { QStringLiteral("id") };
        for (const auto &match : column.globalMatch(trigger.value(0).toString())) {
            const QString name = match.captured(1);
            if (!seen.contains(name)) {
                seen.insert(name);
                pairs.append(QStringLiteral("'%1', %1").arg(name));
            }
        }
        QSqlQuery queue(m_db);
        if (!queue.exec(
                QStringLiteral("INSERT INTO sync_outbox (mutation_id, table_name, record_id, operation, "
                               "base_revision, fields, created_at) "
                               "SELECT lower(hex(randomblob(16))), '%1', id, 'insert', 0, json_object(%2), "
                               "strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM %1 ORDER BY rowid")
                    .arg(table, pairs.join(QStringLiteral(", ")))))
            return tl::unexpected(SqlError::from(queue, "queue records for the center"));
        queued += queue.numRowsAffected();
    }
    if (auto done = executeStatement(m_db, QStringLiteral("UPDATE sync_control SET applying = 0 WHERE id = 1"), "end a re-publish");
        !done)
        return tl::unexpected(done.error());
    if (auto done = transaction.commit(); !done)
        return tl::unexpected(done.error());
    return queued;
}
