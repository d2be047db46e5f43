// Sync with the regional center over loopback HTTPS (a real obslink-center, TestCenter's test CA;
// PostgreSQL when OBSLINK_TEST_POSTGRES is set, else SQLite):
// - initial sync: a clinic of 10,000 pregnancies with 200,000 visits and labs (demo data, labs
//   repeated where a chart has fewer than 20) published by one workstation, then pulled whole
//   by a new one (target < 30 s), against a plain SQLite bulk insert of the same rows into
//   tables of the same columns, measured in the same run;
// - incremental sync: 100 changes pushed by one workstation and pulled by the other (< 1 s);
// - center throughput: 50 clinics' clients at once, each pushing a change and pulling its feed
//   in turn; requests per second and p50/p99 latency.
// OBSLINK_BENCH_PREGNANCIES=N runs a smaller clinic for a quick look.
#include "demodata/demodatagenerator.h"
#include "storage/database.h"
#include "storage/syncjournal.h"
#include "sync-protocol/protocolcodec.h"
#include "sync/centerconnection.h"
#include "sync/syncengine.h"
#include "benchreport.h"
#include "testcenter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QMutex>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryFile>
#include <QThread>
#include <QUuid>

#include <algorithm>
#include <cstdio>

namespace {
const int Pregnancies = qEnvironmentVariableIntValue("OBSLINK_BENCH_PREGNANCIES") > 0
    ? qEnvironmentVariableIntValue("OBSLINK_BENCH_PREGNANCIES")
    : 10'000;
constexpr int VisitsAndLabsPerPregnancy = 20; // 200,000 for 10,000 pregnancies
constexpr int Clients = 50;
constexpr int RoundsPerClient = 20;
const QDate Today(2026, 11, 1);

[[noreturn]] void fail(const QString &what)
{
    qFatal("bench_sync: %s", qPrintable(what));
}

double secondsSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e9;
}


std::unique_ptr<Database> openCache(const TestCenter &center, const QString &name, const QString &author)
{
    auto db = Database::open(center.path(name), { QStringLiteral("clinic-a"), author });
    if (!db)
        fail(db.error().message);
    return std::move(*db);
}

SyncSummary syncRound(const TestCenter &center, Database &db, const QString &user)
{
    SyncJournal journal(db.connection());
    const auto deviceId = journal.deviceId();
    if (!deviceId)
        fail(deviceId.error().message);
    CenterConnection connection(CenterEndpoint { QUrl(center.url()), center.caFile(), {}, 120000 });
    if (auto loggedIn = connection.login(user, QStringLiteral("obslink-demo"), *deviceId); !loggedIn)
        fail(loggedIn.error().message);
    SyncEngine engine(db.connection(), connection);
    const auto summary = engine.syncOnce();
    if (!summary)
        fail(summary.error().message);
    return *summary;
}

// The demo clinic, with repeated labs where a chart has fewer than 20 visits and labs.
QList<PatientChart> clinicCharts()
{
    DemoDataGenerator generator(2026, Today, QStringLiteral("clinic-a"));
    QList<PatientChart> charts;
    charts.reserve(Pregnancies);
    while (charts.size() < Pregnancies) {
        PatientChart chart = generator.nextChart();
        if (!chart.pregnancy)
            continue;
        const QList<LabResult> panel = chart.labs;
        for (int repeat = 1;
             !panel.isEmpty() && chart.visits.size() + chart.labs.size() < VisitsAndLabsPerPregnancy;
             ++repeat) {
            LabResult again = panel.at((repeat - 1) % panel.size());
            again.meta = RecordMeta();
            again.takenOn = again.takenOn.addDays(7 * ((repeat - 1) / panel.size() + 1));
            chart.labs.append(again);
        }
        charts.append(chart);
    }
    return charts;
}

