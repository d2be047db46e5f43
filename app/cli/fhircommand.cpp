#include "cliio.h"
#include "commands.h"

#include "fhir/fhircodes.h"
#include "fhir/fhirmapper.h"
#include "fhir/fhirrecordexport.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace {
QString usage()
{
    return QCoreApplication::translate("Cli",
        "Usage: obslink-cli fhir export --db FILE --patient ID [--out FILE]\n"
        "Writes one woman's records as a FHIR R4 Bundle (JSON); see docs/fhir.md.");
}
} // namespace

int runFhirCommand(const QStringList &arguments)
{
    if (arguments.value(0) != QLatin1String("export")) {
        printError(usage());
        return 2;
    }
    QString database, patient, out;
    for (int i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments[i];
        if (a == QLatin1String("--db") && i + 1 < arguments.size())
            database = arguments[++i];
        else if (a == QLatin1String("--patient") && i + 1 < arguments.size())
            patient = arguments[++i];
        else if (a == QLatin1String("--out") && i + 1 < arguments.size())
            out = arguments[++i];
        else {
            printError(usage());
            return 2;
        }
    }
    if (database.isEmpty() || patient.isEmpty()) {
        printError(usage());
        return 2;
    }
    const auto codes = FhirCodes::load();
    if (!codes) {
        printError(codes.error().message);
        return 1;
    }
    const FhirMapper mapper(*codes);
    const auto bundle = FhirRecordExport(mapper).exportPatient(database, patient);
    if (!bundle) {
        printError(bundle.error().message);
        return 1;
    }
    if (out.isEmpty()) {
        printJson(QJsonDocument(*bundle));
        return 0;
    }
    QSaveFile file(out);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(QJsonDocument(*bundle).toJson(QJsonDocument::Indented)) < 0 || !file.commit()) {
        printError(QCoreApplication::translate("Cli", "Cannot write %1: %2").arg(out, file.errorString()));
        return 1;
    }
    return 0;
}
