#include "grading/chartriskinput.h"

RiskInput chartRiskInput(const PatientChart &chart, const QDate &on)
{
    QStringList findings;
    for (const RiskFindingRecord &f : chart.findings)
        findings.append(f.ruleId);
    return RiskInput::fromRecords(chart.patient, *chart.pregnancy, chart.visits, chart.labs, findings, on);
}
