#pragma once

#include "ctg/ctganalysis.h"
#include "domain/recordmeta.h"

#include <QDateTime>
#include <QStringList>
#include <QUuid>

#include <optional>

// A fetal heart trace in the pregnancy record (ctg_trace, schema 7): when it was recorded, for
// how long, from where, and what the analysis concluded when it was imported. The samples are
// kept apart under dataSha256 (CtgRecords::loadTrace).
struct CtgTraceRecord
{
    RecordMeta meta;
    QUuid pregnancyId;
    QDateTime recordedAt; // start of the recording, UTC
    double durationSeconds = 0;
    double sampleRateHz = 4;
    QString source; // the file it was imported from
    std::optional<int> gestationalAgeDays;
    QString dataSha256;
    qint64 dataBytes = 0;
    std::optional<double> lostPercent;
    std::optional<double> baselineBpm;
    QString figoClass; // normal, suspicious, pathological, insufficient-signal
    QString nichdCategory; // I, II, III, undetermined
    QList<CtgReason> reasons; // FIGO reasons, then NICHD reasons not already given

    // FIGO pathological or NICHD category III: the banner raises an alert and the risk grading
    // lists it as evidence for a clinician to weigh.
    bool isAlarming() const;
    void setSummary(const CtgAnalysis &analysis);
};
