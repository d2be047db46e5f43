#include "audit/auditlog.h"

#include "audit/auditrow.h"

#include "storage/database.h"
#include "storage/recordowner.h"
#include "storage/recordtable.h"
#include "storage/sqlerror.h"
#include "storage/syncjournal.h"
#include "storage/transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QUuid>

namespace {
const QString Columns = QStringLiteral("seq, id, at, clinic_id, workstation, user_name, action, patient_id, detail, prev_hash, hash");

} // namespace

AuditLog::AuditLog(const Database &database)
    : AuditLog(database.connection(), database.identity().clinicId, database.identity().author)
{
}

AuditLog::AuditLog(QSqlDatabase db, QString clinicId, QString user)
    : m_db(std::move(db))
    , m_clinicId(std::move(clinicId))
    , m_user(std::move(user))
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{
}

Result<AuditEntry> AuditLog::record(AuditAction action, const QString &patientId, const QJsonObject &detail)
{
    return recordAs(m_user, action, patientId, detail);
}

Result<AuditEntry> AuditLog::recordAs(const QString &user, AuditAction action, const QString &patientId, const QJsonObject &detail)
{
    const auto workstation = SyncJournal(m_db).deviceId();
    if (!workstation)
        return tl::unexpected(workstation.error());
    Transaction transaction(m_db);
    // Edits come first: they were made before whatever is being recorded now.
    if (const auto edits = chainNotedEdits(*workstation); !edits)
        return tl::unexpected(edits.error());
    AuditEntry e;
    e.at = m_now().toUTC();
    e.user = user;
    e.action = action;
    e.patientId = patientId;
    e.detail = QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact));
    if (auto done = append(e, *workstation); !done)
        return tl::unexpected(done.error());
    if (auto committed = transaction.commit(); !committed)
        return tl::unexpected(committed.error());
    return e;
}

Result<int> AuditLog::recordNotedEdits()
{
    const auto workstation = SyncJournal(m_db).deviceId();
    if (!workstation)
        return tl::unexpected(workstation.error());
    Transaction transaction(m_db);
    const auto written = chainNotedEdits(*workstation);
    if (!written)
        return written;
    if (auto committed = transaction.commit(); !committed)
        return tl::unexpected(committed.error());
    return written;
}

Result<int> AuditLog::chainNotedEdits(const QString &workstation)
{
    QSqlQuery noted(m_db);
    noted.setForwardOnly(true);
    noted.prepare(QStringLiteral("SELECT seq, table_name, record_id, operation, author, at FROM audit_edit ORDER BY seq"));
    if (auto done = execute(noted, "read the noted edits"); !done)
        return tl::unexpected(done.error());
    struct Edit
    {
        QString table, recordId, operation, author, at;
    };
    QList<Edit> edits;
    qint64 lastSeq = 0;
    while (noted.next()) {
        lastSeq = noted.value(0).toLongLong();
        edits.append({ noted.value(1).toString(), noted.value(2).toString(), noted.value(3).toString(), noted.value(4).toString(),
            noted.value(5).toString() });
    }
    noted.finish();
    if (edits.isEmpty())
        return 0;
    // A long run of edits of one woman by one user (a visit with its grade and findings, an
    // import) is one entry naming its records, the first ones listed.
    constexpr int ListedRecords = 50;
    RecordOwner owners(m_db);
    int written = 0;
    AuditEntry entry;
    QJsonArray records;
    int unlisted = 0;
    const auto flush = [&]() -> Result<void> {
        if (records.isEmpty())
            return {};
        QJsonObject detail { { QStringLiteral("records"), records } };
        if (unlisted > 0)
            detail.insert(QStringLiteral("moreRecords"), unlisted);
        entry.detail = QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact));
        records = QJsonArray();
        unlisted = 0;
        ++written;
        return append(entry, workstation);
    };
    for (const Edit &edit : std::as_const(edits)) {
        const auto patientId = owners.patientOf(edit.table, edit.recordId);
        if (!patientId)
            return tl::unexpected(patientId.error());
        if (records.isEmpty() || entry.user != edit.author || entry.patientId != *patientId) {
            if (auto done = flush(); !done)
                return tl::unexpected(done.error());
            entry = AuditEntry();
            entry.action = AuditAction::RecordEdited;
            entry.user = edit.author;
            entry.patientId = *patientId;
            entry.at = QDateTime::fromString(edit.at, Qt::ISODateWithMs).toUTC();
        }
        if (records.size() < ListedRecords)
            records.append(QJsonObject { { QStringLiteral("table"), edit.table }, { QStringLiteral("id"), edit.recordId },
                { QStringLiteral("operation"), edit.operation } });
        else
            ++unlisted;
    }
    if (auto done = flush(); !done)
        return tl::unexpected(done.error());
    QSqlQuery chained(m_db);
    chained.prepare(QStringLiteral("DELETE FROM audit_edit WHERE seq <= ?"));
    chained.addBindValue(lastSeq);
    if (auto done = execute(chained, "clear the noted edits"); !done)
        return tl::unexpected(done.error());
    return written;
}

