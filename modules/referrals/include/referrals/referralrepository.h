#pragma once

#include "domain/result.h"
#include "referrals/referral.h"
#include "referrals/referraltimeline.h"
#include "storage/recordtable.h"

#include <QCoreApplication>

class Database;

// One line of the Incoming or Outgoing referral list: who, how urgent, where it stands, with
// which clinic and since when.
struct ReferralListRow
{
    Referral referral;
    QUuid patientId;
    QString woman;
    ReferralTimeline timeline;
    ReferralStatus status = ReferralStatus::Draft; // timeline.status()
    QDateTime sentAt; // invalid for a draft
    QDateTime changedAt; // its last step
    bool concurrentSteps = false; // a step met a status it did not apply to: look at the timeline
};

// The referral, referral_step and referral_attachment tables (schema 15) as this workstation's
// clinic and user work on them. A draft is edited and its attachments picked as often as the
// sender likes; from the send step on the referral and its attachments are what the receiver
// was sent and are refused any change. Steps are taken here only by the side they belong to
// and only where they apply to what this cache knows; steps the other side took meanwhile
// arrive by sync and are kept beside them (ReferralTimeline).
class ReferralRepository
{
    Q_DECLARE_TR_FUNCTIONS(ReferralRepository)
public:
    explicit ReferralRepository(const Database &database);

    const QString &clinicId() const; // the clinic this workstation works for

    Result<void> saveDraft(Referral &referral);
    Result<void> attach(ReferralAttachment &attachment);
    Result<void> detach(ReferralAttachment &attachment); // a tombstone, while a draft

    // Takes `action` as this clinic and user, now. Refused ("referral.*") when this clinic is not
    // on the side that takes it, a reason is needed and missing, the outcome is missing from a
    // return slip, the referral is incomplete for sending, or the action does not apply to
    // where the referral stands.
    Result<ReferralStep> take(const QUuid &referralId, ReferralAction action, const QString &reason = {},
        const ReferralOutcome &outcome = {});

    Result<std::optional<Referral>> find(const QUuid &id) const;
    Result<QList<Referral>> forPregnancy(const QUuid &pregnancyId) const; // newest first
    Result<QList<ReferralStep>> steps(const QUuid &referralId) const;
    Result<ReferralTimeline> timeline(const QUuid &referralId) const;
    Result<ReferralTimeline> timelineOf(const Referral &referral) const; // without reading it again
    Result<QList<ReferralAttachment>> attachments(const QUuid &referralId) const;

    // The referrals sent to this clinic, and those it sent (drafts too): open ones first, the
    // most urgent and oldest first among them; finished ones (closed, cancelled) after.
    Result<QList<ReferralListRow>> incoming() const;
    Result<QList<ReferralListRow>> outgoing() const;
    Result<QList<ReferralListRow>> all() const; // every referral in this cache, in the same order

    // Referrals sent to this clinic that it has not acknowledged: after each pull the workstation
    // takes the receive step for them, which tells the sender they arrived.
    Result<QList<QUuid>> awaitingReceipt() const;
    Result<int> acknowledgeArrivals(); // the receive step for each of them; how many

private:
    Result<void> requireDraft(const QUuid &referralId) const;
    Result<QList<Referral>> select(const QString &where, const QVariant &value) const;
    Result<QList<ReferralListRow>> listWhere(const QString &where, const QVariant &value) const;

    const Database &m_database;
    RecordTable m_referrals;
    RecordTable m_steps;
    RecordTable m_attachments;
};
