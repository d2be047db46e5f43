// A workstation killed with SIGKILL in the middle of a batch write leaves a consistent
// database in which every committed record is readable, and which takes new writes.
#include "demodata/demodatagenerator.h"
#include "storage/clinicrecords.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {
constexpr int BatchSize = 50;

// The child: writes batches of charts forever, until it is killed.
int writeForever(const QString &path)
{
    auto db = Database::open(path, {QStringLiteral("c1"), QStringLiteral("child")});
    if (!db)
        return 3;
    ClinicRecords records(**db);
    DemoDataGenerator generator(static_cast<quint32>(QCoreApplication::applicationPid()), QDate(2026, 11, 1), QStringLiteral("c1"));
    for (;;) {
        QList<PatientChart> batch;
        for (int i = 0; i < BatchSize; ++i)
            batch.append(generator.nextChart());
        if (!records.importCharts(batch))
            return 4;
    }
}

int scalar(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    return q.exec(sql) && q.next() ? q.value(0).toInt() : -1;
}
} // namespace

class TestCrashSafety : public QObject
{
    Q_OBJECT

private slots:
    void killedMidBatchLeavesEveryCommittedRecordReadable_data()
    {
        QTest::addColumn<int>("batchesBeforeKill");
        QTest::newRow("after 1 batch") << 1;
        QTest::newRow("after 3 batches") << 3;
        QTest::newRow("after 6 batches") << 6;
    }
    void killedMidBatchLeavesEveryCommittedRecordReadable()
    {
        QFETCH(int, batchesBeforeKill);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("crash.db"));
        Database::open(path, {QStringLiteral("c1"), QStringLiteral("parent")}); // create the schema first
        QProcess child;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("OBSLINK_CRASH_CHILD_DB"), path);
        child.setProcessEnvironment(environment);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForStarted());
        {
            auto watcher = Database::open(path, {QStringLiteral("c1"), QStringLiteral("watcher")});
            QVERIFY(watcher);
            QTRY_VERIFY_WITH_TIMEOUT(scalar((*watcher)->connection(), QStringLiteral("SELECT COUNT(*) FROM patient"))
                                         >= batchesBeforeKill * BatchSize,
                                     60000);
        }
        ::kill(static_cast<pid_t>(child.processId()), SIGKILL);
        QVERIFY(child.waitForFinished(10000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        auto db = Database::open(path, {QStringLiteral("c1"), QStringLiteral("after")});
        QVERIFY2(db, db ? "" : qPrintable(db.error().message));
        const QSqlDatabase c = (*db)->connection();
        QSqlQuery integrity(c);
        QVERIFY(integrity.exec(QStringLiteral("PRAGMA integrity_check")) && integrity.next());
        QCOMPARE(integrity.value(0).toString(), QStringLiteral("ok"));
        QSqlQuery foreignKeys(c);
        QVERIFY(foreignKeys.exec(QStringLiteral("PRAGMA foreign_key_check")));
        QVERIFY(!foreignKeys.next());
        const int patients = scalar(c, QStringLiteral("SELECT COUNT(*) FROM patient"));
        QVERIFY(patients >= batchesBeforeKill * BatchSize);
        QCOMPARE(patients % BatchSize, 0); // whole batches only
        QCOMPARE(scalar(c, QStringLiteral("SELECT COUNT(*) FROM pregnancy")), patients);
        QCOMPARE(scalar(c, QStringLiteral("SELECT COUNT(*) FROM patient WHERE current_pregnancy_id IS NULL")), 0);
        QCOMPARE(scalar(c, QStringLiteral("SELECT COUNT(*) FROM antenatal_visit v LEFT JOIN pregnancy p ON p.id = v.pregnancy_id WHERE p.id IS NULL")), 0);
        // Every committed chart reads back, and the database takes new writes.
        QSqlQuery ids(c);
        QVERIFY(ids.exec(QStringLiteral("SELECT id FROM patient")));
        ClinicRecords records(**db);
        while (ids.next())
            QVERIFY(records.loadChart(QUuid::fromString(ids.value(0).toString())).value().has_value());
        QList<PatientChart> more{DemoDataGenerator(1, QDate(2026, 11, 1), QStringLiteral("c1")).nextChart()};
        QVERIFY(records.importCharts(more));
    }
};

int main(int argc, char *argv[])
{
    const QByteArray childDatabase = qgetenv("OBSLINK_CRASH_CHILD_DB");
    QCoreApplication app(argc, argv);
    if (!childDatabase.isEmpty())
        return writeForever(QString::fromLocal8Bit(childDatabase));
    TestCrashSafety test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_crashsafety.moc"
