#include "ctg-records/ctgrecords.h"

#include "ctg/ctgfileformat.h"
#include "storage/database.h"
#include "storage/sqlerror.h"
#include "storage/transaction.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace {
// These columns are NOT NULL with '' for "none"; a null QString would bind as NULL.
QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QString timeText(const QDateTime &when)
{
    return when.isValid() ? when.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime timeFromSql(const QVariant &value)
{
    const QString s = value.toString();
    return s.isEmpty() ? QDateTime() : QDateTime::fromString(s, Qt::ISODateWithMs).toUTC();
}

const QStringList traceColumns { QStringLiteral("pregnancy_id"), QStringLiteral("recorded_at"),
    QStringLiteral("duration_seconds"), QStringLiteral("sample_rate_hz"), QStringLiteral("source"),
    QStringLiteral("ga_days"), QStringLiteral("data_sha256"), QStringLiteral("data_bytes"),
    QStringLiteral("lost_percent"), QStringLiteral("baseline_bpm"), QStringLiteral("figo_class"),
    QStringLiteral("nichd_category"), QStringLiteral("reasons_json") };
const QStringList annotationColumns { QStringLiteral("ctg_trace_id"), QStringLiteral("at_seconds"),
    QStringLiteral("text") };
const QStringList interpretationColumns { QStringLiteral("ctg_trace_id"), QStringLiteral("text"),
    QStringLiteral("signed_by"), QStringLiteral("signed_at") };
} // namespace

CtgRecords::CtgRecords(const Database &database)
    : m_database(database)
    , m_traces(database.connection(), QStringLiteral("ctg_trace"), traceColumns)
    , m_annotations(database.connection(), QStringLiteral("ctg_annotation"), annotationColumns)
    , m_interpretations(database.connection(), QStringLiteral("ctg_interpretation"), interpretationColumns)
{
}

Result<void> CtgRecords::addTrace(CtgTraceRecord &record, const CtgTrace &trace)
{
    if (record.pregnancyId.isNull())
        return failure(QStringLiteral("ctg.no-pregnancy"), tr("The trace is not linked to a pregnancy."));
    const QByteArray bytes = CtgFileFormat::encode(trace);
    CtgTraceRecord stored = record;
    stored.dataSha256
        = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    stored.dataBytes = bytes.size();
    QJsonArray reasons;
    for (const CtgReason &reason : stored.reasons)
        reasons.append(reason.toJson());
    const QVariantList values { idText(stored.pregnancyId), timeText(stored.recordedAt),
        stored.durationSeconds, stored.sampleRateHz, text(stored.source),
        sqlOptional(stored.gestationalAgeDays), stored.dataSha256, stored.dataBytes,
        sqlOptional(stored.lostPercent), sqlOptional(stored.baselineBpm), text(stored.figoClass),
        text(stored.nichdCategory),
        QString::fromUtf8(QJsonDocument(reasons).toJson(QJsonDocument::Compact)) };

    Transaction transaction(m_database.connection());
    QSqlQuery data(m_database.connection());
    // The same samples imported twice are kept once: they are addressed by their content.
    data.prepare(QStringLiteral("INSERT OR IGNORE INTO ctg_trace_data (sha256, bytes) VALUES (?, ?)"));
    data.addBindValue(stored.dataSha256);
    data.addBindValue(bytes);
    if (auto done = execute(data, "store CTG samples"); !done)
        return done;
    if (auto done
        = m_traces.insert(stored.meta, values, m_database.identity().clinicId, m_database.identity().author);
        !done)
        return done;
    if (auto done = transaction.commit(); !done)
        return done;
    record = stored;
    return {};
}

Result<QList<CtgTraceRecord>> CtgRecords::forPregnancy(const QUuid &pregnancyId) const
{
    return selectTraces(QStringLiteral("pregnancy_id = ?"), idText(pregnancyId));
}

Result<std::optional<CtgTraceRecord>> CtgRecords::trace(const QUuid &traceId) const
{
    const auto found = selectTraces(QStringLiteral("id = ?"), idText(traceId));
    if (!found)
        return tl::unexpected(found.error());
    if (found->isEmpty())
        return std::optional<CtgTraceRecord>();
    return std::optional<CtgTraceRecord>(found->first());
}

Result<QList<CtgTraceRecord>> CtgRecords::alarming(const QUuid &pregnancyId) const
{
    return selectTraces(
        QStringLiteral("(figo_class = 'pathological' OR nichd_category = 'III') AND pregnancy_id = ?"),
        idText(pregnancyId));
}

