// The nurses' worklists over a 100,000-woman clinic with about 12,000 open case files, none yet
// assigned or reported (a worst case): what the worklist screen computes — six counts and the
// first page of six lists (target < 200 ms) — against a plain count of the case files measured in
// the same run; the counts alone and every list in full (the CLI); the dashboard's four charts.
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
    if (const QString keep = qEnvironmentVariable("OBSLINK_BENCH_KEEP_DB"); !keep.isEmpty())
        QSqlQuery((*database)->connection()).exec(QStringLiteral("VACUUM INTO '%1'").arg(keep));
    Worklists worklists(**database, CaseSettings::defaults());
    const auto medianMs = [](int runs, const auto &work) {
        QList<double> times;
        for (int run = 0; run < runs; ++run) {
            QElapsedTimer timer;
            timer.start();
            work();
            times.append(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        }
        std::sort(times.begin(), times.end());
        return times[times.size() / 2];
    };
    qsizetype listed = 0;
    // What the worklist screen computes: every count in the navigation and the first page of
    // every list (the target), then the counts alone and every list in full (the CLI's work).
    const double screen = medianMs(7, [&] {
        for (WorklistKind kind : Worklists::allKinds()) {
            worklists.count(kind, today);
            listed += worklists.list(kind, today, Worklists::FirstPage)->size();
        }
    });
    const double counts = medianMs(7, [&] {
        for (WorklistKind kind : Worklists::allKinds())
            worklists.count(kind, today);
    });
    const double full = medianMs(7, [&] {
        for (WorklistKind kind : Worklists::allKinds())
            listed += worklists.list(kind, today)->size();
    });
    const double reference = medianMs(7, [&] {
        QSqlQuery count((*database)->connection());
        count.exec(QStringLiteral("SELECT COUNT(*) FROM case_file WHERE status = 'open'"));
        count.next();
    });
    std::printf("bench: worklists_screen_100k %.2f ms\n", screen);
    std::printf("bench: worklists_screen_100k_vs_case_count %.1f ratio\n", screen / std::max(0.001, reference));
    std::printf("bench: worklists_counts_100k %.2f ms\n", counts);
    std::printf("bench: worklists_all_lists_100k %.2f ms\n", full);
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
