#pragma once

#include "ctg-records/ctgannotation.h"
#include "ctg-records/ctginterpretation.h"
#include "ctg-records/ctgtracerecord.h"
#include "ctg/ctgtrace.h"
#include "domain/result.h"
#include "storage/recordtable.h"

#include <QCoreApplication>

class Database;

// The fetal heart traces of the record (schema 7): the trace rows with their analysis summary,
// the samples kept by content address (SHA-256 of their CtgFileFormat bytes), annotations, and
// interpretations that are final once signed.
class CtgRecords
{
    Q_DECLARE_TR_FUNCTIONS(CtgRecords)
public:
    explicit CtgRecords(const Database &database);

    // Stores the samples and the row in one transaction; sets dataSha256 and dataBytes.
    Result<void> addTrace(CtgTraceRecord &record, const CtgTrace &trace);
    Result<QList<CtgTraceRecord>> forPregnancy(const QUuid &pregnancyId) const; // newest first
    Result<std::optional<CtgTraceRecord>> trace(const QUuid &traceId) const;
    // FIGO pathological or NICHD category III traces of the pregnancy, newest first.
    Result<QList<CtgTraceRecord>> alarming(const QUuid &pregnancyId) const;
    // The samples, refused ("ctg.data-missing", "ctg.data-damaged") when absent or not the bytes
    // the row names, so that a damaged copy is never shown as the trace.
    Result<CtgTrace> loadTrace(const CtgTraceRecord &record) const;
    // Whether the samples the row names are here (a trace pulled from the center comes first).
    Result<bool> hasSamples(const CtgTraceRecord &record) const;

    Result<void> saveAnnotation(CtgAnnotation &annotation); // a new one or an edit
    Result<void> removeAnnotation(CtgAnnotation &annotation); // kept as a tombstone for sync
    Result<QList<CtgAnnotation>> annotations(const QUuid &traceId) const; // in time order

    // Drafts are saved as often as the reader likes; a signed one is refused ("ctg.signed").
    Result<void> saveInterpretation(CtgInterpretation &interpretation);
    // Signs as `signer` at `when`: refused without text ("ctg.empty-interpretation"), without a
    // named signer ("ctg.no-signer") or when already signed ("ctg.signed").
    Result<void> sign(CtgInterpretation &interpretation, const QString &signer, const QDateTime &when);
    Result<QList<CtgInterpretation>> interpretations(const QUuid &traceId) const; // oldest first
    Result<std::optional<CtgInterpretation>> interpretation(const QUuid &interpretationId) const;

private:
    Result<QList<CtgTraceRecord>> selectTraces(const QString &where, const QVariant &value) const;
    Result<bool> storedIsSigned(const CtgInterpretation &interpretation) const;
    Result<QList<CtgInterpretation>> selectInterpretations(const QString &where, const QVariant &value) const;

    const Database &m_database;
    RecordTable m_traces;
    RecordTable m_annotations;
    RecordTable m_interpretations;
};
