#pragma once

#include "domain/recordmeta.h"

#include <QString>
#include <QUuid>

// A clinician's note at a moment of a trace (ctg_annotation): "oxytocin started", "FSE applied".
struct CtgAnnotation
{
    RecordMeta meta;
    QUuid traceId;
    double atSeconds = 0; // from the start of the trace
    QString text;
};
