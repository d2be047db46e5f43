#include "commands.h"
#include "cliio.h"

#include "i18n/translations.h"

#include <QCoreApplication>

#include <functional>

namespace {
struct Command
{
    const char *name;
    const char *summary;
    std::function<int(const QStringList &)> run;
};

const Command commands[] = {
    {"demo-data", QT_TRANSLATE_NOOP("Cli", "create a synthetic clinic database"), runDemoDataCommand},
    {"risk", QT_TRANSLATE_NOOP("Cli", "five-color risk grading (risk assess FILE.json)"), runRiskCommand},
    {"cases", QT_TRANSLATE_NOOP("Cli", "high-risk case worklists (cases worklist --db FILE --on DATE)"), runCasesCommand},
    {"ctg", QT_TRANSLATE_NOOP("Cli", "fetal heart trace analysis (ctg analyse FILE)"), runCtgCommand},
    {"dicom", QT_TRANSLATE_NOOP("Cli", "DICOM ultrasound files (dicom info|render|sr FILE)"), runDicomCommand},
    {"sync", QT_TRANSLATE_NOOP("Cli", "one sync round with the regional center (sync --db FILE --server URL)"), runSyncCommand},
    {"pacs", QT_TRANSLATE_NOOP("Cli", "the regional PACS over DICOMweb (pacs query|retrieve|send|receive)"), runPacsCommand},
    {"fhir", QT_TRANSLATE_NOOP("Cli", "one woman's records as a FHIR R4 Bundle (fhir export --db FILE --patient ID)"), runFhirCommand},
    {"referral", QT_TRANSLATE_NOOP("Cli", "the referrals in a clinic database as JSON (referral list|show|figures --db FILE)"), runReferralCommand},
    {"consultation", QT_TRANSLATE_NOOP("Cli", "the remote consultations in a clinic database as JSON (consultation list|show --db FILE)"), runConsultationCommand},
    {"audit", QT_TRANSLATE_NOOP("Cli", "this workstation's audit trail (audit list|verify|report --db FILE)"), runAuditCommand},
};

int printUsage()
{
    QString text = QCoreApplication::translate("Cli", "Usage: obslink-cli COMMAND [OPTIONS]\n\nCommands:\n");
    for (const Command &command : commands)
        text += QStringLiteral("  %1  %2\n")
                    .arg(QString::fromLatin1(command.name), -13)
                    .arg(QCoreApplication::translate("Cli", command.summary));
    printError(text);
    return 2;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("obslink-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("ObsLink"));
    installTranslations(QLocale::system());

    const QStringList arguments = QCoreApplication::arguments().mid(1);
    if (arguments.isEmpty() || arguments.first() == QLatin1String("--help"))
        return printUsage();
    for (const Command &command : commands)
        if (arguments.first() == QLatin1String(command.name))
            return command.run(arguments.mid(1));
    printError(QCoreApplication::translate("Cli", "Unknown command: %1").arg(arguments.first()));
    return printUsage();
}
