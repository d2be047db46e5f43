#include "cliio.h"
#include "commands.h"

#include "ctg/ctganalyzer.h"
#include "ctg/ctgimporter.h"
#include "ctg/ctgjson.h"

#include <QCoreApplication>

namespace {
QString usage()
{
    return QCoreApplication::translate("Cli", "Usage: obslink-cli ctg analyse FILE [--format csv|wfdb] [--baseline-series] [--ga-weeks N]\n"
                                              "FILE is a CSV (time_s,fhr_bpm,toco …) or a WFDB record (.hea/.dat, format 16).\n"
                                              "See docs/ctg-analysis.md for the JSON printed.");
}
} // namespace

int runCtgCommand(const QStringList &arguments)
{
    if (arguments.value(0) != QLatin1String("analyse") && arguments.value(0) != QLatin1String("analyze")) {
        printError(usage());
        return 2;
    }
    QString path, format;
    bool series = false;
    CtgAnalyzer::Options options;
    for (int i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments[i];
        if (a == QLatin1String("--format") && i + 1 < arguments.size()) {
            format = arguments[++i];
        } else if (a == QLatin1String("--baseline-series")) {
            series = true;
        } else if (a == QLatin1String("--ga-weeks") && i + 1 < arguments.size()) {
            bool ok = false;
            const double weeks = arguments[++i].toDouble(&ok);
            if (!ok || weeks < 20 || weeks > 45) {
                printError(QCoreApplication::translate("Cli", "--ga-weeks must be a number of weeks between 20 and 45."));
                return 2;
            }
            options.gestationalWeeks = weeks;
        } else if (path.isEmpty() && !a.startsWith(QLatin1String("--"))) {
            path = a;
        } else {
            printError(usage());
            return 2;
        }
    }
    if (path.isEmpty() || (!format.isEmpty() && format != QLatin1String("csv") && format != QLatin1String("wfdb"))) {
        printError(usage());
        return 2;
    }
    auto trace = CtgImporter::read(path, format);
    if (!trace) {
        printError(trace.error().message);
        return 1;
    }
    printJson(QJsonDocument(CtgJson::toJson(CtgAnalyzer::analyse(*trace, options), series, trace->firstSampleSeconds)));
    return 0;
}
