#pragma once

#include "risk/riskinput.h"
#include "storage/clinicrecords.h"

// What the risk rules and the screening form read from a stored chart as of a date: the
// current pregnancy's intake, visits and labs, and the findings a clinician ticked.
RiskInput chartRiskInput(const PatientChart &chart, const QDate &on);