Result<CtgTrace> CtgRecords::loadTrace(const CtgTraceRecord &record) const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT bytes FROM ctg_trace_data WHERE sha256 = ?"));
    query.addBindValue(record.dataSha256);
    if (auto done = execute(query, "read CTG samples"); !done)
        return tl::unexpected(done.error());
    if (!query.next())
        return failure(QStringLiteral("ctg.data-missing"),
            tr("The samples of this trace are not on this workstation yet."));
    const QByteArray bytes = query.value(0).toByteArray();
    if (QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex())
        != record.dataSha256)
        return failure(QStringLiteral("ctg.data-damaged"),
            tr("The stored samples of this trace are damaged and cannot be shown."));
    return CtgFileFormat::decode(bytes);
}

Result<bool> CtgRecords::hasSamples(const CtgTraceRecord &record) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT 1 FROM ctg_trace_data WHERE sha256 = ?"));
    query.addBindValue(record.dataSha256);
    if (auto done = execute(query, "look for CTG samples"); !done)
        return tl::unexpected(done.error());
    return query.next();
}

Result<QList<CtgTraceRecord>> CtgRecords::selectTraces(const QString &where, const QVariant &value) const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(m_traces.selectSql() + QStringLiteral(" WHERE ") + where
        + QStringLiteral(" AND deleted = 0 ORDER BY recorded_at DESC, created_at DESC"));
    query.addBindValue(value);
    if (auto done = execute(query, "read CTG traces"); !done)
        return tl::unexpected(done.error());
    QList<CtgTraceRecord> traces;
    while (query.next()) {
        int c = RecordTable::FirstValueColumn;
        CtgTraceRecord r;
        r.meta = RecordTable::readMeta(query);
        r.pregnancyId = QUuid::fromString(query.value(c++).toString());
        r.recordedAt = timeFromSql(query.value(c++));
        r.durationSeconds = query.value(c++).toDouble();
        r.sampleRateHz = query.value(c++).toDouble();
        r.source = query.value(c++).toString();
        r.gestationalAgeDays = optionalInt(query.value(c++));
        r.dataSha256 = query.value(c++).toString();
        r.dataBytes = query.value(c++).toLongLong();
        r.lostPercent = optionalDouble(query.value(c++));
        r.baselineBpm = optionalDouble(query.value(c++));
        r.figoClass = query.value(c++).toString();
        r.nichdCategory = query.value(c++).toString();
        for (const QJsonValue &reason : QJsonDocument::fromJson(query.value(c++).toByteArray()).array())
            r.reasons.append(CtgReason::fromJson(reason));
        traces.append(r);
    }
    return traces;
}

Result<void> CtgRecords::saveAnnotation(CtgAnnotation &a)
{
    if (a.text.trimmed().isEmpty())
        return failure(QStringLiteral("ctg.empty-annotation"), tr("Write the annotation before saving it."));
    if (a.atSeconds < 0)
        return failure(
            QStringLiteral("ctg.annotation-time"), tr("An annotation must be at a time within the trace."));
    const QVariantList values { idText(a.traceId), a.atSeconds, a.text.trimmed() };
    if (a.meta.id.isNull() || a.meta.revision == 0)
        return m_annotations.insert(
            a.meta, values, m_database.identity().clinicId, m_database.identity().author);
    return m_annotations.update(a.meta, values, m_database.identity().author);
}

Result<void> CtgRecords::removeAnnotation(CtgAnnotation &a)
{
    CtgAnnotation removed = a;
    removed.meta.deleted = true;
    const QVariantList values { idText(removed.traceId), removed.atSeconds, text(removed.text) };
    if (auto done = m_annotations.update(removed.meta, values, m_database.identity().author); !done)
        return done;
    a = removed;
    return {};
}

Result<QList<CtgAnnotation>> CtgRecords::annotations(const QUuid &traceId) const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(m_annotations.selectSql()
        + QStringLiteral(" WHERE ctg_trace_id = ? AND deleted = 0 ORDER BY at_seconds, created_at"));
    query.addBindValue(idText(traceId));
    if (auto done = execute(query, "read CTG annotations"); !done)
        return tl::unexpected(done.error());
    QList<CtgAnnotation> list;
    while (query.next()) {
        int c = RecordTable::FirstValueColumn;
        CtgAnnotation a;
        a.meta = RecordTable::readMeta(query);
        a.traceId = QUuid::fromString(query.value(c++).toString());
        a.atSeconds = query.value(c++).toDouble();
        a.text = query.value(c++).toString();
        list.append(a);
    }
    return list;
}

