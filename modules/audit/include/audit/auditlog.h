#pragma once

#include "audit/auditchain.h"
#include "audit/auditentry.h"
#include "domain/result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSqlDatabase>

#include <QString>

#include <functional>

class Database;

// Writes this workstation's audit trail in the clinic cache (audit_entry, schema 18): entries
// appended in one chain, as this workstation's clinic and user (or the user name a failed
// sign-in typed), never changed. AuditTrail reads them back.
class AuditLog
{
    Q_DECLARE_TR_FUNCTIONS(AuditLog)
public:
    explicit AuditLog(const Database &database);
    // The same on a connection of its own (the sync engine's): entries of `clinicId` by
    // `user` unless another is named.
    AuditLog(QSqlDatabase db, QString clinicId, QString user);

    // Appends an entry now: what was done, to which woman (her patient id, or none), and what
    // more there is to say as a JSON object (the file exported, the form printed).
    Result<AuditEntry> record(AuditAction action, const QString &patientId = {}, const QJsonObject &detail = {});
    // The same under another user name than the workstation's: a sign-in, a failed one.
    Result<AuditEntry> recordAs(const QString &user, AuditAction action, const QString &patientId = {},
        const QJsonObject &detail = {});

    // Chains the edits the cache has noted since (audit_edit, schema 19) as `record-edited`
    // entries, one per woman and user in turn, at the time of the edit. record() does this
    // first, and the sync engine before each upload; returns how many entries were written.
    Result<int> recordNotedEdits();

    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }

private:
    // Within the caller's transaction: the entry given its place at the chain's end, written.
    Result<void> append(AuditEntry &entry, const QString &workstation);
    Result<int> chainNotedEdits(const QString &workstation);

    QSqlDatabase m_db;
    QString m_clinicId;
    QString m_user;
    std::function<QDateTime()> m_now;
};

// This workstation's audit trail as stored: read back in order or for one woman, checked
// whole, and handed to the regional center in order, each entry once.
class AuditTrail
{
public:
    explicit AuditTrail(QSqlDatabase db);

    // Entries after `afterSeq` in order, at most `limit`.
    Result<QList<AuditEntry>> entries(qint64 afterSeq = 0, int limit = 1000) const;
    // Entries about one woman, newest first (her access report).
    Result<QList<AuditEntry>> forPatient(const QString &patientId) const;
    // The whole chain checked; where it breaks, if it does.
    Result<std::optional<AuditChain::Break>> verify() const;

    // How far the center has the chain; what it has not yet, in order.
    Result<qint64> uploadedThrough() const;
    Result<QList<AuditEntry>> pendingUpload(int limit) const;
    Result<void> markUploaded(qint64 seq);

private:
    Result<QList<AuditEntry>> select(const QString &where, const QVariantList &values) const;

    QSqlDatabase m_db;
};
