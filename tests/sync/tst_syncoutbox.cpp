// Every local change to a clinical record reaches the sync outbox in the same transaction, with
// only the fields that changed and the revision it was based on; imported records do not.
#include "storage/clinicrecords.h"
#include "storage/database.h"
#include "storage/patientrepository.h"
#include "storage/patientsearch.h"
#include "storage/syncjournal.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

namespace {
struct OutboxRow
{
    QString table;
    QString operation;
    qint64 baseRevision;
    QJsonObject fields;
};

QList<OutboxRow> outbox(const Database &db)
{
    QSqlQuery query(db.connection());
    query.exec(QStringLiteral("SELECT table_name, operation, base_revision, fields FROM sync_outbox ORDER BY seq"));
    QList<OutboxRow> rows;
    while (query.next())
        rows.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toLongLong(),
                     QJsonDocument::fromJson(query.value(3).toString().toUtf8()).object()});
    return rows;
}
} // namespace

class TestSyncOutbox : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        auto db = Database::open(m_dir->filePath(QStringLiteral("c.db")), {QStringLiteral("clinic-a"), QStringLiteral("nurse1")});
        QVERIFY(db);
        m_db = std::move(*db);
    }
    void cleanup()
    {
        m_db.reset();
        m_dir.reset();
    }

    void registrationQueuesPatientAndPregnancyInserts()
    {
        ClinicRecords records(*m_db);
        Patient patient;
        patient.name = QStringLiteral("陈静");
        patient.birthDate = QDate(1991, 2, 3);
        Pregnancy pregnancy;
        pregnancy.lmp = QDate(2026, 6, 1);
        QVERIFY(records.registerPregnancy(patient, pregnancy));
        const auto rows = outbox(*m_db);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[0].table, QStringLiteral("patient"));
        QCOMPARE(rows[0].operation, QStringLiteral("insert"));
        QCOMPARE(rows[0].fields.value(QStringLiteral("name")).toString(), QStringLiteral("陈静"));
        QCOMPARE(rows[0].fields.value(QStringLiteral("clinic_id")).toString(), QStringLiteral("clinic-a"));
        QCOMPARE(rows[1].table, QStringLiteral("pregnancy"));
        // Derived list columns (EDD, next visit) are local and never travel.
        QVERIFY(!rows[1].fields.contains(QStringLiteral("edd")));
        QVERIFY(!rows[1].fields.contains(QStringLiteral("next_visit_due")));
    }

    void updateQueuesOnlyChangedFieldsWithBaseRevision()
    {
        ClinicRecords records(*m_db);
        Patient patient;
        patient.name = QStringLiteral("陈静");
        patient.birthDate = QDate(1991, 2, 3);
        patient.phone = QStringLiteral("13800000000");
        Pregnancy pregnancy;
        pregnancy.lmp = QDate(2026, 6, 1);
        QVERIFY(records.registerPregnancy(patient, pregnancy));
        PatientRepository patients(*m_db);
        patient.phone = QStringLiteral("13911112222");
        QVERIFY(patients.save(patient));
        const auto rows = outbox(*m_db);
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows[2].operation, QStringLiteral("update"));
        QCOMPARE(rows[2].baseRevision, 1);
        QCOMPARE(rows[2].fields.value(QStringLiteral("phone")).toString(), QStringLiteral("13911112222"));
        QVERIFY(!rows[2].fields.contains(QStringLiteral("name")));
        QVERIFY(rows[2].fields.contains(QStringLiteral("updated_at")));
    }

    void visitRefreshingTheScheduleQueuesOnlyTheVisit()
    {
        ClinicRecords records(*m_db);
        Patient patient;
        patient.name = QStringLiteral("陈静");
        patient.birthDate = QDate(1991, 2, 3);
        Pregnancy pregnancy;
        pregnancy.lmp = QDate::currentDate().addDays(-100);
        QVERIFY(records.registerPregnancy(patient, pregnancy));
        AntenatalVisit visit;
        visit.visitDate = QDate::currentDate();
        visit.systolicMmHg = 120;
        visit.diastolicMmHg = 80;
        QVERIFY(records.saveVisit(visit, pregnancy));
        const auto rows = outbox(*m_db);
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows[2].table, QStringLiteral("antenatal_visit"));
        QCOMPARE(rows[2].fields.value(QStringLiteral("systolic_mmhg")).toInt(), 120);
    }

    void failedWriteLeavesNoOutboxEntry()
    {
        ClinicRecords records(*m_db);
        AntenatalVisit visit;
        visit.visitDate = QDate::currentDate();
        Pregnancy missing; // never stored: the foreign key refuses the visit
        missing.meta.id = QUuid::createUuid();
        missing.lmp = QDate::currentDate().addDays(-100);
        QVERIFY(!records.saveVisit(visit, missing));
        QCOMPARE(outbox(*m_db).size(), 0);
    }

    void pulledWomanIsFoundByPinyinAndARenameByPullMovesHerKeys()
    {
        SyncJournal journal(m_db->connection());
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QJsonObject fields{{QStringLiteral("clinic_id"), QStringLiteral("clinic-b")},
                           {QStringLiteral("created_at"), QStringLiteral("2026-11-01T08:00:00.000Z")},
                           {QStringLiteral("updated_at"), QStringLiteral("2026-11-01T08:00:00.000Z")},
                           {QStringLiteral("author"), QStringLiteral("nurse-b")},
                           {QStringLiteral("deleted"), 0},
                           {QStringLiteral("record_number"), QStringLiteral("B0001")},
                           {QStringLiteral("name"), QStringLiteral("林晓梅")}};
        QVERIFY(journal.apply({IncomingRecord{QStringLiteral("patient"), id, 1, fields}}, QStringLiteral("c1")));
        const PatientSearch search(*m_db);
        auto found = search.find(QStringLiteral("lxm"), PatientSort::Name, Qt::AscendingOrder);
        QVERIFY(found);
        QCOMPARE(found->size(), 1);
        QCOMPARE(found->first().name, QStringLiteral("林晓梅"));
        fields[QStringLiteral("name")] = QStringLiteral("单晓梅");
        fields[QStringLiteral("updated_at")] = QStringLiteral("2026-11-02T08:00:00.000Z");
        QVERIFY(journal.apply({IncomingRecord{QStringLiteral("patient"), id, 2, fields}}, QStringLiteral("c2")));
        QVERIFY(search.find(QStringLiteral("lxm"), PatientSort::Name, Qt::AscendingOrder)->isEmpty());
        found = search.find(QStringLiteral("shan xiaomei"), PatientSort::Name, Qt::AscendingOrder);
        QVERIFY(found);
        QCOMPARE(found->size(), 1);
        QCOMPARE(found->first().name, QStringLiteral("单晓梅"));
        QVERIFY(outbox(*m_db).isEmpty()); // the keys are local: nothing echoed to the center
    }

    void importedChartsAreNotQueued()
    {
        ClinicRecords records(*m_db);
        PatientChart chart;
        chart.patient.name = QStringLiteral("赵敏");
        chart.patient.birthDate = QDate(1990, 1, 1);
        chart.pregnancy = Pregnancy{};
        chart.pregnancy->lmp = QDate(2026, 5, 1);
        QList<PatientChart> charts{chart};
        QVERIFY(records.importCharts(charts));
        QCOMPARE(outbox(*m_db).size(), 0);
        // Local edits after an import are queued again.
        PatientRepository patients(*m_db);
        charts[0].patient.address = QStringLiteral("南京市");
        QVERIFY(patients.save(charts[0].patient));
        QCOMPARE(outbox(*m_db).size(), 1);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
};

QTEST_GUILESS_MAIN(TestSyncOutbox)
#include "tst_syncoutbox.moc"
