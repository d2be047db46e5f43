// The clinic cache at 100,000 women: demo generation time against plain inserts of the same
// number of rows, patient search latency per keystroke (p50, p99) against a primary-key lookup,
// opening a chart with 40 visits, and the database size.
#include "demodata/demodatagenerator.h"
#include "storage/database.h"
#include "storage/patientsearch.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

namespace {
// OBSLINK_BENCH_PATIENTS overrides the size for a quick look; the reported figures are for 100k.
const int Patients = qEnvironmentVariableIntValue("OBSLINK_BENCH_PATIENTS") > 0 ? qEnvironmentVariableIntValue("OBSLINK_BENCH_PATIENTS") : 100'000;

void bench(const char *name, double value, const char *unit)
{
    std::printf("bench: %s %.3f %s\n", name, value, unit);
    std::fflush(stdout);
}

double percentile(QList<double> values, double q)
{
    std::sort(values.begin(), values.end());
    return values[static_cast<qsizetype>(q * static_cast<double>(values.size() - 1))];
}

double msSince(const QElapsedTimer &timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("clinic.db"));
    auto database = Database::open(path, {QStringLiteral("bench"), QStringLiteral("bench")});
    if (!database)
        qFatal("%s", qPrintable(database.error().message));
    ClinicRecords records(**database);
    DemoDataGenerator generator(2017, QDate(2026, 11, 1), QStringLiteral("bench"));
    QList<PatientChart> sample;
    qint64 rows = 0;
    QElapsedTimer generation;
    generation.start();
    for (int done = 0; done < Patients;) {
        QList<PatientChart> batch;
        for (int i = 0; i < 2000 && done < Patients; ++i, ++done)
            batch.append(generator.nextChart());
        if (!records.importCharts(batch))
            qFatal("import failed");
        for (const PatientChart &c : batch)
            rows += 2 + c.visits.size() + c.labs.size();
        for (int i = 0; i < batch.size(); i += 200)
            sample.append(batch[i]);
    }
    const double generationSeconds = msSince(generation) / 1000;

    // Reference: the same number of rows as plain prepared inserts into a scratch table.
    QElapsedTimer plain;
    {
        auto scratch = Database::open(dir.filePath(QStringLiteral("scratch.db")), {QStringLiteral("b"), QStringLiteral("b")});
        QSqlDatabase db = (*scratch)->connection();
        QSqlQuery(db).exec(QStringLiteral("CREATE TABLE t (id TEXT PRIMARY KEY, a TEXT, b REAL)"));
        plain.start();
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral("INSERT INTO t VALUES (?, ?, ?)"));
        for (qint64 i = 0; i < rows; i += 20000) {
            db.transaction();
            for (qint64 j = i; j < std::min(rows, i + 20000); ++j) {
                insert.addBindValue(QString::number(j));
                insert.addBindValue(QStringLiteral("row"));
                insert.addBindValue(static_cast<double>(j));
                insert.exec();
            }
            db.commit();
        }
    }
    const double plainSeconds = msSince(plain) / 1000;
    bench("storage_demo_generation_100k", generationSeconds, "s");
    bench("storage_demo_generation_100k_vs_plain_inserts", generationSeconds / plainSeconds, "ratio");

    // Typing: every growing prefix of names, phones (first and last digits), IDs, record numbers.
    PatientSearch search(**database);
    QStringList queries;
    for (const PatientChart &c : sample) {
        const QString phoneTail(c.patient.phone.right(4));
        for (const QString &text : {c.patient.name, c.patient.phone.left(7), c.patient.nationalId.left(8), c.patient.recordNumber})
            for (int n = 1; n <= text.size(); ++n)
                queries.append(text.left(n));
        queries.append(phoneTail);
    }
    QList<double> latencies;
    for (const QString &q : queries) {
        QElapsedTimer t;
        t.start();
        search.find(q, PatientSort::RecentlyChanged, Qt::DescendingOrder);
        latencies.append(msSince(t));
    }
    QList<double> sorted;
    for (int i = 0; i < queries.size(); i += 7) {
        QElapsedTimer t;
        t.start();
        search.find(queries[i], PatientSort::Edd, Qt::AscendingOrder);
        sorted.append(msSince(t));
    }
    QList<double> lookups;
    QSqlQuery byKey((*database)->connection());
    byKey.prepare(QStringLiteral("SELECT name FROM patient WHERE id = ?"));
    for (const PatientChart &c : sample) {
        QElapsedTimer t;
        t.start();
        byKey.addBindValue(c.patient.meta.id.toString(QUuid::WithoutBraces));
        byKey.exec();
        byKey.next();
        lookups.append(msSince(t));
    }
    bench("patient_search_p50", percentile(latencies, 0.5), "ms");
    bench("patient_search_p99", percentile(latencies, 0.99), "ms");
    bench("patient_search_sorted_by_edd_p99", percentile(sorted, 0.99), "ms");
    bench("patient_search_p99_vs_key_lookup", percentile(latencies, 0.99) / std::max(0.001, percentile(lookups, 0.5)), "ratio");

    // A chart with 40 visits.
    PatientChart heavy = generator.nextChart();
    heavy.pregnancy->lmp = QDate(2026, 11, 1).addDays(-41 * 7);
    heavy.visits.clear();
    for (int i = 0; i < 40; ++i) {
        AntenatalVisit v;
        v.visitDate = heavy.pregnancy->lmp.addDays(6 * 7 + i * 7);
        v.systolicMmHg = 118;
        v.diastolicMmHg = 74;
        heavy.visits.append(v);
    }
    QList<PatientChart> one{heavy};
    records.importCharts(one);
    QList<double> opens;
    for (int i = 0; i < 50; ++i) {
        QElapsedTimer t;
        t.start();
        records.loadChart(one.first().patient.meta.id);
        opens.append(msSince(t));
    }
    bench("chart_open_40_visits", percentile(opens, 0.5), "ms");
    bench("chart_open_40_visits_vs_key_lookup", percentile(opens, 0.5) / std::max(0.001, percentile(lookups, 0.5)), "ratio");

    QSqlQuery((*database)->connection()).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    bench("database_size_per_100k_patients", static_cast<double>(QFileInfo(path).size()) / (1024.0 * 1024.0), "MiB");
    return 0;
}
