// Forward-only migrations: a database last written at any older schema version opens in this
// build with its data intact and the derived columns back-filled; a newer or foreign file is
// refused with a machine code; a failed migration leaves the version before it.
#include "storage/clinicrecords.h"
#include "storage/database.h"
#include "storage/migrator.h"
#include "storage/patientsearch.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {
const Database::Identity Clinic { QStringLiteral("clinic-1"), QStringLiteral("nurse") };

// A connection of its own, as an older ObsLink (or a tool) would have used the file.
class RawConnection
{
public:
    explicit RawConnection(const QString &path)
        : m_name(QStringLiteral("raw-%1").arg(++s_count))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        if (!db.open())
            qFatal("cannot open %s", qPrintable(path));
    }
    ~RawConnection()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

private:
    static inline int s_count = 0;
    QString m_name;
};

bool exec(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return true;
    qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
    return false;
}

QVariant scalar(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next())
        qFatal("query failed: %s — %s", qPrintable(sql), qPrintable(query.lastError().text()));
    return query.value(0);
}

bool objectExists(const QSqlDatabase &db, const QString &name)
{
    return scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name = '%1'").arg(name))
               .toInt()
        == 1;
}

bool columnExists(const QSqlDatabase &db, const QString &table, const QString &column)
{
    return scalar(db,
               QStringLiteral("SELECT count(*) FROM pragma_table_info('%1') WHERE name = '%2'")
                   .arg(table, column))
               .toInt()
        == 1;
}

// Records exactly as schema version 1 stored them: only the columns version 1 had.
bool insertVersion1Records(const QSqlDatabase &db)
{
    const QString meta
        = QStringLiteral("'c1', '2026-01-05T02:00:00.000Z', '2026-01-05T02:00:00.000Z', 'nurse-v1'");
    const QStringList statements {
        // p1: one booked pregnancy dated by LMP, two visits, two labs; a formatted phone.
        QStringLiteral("INSERT INTO patient (id, clinic_id, created_at, updated_at, author, record_number, "
                       "name, national_id, "
                       "birth_date, phone, address) VALUES ('00000000-0000-4000-8000-000000000001', %1, "
                       "'MH0001', '李静', '320102199001010026', "
                       "'1990-01-01', '139 1234-5678', '南京市鼓楼区')"),
        QStringLiteral(
            "INSERT INTO pregnancy (id, clinic_id, created_at, updated_at, author, patient_id, booking_date, "
            "lmp, "
            "gravida, para, fetuses, status) VALUES ('00000000-0000-4000-8000-000000000011', %1, "
            "'00000000-0000-4000-8000-000000000001', '2026-03-01', '2026-01-05', 1, 0, 1, 'booked')"),
        QStringLiteral(
            "INSERT INTO antenatal_visit (id, clinic_id, created_at, updated_at, author, pregnancy_id, "
            "visit_date, "
            "ga_days, systolic_mmhg, diastolic_mmhg) VALUES ('00000000-0000-4000-8000-000000000021', %1, "
            "'00000000-0000-4000-8000-000000000011', '2026-03-01', 55, 112, 70)"),
        QStringLiteral("INSERT INTO antenatal_visit (id, clinic_id, created_at, updated_at, author, "
                       "pregnancy_id, visit_date, "
                       "ga_days) VALUES ('00000000-0000-4000-8000-000000000022', %1, "
                       "'00000000-0000-4000-8000-000000000011', '2026-03-29', 83)"),
        QStringLiteral("INSERT INTO lab_result (id, clinic_id, created_at, updated_at, author, pregnancy_id, "
                       "taken_on, test, "
                       "value) VALUES ('00000000-0000-4000-8000-000000000031', %1, "
                       "'00000000-0000-4000-8000-000000000011', '2026-03-01', 'hb', 118)"),
        QStringLiteral("INSERT INTO lab_result (id, clinic_id, created_at, updated_at, author, pregnancy_id, "
                       "taken_on, test, "
                       "serology) VALUES ('00000000-0000-4000-8000-000000000032', %1, "
                       "'00000000-0000-4000-8000-000000000011', '2026-03-01', 'hbsag', 1)"),
        // p2: an earlier delivered pregnancy dated by ultrasound, the current one, and a newer
        // one that was deleted (a tombstone is never the current pregnancy).
        QStringLiteral("INSERT INTO patient (id, clinic_id, created_at, updated_at, author, record_number, "
                       "name, birth_date, "
                       "phone) VALUES ('00000000-0000-4000-8000-000000000002', %1, 'MH0002', '王芳', "
                       "'1988-05-05', '13800001111')"),
        QStringLiteral("INSERT INTO pregnancy (id, clinic_id, created_at, updated_at, author, patient_id, "
                       "booking_date, lmp, "
                       "ultrasound_scan_date, ultrasound_ga_days, gravida, para, fetuses, status) VALUES "
                       "('00000000-0000-4000-8000-000000000012', %1, '00000000-0000-4000-8000-000000000002', "
                       "'2024-04-01', '2024-02-01', '2024-04-01', 70, 1, 0, 1, 'delivered')"),
        QStringLiteral(
            "INSERT INTO pregnancy (id, clinic_id, created_at, updated_at, author, patient_id, booking_date, "
            "lmp, "
            "gravida, para, fetuses, status) VALUES ('00000000-0000-4000-8000-000000000013', %1, "
            "'00000000-0000-4000-8000-000000000002', '2026-05-01', '2026-03-10', 2, 1, 1, 'booked')"),
        QStringLiteral("INSERT INTO pregnancy (id, clinic_id, created_at, updated_at, author, deleted, "
                       "patient_id, booking_date, "
                       "lmp, gravida, para, fetuses, status) VALUES ('00000000-0000-4000-8000-000000000014', "
                       "%1, 1, '00000000-0000-4000-8000-000000000002', '2026-06-01', '2026-04-10', 2, 1, 1, "
                       "'booked')"),
        // p3: registered without a pregnancy or a phone.
        QStringLiteral("INSERT INTO patient (id, clinic_id, created_at, updated_at, author, record_number, "
                       "name, birth_date) "
                       "VALUES ('00000000-0000-4000-8000-000000000003', %1, 'MH0003', '张敏', '1995-09-09')"),
    };
    for (const QString &statement : statements)
        if (!exec(db, statement.arg(meta)))
            return false;
    return true;
}

