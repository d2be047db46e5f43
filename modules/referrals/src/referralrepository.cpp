#include "referrals/referralrepository.h"

#include "referrals/referralvalidator.h"
#include "storage/database.h"
#include "storage/sqlerror.h"
#include "storage/transaction.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {
const QStringList referralColumns { QStringLiteral("pregnancy_id"), QStringLiteral("direction"),
    QStringLiteral("urgency"), QStringLiteral("target_clinic"), QStringLiteral("target_department"),
    QStringLiteral("target_doctor"), QStringLiteral("reason"), QStringLiteral("diagnosis"),
    QStringLiteral("risk_colour"), QStringLiteral("risk_items"), QStringLiteral("summary"), QStringLiteral("purpose"),
    QStringLiteral("consultation_kind") };
const QStringList stepColumns { QStringLiteral("referral_id"), QStringLiteral("action"), QStringLiteral("reason"),
    QStringLiteral("outcome_diagnosis"), QStringLiteral("outcome_treatment"), QStringLiteral("outcome_plan"),
    QStringLiteral("outcome_advice"), QStringLiteral("outcome_reading_kind"), QStringLiteral("outcome_reading_id") };
const QStringList attachmentColumns { QStringLiteral("referral_id"), QStringLiteral("kind"),
    QStringLiteral("item_ref"), QStringLiteral("label") };

// The text columns are NOT NULL with '' for "none"; a null QString would bind as NULL.
QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QString jsonList(const QStringList &items)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(items)).toJson(QJsonDocument::Compact));
}

QStringList listFromJson(const QString &json)
{
    QStringList items;
    for (const QJsonValue &item : QJsonDocument::fromJson(json.toUtf8()).array())
        items.append(item.toString());
    return items;
}

ReferralStep stepFrom(const QSqlQuery &query)
{
    const RecordMeta meta = RecordTable::readMeta(query);
    int c = RecordTable::FirstValueColumn;
    ReferralStep step;
    step.id = meta.id;
    step.clinicId = meta.clinicId;
    step.author = meta.author;
    step.at = meta.createdAt;
    step.referralId = QUuid::fromString(query.value(c++).toString());
    step.action = ReferralSteps::actionFromKey(query.value(c++).toString()).value_or(ReferralAction::Send);
    step.reason = query.value(c++).toString();
    step.outcome.diagnosis = query.value(c++).toString();
    step.outcome.treatment = query.value(c++).toString();
    step.outcome.plan = query.value(c++).toString();
    step.outcome.advice = query.value(c++).toString();
    step.outcome.reading.kind = ReferralSteps::readingKindFromKey(query.value(c++).toString()).value_or(ReadingKind::None);
    step.outcome.reading.recordId = QUuid::fromString(query.value(c++).toString());
    return step;
}
} // namespace

ReferralRepository::ReferralRepository(const Database &database)
    : m_database(database)
    , m_referrals(database.connection(), QStringLiteral("referral"), referralColumns)
    , m_steps(database.connection(), QStringLiteral("referral_step"), stepColumns)
    , m_attachments(database.connection(), QStringLiteral("referral_attachment"), attachmentColumns)
{
}

const QString &ReferralRepository::clinicId() const
{
    return m_database.identity().clinicId;
}

Result<void> ReferralRepository::requireDraft(const QUuid &referralId) const
{
    auto current = timeline(referralId);
    if (!current)
        return failure(current.error());
    if (current->status() != ReferralStatus::Draft)
        return failure(QStringLiteral("referral.sent"),
            tr("This referral has been sent and can no longer be changed; cancel it and write a new one."));
    return {};
}

Result<void> ReferralRepository::saveDraft(Referral &r)
{
    const bool isNew = r.meta.id.isNull() || r.meta.revision == 0;
    if (!isNew) {
        if (auto draft = requireDraft(r.meta.id); !draft)
            return draft;
    }
    const QVariantList values { idText(r.pregnancyId), Referrals::key(r.direction), Referrals::key(r.urgency),
        text(r.targetClinic), text(r.targetDepartment), text(r.targetDoctor), text(r.reason), text(r.diagnosis),
        text(r.riskColour), jsonList(r.riskItems), text(r.summary), Referrals::key(r.purpose),
        r.purpose == ReferralPurpose::Consultation ? Referrals::key(r.consultationKind) : QStringLiteral("") };
    if (isNew)
        return m_referrals.insert(r.meta, values, m_database.identity().clinicId, m_database.identity().author);
    return m_referrals.update(r.meta, values, m_database.identity().author);
}

