#pragma once

#include "biometry/growthmeasure.h"
#include "domain/gestationalage.h"

#include <QCoreApplication>
#include <QDate>

#include <optional>

// A scan whose EFW or AC is small or large for gestational age by a growth standard, as the
// risk grading is offered it: an item for a clinician to weigh, with its evidence. It never
// changes the grade by itself.
struct GrowthFinding
{
    Q_DECLARE_TR_FUNCTIONS(GrowthFinding)
public:
    enum class Kind { Sga, Fgr, Lga };

    Kind kind = Kind::Sga;
    GrowthMeasure measure = GrowthMeasure::Efw;
    QString standardName;
    QDate date;
    GestationalAge age;
    double value = 0;
    double centile = 50;
    // FGR by crossing centiles: the earlier scan it fell from and how many major centiles.
    std::optional<QDate> fromDate;
    std::optional<GestationalAge> fromAge;
    double fromCentile = 50;
    int crossedCentiles = 0;

    bool byCrossing() const { return fromDate.has_value(); }
    // "Fetal growth restriction (FGR)", "Small for gestational age (SGA)" …
    static QString kindName(Kind kind);
    static QString kindAbbreviation(Kind kind); // SGA, FGR, LGA (not translated)
    // "P8", "P0.4", "<P0.1": how the chart and the evidence write a centile.
    static QString centileText(double centile);
    // One line for the risk tab's item column and one for its evidence.
    QString item() const;
    QString evidence() const;
};