// What a later version added, written the way that version wrote it.
bool insertRecordsOfVersion(const QSqlDatabase &db, int version)
{
    const QString meta
        = QStringLiteral("'c1', '2026-04-01T02:00:00.000Z', '2026-04-01T02:00:00.000Z', 'doctor'");
    if (version == 3) {
        return exec(db,
                   QStringLiteral(
                       "INSERT INTO risk_assessment (id, clinic_id, created_at, updated_at, author, "
                       "pregnancy_id, "
                       "assessed_on, ga_days, proposed_level, proposed_purple, level, purple, status, "
                       "decided_by, decided_at, rule_set_id, rule_set_version, result_json) VALUES "
                       "('00000000-0000-4000-8000-000000000041', %1, "
                       "'00000000-0000-4000-8000-000000000011', '2026-04-01', 86, 'yellow', 0, 'yellow', 0, "
                       "'confirmed', 'doctor', "
                       "'2026-04-01T02:00:00.000Z', 'cn-2017', '1', '{}')")
                       .arg(meta))
            && exec(db,
                QStringLiteral("UPDATE pregnancy SET risk_level = 'yellow' WHERE id = "
                               "'00000000-0000-4000-8000-000000000011'"));
    }
    if (version == 5) {
        return exec(db,
            QStringLiteral(
                "INSERT INTO case_file (id, clinic_id, created_at, updated_at, author, pregnancy_id, "
                "opened_on, level, report_due_on, status) VALUES ('00000000-0000-4000-8000-000000000051', "
                "%1, '00000000-0000-4000-8000-000000000011', '2026-04-01', "
                "'orange', '2026-04-04', 'open')")
                .arg(meta));
    }
    return true;
}
} // namespace

class TestMigrator : public QObject
{
    Q_OBJECT

private slots:
    void freshFileIsAtVersionZeroAndMigratesOneVersionAtATime()
    {
        QTemporaryDir dir;
        RawConnection raw(dir.filePath(QStringLiteral("fresh.db")));
        QCOMPARE(Migrator::currentVersion(raw.db()), 0);
        for (int version : Migrator::versions()) {
            const auto migrated = Migrator::migrate(raw.db(), version);
            QVERIFY2(migrated, migrated ? "" : qPrintable(migrated.error().message));
            QCOMPARE(Migrator::currentVersion(raw.db()), version);
        }
        QVERIFY(objectExists(raw.db(), QStringLiteral("patient")));
        QVERIFY(Migrator::migrate(raw.db())); // at the latest version already: nothing to do
        QCOMPARE(Migrator::currentVersion(raw.db()), Migrator::latestVersion());
    }