Result<void> ReferralRepository::attach(ReferralAttachment &a)
{
    if (auto draft = requireDraft(a.referralId); !draft)
        return draft;
    const QVariantList values { idText(a.referralId), Referrals::key(a.kind), text(a.itemRef), text(a.label) };
    if (a.meta.id.isNull() || a.meta.revision == 0)
        return m_attachments.insert(a.meta, values, m_database.identity().clinicId, m_database.identity().author);
    return m_attachments.update(a.meta, values, m_database.identity().author);
}

Result<void> ReferralRepository::detach(ReferralAttachment &a)
{
    a.meta.deleted = true;
    return attach(a);
}

Result<ReferralStep> ReferralRepository::take(
    const QUuid &referralId, ReferralAction action, const QString &reason, const ReferralOutcome &outcome)
{
    Transaction transaction(m_database.connection());
    auto referral = find(referralId);
    if (!referral)
        return failure(referral.error());
    if (!*referral)
        return failure(QStringLiteral("referral.unknown"), tr("This referral is not in this workstation's records."));
    const QString &here = m_database.identity().clinicId;
    const bool sender = (*referral)->meta.clinicId == here;
    const bool receiver = (*referral)->targetClinic == here;
    const ReferralSide side = ReferralSteps::sideOf(action);
    if ((side == ReferralSide::Sender && !sender) || (side == ReferralSide::Receiver && !receiver))
        return failure(QStringLiteral("referral.wrong-side"),
            side == ReferralSide::Sender ? tr("Only the referring clinic can do this.")
                                         : tr("Only the clinic she is referred to can do this."));
    if (const auto problems = ReferralValidator::problemsOfStep(action, reason, outcome, (*referral)->purpose); !problems.isEmpty())
        return failure(problems.first());
    if (action == ReferralAction::Send) {
        if (const auto problems = ReferralValidator::problemsBeforeSending(**referral, here); !problems.isEmpty())
            return failure(problems.first());
    }
    auto current = timelineOf(**referral);
    if (!current)
        return failure(current.error());
    if (!ReferralSteps::next(current->status(), action, (*referral)->purpose))
        return failure(QStringLiteral("referral.not-applicable"),
            tr("The referral is %1: \"%2\" does not apply now.")
                .arg(ReferralSteps::label(current->status()), ReferralSteps::label(action)));
    // A step comes after every step it was taken on, even within one millisecond of the last
    // (the receive step the workstation takes just before a clinician accepts): the timeline
    // orders by time, and its tie-break by id would otherwise put them in a random order.
    RecordMeta meta = RecordMeta::createdNow(here, m_database.identity().author);
    if (!current->entries().isEmpty()) {
        const QDateTime last = current->entries().constLast().step.at;
        if (meta.createdAt <= last)
            meta.createdAt = meta.updatedAt = last.addMSecs(1);
    }
    const QVariantList values { idText(referralId), ReferralSteps::key(action), text(reason.trimmed()),
        text(outcome.diagnosis), text(outcome.treatment), text(outcome.plan), text(outcome.advice),
        text(ReferralSteps::key(outcome.reading.kind)),
        text(outcome.reading.isNone() ? QString() : idText(outcome.reading.recordId)) };
    if (auto stored = m_steps.insert(meta, values, here, m_database.identity().author); !stored)
        return failure(stored.error());
    if (auto committed = transaction.commit(); !committed)
        return failure(committed.error());
    ReferralStep step;
    step.id = meta.id;
    step.referralId = referralId;
    step.action = action;
    step.clinicId = meta.clinicId;
    step.author = meta.author;
    step.at = meta.createdAt;
    step.reason = reason.trimmed();
    step.outcome = outcome;
    return step;
}

