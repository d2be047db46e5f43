#include "center/recordstore.h"

#include "center/auditstore.h"
#include "center/centerdatabase.h"
#include "centerlog.h"
#include "fhirpatientindex.h"
#include "referralaccess.h"
#include "storage/sqlerror.h"
#include "storage/transaction.h"
#include "sync-protocol/blobaddress.h"
#include "sync-protocol/protocolcodec.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QScopeGuard>
#include <QSqlQuery>
#include <QUuid>

namespace {
// Bookkeeping that every edit rewrites: the last writer's value is kept, never a conflict.
bool isLastWriterWins(const QString &field)
{
    return field == QLatin1String("updated_at") || field == QLatin1String("author");
}

// Set once when the record is made; a later change to them is ignored.
bool isImmutable(const QString &field)
{
    return field == QLatin1String("clinic_id") || field == QLatin1String("created_at");
}

QString compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString compactJson(const QJsonValue &value)
{
    return compactJson(QJsonObject{{QStringLiteral("v"), value}});
}

QJsonObject objectFrom(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

MutationOutcome rejected(const Mutation &mutation, const QString &code, const QString &message)
{
    MutationOutcome outcome;
    outcome.mutationId = mutation.mutationId;
    outcome.status = MutationOutcome::Status::Rejected;
    outcome.errorCode = code;
    outcome.errorMessage = message;
    return outcome;
}

QJsonObject writtenBy(qint64 revision, const QString &deviceId)
{
    return {{QStringLiteral("r"), double(revision)}, {QStringLiteral("d"), deviceId}};
}
} // namespace

RecordStore::RecordStore(CenterDatabase &database, ProtocolLimits limits, ReferralAccessPolicy referralAccess)
    : m_database(database)
    , m_limits(limits)
    , m_referralAccess(referralAccess)
{
}

QSqlQuery &RecordStore::prepared(const QString &sql) const
{
    // A push of a thousand mutations runs the same few statements for each: parse them once
    // per connection (SQLite statement, PostgreSQL server-side prepared statement).
    auto it = m_prepared.find(sql);
    if (it == m_prepared.end()) {
        it = m_prepared.insert(sql, QSqlQuery(m_database.connection()));
        it->prepare(sql);
    }
    return *it;
}

void RecordStore::releasePrepared() const
{
    // No statement may keep a read snapshot open between requests.
    for (QSqlQuery &query : m_prepared)
        query.finish();
}

Result<qint64> RecordStore::lockSequence()
{
    // Updating the single counter row takes its lock until commit (PostgreSQL row lock, SQLite
    // write lock): pushes from every instance commit one after the other, in sequence order.
    if (auto locked = executeStatement(m_database.connection(), QStringLiteral("UPDATE change_counter SET value = value WHERE id = 1"),
                                       "lock the change sequence");
        !locked)
        return tl::unexpected(locked.error());
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral("SELECT value FROM change_counter WHERE id = 1")) || !query.next())
        return tl::unexpected(SqlError::from(query, "read the change sequence"));
    return query.value(0).toLongLong();
}

Result<void> RecordStore::saveSequence(qint64 sequence)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("UPDATE change_counter SET value = ? WHERE id = 1"));
    query.addBindValue(sequence);
    return execute(query, "advance the change sequence");
}

Result<PushResponse> RecordStore::push(const CenterUser &user, const PushRequest &request)
{
    const auto release = qScopeGuard([this] { releasePrepared(); });
    Transaction transaction(m_database.connection());
    auto sequence = lockSequence();
    if (!sequence)
        return tl::unexpected(sequence.error());
    PushResponse response;
    m_notices.clear();
    const Writer writer{user, request.deviceId, *sequence};
    for (const Mutation &mutation : request.mutations) {
        auto outcome = apply(writer, mutation);
        if (!outcome)
            return tl::unexpected(outcome.error());
        response.outcomes.append(*outcome);
    }
    if (auto saved = saveSequence(*sequence); !saved)
        return tl::unexpected(saved.error());
    if (auto committed = transaction.commit(); !committed)
        return tl::unexpected(committed.error());
    if (m_noticeSink && !m_notices.isEmpty())
        m_noticeSink(m_notices);
    return response;
}

