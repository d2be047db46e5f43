// All six worklists over a 100,000-woman clinic with about 12,000 case files (target < 200 ms),
// against a plain count of the case files measured in the same run; the dashboard's four charts.
#include "cases/casedashboard.h"
#include "cases/casemanagement.h"
#include "cases/worklists.h"
#include "demodata/demodatagenerator.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int patients = qEnvironmentVariableIntValue("OBSLINK_BENCH_PATIENTS") > 0
        ? qEnvironmentVariableIntValue("OBSLINK_BENCH_PATIENTS")
        : 100'000;
    const QDate today(2026, 11, 1);
    QTemporaryDir dir;
    auto database = Database::open(
        dir.filePath(QStringLiteral("clinic.db")), { QStringLiteral("bench"), QStringLiteral("bench") });
    if (!database)
        qFatal("%s", qPrintable(database.error().message));
    QSqlQuery((*database)->connection())
        .exec(QStringLiteral("PRAGMA synchronous = OFF")); // setting up, not measuring
    ClinicRecords records(**database);
    DemoDataGenerator generator(3, today, QStringLiteral("bench"));
    CaseManagement cases(**database, CaseSettings::defaults());
    QRandomGenerator random(3);
    const QStringList levels { QStringLiteral("orange"), QStringLiteral("red"), QStringLiteral("yellow") };
    for (int done = 0; done < patients;) {
        QList<PatientChart> batch;
        for (int i = 0; i < 2000 && done < patients; ++i, ++done)
            batch.append(generator.nextChart());
        if (!records.importCharts(batch))
            qFatal("import failed");
        for (const PatientChart &chart : batch)
            if (random.bounded(100) < 12)
                cases.openCase(chart.pregnancy->meta.id, levels[random.bounded(3)], random.bounded(10) == 0,
                    today.addDays(-random.bounded(120)));
    }
    Worklists worklists(**database, CaseSettings::defaults());
    // The navigation's counts (what a nurse sees at a glance), and every list in full.
    QList<double> counts, times;
    qsizetype listed = 0;
    for (int run = 0; run < 7; ++run) {
        QElapsedTimer timer;
        timer.start();
        for (WorklistKind kind : Worklists::allKinds())
            worklists.count(kind, today);
        counts.append(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        timer.restart();
        for (WorklistKind kind : Worklists::allKinds())
            listed += worklists.list(kind, today)->size();
        times.append(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(counts.begin(), counts.end());
    std::sort(times.begin(), times.end());
    std::printf("bench: worklists_counts_100k %.2f ms\n", counts[counts.size() / 2]);
    QList<double> reference;
    for (int run = 0; run < 7; ++run) {
        QElapsedTimer timer;
        timer.start();
        QSqlQuery count((*database)->connection());
        count.exec(QStringLiteral("SELECT COUNT(*) FROM case_file WHERE status = 'open'"));
        count.next();
        reference.append(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(reference.begin(), reference.end());
    std::printf("bench: worklists_all_lists_100k %.2f ms\n", times[times.size() / 2]);
    std::printf("bench: worklists_all_lists_100k_vs_case_count %.1f ratio\n",
        times[times.size() / 2] / std::max(0.001, reference[reference.size() / 2]));
    std::fprintf(stderr, "(%lld items listed)\n", static_cast<long long>(listed));
    // Which list takes the time (stderr, to read; the figures above are the measure).
    for (WorklistKind kind : Worklists::allKinds()) {
        QElapsedTimer timer;
        timer.start();
        const auto items = worklists.list(kind, today);
        std::fprintf(stderr, "  %s: %lld items, %.1f ms\n", qPrintable(Worklists::kindKey(kind)),
            static_cast<long long>(items ? items->size() : -1),
            static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }
    // The dashboard's four charts (what opening it costs).
    CaseDashboard dashboard(**database);
    QList<double> charts;
    for (int run = 0; run < 5; ++run) {
        QElapsedTimer timer;
        timer.start();
        for (DashboardChart chart :
            { DashboardChart::PregnanciesByColor, DashboardChart::TransitionsThisMonth,
                DashboardChart::OverdueByNurse, DashboardChart::ClosureOutcomes })
            if (!dashboard.bars(chart, today))
                qFatal("dashboard failed");
        charts.append(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(charts.begin(), charts.end());
    std::printf("bench: dashboard_all_charts_100k %.2f ms\n", charts[charts.size() / 2]);
    return 0;
}