Result<std::optional<Referral>> ReferralRepository::find(const QUuid &id) const
{
    auto found = select(QStringLiteral("id = ?"), idText(id));
    if (!found)
        return failure(found.error());
    return found->isEmpty() ? std::optional<Referral>() : std::optional<Referral>(found->first());
}

Result<QList<Referral>> ReferralRepository::forPregnancy(const QUuid &pregnancyId) const
{
    return select(QStringLiteral("pregnancy_id = ?"), idText(pregnancyId));
}

Result<QList<ReferralListRow>> ReferralRepository::incoming() const
{
    return listWhere(QStringLiteral("target_clinic = ? AND EXISTS (SELECT 1 FROM referral_step s "
                                    "WHERE s.referral_id = referral.id AND s.action = 'send')"),
        m_database.identity().clinicId);
}

Result<QList<ReferralListRow>> ReferralRepository::outgoing() const
{
    return listWhere(QStringLiteral("clinic_id = ?"), m_database.identity().clinicId);
}

Result<QList<ReferralListRow>> ReferralRepository::all() const
{
    return listWhere(QStringLiteral("1 = ?"), 1);
}

Result<QList<ReferralListRow>> ReferralRepository::listWhere(const QString &where, const QVariant &value) const
{
    auto referrals = select(where, value);
    if (!referrals)
        return failure(referrals.error());
    QList<ReferralListRow> rows;
    QSqlQuery woman(m_database.connection());
    woman.setForwardOnly(true);
    woman.prepare(QStringLiteral("SELECT p.id, p.name FROM pregnancy g JOIN patient p ON p.id = g.patient_id WHERE g.id = ?"));
    for (const Referral &r : std::as_const(*referrals)) {
        auto steps = timelineOf(r);
        if (!steps)
            return failure(steps.error());
        ReferralListRow row { r, {}, {}, *steps, steps->status(), steps->reachedAt(ReferralStatus::Sent).value_or(QDateTime()),
            steps->entries().isEmpty() ? r.meta.updatedAt : steps->entries().constLast().step.at,
            !steps->concurrent().isEmpty() };
        woman.addBindValue(idText(r.pregnancyId));
        if (auto done = execute(woman, "read referrals"); !done)
            return failure(done.error());
        if (woman.next()) {
            row.patientId = QUuid::fromString(woman.value(0).toString());
            row.woman = woman.value(1).toString();
        }
        rows.append(row);
    }
    // What needs someone first: open referrals, the most urgent, the longest waiting.
    std::stable_sort(rows.begin(), rows.end(), [](const ReferralListRow &a, const ReferralListRow &b) {
        const bool aOpen = !ReferralSteps::isFinal(a.status);
        const bool bOpen = !ReferralSteps::isFinal(b.status);
        if (aOpen != bOpen)
            return aOpen;
        if (a.referral.urgency != b.referral.urgency)
            return a.referral.urgency < b.referral.urgency;
        return a.changedAt < b.changedAt;
    });
    return rows;
}

Result<QList<Referral>> ReferralRepository::select(const QString &where, const QVariant &value) const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(m_referrals.selectSql() + QStringLiteral(" WHERE ") + where
        + QStringLiteral(" AND deleted = 0 ORDER BY created_at DESC, id"));
    query.addBindValue(value);
    if (auto done = execute(query, "read referrals"); !done)
        return failure(done.error());
    QList<Referral> referrals;
    while (query.next()) {
        int c = RecordTable::FirstValueColumn;
        Referral r;
        r.meta = RecordTable::readMeta(query);
        r.pregnancyId = QUuid::fromString(query.value(c++).toString());
        r.direction = Referrals::directionFromKey(query.value(c++).toString()).value_or(ReferralDirection::Up);
        r.urgency = Referrals::urgencyFromKey(query.value(c++).toString()).value_or(ReferralUrgency::Routine);
        r.targetClinic = query.value(c++).toString();
        r.targetDepartment = query.value(c++).toString();
        r.targetDoctor = query.value(c++).toString();
        r.reason = query.value(c++).toString();
        r.diagnosis = query.value(c++).toString();
        r.riskColour = query.value(c++).toString();
        r.riskItems = listFromJson(query.value(c++).toString());
        r.summary = query.value(c++).toString();
        r.purpose = Referrals::purposeFromKey(query.value(c++).toString()).value_or(ReferralPurpose::Referral);
        r.consultationKind = Referrals::consultationKindFromKey(query.value(c++).toString()).value_or(ConsultationKind::General);
        referrals.append(r);
    }
    return referrals;
}

