#pragma once

#include "domain/result.h"
#include "risk/ruleset.h"
#include "risk/screeningchecklist.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

// The rule set and screening form this installation grades with. A region ships its own table
// (for example a provincial variant) as files named by OBSLINK_RULE_SET and, when its items
// differ from the national form's, OBSLINK_SCREENING_FORM — no new build. Without them the
// national 2017 table and form built into every executable apply. Either way each assessment
// records the set's id and version.
class ActiveRules
{
    Q_DECLARE_TR_FUNCTIONS(ActiveRules)

public:
    static constexpr const char *RuleSetVariable = "OBSLINK_RULE_SET";
    static constexpr const char *ScreeningFormVariable = "OBSLINK_SCREENING_FORM";

    // Loads and validates the files the environment names; an error names the file and the fault.
    static Result<ActiveRules> fromEnvironment();
    // The installation's rules, loaded once; an invalid regional file stops the program with its
    // error rather than grading with rules nobody chose.
    static const ActiveRules &installed();

    const RuleSet &rules() const { return *m_rules; }
    const ScreeningChecklist &screeningForm() const { return *m_screeningForm; }
    // "built-in" or the path of the regional rule file.
    QString source() const { return m_source; }

private:
    std::shared_ptr<const RuleSet> m_rules;
    std::shared_ptr<const ScreeningChecklist> m_screeningForm;
    QString m_source;
};
