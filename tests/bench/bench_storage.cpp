// The clinic cache at 100,000 women, each figure with a reference measured in the same run on
// the same machine, so that the ratio means something on a busy or a quiet computer:
// - demo generation (DemoDataGenerator + ClinicRecords::importCharts) against plain prepared
//   INSERTs of the same number of rows into a one-table scratch database;
// - patient search per keystroke (every growing prefix of existing names, phone numbers, ID
//   numbers and record numbers, and phone last digits, and of the names in pinyin: initials
//   "zyj", full with a space "zhang yajing", the surname in Chinese with the given name's
//   initials "张yj"), p50 and p99, sorted as the list is by default and by EDD, against a
//   primary-key lookup; the pinyin keystrokes alone too;
// - opening a chart with 40 visits and labs, against the same lookup;
// - the database size, against the bytes of data it holds.
// OBSLINK_BENCH_PATIENTS=N runs a smaller clinic for a quick look (the sizes are then scaled).
#include "demodata/demodatagenerator.h"
#include "pinyin/pinyinkeys.h"
#include "storage/database.h"
#include "storage/patientsearch.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <numeric>
#include <cstdio>

namespace {
const int Patients = qEnvironmentVariableIntValue("OBSLINK_BENCH_PATIENTS") > 0
    ? qEnvironmentVariableIntValue("OBSLINK_BENCH_PATIENTS")
    : 100'000;
constexpr int ChartsPerTransaction = 1000; // as 'obslink-cli demo-data' writes them
const QDate Today(2026, 11, 1);
const Database::Identity Bench { QStringLiteral("bench-clinic"), QStringLiteral("bench") };

void report(const char *name, double value, const char *unit)
{
    std::printf("bench: %s %.3f %s\n", name, value, unit);
    std::fflush(stdout);
}

void reportRatio(const char *name, double value, double reference)
{
    const QByteArray ratioName = QByteArray(name) + "_vs_reference";
    report(ratioName.constData(), value / std::max(reference, 1e-9), "ratio");
}

double percentile(QList<double> values, double q)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values[static_cast<qsizetype>(q * static_cast<double>(values.size() - 1))];
}