Result<MutationOutcome> RecordStore::apply(const Writer &writer, const Mutation &mutation)
{
    auto earlier = earlierOutcome(mutation.mutationId);
    if (!earlier)
        return tl::unexpected(earlier.error());
    if (*earlier) {
        MutationOutcome replay = **earlier;
        replay.status = MutationOutcome::Status::Duplicate;
        return replay;
    }
    auto record = load(mutation.table, mutation.recordId);
    if (!record)
        return tl::unexpected(record.error());
    auto outcome = record->exists ? update(writer, mutation, *record) : insert(writer, mutation);
    if (!outcome)
        return outcome;
    // A rejected mutation is not remembered: the same id may succeed once its cause is fixed
    // (for instance after the parent record arrives).
    if (outcome->status != MutationOutcome::Status::Rejected) {
        if (auto remembered = remember(writer.user, *outcome); !remembered)
            return tl::unexpected(remembered.error());
    }
    return outcome;
}

Result<MutationOutcome> RecordStore::insert(const Writer &writer, const Mutation &mutation)
{
    if (mutation.operation == Mutation::Operation::Update)
        return rejected(mutation, QStringLiteral("sync.unknown-record"), tr("The record to change does not exist at the center."));
    const QString clinicId = mutation.fields.value(QStringLiteral("clinic_id")).toString();
    // Every synced record carries these (schema 1 of the clinic cache); one without them could
    // not be stored by the other devices.
    for (const char *required : {"clinic_id", "created_at", "updated_at", "author"}) {
        if (mutation.fields.value(QLatin1String(required)).toString().isEmpty())
            return rejected(mutation, QStringLiteral("sync.invalid"), tr("A new record must carry %1.").arg(QLatin1String(required)));
    }
    auto patientKey = patientKeyOf(mutation);
    if (!patientKey)
        return rejected(mutation, patientKey.error().code, patientKey.error().message);
    const bool newWoman = mutation.table == QLatin1String("patient");
    if (newWoman && clinicId != writer.user.clinicId && !writer.user.centerStaff)
        return rejected(mutation, QStringLiteral("sync.forbidden"), tr("A clinic can only register women for itself."));
    if (!newWoman) {
        auto visible = canSee(writer.user, *patientKey);
        if (!visible)
            return tl::unexpected(visible.error());
        if (!*visible)
            return rejected(mutation, QStringLiteral("sync.forbidden"), tr("This woman's records are not shared with your clinic."));
    }
    auto refusal = referralRefusal(writer, mutation, nullptr);
    if (!refusal)
        return tl::unexpected(refusal.error());
    if (*refusal)
        return **refusal;
    StoredRecord record;
    record.clinicId = clinicId;
    record.patientKey = *patientKey;
    record.revision = 1;
    record.fields = mutation.fields;
    for (auto it = mutation.fields.constBegin(); it != mutation.fields.constEnd(); ++it)
        record.fieldRevisions.insert(it.key(), writtenBy(1, writer.deviceId));
    if (auto stored = store(mutation.table, mutation.recordId, record, ++writer.sequence, true); !stored)
        return tl::unexpected(stored.error());
    if (newWoman) {
        if (auto granted = grantAccess(*patientKey, clinicId, writer.user.username); !granted)
            return tl::unexpected(granted.error());
    }
    if (auto followed = followReferral(writer, mutation, *patientKey); !followed)
        return tl::unexpected(followed.error());
    MutationOutcome outcome;
    outcome.mutationId = mutation.mutationId;
    outcome.revision = 1;
    return outcome;
}