Result<void> CtgRecords::saveInterpretation(CtgInterpretation &i)
{
    // The stored row decides, not the caller's copy: a screen opened before someone signed.
    const auto stored = storedIsSigned(i);
    if (!stored)
        return failure(stored.error());
    if (*stored || (i.isSigned() && i.meta.revision > 0))
        return failure(QStringLiteral("ctg.signed"),
            tr("This interpretation is signed and can no longer be changed; write a new one instead."));
    const QVariantList values { idText(i.traceId), text(i.text), text(i.signedBy),
        text(timeText(i.signedAt)) };
    if (i.meta.id.isNull() || i.meta.revision == 0)
        return m_interpretations.insert(
            i.meta, values, m_database.identity().clinicId, m_database.identity().author);
    return m_interpretations.update(i.meta, values, m_database.identity().author);
}

Result<void> CtgRecords::sign(CtgInterpretation &i, const QString &signer, const QDateTime &when)
{
    if (i.isSigned())
        return failure(QStringLiteral("ctg.signed"), tr("This interpretation is already signed."));
    if (i.text.trimmed().isEmpty())
        return failure(
            QStringLiteral("ctg.empty-interpretation"), tr("Write the interpretation before signing it."));
    if (signer.trimmed().isEmpty())
        return failure(
            QStringLiteral("ctg.no-signer"), tr("The interpretation must be signed by a named clinician."));
    if (auto stored = storedIsSigned(i); !stored)
        return failure(stored.error());
    else if (*stored)
        return failure(QStringLiteral("ctg.signed"), tr("This interpretation is already signed."));
    CtgInterpretation signedOne = i;
    signedOne.text = i.text.trimmed();
    signedOne.signedBy = signer.trimmed();
    signedOne.signedAt = when.toUTC();
    const QVariantList values { idText(signedOne.traceId), signedOne.text, signedOne.signedBy,
        timeText(signedOne.signedAt) };
    Result<void> done = signedOne.meta.id.isNull() || signedOne.meta.revision == 0
        ? m_interpretations.insert(
            signedOne.meta, values, m_database.identity().clinicId, m_database.identity().author)
        : m_interpretations.update(signedOne.meta, values, m_database.identity().author);
    if (!done)
        return done;
    i = signedOne;
    return {};
}

Result<bool> CtgRecords::storedIsSigned(const CtgInterpretation &i) const
{
    if (i.meta.id.isNull() || i.meta.revision == 0)
        return false;
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT signed_at FROM ctg_interpretation WHERE id = ?"));
    query.addBindValue(idText(i.meta.id));
    if (auto done = execute(query, "read a CTG interpretation"); !done)
        return tl::unexpected(done.error());
    return query.next() && !query.value(0).toString().isEmpty();
}

Result<QList<CtgInterpretation>> CtgRecords::interpretations(const QUuid &traceId) const
{
    return selectInterpretations(QStringLiteral("ctg_trace_id = ? AND deleted = 0 ORDER BY created_at"), idText(traceId));
}

Result<std::optional<CtgInterpretation>> CtgRecords::interpretation(const QUuid &interpretationId) const
{
    auto found = selectInterpretations(QStringLiteral("id = ? AND deleted = 0"), idText(interpretationId));
    if (!found)
        return tl::unexpected(found.error());
    return found->isEmpty() ? std::nullopt : std::optional<CtgInterpretation>(found->constFirst());
}

Result<QList<CtgInterpretation>> CtgRecords::selectInterpretations(const QString &where, const QVariant &value) const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(m_interpretations.selectSql() + QStringLiteral(" WHERE ") + where);
    query.addBindValue(value);
    if (auto done = execute(query, "read CTG interpretations"); !done)
        return tl::unexpected(done.error());
    QList<CtgInterpretation> list;
    while (query.next()) {
        int c = RecordTable::FirstValueColumn;
        CtgInterpretation i;
        i.meta = RecordTable::readMeta(query);
        i.traceId = QUuid::fromString(query.value(c++).toString());
        i.text = query.value(c++).toString();
        i.signedBy = query.value(c++).toString();
        i.signedAt = timeFromSql(query.value(c++));
        list.append(i);
    }
    return list;
}
