#pragma once

#include "domain/recordmeta.h"

#include <QDateTime>
#include <QString>
#include <QUuid>

// The reader's interpretation of a trace (判读, ctg_interpretation). A draft until signed; a
// signed interpretation is never changed, a later reader writes another.
struct CtgInterpretation
{
    RecordMeta meta;
    QUuid traceId;
    QString text;
    QString signedBy;
    QDateTime signedAt; // UTC; invalid while a draft

    bool isSigned() const { return signedAt.isValid(); }
};
