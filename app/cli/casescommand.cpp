#include "cliio.h"
#include "commands.h"

#include "cases/worklists.h"
#include "storage/database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

namespace {
int worklist(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption dbOption(QStringLiteral("db"), QCoreApplication::translate("Cli", "Clinic database file."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption onOption(QStringLiteral("on"), QCoreApplication::translate("Cli", "Date of the worklist (default: today)."),
                                      QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption kindOption(QStringLiteral("kind"),
                                        QCoreApplication::translate("Cli", "One list: due, overdue, unreported, lost, edd, unassigned, "
                                                                           "appointments-today, appointments-tomorrow or "
                                                                           "missed-appointment (default: all)."),
                                        QStringLiteral("KIND"));
    const QCommandLineOption settingsOption(QStringLiteral("case-settings"),
                                            QCoreApplication::translate("Cli", "The clinic's case management settings (JSON)."),
                                            QStringLiteral("FILE"));
    parser.addOptions({dbOption, onOption, kindOption, settingsOption});
    if (!parser.parse(QStringList{QStringLiteral("worklist")} + arguments) || !parser.isSet(dbOption)) {
        printError(parser.errorText().isEmpty()
                       ? QCoreApplication::translate("Cli", "Usage: obslink-cli cases worklist --db FILE [--on YYYY-MM-DD] "
                                                            "[--kind due|overdue|unreported|lost|edd|unassigned|appointments-today|"
                                                            "appointments-tomorrow|missed-appointment]")
                       : parser.errorText());
        return 2;
    }
    const QDate on = parser.isSet(onOption) ? QDate::fromString(parser.value(onOption), Qt::ISODate) : QDate::currentDate();
    if (!on.isValid()) {
        printError(QCoreApplication::translate("Cli", "The date %1 is not a valid YYYY-MM-DD date.").arg(parser.value(onOption)));
        return 2;
    }
    QList<WorklistKind> kinds = Worklists::allKinds();
    if (parser.isSet(kindOption)) {
        const auto kind = Worklists::kindFromKey(parser.value(kindOption));
        if (!kind) {
            printError(QCoreApplication::translate("Cli", "Unknown worklist %1.").arg(parser.value(kindOption)));
            return 2;
        }
        kinds = {*kind};
    }
    CaseSettings settings = CaseSettings::defaults();
    if (parser.isSet(settingsOption)) {
        auto loaded = CaseSettings::fromFile(parser.value(settingsOption));
        if (!loaded) {
            printError(loaded.error().message);
            return 1;
        }
        settings = *loaded;
    }
    auto database = openExistingDatabase(parser.value(dbOption));
    if (!database) {
        printError(database.error().message);
        return 1;
    }
    Worklists worklists(**database, settings);
    QJsonObject lists;
    QJsonObject counts;
    for (WorklistKind kind : kinds) {
        auto items = worklists.list(kind, on);
        if (!items) {
            printError(items.error().message);
            return 1;
        }
        QJsonArray array;
        for (const WorklistItem &item : *items)
            array.append(item.toJson());
        counts.insert(Worklists::kindKey(kind), static_cast<int>(array.size()));
        lists.insert(Worklists::kindKey(kind), array);
    }
    QJsonObject result{{QStringLiteral("on"), on.toString(Qt::ISODate)},
                       {QStringLiteral("settingsVersion"), settings.version},
                       {QStringLiteral("counts"), counts}};
    if (kinds.size() == 1) {
        result.insert(QStringLiteral("kind"), Worklists::kindKey(kinds.first()));
        result.insert(QStringLiteral("items"), lists.value(Worklists::kindKey(kinds.first())));
    } else {
        result.insert(QStringLiteral("lists"), lists);
    }
    printJson(QJsonDocument(result));
    return 0;
}
} // namespace

int runCasesCommand(const QStringList &arguments)
{
    if (arguments.value(0) == QLatin1String("worklist"))
        return worklist(arguments.mid(1));
    printError(QCoreApplication::translate("Cli", "Usage: obslink-cli cases worklist --db FILE [--on YYYY-MM-DD] "
                                                  "[--kind due|overdue|unreported|lost|edd|unassigned|appointments-today|"
                                                            "appointments-tomorrow|missed-appointment]"));
    return 2;
}