    void version1HasNoDerivedColumns()
    {
        QTemporaryDir dir;
        RawConnection raw(dir.filePath(QStringLiteral("v1.db")));
        QVERIFY(Migrator::migrate(raw.db(), 1));
        QVERIFY(!columnExists(raw.db(), QStringLiteral("pregnancy"), QStringLiteral("edd")));
        QVERIFY(!columnExists(raw.db(), QStringLiteral("patient"), QStringLiteral("phone_reversed")));
        QVERIFY(Migrator::migrate(raw.db(), 2));
        QVERIFY(columnExists(raw.db(), QStringLiteral("pregnancy"), QStringLiteral("edd")));
        QVERIFY(columnExists(raw.db(), QStringLiteral("patient"), QStringLiteral("current_pregnancy_id")));
    }

    void everyOlderVersionMigratesToTheLatestWithItsDataAndDerivedColumns_data()
    {
        QTest::addColumn<int>("from");
        const QList<int> versions = QList<int> { 0 } + Migrator::versions();
        for (qsizetype i = 0; i + 1 < versions.size(); ++i)
            QTest::addRow("from version %d", versions[i]) << versions[i];
    }
    void everyOlderVersionMigratesToTheLatestWithItsDataAndDerivedColumns()
    {
        QFETCH(int, from);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.db"));
        {
            RawConnection raw(path);
            QCOMPARE(Migrator::currentVersion(raw.db()), 0);
            for (int version : Migrator::versions()) {
                if (version > from)
                    break;
                QVERIFY(Migrator::migrate(raw.db(), version));
                QVERIFY(version == 1 ? insertVersion1Records(raw.db())
                                     : insertRecordsOfVersion(raw.db(), version));
            }
            QCOMPARE(Migrator::currentVersion(raw.db()), from);
        }

        auto opened = Database::open(path, Clinic);
        QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message));
        const Database &database = **opened;
        const QSqlDatabase db = database.connection();
        QCOMPARE(database.schemaVersion(), Migrator::latestVersion());
        QCOMPARE(scalar(db, QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
        QSqlQuery foreignKeys(db);
        QVERIFY(foreignKeys.exec(QStringLiteral("PRAGMA foreign_key_check")));
        QVERIFY(!foreignKeys.next());
        if (from == 0) {
            QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM patient")).toInt(), 0);
            return;
        }

        // Version 1's records, unchanged.
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM patient")).toInt(), 3);
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM pregnancy")).toInt(), 4);
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM antenatal_visit")).toInt(), 2);
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM lab_result")).toInt(), 2);
        QCOMPARE(scalar(db,
                     QStringLiteral("SELECT name || '|' || phone || '|' || author FROM patient WHERE id = "
                                    "'00000000-0000-4000-8000-000000000001'"))
                     .toString(),
            QStringLiteral("李静|139 1234-5678|nurse-v1"));
        // Back-filled: EDD by LMP + 280 days, or by the ultrasound when it differs by more than
        // ACOG allows (10+0 at the scan against 8+3 by LMP: 11 days > 7).
        QCOMPARE(
            scalar(db,
                QStringLiteral("SELECT edd FROM pregnancy WHERE id = '00000000-0000-4000-8000-000000000011'"))
                .toString(),
            QStringLiteral("2026-10-12"));
        QCOMPARE(
            scalar(db,
                QStringLiteral("SELECT edd FROM pregnancy WHERE id = '00000000-0000-4000-8000-000000000012'"))
                .toString(),
            QStringLiteral("2024-10-28"));
        QCOMPARE(
            scalar(db,
                QStringLiteral("SELECT edd FROM pregnancy WHERE id = '00000000-0000-4000-8000-000000000013'"))
                .toString(),
            QStringLiteral("2026-12-15"));
        // The next check 28 days after the last visit at 11+6; none for a delivered pregnancy;
        // from 6+0 for one without visits.
        QCOMPARE(
            scalar(db,
                QStringLiteral(
                    "SELECT next_visit_due FROM pregnancy WHERE id = '00000000-0000-4000-8000-000000000011'"))
                .toString(),
            QStringLiteral("2026-04-26"));
        QVERIFY(scalar(db,
            QStringLiteral(
                "SELECT next_visit_due FROM pregnancy WHERE id = '00000000-0000-4000-8000-000000000012'"))
                    .isNull());
        QCOMPARE(
            scalar(db,
                QStringLiteral(
                    "SELECT next_visit_due FROM pregnancy WHERE id = '00000000-0000-4000-8000-000000000013'"))
                .toString(),
            QStringLiteral("2026-04-21"));
        // Phone digits reversed for last-digits search, whatever the formatting.
        QCOMPARE(
            scalar(db,
                QStringLiteral(
                    "SELECT phone_reversed FROM patient WHERE id = '00000000-0000-4000-8000-000000000001'"))
                .toString(),
            QStringLiteral("87654321931"));
        QCOMPARE(scalar(db,
                     QStringLiteral("SELECT coalesce(phone_reversed, '') FROM patient WHERE id = "
                                    "'00000000-0000-4000-8000-000000000003'"))
                     .toString(),
            QString());
        // The current pregnancy: the latest booking that is not a tombstone.
        QCOMPARE(scalar(db,
                     QStringLiteral("SELECT current_pregnancy_id FROM patient WHERE id = "
                                    "'00000000-0000-4000-8000-000000000001'"))
                     .toString(),
            QStringLiteral("00000000-0000-4000-8000-000000000011"));
        QCOMPARE(scalar(db,
                     QStringLiteral("SELECT current_pregnancy_id FROM patient WHERE id = "
                                    "'00000000-0000-4000-8000-000000000002'"))
                     .toString(),
            QStringLiteral("00000000-0000-4000-8000-000000000013"));
        QVERIFY(scalar(db,
            QStringLiteral(
                "SELECT current_pregnancy_id FROM patient WHERE id = '00000000-0000-4000-8000-000000000003'"))
                    .isNull());
        // The list's copy of the current pregnancy's columns (version 6).
        QCOMPARE(scalar(db,
                     QStringLiteral("SELECT list_edd || ' ' || list_next_visit_due FROM patient WHERE id = "
                                    "'00000000-0000-4000-8000-000000000002'"))
                     .toString(),
            QStringLiteral("2026-12-15 2026-04-21"));
        QVERIFY(scalar(db,
            QStringLiteral("SELECT list_edd FROM patient WHERE id = '00000000-0000-4000-8000-000000000003'"))
                    .isNull());
        QCOMPARE(scalar(db,
                     QStringLiteral(
                         "SELECT list_risk FROM patient WHERE id = '00000000-0000-4000-8000-000000000001'"))
                     .toInt(),
            from >= 3 ? 4 : 0); // yellow: 2 × 2
        if (from >= 3)
            QCOMPARE(scalar(db,
                         QStringLiteral("SELECT level FROM risk_assessment WHERE id = "
                                        "'00000000-0000-4000-8000-000000000041'"))
                         .toString(),
                QStringLiteral("yellow"));
        if (from >= 5)
            QCOMPARE(scalar(db,
                         QStringLiteral(
                             "SELECT level FROM case_file WHERE id = '00000000-0000-4000-8000-000000000051'"))
                         .toString(),
                QStringLiteral("orange"));

        // The migrated database works for the current code: search, chart, new records.
        const auto found
            = PatientSearch(database).find(QStringLiteral("5678"), PatientSort::Name, Qt::AscendingOrder);
        QVERIFY(found);
        QCOMPARE(found->size(), 1);
        QCOMPARE(found->first().name, QStringLiteral("李静"));
        QCOMPARE(found->first().edd, QDate(2026, 10, 12));
        QCOMPARE(PatientSearch(database)
                     .find(QStringLiteral("mh000"), PatientSort::Name, Qt::AscendingOrder)
                     ->size(),
            3);
        // Pinyin keys of the women already on file (version 14's back-fill), local only: the
        // back-fill sends nothing to the center.
        QCOMPARE(scalar(db,
                     QStringLiteral("SELECT pinyin_initials || ' ' || pinyin_full FROM patient WHERE id = "
                                    "'00000000-0000-4000-8000-000000000001'"))
                     .toString(),
            QStringLiteral("lj lijing"));
        const auto byInitials = PatientSearch(database).find(QStringLiteral("zm"), PatientSort::Name, Qt::AscendingOrder);
        QVERIFY(byInitials);
        QCOMPARE(byInitials->size(), 1);
        QCOMPARE(byInitials->first().name, QStringLiteral("张敏"));
        QCOMPARE(PatientSearch(database).find(QStringLiteral("wang fang"), PatientSort::Name, Qt::AscendingOrder)->size(), 1);
        if (from >= 4)
            QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM sync_outbox WHERE fields LIKE '%pinyin%'")).toInt(), 0);
        ClinicRecords records(database);
        const auto chart
            = records.loadChart(QUuid::fromString(QStringLiteral("00000000-0000-4000-8000-000000000001")));
        QVERIFY(chart && *chart);
        QCOMPARE((*chart)->visits.size(), 2);
        QCOMPARE((*chart)->labs.size(), 2);
        Patient patient;
        patient.name = QStringLiteral("新病人");
        patient.birthDate = QDate(1996, 6, 6);
        Pregnancy pregnancy;
        pregnancy.lmp = QDate(2026, 9, 1);
        QVERIFY(records.registerPregnancy(patient, pregnancy));
    }

    void failedMigrationLeavesTheVersionBeforeIt()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("stuck.db"));
        {
            RawConnection raw(path);
            QVERIFY(Migrator::migrate(raw.db(), 1));
            QVERIFY(insertVersion1Records(raw.db()));
            // An index that migration 2 creates after its ALTER TABLEs and back-fill: it fails
            // there, late, so the earlier statements have to be rolled back.
            QVERIFY(exec(raw.db(), QStringLiteral("CREATE INDEX pregnancy_next_visit ON pregnancy(lmp)")));
            const auto migrated = Migrator::migrate(raw.db());
            QVERIFY(!migrated);
            QCOMPARE(migrated.error().code, QStringLiteral("storage.sql"));
            QCOMPARE(Migrator::currentVersion(raw.db()), 1);
            QVERIFY(!columnExists(raw.db(), QStringLiteral("pregnancy"), QStringLiteral("edd")));
            QVERIFY(!objectExists(raw.db(), QStringLiteral("patient_name")));
            QCOMPARE(scalar(raw.db(), QStringLiteral("SELECT count(*) FROM patient")).toInt(), 3);
        }
        const auto opened = Database::open(path, Clinic);
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, QStringLiteral("storage.sql"));
    }

    void databaseOfANewerVersionIsRefusedAndLeftAlone()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("new.db"));
        const int newer = Migrator::latestVersion() + 1;
        {
            RawConnection raw(path);
            QVERIFY(exec(raw.db(), QStringLiteral("PRAGMA user_version = %1").arg(newer)));
            const auto migrated = Migrator::migrate(raw.db());
            QVERIFY(!migrated);
            QCOMPARE(migrated.error().code, QStringLiteral("storage.too-new"));
        }
        const auto opened = Database::open(path, Clinic);
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, QStringLiteral("storage.too-new"));
        QVERIFY(!opened.error().message.isEmpty());
        RawConnection raw(path);
        QCOMPARE(Migrator::currentVersion(raw.db()), newer);
        QVERIFY(!objectExists(raw.db(), QStringLiteral("patient")));
    }

    void aVersionSkippedBelowTheHighestIsAppliedLater()
    {
        // A database made before the ledger, at a version above one that was only reserved
        // when it was made (schema 10 without 8 and 9): the missing versions are applied.
        QTemporaryDir dir;
        RawConnection raw(dir.filePath(QStringLiteral("gap.db")));
        QVERIFY(Migrator::migrate(raw.db()));
        QVERIFY(exec(raw.db(), QStringLiteral("DROP TABLE risk_screening")));
        QVERIFY(exec(raw.db(), QStringLiteral("DROP TABLE ultrasound_exam")));
        QVERIFY(exec(raw.db(), QStringLiteral("DROP TABLE schema_migration")));
        QCOMPARE(Migrator::currentVersion(raw.db()), Migrator::latestVersion());

        const auto migrated = Migrator::migrate(raw.db());
        QVERIFY2(migrated, migrated ? "" : qPrintable(migrated.error().message));
        QVERIFY(objectExists(raw.db(), QStringLiteral("risk_screening")));
        QVERIFY(objectExists(raw.db(), QStringLiteral("ultrasound_exam")));
        QCOMPARE(scalar(raw.db(), QStringLiteral("SELECT count(*) FROM schema_migration")).toInt(),
            int(Migrator::versions().size()));
        QCOMPARE(Migrator::currentVersion(raw.db()), Migrator::latestVersion());
    }

    void aLedgerWithAVersionThisBuildDoesNotKnowIsRefused()
    {
        // A newer build applied a version this one lacks (a reserved number, say) without
        // raising user_version past this build's latest: this build must not write to it.
        QTemporaryDir dir;
        RawConnection raw(dir.filePath(QStringLiteral("newer-gap.db")));
        QVERIFY(Migrator::migrate(raw.db()));
        const int unknown = Migrator::latestVersion() + 1;
        QVERIFY(exec(raw.db(),
            QStringLiteral("INSERT INTO schema_migration VALUES (%1, '2027-01-01T00:00:00Z')").arg(unknown)));
        const auto migrated = Migrator::migrate(raw.db());
        QVERIFY(!migrated);
        QCOMPARE(migrated.error().code, QStringLiteral("storage.too-new"));
    }

    void databaseOfTheLatestVersionOpens()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("latest.db"));
        {
            RawConnection raw(path);
            QVERIFY(Migrator::migrate(raw.db()));
        }
        QVERIFY(Database::open(path, Clinic));
    }

    void fileThatIsNotADatabaseIsRefusedAsCorrupt_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("4 KiB of text") << QByteArray(4096, 'x');
        QTest::newRow("a spreadsheet export") << QByteArray("name,phone\n李静,13912345678\n");
        QTest::newRow("a damaged SQLite header")
            << QByteArray("SQLite format 3").append('\0').append(QByteArray(4080, '\xff'));
    }
    void fileThatIsNotADatabaseIsRefusedAsCorrupt()
    {
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("notes.db")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        const auto opened = Database::open(file.fileName(), Clinic);
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, QStringLiteral("storage.corrupt"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), content); // never "repaired" by overwriting
    }

    void emptyFileIsANewDatabase()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("empty.db")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const auto opened = Database::open(file.fileName(), Clinic);
        QVERIFY(opened);
        QCOMPARE((*opened)->schemaVersion(), Migrator::latestVersion());
    }

    void walForeignKeysAndFullSyncAreOn()
    {
        QTemporaryDir dir;
        const auto opened = Database::open(dir.filePath(QStringLiteral("c.db")), Clinic);
        QVERIFY(opened);
        const QSqlDatabase db = (*opened)->connection();
        QCOMPARE(scalar(db, QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
        QCOMPARE(scalar(db, QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
        QCOMPARE(scalar(db, QStringLiteral("PRAGMA synchronous")).toInt(),
            2); // FULL: a commit survives power loss
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("c.db-wal"))));
    }

    void foreignKeyViolationIsRejected()
    {
        QTemporaryDir dir;
        const auto opened = Database::open(dir.filePath(QStringLiteral("c.db")), Clinic);
        QVERIFY(opened);
        const QSqlDatabase db = (*opened)->connection();
        QSqlQuery orphan(db);
        QVERIFY(!orphan.exec(QStringLiteral(
            "INSERT INTO pregnancy (id, clinic_id, created_at, updated_at, author, patient_id, "
            "gravida, para, fetuses, status) VALUES ('x', 'c', 't', 't', 'a', 'nobody', 1, 0, 1, "
            "'booked')")));
        QVERIFY(orphan.lastError().text().contains(QStringLiteral("FOREIGN KEY"), Qt::CaseInsensitive));
        // The same through the repositories: a visit of a pregnancy that was never stored.
        Pregnancy unknown;
        unknown.meta.id = QUuid::createUuid();
        unknown.meta.revision = 1;
        unknown.lmp = QDate(2026, 6, 1);
        AntenatalVisit visit;
        visit.visitDate = QDate(2026, 8, 1);
        ClinicRecords records(**opened);
        const auto saved = records.saveVisit(visit, unknown);
        QVERIFY(!saved);
        QCOMPARE(saved.error().code, QStringLiteral("storage.sql"));
        QVERIFY(visit.meta.id.isNull());
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM antenatal_visit")).toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestMigrator)
#include "tst_migrator.moc"
