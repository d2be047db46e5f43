#pragma once

#include "center/identitystore.h"
#include "center/notificationhub.h"
#include "domain/result.h"
#include "sync-protocol/protocollimits.h"
#include "sync-protocol/syncmessages.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlQuery>

#include <functional>

class CenterDatabase;
class QSqlQuery;

// How long a clinic a woman was referred to may go on reading her records once the last
// referral that gave it access is closed or cancelled (docs/referrals.md).
struct ReferralAccessPolicy
{
    qint64 secondsAfterClosure = 30 * 24 * 3600;
};

// The center's copy of every synced record and the logic of push and pull
// (docs/sync-protocol.md): idempotent mutations, field-level merge against the base revision,
// conflicts kept on both sides, a change feed in commit order, and who may see what — a clinic
// sees the women registered there and those referred to it (until a period after the referral
// is closed); the center's staff see the region.
class RecordStore
{
    Q_DECLARE_TR_FUNCTIONS(RecordStore)
public:
    explicit RecordStore(CenterDatabase &database, ProtocolLimits limits = {}, ReferralAccessPolicy referralAccess = {});

    Result<PushResponse> push(const CenterUser &user, const PushRequest &request);
    // One page of the change feed, as the protocol's JSON.
    Result<QByteArray> pull(const CenterUser &user, const QString &cursor, int limit);
    // A referral: the woman's records become visible to another clinic, from the start.
    Result<void> sharePatient(const CenterUser &user, const QString &patientKey, const QString &clinicId);
    Result<int> openConflictCount(const CenterUser &user) const;
    // Told, after each push commits, which clinics have something new that must not wait for
    // their next sync (a referral step for the other side) (NotificationHub).
    void setNoticeSink(std::function<void(const QList<ClinicNotice> &)> sink) { m_noticeSink = std::move(sink); }

private:
    struct StoredRecord
    {
        bool exists = false;
        QString clinicId;
        QString patientKey;
        qint64 revision = 0;
        QJsonObject fields;
        QJsonObject fieldRevisions; // field → {"r": revision, "d": device}
    };
    struct Writer
    {
        const CenterUser &user;
        const QString &deviceId;
        qint64 &sequence;
    };

    QSqlQuery &prepared(const QString &sql) const;
    void releasePrepared() const;
    Result<MutationOutcome> apply(const Writer &writer, const Mutation &mutation);
    Result<MutationOutcome> insert(const Writer &writer, const Mutation &mutation);
    Result<MutationOutcome> update(const Writer &writer, const Mutation &mutation, StoredRecord record);
    Result<StoredRecord> load(const QString &table, const QString &recordId) const;
    Result<void> store(const QString &table, const QString &recordId, const StoredRecord &record, qint64 sequence, bool isNew);
    Result<QString> patientKeyOf(const Mutation &mutation) const;
    Result<bool> canSee(const CenterUser &user, const QString &patientKey) const;
    Result<std::optional<MutationOutcome>> earlierOutcome(const QString &mutationId) const;
    Result<void> remember(const CenterUser &user, const MutationOutcome &outcome);
    Result<void> keepConflicts(const Writer &writer, const Mutation &mutation, const QList<FieldConflict> &conflicts, qint64 revision);
    Result<void> grantAccess(const QString &patientKey, const QString &clinicId, const QString &by);
    // Why a write to the referral tables is refused (ReferralAccess), `stored` when the record exists.
    Result<std::optional<MutationOutcome>> referralRefusal(const Writer &writer, const Mutation &mutation,
                                                           const StoredRecord *stored) const;
    Result<void> followReferral(const Writer &writer, const Mutation &mutation, const QString &patientKey);
    // New sequence numbers for all her records, so that a clinic whose cursor is past them
    // (one just given access) finds them in its next pull; the others apply them again harmlessly.
    Result<void> bringIntoFeed(const QString &patientKey, qint64 &sequence);
    Result<qint64> lockSequence();
    Result<void> saveSequence(qint64 sequence);

    CenterDatabase &m_database;
    ProtocolLimits m_limits;
    ReferralAccessPolicy m_referralAccess;
    std::function<void(const QList<ClinicNotice> &)> m_noticeSink;
    QList<ClinicNotice> m_notices; // of the push under way
    mutable QHash<QString, QSqlQuery> m_prepared; // see prepared()
};