Result<QList<ReferralStep>> ReferralRepository::steps(const QUuid &referralId) const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(m_steps.selectSql() + QStringLiteral(" WHERE referral_id = ? AND deleted = 0 ORDER BY created_at, id"));
    query.addBindValue(idText(referralId));
    if (auto done = execute(query, "read referral steps"); !done)
        return failure(done.error());
    QList<ReferralStep> steps;
    while (query.next())
        steps.append(stepFrom(query));
    return steps;
}

Result<ReferralTimeline> ReferralRepository::timeline(const QUuid &referralId) const
{
    auto referral = find(referralId);
    if (!referral)
        return failure(referral.error());
    if (!*referral) // steps that arrived before their referral: read as a referral's
        return steps(referralId).map([](const QList<ReferralStep> &steps) { return ReferralTimeline::of(steps); });
    return timelineOf(**referral);
}

Result<ReferralTimeline> ReferralRepository::timelineOf(const Referral &referral) const
{
    return steps(referral.meta.id).map(
        [purpose = referral.purpose](const QList<ReferralStep> &steps) { return ReferralTimeline::of(steps, purpose); });
}

Result<QList<ReferralAttachment>> ReferralRepository::attachments(const QUuid &referralId) const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(m_attachments.selectSql() + QStringLiteral(" WHERE referral_id = ? AND deleted = 0 ORDER BY created_at, id"));
    query.addBindValue(idText(referralId));
    if (auto done = execute(query, "read referral attachments"); !done)
        return failure(done.error());
    QList<ReferralAttachment> attachments;
    while (query.next()) {
        int c = RecordTable::FirstValueColumn;
        ReferralAttachment a;
        a.meta = RecordTable::readMeta(query);
        a.referralId = QUuid::fromString(query.value(c++).toString());
        a.kind = Referrals::attachmentKindFromKey(query.value(c++).toString()).value_or(ReferralAttachmentKind::Ctg);
        a.itemRef = query.value(c++).toString();
        a.label = query.value(c++).toString();
        attachments.append(a);
    }
    return attachments;
}

Result<QList<QUuid>> ReferralRepository::awaitingReceipt() const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT r.id FROM referral r WHERE r.deleted = 0 AND r.target_clinic = ? "
        "AND EXISTS (SELECT 1 FROM referral_step s WHERE s.referral_id = r.id AND s.action = 'send') "
        "AND NOT EXISTS (SELECT 1 FROM referral_step s WHERE s.referral_id = r.id AND s.action = 'receive') "
        "ORDER BY r.created_at"));
    query.addBindValue(m_database.identity().clinicId);
    if (auto done = execute(query, "find referrals received"); !done)
        return failure(done.error());
    QList<QUuid> ids;
    while (query.next())
        ids.append(QUuid::fromString(query.value(0).toString()));
    return ids;
}

Result<int> ReferralRepository::acknowledgeArrivals()
{
    auto waiting = awaitingReceipt();
    if (!waiting)
        return failure(waiting.error());
    int acknowledged = 0;
    for (const QUuid &id : *waiting) {
        auto current = timeline(id);
        if (!current)
            return failure(current.error());
        // A referral cancelled before it arrived is acknowledged all the same: the sender learns
        // that it reached her workstation (the step is a note on any later status).
        if (!ReferralSteps::next(current->status(), ReferralAction::Receive))
            continue;
        if (auto taken = take(id, ReferralAction::Receive); !taken)
            return failure(taken.error());
        ++acknowledged;
    }
    return acknowledged;
}
