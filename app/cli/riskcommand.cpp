#include "cliio.h"
#include "commands.h"

#include "risk/activerules.h"
#include "risk/riskjson.h"

#include <QCoreApplication>
#include <QFile>

namespace {
QString usage()
{
    return QCoreApplication::translate(
        "Cli",
        "Usage: obslink-cli risk assess FILE.json [--rules RULESET.json]\n"
        "FILE.json ('-' for standard input) describes one pregnancy on one date:\n"
        "  assessedOn (required, YYYY-MM-DD), birthDate, heightCm, weightKg, fetuses, gestationalWeeks,\n"
        "  uterineSurgeries, lastUterineSurgeryDate,\n"
        "  labs {hb g/L, plt 10^9/L, creatinine umol/L, creatinineUpperLimit, hbsag, syphilis, hiv: \"positive\"|\"negative\"},\n"
        "  bp {systolic, diastolic}, bpReadings [{systolic, diastolic, date}], presentation, findings [rule ids].\n"
        "Prints the grade, the purple flag, every fired rule with its evidence, suggestions and the rule-set version.\n"
        "Rules: --rules, else the file named in OBSLINK_RULE_SET, else the national 2017 table.\n"
        "See docs/rules-five-color-2017.md.");
}
} // namespace

int runRiskCommand(const QStringList &arguments)
{
    if (arguments.value(0) != QLatin1String("assess") || arguments.size() < 2 || arguments.contains(QStringLiteral("--help"))) {
        printError(usage());
        return arguments.contains(QStringLiteral("--help")) ? 0 : 2;
    }
    QString inputPath;
    QString rulesPath;
    for (int i = 1; i < arguments.size(); ++i) {
        if (arguments[i] == QLatin1String("--rules") && i + 1 < arguments.size())
            rulesPath = arguments[++i];
        else if (inputPath.isEmpty() && (arguments[i] == QLatin1String("-") || !arguments[i].startsWith(QLatin1String("--"))))
            inputPath = arguments[i];
        else {
            printError(usage());
            return 2;
        }
    }
    if (inputPath.isEmpty()) {
        printError(usage());
        return 2;
    }
    QFile input(inputPath);
    const bool opened = inputPath == QLatin1String("-") ? input.open(stdin, QIODevice::ReadOnly) : input.open(QIODevice::ReadOnly);
    if (!opened) {
        printError(QCoreApplication::translate("Cli", "Cannot read %1.").arg(inputPath));
        return 1;
    }
    // Without --rules: the installation's rule set (OBSLINK_RULE_SET, else the national 2017 table).
    if (rulesPath.isEmpty())
        rulesPath = qEnvironmentVariable(ActiveRules::RuleSetVariable);
    std::optional<RuleSet> regional;
    if (!rulesPath.isEmpty()) {
        auto loaded = RuleSet::fromFile(rulesPath);
        if (!loaded) {
            printError(QStringLiteral("%1: %2").arg(rulesPath, loaded.error().message));
            return 1;
        }
        regional = *loaded;
    }
    auto parsed = RiskJson::parseInput(input.readAll());
    if (!parsed) {
        printError(parsed.error().message);
        return 1;
    }
    const RiskEngine engine(regional ? *regional : RuleSet::national2017());
    auto assessment = engine.assess(*parsed);
    if (!assessment) {
        printError(assessment.error().message);
        return 1;
    }
    printJson(QJsonDocument(RiskJson::toJson(*assessment)));
    return 0;
}
