#pragma once

#include "audit/auditchain.h"
#include "audit/auditwire.h"
#include "center/identitystore.h"
#include "domain/result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSqlDatabase>

// The region's audit trail at the center (center schema 5, docs/audit.md): each workstation's
// chain as uploaded, checked entry by entry on arrival, searched by woman, user, clinic and
// time, and verified whole. Entries are only ever inserted; an upload that repeats what is
// stored is answered as done, one that would rewrite a stored entry or break the chain refused.
class AuditStore
{
    Q_DECLARE_TR_FUNCTIONS(AuditStore)
public:
    explicit AuditStore(QSqlDatabase db);

    // Stores what follows on from the workstation's chain here; returns the last seq stored.
    // Refused: entries of another clinic than the uploader's ("sync.forbidden"), an entry
    // rewritten ("audit.altered"), a gap or a broken link ("audit.chain-broken").
    Result<qint64> receive(const CenterUser &uploader, const AuditWire::Upload &upload);

    // The center's own chain (workstation "center:regional"): what happened at the center
    // itself — sign-ins there, refused ones, sign-outs, records read through a referral, users
    // added. Safe with several center processes on one database: a seq taken by another is
    // retried. `user` is who did it (the name typed, for a refused sign-in).
    Result<AuditEntry> recordAtCenter(const QString &user, const QString &clinicId, AuditAction action,
        const QString &patientKey = {}, const QJsonObject &detail = {});
    static QString centerChain() { return QStringLiteral("center:regional"); }

    struct Query
    {
        QString patientKey;
        QString user;
        QString clinicId;
        QDateTime from; // UTC, inclusive; invalid: no bound
        QDateTime to;
        int limit = 1000;
    };
    Result<QList<AuditEntry>> search(const Query &query) const; // newest first

    struct ChainState
    {
        QString workstation;
        QString clinicId;
        qint64 entries = 0;
        std::optional<AuditChain::Break> broken;
    };
    Result<QList<ChainState>> verifyAll() const;

private:
    Result<void> insert(const AuditEntry &entry, const QString &receivedFrom);
    Result<QList<AuditEntry>> select(const QString &where, const QVariantList &values) const;

    QSqlDatabase m_db;
};
