#include "center/auditstore.h"

#include "audit/auditrow.h"

#include "storage/recordtable.h"
#include "storage/sqlerror.h"
#include "storage/transaction.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QUuid>

namespace {
const QString Columns = QStringLiteral(
    "seq, id, at, clinic_id, workstation, user_name, action, patient_key, detail, prev_hash, hash");
} // namespace

AuditStore::AuditStore(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<qint64> AuditStore::receive(const CenterUser &uploader, const AuditWire::Upload &upload)
{
    if (upload.workstation.startsWith(QLatin1String("center:")))
        return failure(QStringLiteral("audit.invalid"), tr("The center's own audit chain is written by the center only."));
    for (const AuditEntry &e : upload.entries) {
        if (e.clinicId != uploader.clinicId && !uploader.centerStaff)
            return failure(QStringLiteral("sync.forbidden"), tr("A workstation uploads the audit trail of its own clinic only."));
    }
    Transaction transaction(m_db);
    QSqlQuery last(m_db);
    last.prepare(QStringLiteral("SELECT seq, hash FROM audit_entry WHERE workstation = ? ORDER BY seq DESC LIMIT 1"));
    last.addBindValue(upload.workstation);
    if (auto done = execute(last, "read the audit chain's end"); !done)
        return tl::unexpected(done.error());
    qint64 lastSeq = 0;
    QString lastHash;
    if (last.next()) {
        lastSeq = last.value(0).toLongLong();
        lastHash = last.value(1).toString();
    }
    last.finish();
    // What the center has already (an upload repeated after a lost answer) must be the same.
    QList<AuditEntry> fresh;
    for (const AuditEntry &e : upload.entries) {
        if (e.seq > lastSeq) {
            fresh.append(e);
            continue;
        }
        const auto stored = select(QStringLiteral("WHERE workstation = ? AND seq = ?"), { upload.workstation, e.seq });
        if (!stored)
            return tl::unexpected(stored.error());
        if (stored->isEmpty() || stored->first().hash != e.hash)
            return failure(QStringLiteral("audit.altered"),
                tr("Audit entry %1 of this workstation differs from the one the center holds: entries are never rewritten.").arg(e.seq));
    }
    if (const auto broken = AuditChain::firstBreak(fresh, lastHash, lastSeq))
        return failure(QStringLiteral("audit.chain-broken"), broken->reason);
    for (const AuditEntry &e : std::as_const(fresh)) {
        if (auto done = insert(e, uploader.username); !done)
            return tl::unexpected(done.error());
    }
    if (auto committed = transaction.commit(); !committed)
        return tl::unexpected(committed.error());
    return fresh.isEmpty() ? std::max(lastSeq, upload.entries.isEmpty() ? lastSeq : upload.entries.constLast().seq)
                           : fresh.constLast().seq;
}

Result<void> AuditStore::insert(const AuditEntry &e, const QString &receivedFrom)
{
    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral("INSERT INTO audit_entry (%1, received_at, received_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                       .arg(Columns));
    for (const QVariant &value : QVariantList { e.seq, sqlText(e.id), e.at.toUTC().toString(Qt::ISODateWithMs), sqlText(e.clinicId),
             sqlText(e.workstation), sqlText(e.user), AuditActions::key(e.action), sqlText(e.patientId), sqlText(e.detail), sqlText(e.prevHash),
             sqlText(e.hash), QDateTime::currentSecsSinceEpoch(), sqlText(receivedFrom) })
        insert.addBindValue(value);
    return execute(insert, "store an audit entry");
}

Result<AuditEntry> AuditStore::recordAtCenter(
    const QString &user, const QString &clinicId, AuditAction action, const QString &patientKey, const QJsonObject &detail)
{
    AuditEntry e;
    e.workstation = centerChain();
    e.at = QDateTime::currentDateTimeUtc();
    e.clinicId = clinicId;
    e.user = user;
    e.action = action;
    e.patientId = patientKey;
    e.detail = QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact));
    // Another center process may take the same seq at the same moment: the primary key refuses
    // the second, which reads the chain's end again.
    constexpr int Attempts = 8;
    Error lastError;
    for (int attempt = 0; attempt < Attempts; ++attempt) {
        Transaction transaction(m_db);
        QSqlQuery last(m_db);
        last.prepare(QStringLiteral("SELECT seq, hash FROM audit_entry WHERE workstation = ? ORDER BY seq DESC LIMIT 1"));
        last.addBindValue(e.workstation);
        if (auto done = execute(last, "read the audit chain's end"); !done)
            return tl::unexpected(done.error());
        e.seq = last.next() ? last.value(0).toLongLong() + 1 : 1;
        e.prevHash = e.seq > 1 ? last.value(1).toString() : QString();
        last.finish();
        e.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        e.hash = AuditChain::hashOf(e);
        auto inserted = insert(e, QStringLiteral("center"));
        if (inserted) {
            if (auto committed = transaction.commit(); !committed)
                return tl::unexpected(committed.error());
            return e;
        }
        lastError = inserted.error();
    }
    return tl::unexpected(lastError);
}

Result<QList<AuditEntry>> AuditStore::select(const QString &where, const QVariantList &values) const
{
    return selectAuditEntries(m_db, QStringLiteral("SELECT %1 FROM audit_entry %2").arg(Columns, where), values);
}

Result<QList<AuditEntry>> AuditStore::search(const Query &query) const
{
    QStringList conditions;
    QVariantList values;
    const auto where = [&](const char *condition, const QVariant &value) {
        conditions << QLatin1String(condition);
        values << value;
    };
    if (!query.patientKey.isEmpty())
        where("patient_key = ?", query.patientKey);
    if (!query.user.isEmpty())
        where("user_name = ?", query.user);
    if (!query.clinicId.isEmpty())
        where("clinic_id = ?", query.clinicId);
    // The stored times are ISO text in UTC with milliseconds: they sort as times.
    if (query.from.isValid())
        where("at >= ?", query.from.toUTC().toString(Qt::ISODateWithMs));
    if (query.to.isValid())
        where("at <= ?", query.to.toUTC().toString(Qt::ISODateWithMs));
    values << std::clamp(query.limit, 1, 100000);
    return select((conditions.isEmpty() ? QString() : QStringLiteral("WHERE ") + conditions.join(QStringLiteral(" AND ")))
            + QStringLiteral(" ORDER BY at DESC, workstation, seq DESC LIMIT ?"),
        values);
}

Result<QList<AuditStore::ChainState>> AuditStore::verifyAll() const
{
    QSqlQuery chains(m_db);
    chains.setForwardOnly(true);
    chains.prepare(QStringLiteral("SELECT workstation, min(clinic_id), count(*) FROM audit_entry GROUP BY workstation ORDER BY workstation"));
    if (auto done = execute(chains, "list the audit chains"); !done)
        return tl::unexpected(done.error());
    QList<ChainState> states;
    while (chains.next())
        states.append({ chains.value(0).toString(), chains.value(1).toString(), chains.value(2).toLongLong(), std::nullopt });
    chains.finish();
    constexpr int Page = 5000;
    for (ChainState &state : states) {
        qint64 previousSeq = 0;
        QString previousHash;
        for (;;) {
            const auto page = select(QStringLiteral("WHERE workstation = ? AND seq > ? ORDER BY seq LIMIT ?"),
                { state.workstation, previousSeq, Page });
            if (!page)
                return tl::unexpected(page.error());
            if ((state.broken = AuditChain::firstBreak(*page, previousHash, previousSeq)) || page->size() < Page)
                break;
            previousSeq = page->constLast().seq;
            previousHash = page->constLast().hash;
        }
    }
    return states;
}