Result<MutationOutcome> RecordStore::update(const Writer &writer, const Mutation &mutation, StoredRecord record)
{
    auto visible = canSee(writer.user, record.patientKey);
    if (!visible)
        return tl::unexpected(visible.error());
    if (!*visible)
        return rejected(mutation, QStringLiteral("sync.forbidden"), tr("This woman's records are not shared with your clinic."));
    auto refusal = referralRefusal(writer, mutation, &record);
    if (!refusal)
        return tl::unexpected(refusal.error());
    if (*refusal)
        return **refusal;
    // An insert of a record that already exists (made on two sides with one id) is merged like
    // an update made on nothing: every differing field is a conflict.
    const qint64 base = mutation.operation == Mutation::Operation::Insert ? 0 : mutation.baseRevision;
    const qint64 revision = record.revision + 1;
    QList<FieldConflict> conflicts;
    bool changed = false;
    for (auto it = mutation.fields.constBegin(); it != mutation.fields.constEnd(); ++it) {
        const QString &field = it.key();
        const QJsonValue current = record.fields.value(field);
        if (isImmutable(field) || current == it.value())
            continue;
        const QJsonObject lastWrite = record.fieldRevisions.value(field).toObject();
        const bool changedElsewhere = qint64(lastWrite.value(QStringLiteral("r")).toDouble()) > base
            && lastWrite.value(QStringLiteral("d")).toString() != writer.deviceId;
        if (changedElsewhere && !isLastWriterWins(field)) {
            conflicts.append(FieldConflict{field, current, it.value()});
            continue;
        }
        record.fields.insert(field, it.value());
        record.fieldRevisions.insert(field, writtenBy(revision, writer.deviceId));
        changed = true;
    }
    MutationOutcome outcome;
    outcome.mutationId = mutation.mutationId;
    outcome.revision = record.revision;
    if (changed) {
        record.revision = revision;
        outcome.revision = revision;
        if (auto stored = store(mutation.table, mutation.recordId, record, ++writer.sequence, false); !stored)
            return tl::unexpected(stored.error());
    }
    if (!conflicts.isEmpty()) {
        outcome.status = MutationOutcome::Status::Conflict;
        outcome.conflicts = conflicts;
        if (auto kept = keepConflicts(writer, mutation, conflicts, outcome.revision); !kept)
            return tl::unexpected(kept.error());
    }
    return outcome;
}

Result<RecordStore::StoredRecord> RecordStore::load(const QString &table, const QString &recordId) const
{
    QSqlQuery &query = prepared(QStringLiteral("SELECT clinic_id, patient_key, revision, fields, field_revisions FROM synced_record "
                                 "WHERE table_name = ? AND record_id = ?"));
    query.addBindValue(table);
    query.addBindValue(recordId);
    if (auto done = execute(query, "read a synced record"); !done)
        return tl::unexpected(done.error());
    StoredRecord record;
    if (query.next()) {
        record.exists = true;
        record.clinicId = query.value(0).toString();
        record.patientKey = query.value(1).toString();
        record.revision = query.value(2).toLongLong();
        record.fields = objectFrom(query.value(3).toString());
        record.fieldRevisions = objectFrom(query.value(4).toString());
    }
    return record;
}

Result<void> RecordStore::store(const QString &table, const QString &recordId, const StoredRecord &record, qint64 sequence, bool isNew)
{
    QSqlQuery &query = prepared(isNew ? QStringLiteral("INSERT INTO synced_record (clinic_id, patient_key, revision, seq, fields, "
                                                       "field_revisions, table_name, record_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                                      : QStringLiteral("UPDATE synced_record SET clinic_id = ?, patient_key = ?, revision = ?, seq = ?, "
                                                       "fields = ?, field_revisions = ? WHERE table_name = ? AND record_id = ?"));
    query.addBindValue(record.clinicId);
    query.addBindValue(record.patientKey);
    query.addBindValue(record.revision);
    query.addBindValue(sequence);
    query.addBindValue(compactJson(record.fields));
    query.addBindValue(compactJson(record.fieldRevisions));
    query.addBindValue(table);
    query.addBindValue(recordId);
    if (auto done = execute(query, "store a synced record"); !done)
        return done;
    if (table == QLatin1String("patient")) {
        if (auto indexed = FhirPatientIndex::update(m_database.connection(), record.patientKey, record.clinicId, record.fields); !indexed)
            return indexed;
    }
    // Whoever may read this record may read the attachments it names (AttachmentStore).
    for (const QString &address : BlobAddress::namedBy(record.fields)) {
        QSqlQuery &reference = prepared(QStringLiteral("INSERT INTO blob_reference (sha256, table_name, record_id, patient_key) "
                                                       "VALUES (?, ?, ?, ?) ON CONFLICT (sha256, table_name, record_id) DO NOTHING"));
        reference.addBindValue(address);
        reference.addBindValue(table);
        reference.addBindValue(recordId);
        reference.addBindValue(record.patientKey);
        if (auto done = execute(reference, "note an attachment"); !done)
            return done;
    }
    return {};
}