double millisecondsSince(const QElapsedTimer &timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

[[noreturn]] void fail(const QString &what)
{
    qFatal("bench_storage: %s", qPrintable(what));
}

void appendKeystrokes(QStringList &queries, const QString &text, qsizetype from = 1)
{
    for (qsizetype n = from; n <= text.size(); ++n)
        queries.append(text.left(n));
}

// What a person types into the search box, keystroke by keystroke.
QStringList typing(const QList<Patient> &patients)
{
    QStringList queries;
    for (const Patient &patient : patients) {
        for (const QString &text : { patient.name, patient.phone, patient.nationalId, patient.recordNumber })
            appendKeystrokes(queries, text);
        queries.append(patient.phone.right(4)); // "the one ending in 5678"
    }
    return queries;
}

// The same women's names typed in pinyin: initials, full pinyin with a space after the
// surname, and the surname in Chinese followed by the given name's initials.
QStringList typingPinyin(const QList<Patient> &patients)
{
    QStringList queries;
    for (const Patient &patient : patients) {
        const PinyinKeys keys = PinyinKeys::ofName(patient.name);
        if (keys.initials.isEmpty())
            continue;
        appendKeystrokes(queries, keys.initials);
        const qsizetype surname = PinyinKeys::ofName(patient.name.left(1)).full.size();
        appendKeystrokes(queries, keys.full.left(surname) + QLatin1Char(' ') + keys.full.mid(surname));
        appendKeystrokes(queries, patient.name.left(1) + keys.initials.mid(1), 2);
    }
    return queries;
}

QList<double> searchLatencies(const PatientSearch &search, const QStringList &queries, PatientSort sort)
{
    QList<double> latencies;
    latencies.reserve(queries.size());
    for (const QString &query : queries) {
        QElapsedTimer timer;
        timer.start();
        const auto rows = search.find(query, sort, Qt::AscendingOrder, 500);
        latencies.append(millisecondsSince(timer));
        if (!rows)
            fail(rows.error().message);
    }
    return latencies;
}

// A woman followed through her whole pregnancy: 40 visits, a lab panel at each of four
// stages, grades along the way.
PatientChart heavyChart(DemoDataGenerator &generator)
{
    PatientChart chart = generator.nextChart();
    chart.pregnancy->lmp = Today.addDays(-285);
    chart.pregnancy->bookingDate = chart.pregnancy->lmp.addDays(42);
    chart.visits.clear();
    chart.labs.clear();
    for (int i = 0; i < 40; ++i) {
        AntenatalVisit visit;
        visit.visitDate = chart.pregnancy->lmp.addDays(42 + i * 6);
        visit.systolicMmHg = 112 + i % 9;
        visit.diastolicMmHg = 70 + i % 7;
        visit.weightKg = 55.0 + i * 0.3;
        visit.fundalHeightCm = i > 14 ? 20.0 + (i - 14) * 0.6 : std::optional<double>();
        visit.fetalHeartRateBpm = i > 8 ? 140 + i % 10 : std::optional<int>();
        visit.notes = QStringLiteral("无不适");
        chart.visits.append(visit);
    }
    for (int stage = 0; stage < 4; ++stage)
        for (LabTest test : { LabTest::Haemoglobin, LabTest::Platelets, LabTest::FastingGlucose, LabTest::Alt,
                 LabTest::Creatinine, LabTest::HBsAg }) {
            LabResult lab;
            lab.takenOn = chart.pregnancy->lmp.addDays(60 + stage * 56);
            lab.test = test;
            if (isQualitative(test))
                lab.serology = Serology::Negative;
            else
                lab.value = 100.0 + stage;
            chart.labs.append(lab);
        }
    return chart;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("clinic.db"));
    auto database = Database::open(path, Bench);
    if (!database)
        fail(database.error().message);
    ClinicRecords records(**database);
    if (Patients != 100'000)
        std::fprintf(stderr, "bench_storage: %d patients (OBSLINK_BENCH_PATIENTS); sizes scaled to 100,000\n",
            Patients);

    // Demo generation, as 'obslink-cli demo-data' does it.
    DemoDataGenerator generator(2017, Today, Bench.clinicId);
    QList<Patient> typed; // women whose details the search simulation types
    QRandomGenerator pick(99);
    qint64 rows = 0;
    QElapsedTimer generation;
    generation.start();
    for (int done = 0; done < Patients;) {
        QList<PatientChart> batch;
        for (int i = 0; i < ChartsPerTransaction && done < Patients; ++i, ++done)
            batch.append(generator.nextChart());
        for (const PatientChart &chart : batch) {
            rows += 2 + chart.visits.size() + chart.labs.size();
            if (pick.bounded(Patients) < 150)
                typed.append(chart.patient);
        }
        if (auto imported = records.importCharts(batch); !imported)
            fail(imported.error().message);
    }
    const double generationSeconds = millisecondsSince(generation) / 1000;

    // Reference: the same number of rows as plain prepared INSERTs, same transaction size and
    // durability, into a one-table database.
    double plainSeconds = 0;
    qint64 plainBytes = 0;
    {
        const QString scratchPath = dir.filePath(QStringLiteral("scratch.db"));
        auto scratch = Database::open(scratchPath, Bench);
        if (!scratch)
            fail(scratch.error().message);
        QSqlDatabase db = (*scratch)->connection();
        if (!QSqlQuery(db).exec(
                QStringLiteral("CREATE TABLE plain (id TEXT PRIMARY KEY, label TEXT, amount REAL)")))
            fail(QStringLiteral("scratch table"));
        const qint64 rowsPerTransaction = std::max<qint64>(1, rows * ChartsPerTransaction / Patients);
        QElapsedTimer plain;
        plain.start();
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral("INSERT INTO plain (id, label, amount) VALUES (?, ?, ?)"));
        for (qint64 first = 0; first < rows; first += rowsPerTransaction) {
            db.transaction();
            for (qint64 i = first; i < std::min(rows, first + rowsPerTransaction); ++i) {
                insert.bindValue(0, QStringLiteral("%1").arg(i, 36, 10, QLatin1Char('0')));
                insert.bindValue(1, QStringLiteral("row"));
                insert.bindValue(2, static_cast<double>(i));
                if (!insert.exec())
                    fail(QStringLiteral("scratch insert"));
            }
            if (!db.commit())
                fail(QStringLiteral("scratch commit"));
        }
        plainSeconds = millisecondsSince(plain) / 1000;
        QSqlQuery(db).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        plainBytes = QFileInfo(scratchPath).size();
    }
    report("storage_demo_generation_100k", generationSeconds, "s");
    reportRatio("storage_demo_generation_100k", generationSeconds, plainSeconds);
    std::fprintf(stderr, "bench_storage: %lld rows; plain inserts %.2f s\n", static_cast<long long>(rows),
        plainSeconds);

    // Reference lookup: one row by its integer key.
    const QSqlDatabase db = (*database)->connection();
    QList<double> lookups;
    {
        QSqlQuery byKey(db);
        byKey.prepare(QStringLiteral("SELECT id FROM patient WHERE rowid = ?"));
        QRandomGenerator keys(5);
        for (int i = 0; i < 2000; ++i) {
            QElapsedTimer timer;
            timer.start();
            byKey.bindValue(0, keys.bounded(1, Patients + 1));
            if (!byKey.exec() || !byKey.next())
                fail(QStringLiteral("key lookup"));
            lookups.append(millisecondsSince(timer));
            byKey.finish();
        }
    }

    // Search as the user types.
    const PatientSearch search(**database);
    const QStringList pinyinQueries = typingPinyin(typed);
    const QStringList queries = typing(typed) + pinyinQueries;
    std::fprintf(stderr, "bench_storage: %lld keystroke queries, %lld of them in pinyin\n",
        static_cast<long long>(queries.size()), static_cast<long long>(pinyinQueries.size()));
    const QList<double> recent = searchLatencies(search, queries, PatientSort::RecentlyChanged);
    const QList<double> byEdd = searchLatencies(search, queries, PatientSort::Edd);
    const QList<double> pinyin = recent.mid(queries.size() - pinyinQueries.size());
    const QList<double> pinyinByEdd = byEdd.mid(queries.size() - pinyinQueries.size());
    report("patient_search_p50", percentile(recent, 0.5), "ms");
    reportRatio("patient_search_p50", percentile(recent, 0.5), percentile(lookups, 0.5));
    report("patient_search_p99", percentile(recent, 0.99), "ms");
    reportRatio("patient_search_p99", percentile(recent, 0.99), percentile(lookups, 0.99));
    report("patient_search_sorted_by_edd_p50", percentile(byEdd, 0.5), "ms");
    reportRatio("patient_search_sorted_by_edd_p50", percentile(byEdd, 0.5), percentile(lookups, 0.5));
    report("patient_search_sorted_by_edd_p99", percentile(byEdd, 0.99), "ms");
    reportRatio("patient_search_sorted_by_edd_p99", percentile(byEdd, 0.99), percentile(lookups, 0.99));
    {
        // Where the pinyin tail is: the slowest keystrokes, for whoever tunes the search.
        QList<qsizetype> order(pinyin.size());
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) { return pinyin[a] > pinyin[b]; });
        for (qsizetype i = 0; i < std::min<qsizetype>(8, order.size()); ++i)
            std::fprintf(stderr, "bench_storage: slow pinyin keystroke \"%s\" %.1f ms\n",
                qPrintable(pinyinQueries[order[i]]), pinyin[order[i]]);
    }
    report("patient_search_pinyin_p50", percentile(pinyin, 0.5), "ms");
    reportRatio("patient_search_pinyin_p50", percentile(pinyin, 0.5), percentile(lookups, 0.5));
    report("patient_search_pinyin_p99", percentile(pinyin, 0.99), "ms");
    reportRatio("patient_search_pinyin_p99", percentile(pinyin, 0.99), percentile(lookups, 0.99));
    report("patient_search_pinyin_sorted_by_edd_p99", percentile(pinyinByEdd, 0.99), "ms");
    reportRatio("patient_search_pinyin_sorted_by_edd_p99", percentile(pinyinByEdd, 0.99), percentile(lookups, 0.99));

    // A chart with 40 visits.
    QList<PatientChart> heavy { heavyChart(generator) };
    if (auto imported = records.importCharts(heavy); !imported)
        fail(imported.error().message);
    for (int i = 0; i < 3; ++i) {
        RiskGradeRecord grade;
        grade.pregnancyId = heavy[0].pregnancy->meta.id;
        grade.assessedOn = heavy[0].pregnancy->lmp.addDays(60 + i * 80);
        grade.proposedLevel = grade.level = QStringLiteral("yellow");
        grade.status = RiskGradeRecord::Status::Confirmed;
        grade.decidedBy = QStringLiteral("bench");
        grade.decidedAt = QDateTime(grade.assessedOn, QTime(9, 0), Qt::UTC);
        grade.ruleSetId = QStringLiteral("cn-2017");
        grade.ruleSetVersion = QStringLiteral("1");
        grade.resultJson = QStringLiteral("{\"fired\":[]}");
        if (auto saved = records.saveGrade(grade); !saved)
            fail(saved.error().message);
    }
    QList<double> opens;
    for (int i = 0; i < 200; ++i) {
        QElapsedTimer timer;
        timer.start();
        const auto chart = records.loadChart(heavy[0].patient.meta.id);
        opens.append(millisecondsSince(timer));
        if (!chart || !*chart || (*chart)->visits.size() != 40)
            fail(QStringLiteral("chart with 40 visits"));
    }
    report("chart_open_40_visits", percentile(opens, 0.5), "ms");
    reportRatio("chart_open_40_visits", percentile(opens, 0.5), percentile(lookups, 0.5));

    // Size on disk, against the bytes of the values stored in the clinical tables.
    QSqlQuery(db).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    const double scale = 100'000.0 / Patients;
    const double mebibytes = static_cast<double>(QFileInfo(path).size()) * scale / (1024.0 * 1024.0);
    qint64 dataBytes = 0;
    for (const char *table : { "patient", "pregnancy", "antenatal_visit", "lab_result" }) {
        QSqlQuery columns(db);
        columns.exec(QStringLiteral("SELECT name FROM pragma_table_info('%1')").arg(QLatin1String(table)));
        QStringList lengths;
        while (columns.next())
            lengths
                << QStringLiteral("coalesce(length(CAST(%1 AS BLOB)), 0)").arg(columns.value(0).toString());
        QSqlQuery sum(db);
        if (!sum.exec(QStringLiteral("SELECT sum(%1) FROM %2")
                          .arg(lengths.join(QStringLiteral(" + ")), QLatin1String(table)))
            || !sum.next())
            fail(QStringLiteral("data size"));
        dataBytes += sum.value(0).toLongLong();
    }
    report("database_size_per_100k_patients", mebibytes, "MiB");
    reportRatio("database_size_per_100k_patients", mebibytes,
        static_cast<double>(dataBytes) * scale / (1024.0 * 1024.0));
    std::fprintf(stderr, "bench_storage: plain one-table database of as many rows: %.1f MiB\n",
        static_cast<double>(plainBytes) * scale / (1024.0 * 1024.0));
    return 0;
}