Result<void> AuditLog::append(AuditEntry &e, const QString &workstation)
{
    QSqlQuery last(m_db);
    last.prepare(QStringLiteral("SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1"));
    if (auto done = execute(last, "read the last audit entry"); !done)
        return done;
    e.seq = last.next() ? last.value(0).toLongLong() + 1 : 1;
    e.prevHash = e.seq > 1 ? last.value(1).toString() : QString();
    last.finish();
    e.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    e.clinicId = m_clinicId;
    e.workstation = workstation;
    e.hash = AuditChain::hashOf(e);
    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral("INSERT INTO audit_entry (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").arg(Columns));
    for (const QVariant &value : QVariantList { e.seq, e.id, e.at.toString(Qt::ISODateWithMs), sqlText(e.clinicId), sqlText(e.workstation),
             sqlText(e.user), AuditActions::key(e.action), sqlText(e.patientId), e.detail, sqlText(e.prevHash), e.hash })
        insert.addBindValue(value);
    return execute(insert, "write an audit entry");
}

AuditTrail::AuditTrail(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<QList<AuditEntry>> AuditTrail::select(const QString &where, const QVariantList &values) const
{
    return selectAuditEntries(m_db, QStringLiteral("SELECT %1 FROM audit_entry %2").arg(Columns, where), values);
}

Result<QList<AuditEntry>> AuditTrail::entries(qint64 afterSeq, int limit) const
{
    return select(QStringLiteral("WHERE seq > ? ORDER BY seq LIMIT ?"), { afterSeq, limit });
}

Result<QList<AuditEntry>> AuditTrail::forPatient(const QString &patientId) const
{
    return select(QStringLiteral("WHERE patient_id = ? ORDER BY seq DESC"), { patientId });
}

Result<std::optional<AuditChain::Break>> AuditTrail::verify() const
{
    constexpr int Page = 5000;
    QString previousHash;
    qint64 previousSeq = 0;
    for (;;) {
        const auto page = entries(previousSeq, Page);
        if (!page)
            return tl::unexpected(page.error());
        if (const auto broken = AuditChain::firstBreak(*page, previousHash, previousSeq))
            return broken;
        if (page->size() < Page)
            return std::optional<AuditChain::Break>();
        previousSeq = page->constLast().seq;
        previousHash = page->constLast().hash;
    }
}

Result<qint64> AuditTrail::uploadedThrough() const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT uploaded_seq FROM audit_upload WHERE id = 1"));
    if (auto done = execute(query, "read the audit upload"); !done)
        return tl::unexpected(done.error());
    return query.next() ? query.value(0).toLongLong() : 0;
}

Result<QList<AuditEntry>> AuditTrail::pendingUpload(int limit) const
{
    const auto through = uploadedThrough();
    if (!through)
        return tl::unexpected(through.error());
    return entries(*through, limit);
}

Result<void> AuditTrail::markUploaded(qint64 seq)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE audit_upload SET uploaded_seq = max(uploaded_seq, ?) WHERE id = 1"));
    query.addBindValue(seq);
    return execute(query, "note the audit upload");
}
