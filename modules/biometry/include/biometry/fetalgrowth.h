#pragma once

#include "biometry/fetalbiometry.h"
#include "biometry/growthfinding.h"
#include "biometry/growthfindingrules.h"
#include "biometry/growthstandard.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QUuid>

#include <optional>

// The growth of one fetus across the scans of a pregnancy by one standard: each scan's BPD, HC,
// AC, FL and EFW (by the standard's own EFW formula) at its gestational age by the pregnancy's
// dating, their z-scores and centiles, and the findings the rules make of them (SGA, FGR, LGA).
class FetalGrowth
{
    Q_DECLARE_TR_FUNCTIONS(FetalGrowth)
public:
    struct Scan
    {
        QUuid examId;
        QDate date;
        std::optional<GestationalAge> age; // by the pregnancy's dating on that day
        FetalBiometry biometry;
    };

    struct Point
    {
        GrowthMeasure measure = GrowthMeasure::Efw;
        double value = 0; // mm, or g for EFW
        double weeks = 0;
        std::optional<double> z;
        std::optional<double> centile; // none outside the standard's weeks or without centiles
        bool outsideWeeks = false;
    };

    struct ScanResult
    {
        Scan scan;
        QList<Point> points;
        std::optional<Point> point(GrowthMeasure measure) const;
    };

    struct Assessment
    {
        QString standardName;
        QList<ScanResult> scans; // oldest first
        QList<GrowthFinding> findings; // every scan's, oldest first
        // The findings of the newest scan with a judged centile: what the risk grading is
        // offered (an SGA that later scans no longer show is history, not evidence).
        QList<GrowthFinding> current() const;
    };

    static Assessment assess(
        const GrowthStandard &standard, const GrowthFindingRules &rules, QList<Scan> scans);
    // "242.3 · P1.0" (the value without its unit, and its centile), or why there is no centile,
    // for the chart's table.
    static QString pointText(const Point &point);
};
