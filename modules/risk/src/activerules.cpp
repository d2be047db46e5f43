#include "risk/activerules.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcActiveRules, "obslink.risk")

Result<ActiveRules> ActiveRules::fromEnvironment()
{
    ActiveRules active;
    const QString rulesPath = qEnvironmentVariable(RuleSetVariable);
    const QString formPath = qEnvironmentVariable(ScreeningFormVariable);
    if (rulesPath.isEmpty()) {
        active.m_rules = std::shared_ptr<const RuleSet>(&RuleSet::national2017(), [](const RuleSet *) {});
        active.m_source = QStringLiteral("built-in");
    } else {
        auto loaded = RuleSet::fromFile(rulesPath);
        if (!loaded)
            return failure(loaded.error().code,
                tr("Regional rule set %1 (%2): %3")
                    .arg(rulesPath, QLatin1String(RuleSetVariable), loaded.error().message));
        active.m_rules = std::make_shared<const RuleSet>(std::move(*loaded));
        active.m_source = rulesPath;
    }
    if (formPath.isEmpty() && rulesPath.isEmpty()) {
        active.m_screeningForm = std::shared_ptr<const ScreeningChecklist>(
            &ScreeningChecklist::national2017(), [](const ScreeningChecklist *) {});
        return active;
    }
    if (formPath.isEmpty() && active.m_rules->id != RuleSet::national2017().id)
        return failure(QStringLiteral("risk.screening-form-missing"),
            tr("Rule set %1 %2 from %3 needs its own screening form: name its file in %4.")
                .arg(active.m_rules->id, active.m_rules->version, rulesPath,
                    QLatin1String(ScreeningFormVariable)));
    // A corrected national table keeps its id: the national form is checked against it too, so
    // it may only suggest items the corrected table still has.
    auto form = formPath.isEmpty() ? ScreeningChecklist::fromFile(
                    QStringLiteral(":/rules/five-color-2017-screening.json"), *active.m_rules)
                                   : ScreeningChecklist::fromFile(formPath, *active.m_rules);
    if (!form)
        return failure(form.error().code,
            tr("Screening form %1 (%2) does not fit rule set %3 %4: %5")
                .arg(formPath.isEmpty() ? tr("built-in") : formPath, QLatin1String(ScreeningFormVariable),
                    active.m_rules->id, active.m_rules->version, form.error().message));
    active.m_screeningForm = std::make_shared<const ScreeningChecklist>(std::move(*form));
    return active;
}

const ActiveRules &ActiveRules::installed()
{
    static const ActiveRules active = [] {
        auto loaded = fromEnvironment();
        if (!loaded)
            qFatal("%s", qPrintable(loaded.error().message));
        qCInfo(lcActiveRules) << "grading with rule set" << loaded->rules().id << loaded->rules().version
                              << "from" << loaded->source();
        return *loaded;
    }();
    return active;
}