Result<QString> RecordStore::patientKeyOf(const Mutation &mutation) const
{
    if (mutation.table == QLatin1String("patient"))
        return mutation.recordId;
    // A record belongs to the woman its parent belongs to: the first `<table>_id` field that
    // names a synced record (pregnancy_id for visits and labs, case_file_id for contacts, …).
    QStringList parents;
    for (auto it = mutation.fields.constBegin(); it != mutation.fields.constEnd(); ++it) {
        if (it.key().endsWith(QLatin1String("_id")) && it.key() != QLatin1String("clinic_id") && it.value().isString())
            parents.append(it.key());
    }
    std::sort(parents.begin(), parents.end(), [](const QString &a, const QString &b) {
        return (a == QLatin1String("pregnancy_id")) > (b == QLatin1String("pregnancy_id"));
    });
    // Parent links not named after their table.
    static const QHash<QString, QString> aliases{{QStringLiteral("case_id"), QStringLiteral("case_file")}};
    for (const QString &parent : parents) {
        // Only the parent's woman is needed: its fields are not read and parsed.
        QSqlQuery &query = prepared(QStringLiteral("SELECT patient_key FROM synced_record WHERE table_name = ? AND record_id = ?"));
        query.addBindValue(aliases.value(parent, parent.chopped(3)));
        query.addBindValue(mutation.fields.value(parent).toString());
        if (auto done = execute(query, "find a record's woman"); !done)
            return tl::unexpected(done.error());
        if (query.next()) {
            const QString patientKey = query.value(0).toString();
            query.finish();
            return patientKey;
        }
    }
    if (parents.isEmpty())
        return failure(QStringLiteral("sync.unscoped"), tr("The record names no woman or pregnancy it belongs to."));
    return failure(QStringLiteral("sync.parent-missing"), tr("The record belongs to a record the center has not received yet."));
}

Result<bool> RecordStore::canSee(const CenterUser &user, const QString &patientKey) const
{
    if (user.centerStaff)
        return true;
    QSqlQuery &query = prepared(QStringLiteral("SELECT 1 FROM shared_patient s WHERE s.patient_key = ? AND s.clinic_id = ? AND ")
                                + ReferralAccess::inForce(QStringLiteral("s"), QStringLiteral("?")));
    query.addBindValue(patientKey);
    query.addBindValue(user.clinicId);
    query.addBindValue(QDateTime::currentSecsSinceEpoch());
    if (auto done = execute(query, "check access"); !done)
        return tl::unexpected(done.error());
    return query.next();
}

Result<std::optional<MutationOutcome>> RecordStore::earlierOutcome(const QString &mutationId) const
{
    QSqlQuery &query = prepared(QStringLiteral("SELECT outcome FROM applied_mutation WHERE mutation_id = ?"));
    query.addBindValue(mutationId);
    if (auto done = execute(query, "look up a mutation"); !done)
        return tl::unexpected(done.error());
    if (!query.next())
        return std::optional<MutationOutcome>();
    const auto decoded = ProtocolCodec::decodePushResponse(query.value(0).toByteArray(), m_limits);
    if (!decoded || decoded->outcomes.size() != 1)
        return failure(QStringLiteral("center.corrupt"), tr("A stored mutation outcome cannot be read."));
    return std::optional<MutationOutcome>(decoded->outcomes.first());
}

Result<void> RecordStore::remember(const CenterUser &user, const MutationOutcome &outcome)
{
    QSqlQuery &query = prepared(QStringLiteral("INSERT INTO applied_mutation (mutation_id, username, revision, outcome, applied_at) VALUES (?, ?, ?, ?, ?)"));
    query.addBindValue(outcome.mutationId);
    query.addBindValue(user.username);
    query.addBindValue(outcome.revision);
    query.addBindValue(QString::fromUtf8(ProtocolCodec::encode(PushResponse{{outcome}})));
    query.addBindValue(QDateTime::currentSecsSinceEpoch());
    return execute(query, "remember a mutation");
}

