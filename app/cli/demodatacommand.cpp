#include "cliio.h"
#include "commands.h"

#include "demodata/democtgtraces.h"
#include "demodata/demoreferrals.h"
#include "demodata/demodatagenerator.h"
#include "grading/gradingservice.h"
#include "risk/activerules.h"
#include "storage/database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QSqlQuery>

namespace {
constexpr int ChartsPerTransaction = 1000;
}

int runDemoDataCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "Cli", "Creates a database of synthetic, deterministic clinic data (never real patients)."));
    const QCommandLineOption dbOption(QStringLiteral("db"), QCoreApplication::translate("Cli", "Database file to create."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption patientsOption(QStringLiteral("patients"),
                                            QCoreApplication::translate("Cli", "Number of women (default 1000)."),
                                            QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QCoreApplication::translate("Cli", "Random seed (default 1)."),
                                       QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption todayOption(QStringLiteral("today"),
                                         QCoreApplication::translate("Cli", "Date the data is generated for (default: today)."),
                                         QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption clinicOption(QStringLiteral("clinic"), QCoreApplication::translate("Cli", "Clinic id (default demo-clinic)."),
                                          QStringLiteral("ID"), QStringLiteral("demo-clinic"));
    const QCommandLineOption gradeOption(QStringLiteral("grade"),
                                         QCoreApplication::translate("Cli", "Also grade every pregnancy as a clinician would confirm it, "
                                                                            "opening case files for high grades (for the demo)."));
    const QCommandLineOption ctgOption(QStringLiteral("ctg-traces"),
                                       QCoreApplication::translate("Cli", "Also record a non-stress test trace for up to N women "
                                                                          "at 32–41 weeks (default 0)."),
                                       QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption referralsOption(QStringLiteral("referrals"),
                                             QCoreApplication::translate("Cli", "Also refer up to N of the highest-graded women to the "
                                                                                "regional center (with --grade; default 0)."),
                                             QStringLiteral("N"), QStringLiteral("0"));
    parser.addOptions({dbOption, patientsOption, seedOption, todayOption, clinicOption, gradeOption, ctgOption, referralsOption});
    parser.addHelpOption();
    if (!parser.parse(QStringList{QStringLiteral("demo-data")} + arguments)) {
        printError(parser.errorText());
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printError(parser.helpText());
        return 0;
    }
    bool patientsOk = false;
    bool seedOk = false;
    bool tracesOk = false;
    const int traces = parser.value(ctgOption).toInt(&tracesOk);
    bool referralsOk = false;
    const int referralCount = parser.value(referralsOption).toInt(&referralsOk);
    const int patients = parser.value(patientsOption).toInt(&patientsOk);
    const quint32 seed = parser.value(seedOption).toUInt(&seedOk);
    const QDate today = parser.isSet(todayOption) ? QDate::fromString(parser.value(todayOption), Qt::ISODate)
                                                  : QDate::currentDate();
    if (!parser.isSet(dbOption) || !patientsOk || patients < 0 || patients > 10'000'000 || !seedOk || !today.isValid()
        || !tracesOk || traces < 0 || traces > 10'000 || !referralsOk || referralCount < 0 || referralCount > 1000) {
        printError(QCoreApplication::translate("Cli", "Usage: obslink-cli demo-data --db FILE [--patients N] [--seed S] "
                                                      "[--today YYYY-MM-DD] [--clinic ID] [--grade] [--ctg-traces N] "
                                                      "[--referrals N]"));
        return 2;
    }
    const QString path = parser.value(dbOption);
    if (QFile::exists(path)) {
        printError(QCoreApplication::translate("Cli", "%1 already exists; demo data is only written to a new file.").arg(path));
        return 1;
    }
    const QString clinic = parser.value(clinicOption);
    auto database = Database::open(path, {clinic, QStringLiteral("demo")});
    if (!database) {
        printError(database.error().message);
        return 1;
    }
    QElapsedTimer timer;
    timer.start();
    DemoDataGenerator generator(seed, today, clinic);
    ClinicRecords records(**database);
    qint64 visits = 0;
    qint64 labs = 0;
    for (int done = 0; done < patients;) {
        QList<PatientChart> batch;
        for (int i = 0; i < ChartsPerTransaction && done < patients; ++i, ++done)
            batch.append(generator.nextChart());
        for (const PatientChart &chart : batch) {
            visits += chart.visits.size();
            labs += chart.labs.size();
        }
        if (auto imported = records.importCharts(batch); !imported) {
            printError(imported.error().message);
            return 1;
        }
    }
    int graded = 0;
    if (parser.isSet(gradeOption)) {
        // A demo, not a clinic: skip the per-commit flush so that grading thousands of charts
        // one transaction each stays quick.
        QSqlQuery((*database)->connection()).exec(QStringLiteral("PRAGMA synchronous = OFF"));
        CaseManagement cases(**database, CaseSettings::defaults());
        const ActiveRules &active = ActiveRules::installed();
        GradingService grading(**database, active.rules(), cases, active.screeningForm());
        QSqlQuery ids((*database)->connection());
        ids.exec(QStringLiteral("SELECT id FROM patient ORDER BY record_number"));
        QList<QUuid> patientIds;
        while (ids.next())
            patientIds.append(QUuid::fromString(ids.value(0).toString()));
        for (const QUuid &id : patientIds) {
            auto chart = records.loadChart(id);
            if (!chart || !*chart || !(*chart)->pregnancy || (*chart)->pregnancy->status != PregnancyStatus::Booked)
                continue;
            auto proposal = grading.regrade(**chart, today);
            if (!proposal) {
                printError(proposal.error().message);
                return 1;
            }
            if (*proposal && grading.decide(**proposal, (*proposal)->proposedLevel, (*proposal)->proposedPurple,
                                            QStringLiteral("demo"), QString()))
                ++graded;
        }
    }
    int tracesAdded = 0;
    if (traces > 0) {
        auto added = DemoCtgTraces(**database, seed, today).add(traces);
        if (!added) {
            printError(added.error().message);
            return 1;
        }
        tracesAdded = *added;
    }
    int referralsAdded = 0;
    if (referralCount > 0) {
        auto added = DemoReferrals(**database, today).add(referralCount);
        if (!added) {
            printError(added.error().message);
            return 1;
        }
        referralsAdded = *added;
    }
    printJson(QJsonDocument(QJsonObject{{QStringLiteral("database"), path},
                                        {QStringLiteral("ctgTraces"), tracesAdded},
                                        {QStringLiteral("referrals"), referralsAdded},
                                        {QStringLiteral("graded"), graded},
                                        {QStringLiteral("patients"), patients},
                                        {QStringLiteral("visits"), visits},
                                        {QStringLiteral("labResults"), labs},
                                        {QStringLiteral("seed"), static_cast<qint64>(seed)},
                                        {QStringLiteral("today"), today.toString(Qt::ISODate)},
                                        {QStringLiteral("seconds"), timer.elapsed() / 1000.0}}));
    return 0;
}
