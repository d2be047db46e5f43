#pragma once

#include "domain/recordmeta.h"
#include "risk/riskengine.h"

#include <QDate>
#include <QUuid>

// One "yes" of a stored screening: the item, whether the record or the clinician answered it,
// and the record's evidence as it was on the day.
struct ScreeningRecordAnswer
{
    QString itemId;
    bool fromRecord = false;
    QList<Evidence> evidence;
};

// A screening at the first antenatal visit (筛查) as stored: its result, who screened and
// when, and the versions of the form and rule set, so it can be read back as it was decided.
struct ScreeningRecord
{
    RecordMeta meta;
    QUuid pregnancyId;
    QDate screenedOn;
    bool positive = false; // positive: to be assessed and graded (评估分级); negative: green
    QList<ScreeningRecordAnswer> answers;
    QString screenedBy;
    QString note;
    QString formId;
    QString formVersion;
    QString ruleSetId;
    QString ruleSetVersion;
};