// The reference: the rows the new workstation ended up with, written by plain prepared
// INSERTs into tables of the same columns (no indexes, triggers or checks), 1000 per
// transaction, through the same QtSql driver.
double plainBulkInsertSeconds(const TestCenter &center, const Database &pulled, qint64 *rowCount)
{
    struct Rows
    {
        QString table;
        QStringList columns;
        QList<QVariantList> values;
    };
    QList<Rows> all;
    QSqlQuery tables(pulled.connection());
    if (!tables.exec(QStringLiteral("SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name = "
                                    "tbl_name || '_outbox_insert'")))
        fail(QStringLiteral("list tables"));
    while (tables.next()) {
        Rows rows { tables.value(0).toString(), {}, {} };
        QSqlQuery read(pulled.connection());
        read.setForwardOnly(true);
        if (!read.exec(QStringLiteral("SELECT * FROM %1").arg(rows.table)))
            fail(QStringLiteral("read %1").arg(rows.table));
        const QSqlRecord record = read.record();
        for (int i = 0; i < record.count(); ++i)
            rows.columns.append(record.fieldName(i));
        while (read.next()) {
            QVariantList values;
            for (int i = 0; i < record.count(); ++i)
                values.append(read.value(i));
            rows.values.append(values);
        }
        if (!rows.values.isEmpty())
            all.append(rows);
    }
    const QString name = QStringLiteral("bench-reference");
    qint64 count = 0;
    double seconds = 0;
    {
        QSqlDatabase scratch = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        scratch.setDatabaseName(center.path(QStringLiteral("reference.db")));
        if (!scratch.open())
            fail(QStringLiteral("open the reference database"));
        QSqlQuery(scratch).exec(QStringLiteral("PRAGMA journal_mode = WAL"));
        QSqlQuery(scratch).exec(QStringLiteral("PRAGMA synchronous = FULL")); // as the clinic cache
        for (const Rows &rows : std::as_const(all))
            QSqlQuery(scratch).exec(QStringLiteral("CREATE TABLE %1 (%2)")
                                        .arg(rows.table, rows.columns.join(QStringLiteral(", "))));
        QElapsedTimer timer;
        timer.start();
        for (const Rows &rows : std::as_const(all)) {
            QSqlQuery insert(scratch);
            insert.prepare(
                QStringLiteral("INSERT INTO %1 VALUES (%2)")
                    .arg(rows.table,
                        QStringList(rows.columns.size(), QStringLiteral("?")).join(QStringLiteral(", "))));
            for (qsizetype start = 0; start < rows.values.size(); start += 1000) {
                scratch.transaction();
                for (qsizetype i = start; i < std::min(start + 1000, rows.values.size()); ++i) {
                    for (int c = 0; c < rows.columns.size(); ++c)
                        insert.bindValue(c, rows.values.at(i).at(c));
                    if (!insert.exec())
                        fail(QStringLiteral("reference insert"));
                    ++count;
                }
                scratch.commit();
            }
        }
        seconds = secondsSince(timer);
    }
    QSqlDatabase::removeDatabase(name);
    *rowCount = count;
    return seconds;
}

qint64 countRecords(const Database &db)
{
    qint64 total = 0;
    for (const char *table : { "patient", "pregnancy", "antenatal_visit", "lab_result" }) {
        QSqlQuery query(db.connection());
        if (query.exec(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))) && query.next())
            total += query.value(0).toLongLong();
    }
    return total;
}

qint64 countOf(const Database &db, const char *table)
{
    QSqlQuery query(db.connection());
    return query.exec(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))) && query.next()
        ? query.value(0).toLongLong()
        : -1;
}

// The bench clinics' users are added as an administrator would, with a password the policy accepts.
const QString BenchClinicPassword = QStringLiteral("Bench-clinic-2026");

