#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QStringList>

// How a clinic runs its high-risk loop, as data (resources/cases/case-settings.json is the
// documented default): which colors get a dedicated case file, which must be reported to the
// district maternal and child health institution and within how many days (the national text
// says "promptly"; 3 days is the common regional rule), how often each color is contacted,
// and when a missed contact becomes lost to follow-up and escalates.
struct CaseSettings
{
    Q_DECLARE_TR_FUNCTIONS(CaseSettings)
public:
    QString version;
    QStringList managedLevels;
    bool managePurple = true;
    QStringList reportableLevels;
    bool reportPurple = true;
    int reportingDays = 3;
    bool reportingCountsWorkingDaysOnly = false;
    QHash<QString, int> followUpIntervalDays; // by level id, and "purple"
    int lostToFollowUpGraceDays = 7;
    int escalateToDoctorAfterDays = 14;
    int escalateToDistrictAfterDays = 28;
    int eddWindowDays = 14;
    // The least hospital level she should deliver at, by level id and "purple" (the rule set's
    // level of care: orange at a secondary or higher hospital, red at a tertiary one).
    QHash<QString, QString> deliveryHospitalLevel;

    bool isManaged(const QString &level, bool purple) const;
    bool isReportable(const QString &level, bool purple) const;
    int intervalDaysFor(const QString &level, bool purple) const; // the shortest that applies
    QString requiredDeliveryLevel(const QString &level, bool purple) const; // the highest that applies
    // primary < secondary < tertiary; -1 for anything else.
    static int hospitalRank(const QString &hospitalLevel);
    static QString hospitalLevelLabel(const QString &hospitalLevel); // translated

    static CaseSettings defaults();
    static Result<CaseSettings> fromJson(const QByteArray &json);
    static Result<CaseSettings> fromFile(const QString &path);
};