Result<void> RecordStore::keepConflicts(const Writer &writer, const Mutation &mutation, const QList<FieldConflict> &conflicts,
                                        qint64 revision)
{
    for (const FieldConflict &conflict : conflicts) {
        QSqlQuery query(m_database.connection());
        query.prepare(QStringLiteral("INSERT INTO field_conflict (id, table_name, record_id, field, server_value, client_value, revision, "
                                     "mutation_id, username, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        query.addBindValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
        query.addBindValue(mutation.table);
        query.addBindValue(mutation.recordId);
        query.addBindValue(conflict.field);
        query.addBindValue(compactJson(conflict.serverValue));
        query.addBindValue(compactJson(conflict.clientValue));
        query.addBindValue(revision);
        query.addBindValue(mutation.mutationId);
        query.addBindValue(writer.user.username);
        query.addBindValue(QDateTime::currentSecsSinceEpoch());
        if (auto done = execute(query, "keep a conflict"); !done)
            return done;
    }
    logEvent(QStringLiteral("conflict"), {{QStringLiteral("user"), writer.user.username},
                                          {QStringLiteral("table"), mutation.table},
                                          {QStringLiteral("fields"), int(conflicts.size())}});
    return {};
}

Result<int> RecordStore::openConflictCount(const CenterUser &user) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT count(*) FROM field_conflict WHERE resolved_at IS NULL AND username = ?"));
    query.addBindValue(user.username);
    if (auto done = execute(query, "count conflicts"); !done)
        return tl::unexpected(done.error());
    query.next();
    return query.value(0).toInt();
}

Result<void> RecordStore::grantAccess(const QString &patientKey, const QString &clinicId, const QString &by)
{
    QSqlQuery query(m_database.connection());
    // Access on other grounds than a referral (she is registered there, a share by hand): it
    // replaces a referral's grant, which would end.
    query.prepare(QStringLiteral("INSERT INTO shared_patient (patient_key, clinic_id, shared_by, shared_at) VALUES (?, ?, ?, ?) "
                                 "ON CONFLICT (patient_key, clinic_id) DO UPDATE SET by_referral = 0, until_at = NULL"));
    query.addBindValue(patientKey);
    query.addBindValue(clinicId);
    query.addBindValue(by);
    query.addBindValue(QDateTime::currentSecsSinceEpoch());
    return execute(query, "share a woman's records");
}

Result<void> RecordStore::sharePatient(const CenterUser &user, const QString &patientKey, const QString &clinicId)
{
    const auto release = qScopeGuard([this] { releasePrepared(); });
    Transaction transaction(m_database.connection());
    auto sequence = lockSequence();
    if (!sequence)
        return tl::unexpected(sequence.error());
    auto visible = canSee(user, patientKey);
    if (!visible)
        return tl::unexpected(visible.error());
    if (!*visible)
        return failure(QStringLiteral("sync.forbidden"), tr("This woman's records are not shared with your clinic."));
    if (auto granted = grantAccess(patientKey, clinicId, user.username); !granted)
        return granted;
    if (auto moved = bringIntoFeed(patientKey, *sequence); !moved)
        return moved;
    if (auto saved = saveSequence(*sequence); !saved)
        return saved;
    logEvent(QStringLiteral("referral"), {{QStringLiteral("user"), user.username}, {QStringLiteral("to"), clinicId}});
    return transaction.commit();
}

Result<void> RecordStore::bringIntoFeed(const QString &patientKey, qint64 &sequence)
{
    QSqlQuery records(m_database.connection());
    records.prepare(QStringLiteral("SELECT table_name, record_id FROM synced_record WHERE patient_key = ? ORDER BY seq"));
    records.addBindValue(patientKey);
    if (auto done = execute(records, "share a woman's records"); !done)
        return done;
    QList<QPair<QString, QString>> keys;
    while (records.next())
        keys.append({records.value(0).toString(), records.value(1).toString()});
    records.finish();
    QSqlQuery &move = prepared(QStringLiteral("UPDATE synced_record SET seq = ? WHERE table_name = ? AND record_id = ?"));
    for (const auto &[table, recordId] : keys) {
        move.addBindValue(++sequence);
        move.addBindValue(table);
        move.addBindValue(recordId);
        if (auto done = execute(move, "share a woman's records"); !done)
            return done;
    }
    return {};
}

Result<std::optional<MutationOutcome>> RecordStore::referralRefusal(const Writer &writer, const Mutation &mutation,
                                                                    const StoredRecord *stored) const
{
    const bool isReferral = mutation.table == QLatin1String("referral");
    if (!isReferral && mutation.table != QLatin1String("referral_step") && mutation.table != QLatin1String("referral_attachment"))
        return std::optional<MutationOutcome>();
    ReferralAccess::Write write;
    write.table = mutation.table;
    write.fields = mutation.fields;
    if (stored) {
        write.exists = true;
        write.storedClinic = stored->clinicId;
        write.storedFields = stored->fields;
    }
    if (isReferral) {
        write.referralId = mutation.recordId;
        write.referralClinic = write.exists ? write.storedClinic : mutation.fields.value(QStringLiteral("clinic_id")).toString();
        write.referralFields = write.exists ? write.storedFields : mutation.fields;
    } else {
        // The referral a step or attachment belongs to, as the center holds it.
        write.referralId = (write.exists ? write.storedFields : mutation.fields).value(QStringLiteral("referral_id")).toString();
        auto referral = load(QStringLiteral("referral"), write.referralId);
        if (!referral)
            return tl::unexpected(referral.error());
        write.referralClinic = referral->clinicId;
        write.referralFields = referral->fields;
    }
    const ReferralAccess access(m_database.connection(), m_referralAccess.secondsAfterClosure);
    auto refusal = access.refusal(writer.user, write);
    if (!refusal)
        return tl::unexpected(refusal.error());
    if (!*refusal)
        return std::optional<MutationOutcome>();
    return std::optional<MutationOutcome>(rejected(mutation, (*refusal)->code, (*refusal)->message));
}

Result<void> RecordStore::followReferral(const Writer &writer, const Mutation &mutation, const QString &patientKey)
{
    if (mutation.table != QLatin1String("referral_step"))
        return {};
    const QString referralId = mutation.fields.value(QStringLiteral("referral_id")).toString();
    auto referral = load(QStringLiteral("referral"), referralId);
    if (!referral)
        return tl::unexpected(referral.error());
    // The other side hears of the step at once: the receiving clinic of the sender's steps, the
    // sender of the receiver's.
    const QString action = mutation.fields.value(QStringLiteral("action")).toString();
    const bool bySender = action == QLatin1String("send") || action == QLatin1String("close") || action == QLatin1String("cancel");
    m_notices.append({bySender ? referral->fields.value(QStringLiteral("target_clinic")).toString() : referral->clinicId,
                      referral->fields.value(QStringLiteral("urgency")).toString()});
    ReferralAccess access(m_database.connection(), m_referralAccess.secondsAfterClosure);
    auto newReader = access.stepStored(referralId, mutation.fields, referral->fields, patientKey, writer.user.username);
    if (!newReader)
        return tl::unexpected(newReader.error());
    if (*newReader)
        return bringIntoFeed(patientKey, writer.sequence);
    return {};
}

Result<QByteArray> RecordStore::pull(const CenterUser &user, const QString &cursor, int limit)
{
    const auto release = qScopeGuard([this] { releasePrepared(); });
    bool ok = cursor.isEmpty();
    const qint64 after = cursor.isEmpty() ? 0 : cursor.toLongLong(&ok);
    if (!ok || after < 0)
        return failure(QStringLiteral("protocol.invalid"), tr("The pull cursor is not one this center issued."));
    limit = std::clamp(limit, 1, m_limits.maxChangesPerPull);
    // The sequence reached, read before the feed: every change numbered up to it committed
    // before (pushes commit in sequence order), so a feed read afterwards that ends without
    // more can send the cursor there, past the changes the caller may not see; otherwise a
    // clinic seeing little of a large region would walk the same rows on every pull.
    QSqlQuery counter(m_database.connection());
    if (!counter.exec(QStringLiteral("SELECT value FROM change_counter WHERE id = 1")) || !counter.next())
        return tl::unexpected(SqlError::from(counter, "read the change sequence"));
    const qint64 reached = counter.value(0).toLongLong();
    counter.finish();
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    // Two ways to the same rows. A clinic that sees much of the region walks the sequence index,
    // each row checked against the referrals (gathering and sorting all of its records would be
    // done again for every page). A clinic that sees few women — a new one, a small one — takes
    // their records through the patient index and sorts those few, instead of walking every
    // record of the region after its cursor.
    QString visible;
    if (!user.centerStaff) {
        QSqlQuery women(m_database.connection());
        women.prepare(QStringLiteral("SELECT count(*) FROM shared_patient s WHERE s.clinic_id = ? AND ")
                      + ReferralAccess::inForce(QStringLiteral("s"), QStringLiteral("?")));
        women.addBindValue(user.clinicId);
        women.addBindValue(QDateTime::currentSecsSinceEpoch());
        if (auto done = execute(women, "read the change feed"); !done || !women.next())
            return tl::unexpected(SqlError::from(women, "read the change feed"));
        constexpr int FewWomen = 200;
        const QString inForce = ReferralAccess::inForce(QStringLiteral("s"), QStringLiteral(":now"));
        visible = women.value(0).toLongLong() <= FewWomen
            ? QStringLiteral("AND patient_key IN (SELECT s.patient_key FROM shared_patient s WHERE s.clinic_id = :clinic AND %1) ").arg(inForce)
            : QStringLiteral("AND EXISTS (SELECT 1 FROM shared_patient s WHERE s.patient_key = r.patient_key AND s.clinic_id = :clinic "
                             "AND %1) ").arg(inForce);
    }
    query.prepare(QStringLiteral("SELECT seq, table_name, record_id, revision, fields, patient_key, clinic_id FROM synced_record r WHERE seq > :after ")
                  + visible + QStringLiteral("ORDER BY seq LIMIT :limit"));
    query.bindValue(QStringLiteral(":after"), after);
    if (!user.centerStaff) {
        query.bindValue(QStringLiteral(":clinic"), user.clinicId);
        query.bindValue(QStringLiteral(":now"), QDateTime::currentSecsSinceEpoch());
    }
    query.bindValue(QStringLiteral(":limit"), limit + 1);
    if (auto done = execute(query, "read the change feed"); !done)
        return tl::unexpected(done.error());
    // The page is written straight from the stored JSON text (ProtocolCodec::encode's form):
    // fields were checked and compacted when pushed, table names and record ids are protocol
    // identifiers that need no escaping, so nothing is parsed and serialised again.
    QByteArray page;
    page.reserve(256 * 1024);
    page += "{\"changes\":[";
    qint64 last = after;
    qint64 bytes = 0;
    int count = 0;
    bool more = false;
    // Records of a woman written by another clinic reach a clinic only through her referral or
    // a share: each such woman's records read is an access the center's audit keeps.
    QMap<QString, int> readThroughReferral;
    while (query.next()) {
        const QByteArray fields = query.value(4).toString().toUtf8();
        if (count == limit || bytes + fields.size() > m_limits.maxBodyBytes / 2) {
            more = true;
            break;
        }
        bytes += fields.size();
        last = query.value(0).toLongLong();
        if (count++ > 0)
            page += ',';
        page += "{\"sequence\":" + QByteArray::number(last) + ",\"table\":\"" + query.value(1).toString().toLatin1()
            + "\",\"recordId\":\"" + query.value(2).toString().toLatin1() + "\",\"revision\":"
            + QByteArray::number(query.value(3).toLongLong()) + ",\"fields\":" + fields + '}';
        if (!user.centerStaff && query.value(6).toString() != user.clinicId)
            ++readThroughReferral[query.value(5).toString()];
    }
    query.finish();
    for (auto it = readThroughReferral.cbegin(); it != readThroughReferral.cend(); ++it) {
        if (auto kept = AuditStore(m_database.connection())
                            .recordAtCenter(user.username, user.clinicId, AuditAction::ReferralAccess, it.key(),
                                { { QStringLiteral("records"), it.value() } });
            !kept)
            return tl::unexpected(kept.error());
    }
    if (!more)
        last = std::max(last, reached);
    page += "],\"nextCursor\":\"" + QByteArray::number(last) + "\",\"more\":" + (more ? "true" : "false") + '}';
    return page;
}
