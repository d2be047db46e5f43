#include "storage/syncconflicts.h"

#include "storage/sqlerror.h"
#include "storage/transaction.h"
#include "summarycolumns.h"
#include "syncvalues.h"

#include <QSqlQuery>
#include <QSqlRecord>

namespace {
// Columns sync itself keeps: never chosen in a conflict.
bool isBookkeeping(const QString &column)
{
    static const QStringList bookkeeping { QStringLiteral("id"), QStringLiteral("revision"),
        QStringLiteral("clinic_id"), QStringLiteral("created_at"), QStringLiteral("updated_at"),
        QStringLiteral("author") };
    return bookkeeping.contains(column);
}

// The names come from sync_conflict, which the network filled: they are checked as values
// against the schema before they are ever used as names.
bool isSyncedColumn(const QSqlDatabase &db, const QString &table, const QString &column)
{
    QSqlQuery trigger(db);
    trigger.prepare(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = ?"));
    trigger.addBindValue(table + QStringLiteral("_outbox_insert"));
    if (!trigger.exec() || !trigger.next())
        return false;
    QSqlQuery info(db);
    if (!info.exec(QStringLiteral("PRAGMA table_info(%1)").arg(table)))
        return false;
    while (info.next())
        if (info.value(1).toString() == column)
            return true;
    return false;
}

QString selectOne(const QSqlDatabase &db, const QString &sql, const QString &id)
{
    QSqlQuery query(db);
    query.prepare(sql);
    query.addBindValue(id);
    return query.exec() && query.next() ? query.value(0).toString() : QString();
}
} // namespace

SyncConflicts::SyncConflicts(QSqlDatabase db, QString author)
    : m_db(std::move(db))
    , m_author(std::move(author))
{
}

Result<QList<SyncConflict>> SyncConflicts::open() const
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral(
            "SELECT id FROM sync_conflict WHERE resolved_at IS NULL ORDER BY detected_at, id")))
        return tl::unexpected(SqlError::from(query, "list sync conflicts"));
    QList<SyncConflict> conflicts;
    while (query.next()) {
        auto conflict = find(query.value(0).toString());
        if (!conflict)
            return tl::unexpected(conflict.error());
        conflicts.append(*conflict);
    }
    return conflicts;
}

Result<SyncConflict> SyncConflicts::find(const QString &conflictId) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "SELECT id, table_name, record_id, field, local_value, center_value, detected_at FROM sync_conflict "
        "WHERE id = ? AND resolved_at IS NULL"));
    query.addBindValue(conflictId);
    if (auto done = execute(query, "read a sync conflict"); !done)
        return tl::unexpected(done.error());
    if (!query.next())
        return failure(QStringLiteral("sync.conflict-gone"), tr("This conflict has already been resolved."));
    SyncConflict conflict;
    conflict.id = query.value(0).toString();
    conflict.table = query.value(1).toString();
    conflict.recordId = query.value(2).toString();
    conflict.field = query.value(3).toString();
    conflict.detectedAt = QDateTime::fromString(query.value(6).toString(), Qt::ISODateWithMs);
    if (conflict.isWholeRecord()) {
        conflict.centerValue = QJsonValue(query.value(5).toString());
    } else {
        conflict.localValue = SyncValues::fromText(query.value(4).toString());
        conflict.centerValue = SyncValues::fromText(query.value(5).toString());
        if (isSyncedColumn(m_db, conflict.table, conflict.field))
            conflict.currentValue = selectOne(m_db,
                QStringLiteral("SELECT %1 FROM %2 WHERE id = ?").arg(conflict.field, conflict.table),
                conflict.recordId);
    }
    describeWoman(conflict);
    return conflict;
}

void SyncConflicts::describeWoman(SyncConflict &conflict) const
{
    // Up the record's parents to the woman: patient ← pregnancy ← (visit, lab, case …) ← contact.
    QString table = conflict.table;
    QString id = conflict.recordId;
    for (int step = 0; step < 4 && !id.isEmpty() && table != QLatin1String("patient"); ++step) {
        if (table == QLatin1String("pregnancy")) {
            id = selectOne(m_db, QStringLiteral("SELECT patient_id FROM pregnancy WHERE id = ?"), id);
            table = QStringLiteral("patient");
        } else if (isSyncedColumn(m_db, table, QStringLiteral("pregnancy_id"))) {
            id = selectOne(m_db, QStringLiteral("SELECT pregnancy_id FROM %1 WHERE id = ?").arg(table), id);
            table = QStringLiteral("pregnancy");
        } else if (isSyncedColumn(m_db, table, QStringLiteral("case_id"))) {
            id = selectOne(m_db, QStringLiteral("SELECT case_id FROM %1 WHERE id = ?").arg(table), id);
            table = QStringLiteral("case_file");
        } else {
            id.clear();
        }
    }
    if (table != QLatin1String("patient") || id.isEmpty())
        return;
    conflict.patientId = id;
    conflict.womanName = selectOne(m_db, QStringLiteral("SELECT name FROM patient WHERE id = ?"), id);
}

Result<void> SyncConflicts::resolve(const QString &conflictId, const QJsonValue &chosen)
{
    const auto conflict = find(conflictId);
    if (!conflict)
        return tl::unexpected(conflict.error());
    if (conflict->isWholeRecord())
        return failure(QStringLiteral("sync.conflict-record"),
            tr("A record the center sent that this workstation could not store is kept for the "
               "administrator; "
               "it cannot be chosen field by field."));
    if (isBookkeeping(conflict->field) || !isSyncedColumn(m_db, conflict->table, conflict->field))
        return failure(QStringLiteral("sync.conflict-field"),
            tr("The conflict names a field this workstation does not have."));
    Transaction transaction(m_db);
    QSqlQuery write(m_db);
    write.prepare(QStringLiteral("UPDATE %1 SET %2 = ?, updated_at = ?, author = ?, revision = revision + 1 "
                                 "WHERE id = ? AND %2 IS NOT ?")
                      .arg(conflict->table, conflict->field));
    const QVariant value = SyncValues::toSql(chosen);
    write.addBindValue(value);
    write.addBindValue(SyncValues::now());
    write.addBindValue(m_author);
    write.addBindValue(conflict->recordId);
    write.addBindValue(value);
    if (auto done = execute(write, "write the chosen value"); !done)
        return done;
    QSqlQuery settle(m_db);
    settle.prepare(QStringLiteral("UPDATE sync_conflict SET resolved_at = ? WHERE id = ?"));
    settle.addBindValue(SyncValues::now());
    settle.addBindValue(conflict->id);
    if (auto done = execute(settle, "settle a sync conflict"); !done)
        return done;
    if (!conflict->patientId.isEmpty()) {
        if (auto done = SummaryColumns::rebuildFor(m_db, { conflict->patientId }); !done)
            return done;
    }
    return transaction.commit();
}
