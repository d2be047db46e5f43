#include "grading/screeningservice.h"

#include "grading/chartriskinput.h"

ScreeningService::ScreeningService(const Database &database, const RuleSet &rules, const ScreeningChecklist &form)
    : m_rules(rules), m_form(form), m_repository(database)
{
}

Result<ScreeningResult> ScreeningService::evaluate(const PatientChart &chart, const QStringList &ticked, const QDate &on) const
{
    if (!chart.pregnancy)
        return failure(QStringLiteral("grading.no-pregnancy"), tr("There is no pregnancy to screen."));
    return m_form.evaluate(chartRiskInput(chart, on), ticked);
}

Result<ScreeningRecord> ScreeningService::record(const PatientChart &chart, const QStringList &ticked, const QString &clinician,
                                                 const QDate &on, const QString &note)
{
    if (clinician.trimmed().isEmpty())
        return failure(QStringLiteral("grading.clinician"), tr("A screening is recorded by a named clinician."));
    auto result = evaluate(chart, ticked, on);
    if (!result)
        return tl::unexpected(result.error());
    ScreeningRecord screening;
    screening.pregnancyId = chart.pregnancy->meta.id;
    screening.screenedOn = on;
    screening.positive = result->positive;
    for (const ScreeningAnswer &answer : result->answers)
        screening.answers.append({answer.item->id, answer.fromRecord, answer.evidence});
    screening.screenedBy = clinician.trimmed();
    screening.note = note.trimmed();
    screening.formId = m_form.id;
    screening.formVersion = m_form.version;
    screening.ruleSetId = m_rules.id;
    screening.ruleSetVersion = m_rules.version;
    if (auto saved = m_repository.save(screening); !saved)
        return tl::unexpected(saved.error());
    return screening;
}

Result<std::optional<ScreeningRecord>> ScreeningService::latest(const PatientChart &chart) const
{
    if (!chart.pregnancy)
        return std::optional<ScreeningRecord>();
    return m_repository.latest(chart.pregnancy->meta.id);
}
