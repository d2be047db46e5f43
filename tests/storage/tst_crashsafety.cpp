// A workstation killed with SIGKILL in the middle of a batch write leaves a consistent database:
// every committed chart is readable and complete, no part of the interrupted batch is there, and
// the file takes new writes. The test runs itself again as the writer (OBSLINK_CRASH_CHILD_DB)
// and kills that child at different moments.
#include "demodata/demodatagenerator.h"
#include "sqlscalar.h"
#include "storage/clinicrecords.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {
constexpr int BatchSize = 200;
constexpr quint32 Seed = 4242;
const QDate Today(2026, 11, 20);
const char *const ChildVariable = "OBSLINK_CRASH_CHILD_DB";

// The child: imports batches of demo charts, each in one transaction, until it is killed.
int writeForever(const QString &path)
{
    auto db = Database::open(path, { QStringLiteral("c1"), QStringLiteral("child") });
    if (!db)
        return 3;
    ClinicRecords records(**db);
    DemoDataGenerator generator(Seed, Today, QStringLiteral("c1"));
    for (;;) {
        QList<PatientChart> batch;
        for (int i = 0; i < BatchSize; ++i)
            batch.append(generator.nextChart());
        if (!records.importCharts(batch))
            return 4;
    }
}

} // namespace

class TestCrashSafety : public QObject
{
    Q_OBJECT

private slots:
    void killedMidBatchLeavesEveryCommittedChartReadable_data()
    {
        QTest::addColumn<int>("batchesBeforeKill");
        QTest::addColumn<int>("extraMilliseconds");
        QTest::newRow("during the second batch") << 1 << 0;
        QTest::newRow("a little into a later batch") << 3 << 17;
        QTest::newRow("further into a later batch") << 5 << 45;
        QTest::newRow("at a random moment") << 2 << QRandomGenerator::global()->bounded(120);
    }
    void killedMidBatchLeavesEveryCommittedChartReadable()
    {
        QFETCH(int, batchesBeforeKill);
        QFETCH(int, extraMilliseconds);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("crash.db"));
        QVERIFY(Database::open(path, { QStringLiteral("c1"), QStringLiteral("parent") })); // the schema first

        QProcess child;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QString::fromLatin1(ChildVariable), path);
        child.setProcessEnvironment(environment);
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForStarted());
        {
            // Watch the commits from a connection of our own, as another workstation would.
            auto watcher = Database::open(path, { QStringLiteral("c1"), QStringLiteral("watcher") });
            QVERIFY(watcher);
            QTRY_VERIFY_WITH_TIMEOUT(
                sqlNumber((*watcher)->connection(), QStringLiteral("SELECT count(*) FROM patient"))
                    >= batchesBeforeKill * BatchSize,
                120000);
        }
        if (extraMilliseconds > 0) {
            QElapsedTimer waited;
            waited.start();
            while (waited.elapsed() < extraMilliseconds)
                QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        }
        QCOMPARE(child.state(), QProcess::Running);
        QCOMPARE(::kill(static_cast<pid_t>(child.processId()), SIGKILL), 0);
        QVERIFY(child.waitForFinished(10000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        QVERIFY(QFile::exists(path + QStringLiteral("-wal"))); // recovery has work to do

        auto opened = Database::open(path, { QStringLiteral("c1"), QStringLiteral("after") });
        QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message));
        const Database &database = **opened;
        const QSqlDatabase db = database.connection();
        {
            QSqlQuery integrity(db);
            QVERIFY(integrity.exec(QStringLiteral("PRAGMA integrity_check")) && integrity.next());
            QCOMPARE(integrity.value(0).toString(), QStringLiteral("ok"));
            QVERIFY(!integrity.next());
            QSqlQuery foreignKeys(db);
            QVERIFY(foreignKeys.exec(QStringLiteral("PRAGMA foreign_key_check")));
            QVERIFY(!foreignKeys.next());
        }

        // Whole batches only, and at least the ones seen committed.
        const qint64 patients = sqlNumber(db, QStringLiteral("SELECT count(*) FROM patient"));
        QVERIFY(patients >= batchesBeforeKill * BatchSize);
        QCOMPARE(patients % BatchSize, 0);
        QCOMPARE(sqlNumber(db, QStringLiteral("SELECT count(*) FROM pregnancy")), patients);
        QCOMPARE(
            sqlNumber(db, QStringLiteral("SELECT count(*) FROM patient WHERE current_pregnancy_id IS NULL")), 0);
        QCOMPARE(
            sqlNumber(db,
                QStringLiteral(
                    "SELECT count(*) FROM patient pa JOIN pregnancy pr ON pr.id = pa.current_pregnancy_id "
                    "WHERE pa.list_edd IS NOT pr.edd OR pa.list_next_visit_due IS NOT pr.next_visit_due")),
            0);
        QCOMPARE(
            sqlNumber(db,
                QStringLiteral(
                    "SELECT count(*) FROM pregnancy WHERE status = 'booked' AND next_visit_due IS NULL")),
            0);

        // The same seed gives the same charts: each committed one is there in full, with the
        // ids it was written with; the interrupted batch left nothing.
        DemoDataGenerator generator(Seed, Today, QStringLiteral("c1"));
        ClinicRecords records(database);
        qint64 visits = 0;
        qint64 labs = 0;
        for (qint64 i = 0; i < patients; ++i) {
            const PatientChart expected = generator.nextChart();
            const auto loaded = records.loadChart(expected.patient.meta.id);
            QVERIFY(loaded && *loaded);
            const PatientChart &chart = **loaded;
            QCOMPARE(chart.patient.name, expected.patient.name);
            QCOMPARE(chart.pregnancy->meta.id, expected.pregnancy->meta.id);
            QCOMPARE(chart.visits.size(), expected.visits.size());
            QCOMPARE(chart.labs.size(), expected.labs.size());
            if (!expected.visits.isEmpty())
                QCOMPARE(chart.visits.last().meta.id, expected.visits.last().meta.id);
            visits += expected.visits.size();
            labs += expected.labs.size();
        }
        QCOMPARE(sqlNumber(db, QStringLiteral("SELECT count(*) FROM antenatal_visit")), visits);
        QCOMPARE(sqlNumber(db, QStringLiteral("SELECT count(*) FROM lab_result")), labs);
        const PatientChart interrupted = generator.nextChart();
        QVERIFY(!*records.loadChart(interrupted.patient.meta.id));

        // The database takes new writes: the interrupted chart again, and a registration.
        QList<PatientChart> again { interrupted };
        QVERIFY(records.importCharts(again));
        Patient patient;
        patient.name = QStringLiteral("重启后");
        patient.birthDate = QDate(1994, 4, 4);
        Pregnancy pregnancy;
        pregnancy.lmp = QDate(2026, 9, 1);
        QVERIFY(records.registerPregnancy(patient, pregnancy));
        QCOMPARE(sqlNumber(db, QStringLiteral("SELECT count(*) FROM patient")), patients + 2);
    }
};

int main(int argc, char *argv[])
{
    const QByteArray childDatabase = qgetenv(ChildVariable);
    QCoreApplication app(argc, argv);
    if (!childDatabase.isEmpty())
        return writeForever(QString::fromLocal8Bit(childDatabase));
    TestCrashSafety test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_crashsafety.moc"
