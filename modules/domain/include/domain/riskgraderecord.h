#pragma once

#include "domain/gestationalage.h"
#include "domain/recordmeta.h"

#include <QDate>
#include <QString>
#include <QUuid>

#include <optional>

// One grading of a pregnancy as stored: what the engine proposed and what a clinician decided.
// The grade never drops silently: a proposal stays "proposed" until someone confirms it or
// overrides it with a reason, and every decision is kept as history.
struct RiskGradeRecord
{
    enum class Status { Proposed, Confirmed, Overridden };

    RecordMeta meta;
    QUuid pregnancyId;
    QDate assessedOn;
    std::optional<GestationalAge> gestationalAge;
    QString proposedLevel; // rule-set level id: "green", "yellow", "orange", "red" …
    bool proposedPurple = false;
    QString level; // decided grade, empty while proposed
    bool purple = false;
    Status status = Status::Proposed;
    QString reason; // required for an override
    QString decidedBy;
    QDateTime decidedAt;
    QString ruleSetId;
    QString ruleSetVersion;
    QString resultJson; // the engine's full result: fired rules with evidence, suggestions

    static QString statusKey(Status status);
    static std::optional<Status> statusFromKey(const QString &key);
};

// A finding a clinician ticked on the screening or assessment form (a rule id of the active set).
struct RiskFindingRecord
{
    RecordMeta meta;
    QUuid pregnancyId;
    QString ruleId;
    QDate notedOn;
    QString note;
};