// One clinic's client: registers a woman, then pushes a change to her and pulls its feed in
// turn, timing every request.
void clinicClient(const TestCenter &center, int index, QList<double> *latencies, QString *error)
{
    const QString user = QStringLiteral("bench-user-%1").arg(index);
    const QString clinic = QStringLiteral("bench-clinic-%1").arg(index);
    const QString device = QStringLiteral("bench-device-%1").arg(index);
    CenterConnection connection(CenterEndpoint { QUrl(center.url()), center.caFile(), {}, 120000 });
    if (auto loggedIn = connection.login(user, BenchClinicPassword, device); !loggedIn) {
        *error = loggedIn.error().message;
        return;
    }
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    const QString patientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    Mutation registration { QUuid::createUuid().toString(QUuid::WithoutBraces), QStringLiteral("patient"),
        patientId, Mutation::Operation::Insert, 0,
        QJsonObject { { QStringLiteral("clinic_id"), clinic }, { QStringLiteral("created_at"), now },
            { QStringLiteral("updated_at"), now }, { QStringLiteral("author"), user },
            { QStringLiteral("name"), QStringLiteral("测试%1").arg(index) },
            { QStringLiteral("phone"), QStringLiteral("13800000000") } } };
    if (auto pushed = connection.post(QStringLiteral("/api/v1/sync/push"),
            ProtocolCodec::encode(PushRequest { device, { registration } }));
        !pushed) {
        *error = pushed.error().message;
        return;
    }
    qint64 revision = 1;
    QString cursor;
    for (int round = 0; round < RoundsPerClient; ++round) {
        Mutation change { QUuid::createUuid().toString(QUuid::WithoutBraces), QStringLiteral("patient"),
            patientId, Mutation::Operation::Update, revision,
            QJsonObject {
                { QStringLiteral("phone"), QStringLiteral("1380000%1").arg(round, 4, 10, QLatin1Char('0')) },
                { QStringLiteral("updated_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) },
                { QStringLiteral("author"), user } } };
        QElapsedTimer timer;
        timer.start();
        const auto pushed = connection.post(
            QStringLiteral("/api/v1/sync/push"), ProtocolCodec::encode(PushRequest { device, { change } }));
        latencies->append(double(timer.nsecsElapsed()) / 1e6);
        if (!pushed) {
            *error = pushed.error().message;
            return;
        }
        const auto outcome = ProtocolCodec::decodePushResponse(*pushed);
        if (outcome && !outcome->outcomes.isEmpty())
            revision = outcome->outcomes.first().revision;
        timer.restart();
        const auto pulled = connection.get(QStringLiteral("/api/v1/sync/pull?limit=100&cursor=") + cursor);
        latencies->append(double(timer.nsecsElapsed()) / 1e6);
        if (!pulled) {
            *error = pulled.error().message;
            return;
        }
        const auto page = ProtocolCodec::decodePullResponse(*pulled);
        if (!page) {
            *error = page.error().message;
            return;
        }
        cursor = page->nextCursor;
    }
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    TestCenter center;
    if (!center.prepare() || !center.start())
        fail(center.lastError());
    std::fprintf(stderr, "bench_sync: center on %s, %d pregnancies\n",
        center.databaseLocation().startsWith(QLatin1String("postgres")) ? "PostgreSQL" : "SQLite",
        Pregnancies);

    // The clinic, written by its workstation and published to the center.
    auto source = openCache(center, QStringLiteral("source.db"), QStringLiteral("dr-wang"));
    {
        QList<PatientChart> charts = clinicCharts();
        ClinicRecords records(*source);
        for (qsizetype start = 0; start < charts.size(); start += 1000) {
            QList<PatientChart> slice = charts.mid(start, 1000);
            if (auto imported = records.importCharts(slice); !imported)
                fail(imported.error().message);
        }
    }
    const qint64 visitsAndLabs = countOf(*source, "antenatal_visit") + countOf(*source, "lab_result");
    std::fprintf(stderr, "bench_sync: %lld pregnancies, %lld visits and labs\n",
        countOf(*source, "pregnancy"), visitsAndLabs);
    {
        SyncJournal journal(source->connection());
        if (auto queued = journal.publishAll(); !queued)
            fail(queued.error().message);
        QElapsedTimer timer;
        timer.start();
        const SyncSummary published = syncRound(center, *source, QStringLiteral("dr-wang"));
        report("sync_publish_seconds", secondsSince(timer), "s");
        report("sync_publish_records", published.pushed, "records");
    }

    // Initial sync of a new workstation of the clinic.
    auto fresh = openCache(center, QStringLiteral("fresh.db"), QStringLiteral("nurse-li"));
    QElapsedTimer initialTimer;
    initialTimer.start();
    const SyncSummary initial = syncRound(center, *fresh, QStringLiteral("nurse-li"));
    const double initialSeconds = secondsSince(initialTimer);
    report("sync_initial_seconds", initialSeconds, "s");
    report("sync_initial_records", initial.pulled, "records");
    report("sync_initial_records_per_second", initial.pulled / std::max(initialSeconds, 1e-9), "records/s");
    report("sync_initial_megabytes", double(initial.bytesReceived) / 1e6, "MB");
    if (countRecords(*fresh) != countRecords(*source))
        fail(QStringLiteral("the new workstation has %1 records, the source %2")
                 .arg(countRecords(*fresh))
                 .arg(countRecords(*source)));
    qint64 referenceRows = 0;
    const double referenceSeconds = plainBulkInsertSeconds(center, *fresh, &referenceRows);
    report("sqlite_bulk_insert_seconds", referenceSeconds, "s");
    report("sqlite_bulk_insert_rows", double(referenceRows), "rows");
    report("sync_initial_vs_sqlite_bulk_insert", initialSeconds / std::max(referenceSeconds, 1e-9), "ratio");

    // 100 changes: new visits' blood pressures corrected at the source.
    {
        QSqlQuery change(source->connection());
        if (!change.exec(QStringLiteral(
                "UPDATE antenatal_visit SET systolic_mmhg = systolic_mmhg + 1, revision = revision + 1, "
                "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id IN "
                "(SELECT id FROM antenatal_visit ORDER BY id LIMIT 100)")))
            fail(QStringLiteral("change 100 visits"));
        QElapsedTimer timer;
        timer.start();
        const SyncSummary pushed = syncRound(center, *source, QStringLiteral("dr-wang"));
        const double pushSeconds = secondsSince(timer);
        timer.restart();
        const SyncSummary pulled = syncRound(center, *fresh, QStringLiteral("nurse-li"));
        const double pullSeconds = secondsSince(timer);
        if (pushed.pushed != 100 || pulled.pulled < 100)
            fail(QStringLiteral("incremental: pushed %1, pulled %2").arg(pushed.pushed).arg(pulled.pulled));
        report("sync_incremental_100_push_seconds", pushSeconds, "s");
        report("sync_incremental_100_pull_seconds", pullSeconds, "s");
        report("sync_incremental_100_seconds", pushSeconds + pullSeconds, "s");
    }

    // 50 clinics at once.
    {
        QTemporaryFile passwordFile;
        if (!passwordFile.open() || passwordFile.write(BenchClinicPassword.toUtf8() + '\n') <= 0 || !passwordFile.flush())
            fail(QStringLiteral("cannot write the bench users' password file"));
        for (int i = 0; i < Clients; ++i) {
            QProcess admin;
            admin.start(QStringLiteral(OBSLINK_CENTER_BINARY),
                { QStringLiteral("--db"), center.databaseLocation(), QStringLiteral("--add-clinic"),
                    QStringLiteral("bench-clinic-%1").arg(i), QStringLiteral("--clinic-name"),
                    QStringLiteral("Bench clinic %1").arg(i), QStringLiteral("--add-user"),
                    QStringLiteral("bench-user-%1").arg(i), QStringLiteral("--clinic"),
                    QStringLiteral("bench-clinic-%1").arg(i), QStringLiteral("--role"),
                    QStringLiteral("nurse"), QStringLiteral("--display-name"),
                    QStringLiteral("Bench %1").arg(i), QStringLiteral("--password-file"),
                    passwordFile.fileName(), QStringLiteral("--keep-password"), QStringLiteral("--hash-iterations"),
                    QStringLiteral("1000") });
            if (!admin.waitForFinished(60000) || admin.exitCode() != 0)
                fail(QString::fromUtf8(admin.readAllStandardError()));
        }
        QList<QList<double>> latencies(Clients);
        QStringList errors(Clients);
        QList<QThread *> threads;
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < Clients; ++i)
            threads.append(QThread::create(clinicClient, std::cref(center), i, &latencies[i], &errors[i]));
        for (QThread *thread : threads)
            thread->start();
        for (QThread *thread : threads) {
            thread->wait();
            delete thread;
        }
        const double seconds = secondsSince(timer);
        QList<double> all;
        for (int i = 0; i < Clients; ++i) {
            if (!errors.at(i).isEmpty())
                fail(QStringLiteral("client %1: %2").arg(i).arg(errors.at(i)));
            all += latencies.at(i);
        }
        report("center_50_clients_requests_per_second", double(all.size()) / seconds, "requests/s");
        report("center_50_clients_p50_latency", percentile(all, 0.50), "ms");
        report("center_50_clients_p99_latency", percentile(all, 0.99), "ms");
    }
    center.stop();
    return 0;
}
