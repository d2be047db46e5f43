// Workstation speed on a 100,000-woman clinic: cold start of `obslink` to a populated patient
// list, and opening a chart with 40 visits in the chart view (banner, visit table, trend
// charts). Each is also printed as a ratio to a reference measured in the same run.
#include "demodata/demodatagenerator.h"
#include "storage/database.h"
#include "grading/gradingservice.h"
#include "storage/draftstore.h"
#include "workstation-ui/patientchartview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

namespace {
constexpr int Patients = 100'000;

void bench(const char *name, double value, const char *unit)
{
    std::printf("bench: %s %.3f %s\n", name, value, unit);
    std::fflush(stdout);
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values[values.size() / 2];
}

// Milliseconds from process start to the list being shown, as the workstation reports it.
double coldStartMs(const QString &db)
{
    QProcess process;
    process.start(QStringLiteral(OBSLINK_WORKSTATION_BINARY),
                  {QStringLiteral("--db"), db, QStringLiteral("--exit-after-load"), QStringLiteral("-platform"),
                   QStringLiteral("offscreen")});
    QElapsedTimer wall;
    wall.start();
    process.waitForFinished(60'000);
    const QByteArray out = process.readAllStandardOutput();
    if (!out.startsWith("startup_ms"))
        qFatal("workstation did not report its start-up: %s", process.readAllStandardError().constData());
    return static_cast<double>(wall.elapsed());
}

double processStartMs(const QString &binary, const QStringList &arguments)
{
    QElapsedTimer wall;
    wall.start();
    QProcess process;
    process.start(binary, arguments);
    process.waitForFinished(60'000);
    return static_cast<double>(wall.elapsed());
}
} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.db"));
    auto database = Database::open(path, {QStringLiteral("bench"), QStringLiteral("bench")});
    if (!database)
        qFatal("%s", qPrintable(database.error().message));
    ClinicRecords records(**database);
    DemoDataGenerator generator(42, QDate(2026, 11, 1), QStringLiteral("bench"));
    for (int done = 0; done < Patients;) {
        QList<PatientChart> batch;
        for (int i = 0; i < 2000 && done < Patients; ++i, ++done)
            batch.append(generator.nextChart());
        if (!records.importCharts(batch))
            qFatal("import failed");
    }

    // A woman with 40 visits (weekly checks for a long, closely followed pregnancy) and labs.
    PatientChart heavy = generator.nextChart();
    heavy.pregnancy->lmp = QDate(2026, 11, 1).addDays(-41 * 7);
    heavy.visits.clear();
    for (int i = 0; i < 40; ++i) {
        AntenatalVisit visit;
        visit.visitDate = heavy.pregnancy->lmp.addDays(8 * 7 + i * 7);
        visit.systolicMmHg = 110 + i % 30;
        visit.diastolicMmHg = 70 + i % 20;
        visit.weightKg = 55 + i * 0.3;
        visit.fundalHeightCm = 10 + i * 0.7;
        heavy.visits.append(visit);
    }
    QList<PatientChart> one{heavy};
    if (!records.importCharts(one))
        qFatal("import failed");
    const QUuid heavyId = one.first().patient.meta.id;

    QList<double> starts;
    QList<double> references;
    for (int i = 0; i < 5; ++i) {
        starts.append(coldStartMs(path));
        references.append(processStartMs(QStringLiteral(OBSLINK_WORKSTATION_BINARY), {QStringLiteral("--version")}));
    }
    bench("workstation_cold_start_100k", median(starts), "ms");
    bench("workstation_cold_start_100k_vs_reference", median(starts) / std::max(1.0, median(references)), "ratio");

    DraftStore drafts(**database);
    CaseManagement cases(**database, CaseSettings::defaults());
    GradingService grading(**database, RuleSet::national2017(), cases);
    PatientChartView view(records, drafts, grading, QStringLiteral("bench"));
    view.resize(1200, 800);
    view.show();
    QList<double> opens;
    for (int i = 0; i < 20; ++i) {
        QElapsedTimer timer;
        timer.start();
        view.openChart(heavyId);
        QApplication::processEvents();
        opens.append(timer.nsecsElapsed() / 1e6);
    }
    QList<double> loads;
    for (int i = 0; i < 20; ++i) {
        QElapsedTimer timer;
        timer.start();
        records.loadChart(heavyId);
        loads.append(timer.nsecsElapsed() / 1e6);
    }
    bench("chart_open_ui_40_visits", median(opens), "ms");
    bench("chart_open_ui_40_visits_vs_database_read", median(opens) / std::max(0.001, median(loads)), "ratio");
    return 0;
}
