// Forward-only migrations from every older schema version, with the data written by that
// version intact and the derived columns back-filled.
#include "storage/clinicrecords.h"
#include "storage/database.h"
#include "storage/migrator.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {
QSqlDatabase rawConnection(const QString &path, const QString &name)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(path);
    db.open();
    return db;
}

QVariant scalar(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next())
        qFatal("query failed: %s — %s", qPrintable(sql), qPrintable(q.lastError().text()));
    return q.value(0);
}
} // namespace

class TestMigrator : public QObject
{
    Q_OBJECT

private slots:
    void everyOlderVersionMigratesToTheLatestKeepingItsData_data()
    {
        QTest::addColumn<int>("from");
        for (int v = 1; v < Migrator::latestVersion(); ++v)
            QTest::addRow("from version %d", v) << v;
    }
    void everyOlderVersionMigratesToTheLatestKeepingItsData()
    {
        QFETCH(int, from);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.db"));
        {
            QSqlDatabase db = rawConnection(path, QStringLiteral("old"));
            QVERIFY(Migrator::migrate(db, from));
            QCOMPARE(Migrator::currentVersion(db), from);
            // A record as version 1 wrote it (every later version keeps these columns).
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO patient (id, clinic_id, created_at, updated_at, author, record_number, name, birth_date, phone) "
                "VALUES ('p1', 'c1', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'n', 'R1', '李静', '1990-01-01', '139 1234 5678')")));
            QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO pregnancy (id, clinic_id, created_at, updated_at, author, patient_id, booking_date, lmp, gravida, para, "
                "fetuses, status) VALUES ('g1', 'c1', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'n', 'p1', '2026-03-01', "
                "'2026-01-05', 1, 0, 1, 'booked')")));
            QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO antenatal_visit (id, clinic_id, created_at, updated_at, author, pregnancy_id, visit_date, ga_days) "
                "VALUES ('v1', 'c1', '2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z', 'n', 'g1', '2026-03-01', 55)")));
            if (from >= 2) { // what versions 2 and later keep on the rows themselves
                QVERIFY(q.exec(QStringLiteral("UPDATE patient SET phone_reversed = '87654321931', current_pregnancy_id = 'g1'")));
                QVERIFY(q.exec(QStringLiteral("UPDATE pregnancy SET edd = '2026-10-12', next_visit_due = '2026-03-29'")));
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("old"));

        auto migrated = Database::open(path, {QStringLiteral("c1"), QStringLiteral("n")});
        QVERIFY2(migrated, migrated ? "" : qPrintable(migrated.error().message));
        const QSqlDatabase db = (*migrated)->connection();
        QCOMPARE(Migrator::currentVersion(db), Migrator::latestVersion());
        QCOMPARE(scalar(db, QStringLiteral("SELECT name FROM patient WHERE id = 'p1'")).toString(), QStringLiteral("李静"));
        // Back-filled by version 2 where the database predates it.
        QCOMPARE(scalar(db, QStringLiteral("SELECT phone_reversed FROM patient")).toString(), QStringLiteral("87654321931"));
        QCOMPARE(scalar(db, QStringLiteral("SELECT current_pregnancy_id FROM patient")).toString(), QStringLiteral("g1"));
        QCOMPARE(scalar(db, QStringLiteral("SELECT edd FROM pregnancy")).toString(), QStringLiteral("2026-10-12"));
        QCOMPARE(scalar(db, QStringLiteral("SELECT next_visit_due FROM pregnancy")).toString(), QStringLiteral("2026-03-29"));
        // The migrated database works for the current code.
        ClinicRecords records(**migrated);
        auto chart = records.loadChart(QUuid::fromString(QStringLiteral("p1")));
        QVERIFY(chart);
    }

    void walForeignKeysAndDurabilityAreOn()
    {
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("c.db")), {QStringLiteral("c1"), QStringLiteral("n")});
        QVERIFY(db);
        QCOMPARE(scalar((*db)->connection(), QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
        QCOMPARE(scalar((*db)->connection(), QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
        QCOMPARE(scalar((*db)->connection(), QStringLiteral("PRAGMA synchronous")).toInt(), 2); // FULL
        QSqlQuery orphan((*db)->connection());
        QVERIFY(!orphan.exec(QStringLiteral("INSERT INTO pregnancy (id, clinic_id, created_at, updated_at, author, patient_id, "
                                            "gravida, para, fetuses, status) VALUES ('x', 'c', 't', 't', 'a', 'nobody', 1, 0, 1, 'booked')")));
    }

    void newerDatabaseIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("new.db"));
        {
            QSqlDatabase db = rawConnection(path, QStringLiteral("new"));
            QSqlQuery(db).exec(QStringLiteral("PRAGMA user_version = %1").arg(Migrator::latestVersion() + 1));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("new"));
        auto opened = Database::open(path, {QStringLiteral("c1"), QStringLiteral("n")});
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, QStringLiteral("storage.too-new"));
    }

    void fileThatIsNotADatabaseIsRefused()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("notes.db")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
        file.close();
        auto opened = Database::open(file.fileName(), {QStringLiteral("c1"), QStringLiteral("n")});
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, QStringLiteral("storage.corrupt"));
    }
};

QTEST_GUILESS_MAIN(TestMigrator)
#include "tst_migrator.moc"
