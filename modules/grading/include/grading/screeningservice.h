#pragma once

#include "grading/screeningrepository.h"
#include "risk/screeningchecklist.h"
#include "storage/clinicrecords.h"

#include <QCoreApplication>

// The screening at the first antenatal visit (筛查): the form is pre-filled from the record, the
// clinician ticks what else she finds, and the result — negative (green) or positive, to be
// assessed and graded (评估分级) — is stored with who, when and the form and rule-set versions.
class ScreeningService
{
    Q_DECLARE_TR_FUNCTIONS(ScreeningService)
public:
    ScreeningService(const Database &database, const RuleSet &rules, const ScreeningChecklist &form);

    const ScreeningChecklist &form() const { return m_form; }
    // What the form shows as of `on` before anything is stored.
    Result<ScreeningResult> evaluate(const PatientChart &chart, const QStringList &ticked, const QDate &on) const;
    Result<ScreeningRecord> record(const PatientChart &chart, const QStringList &ticked, const QString &clinician,
                                   const QDate &on, const QString &note = {});
    Result<std::optional<ScreeningRecord>> latest(const PatientChart &chart) const;

private:
    const RuleSet &m_rules;
    const ScreeningChecklist &m_form;
    ScreeningRepository m_repository;
};
