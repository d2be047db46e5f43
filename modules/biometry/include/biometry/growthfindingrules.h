#pragma once

#include "biometry/growthmeasure.h"
#include "domain/result.h"

#include <QCoreApplication>
#include <QList>

// When a scan's centiles are growth findings (resources/growth/growth-findings.json, its
// sources cited there and in docs/biometry.md): SGA below the 10th, FGR below the 3rd or after
// falling across two major centiles between scans, LGA above the 90th, of EFW or AC.
class GrowthFindingRules
{
    Q_DECLARE_TR_FUNCTIONS(GrowthFindingRules)
public:
    QString version;
    QString source;
    QList<GrowthMeasure> measures;
    double sgaBelowCentile = 10;
    double fgrBelowCentile = 3;
    double lgaAboveCentile = 90;
    QList<double> majorCentiles;
    int fgrCrossedCentiles = 2;

    static GrowthFindingRules defaults(); // the built-in file
    static Result<GrowthFindingRules> fromJson(const QByteArray &json);
};
