#include "audit/auditlog.h"

#include "audit/auditrow.h"

#include "storage/database.h"
#include "storage/sqlerror.h"
#include "storage/syncjournal.h"
#include "storage/transaction.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QUuid>

namespace {
// The text columns are NOT NULL with '' for "none"; a null QString would bind as NULL.
QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

const QString Columns = QStringLiteral("seq, id, at, clinic_id, workstation, user_name, action, patient_id, detail, prev_hash, hash");

} // namespace

AuditLog::AuditLog(const Database &database)
    : m_database(database)
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{
}

Result<AuditEntry> AuditLog::record(AuditAction action, const QString &patientId, const QJsonObject &detail)
{
    return recordAs(m_database.identity().author, action, patientId, detail);
}

Result<AuditEntry> AuditLog::recordAs(const QString &user, AuditAction action, const QString &patientId, const QJsonObject &detail)
{
    const auto workstation = SyncJournal(m_database.connection()).deviceId();
    if (!workstation)
        return tl::unexpected(workstation.error());
    Transaction transaction(m_database.connection());
    QSqlQuery last(m_database.connection());
    last.prepare(QStringLiteral("SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1"));
    if (auto done = execute(last, "read the last audit entry"); !done)
        return tl::unexpected(done.error());
    AuditEntry e;
    e.seq = last.next() ? last.value(0).toLongLong() + 1 : 1;
    e.prevHash = e.seq > 1 ? last.value(1).toString() : QString();
    last.finish();
    e.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    e.at = m_now().toUTC();
    e.clinicId = m_database.identity().clinicId;
    e.workstation = *workstation;
    e.user = user;
    e.action = action;
    e.patientId = patientId;
    e.detail = QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact));
    e.hash = AuditChain::hashOf(e);
    QSqlQuery insert(m_database.connection());
    insert.prepare(QStringLiteral("INSERT INTO audit_entry (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").arg(Columns));
    for (const QVariant &value : QVariantList { e.seq, e.id, e.at.toString(Qt::ISODateWithMs), text(e.clinicId), text(e.workstation),
             text(e.user), AuditActions::key(e.action), text(e.patientId), e.detail, text(e.prevHash), e.hash })
        insert.addBindValue(value);
    if (auto done = execute(insert, "write an audit entry"); !done)
        return tl::unexpected(done.error());
    if (auto committed = transaction.commit(); !committed)
        return tl::unexpected(committed.error());
    return e;
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
