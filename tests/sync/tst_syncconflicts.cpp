// Choosing between the two values of a sync conflict: the choice becomes an ordinary change
// of the record (revision, author, outbox), the conflict closes, and names coming from the
// network are never used unchecked.
#include "sqlscalar.h"
#include "storage/clinicrecords.h"
#include "storage/database.h"
#include "storage/patientrepository.h"
#include "storage/syncconflicts.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {

bool keepConflict(const Database &db, const QString &id, const QString &table, const QString &recordId,
    const QString &field, const QString &local, const QString &center)
{
    QSqlQuery query(db.connection());
    query.prepare(QStringLiteral("INSERT INTO sync_conflict (id, table_name, record_id, field, local_value, "
                                 "center_value, detected_at) "
                                 "VALUES (?, ?, ?, ?, ?, ?, '2026-11-20T08:00:00.000Z')"));
    for (const QString &value : { id, table, recordId, field, local, center })
        query.addBindValue(value);
    return query.exec();
}

QString asText(const QString &value)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonObject { { QStringLiteral("v"), value } }).toJson(QJsonDocument::Compact));
}
} // namespace

class TestSyncConflicts : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    Patient m_patient;

private slots:
    void init()
    {
        static int n = 0;
        auto db = Database::open(m_dir.filePath(QStringLiteral("conflicts-%1.db").arg(++n)),
            { QStringLiteral("clinic-a"), QStringLiteral("nurse-li") });
        QVERIFY(db);
        m_db = std::move(*db);
        m_patient = Patient {};
        m_patient.name = QStringLiteral("周莉");
        m_patient.birthDate = QDate(1992, 4, 5);
        Pregnancy pregnancy;
        pregnancy.lmp = QDate(2026, 8, 1);
        QVERIFY(ClinicRecords(*m_db).registerPregnancy(m_patient, pregnancy));
        QVERIFY(keepConflict(*m_db, QStringLiteral("c1"), QStringLiteral("patient"),
            m_patient.meta.id.toString(QUuid::WithoutBraces), QStringLiteral("name"),
            asText(QStringLiteral("周莉")), asText(QStringLiteral("周丽华"))));
        // What the registration queued is not this test's concern.
        QVERIFY(QSqlQuery(m_db->connection()).exec(QStringLiteral("DELETE FROM sync_outbox")));
    }

    void anOpenConflictShowsBothValuesAndTheWoman()
    {
        const auto open = SyncConflicts(m_db->connection(), QStringLiteral("nurse-li")).open();
        QVERIFY(open);
        QCOMPARE(open->size(), 1);
        const SyncConflict &conflict = open->first();
        QCOMPARE(conflict.field, QStringLiteral("name"));
        QCOMPARE(conflict.localValue.toString(), QStringLiteral("周莉"));
        QCOMPARE(conflict.centerValue.toString(), QStringLiteral("周丽华"));
        QCOMPARE(conflict.currentValue, QStringLiteral("周莉"));
        QCOMPARE(conflict.womanName, QStringLiteral("周莉"));
        QCOMPARE(conflict.patientId, m_patient.meta.id.toString(QUuid::WithoutBraces));
        QVERIFY(conflict.detectedAt.isValid());
    }

    void choosingTheCentersValueWritesItAsAChangeAndClosesTheConflict()
    {
        const int revision = sqlScalar(m_db->connection(), QStringLiteral("SELECT revision FROM patient")).toInt();
        SyncConflicts conflicts(m_db->connection(), QStringLiteral("nurse-li"));
        QVERIFY(conflicts.resolve(QStringLiteral("c1"), QStringLiteral("周丽华")));
        QCOMPARE(
            sqlScalar(m_db->connection(), QStringLiteral("SELECT name FROM patient")).toString(), QStringLiteral("周丽华"));
        QCOMPARE(sqlScalar(m_db->connection(), QStringLiteral("SELECT revision FROM patient")).toInt(), revision + 1);
        QCOMPARE(sqlScalar(m_db->connection(), QStringLiteral("SELECT author FROM patient")).toString(),
            QStringLiteral("nurse-li"));
        QCOMPARE(sqlScalar(m_db->connection(),
                     QStringLiteral("SELECT count(*) FROM sync_outbox WHERE table_name = 'patient' AND "
                                    "fields LIKE '%周丽华%'"))
                     .toInt(),
            1);
        QVERIFY(!sqlScalar(m_db->connection(), QStringLiteral("SELECT resolved_at FROM sync_conflict WHERE id = 'c1'"))
                     .toString()
                     .isEmpty());
        const auto again = conflicts.resolve(QStringLiteral("c1"), QStringLiteral("周莉"));
        QVERIFY(!again);
        QCOMPARE(again.error().code, QStringLiteral("sync.conflict-gone"));
        QCOMPARE(SyncConflicts(m_db->connection(), QStringLiteral("nurse-li")).open()->size(), 0);
    }

    void keepingTheValueAlreadyThereStillSendsNothingNewButClosesTheConflict()
    {
        QVERIFY(SyncConflicts(m_db->connection(), QStringLiteral("nurse-li"))
                    .resolve(QStringLiteral("c1"), QStringLiteral("周莉")));
        QCOMPARE(sqlScalar(m_db->connection(), QStringLiteral("SELECT count(*) FROM sync_outbox")).toInt(), 0);
        QCOMPARE(SyncConflicts(m_db->connection(), QStringLiteral("nurse-li")).open()->size(), 0);
    }

    void namesFromTheNetworkAreCheckedBeforeUse()
    {
        const QString id = m_patient.meta.id.toString(QUuid::WithoutBraces);
        QVERIFY(keepConflict(*m_db, QStringLiteral("c2"), QStringLiteral("patient"), id,
            QStringLiteral("revision"), asText(QStringLiteral("1")), asText(QStringLiteral("9"))));
        QVERIFY(keepConflict(*m_db, QStringLiteral("c3"), QStringLiteral("sqlite_master"), id,
            QStringLiteral("sql"), asText(QStringLiteral("x")), asText(QStringLiteral("y"))));
        QVERIFY(keepConflict(*m_db, QStringLiteral("c4"), QStringLiteral("patient"), id,
            QStringLiteral("name = 'x'; --"), asText(QStringLiteral("x")), asText(QStringLiteral("y"))));
        SyncConflicts conflicts(m_db->connection(), QStringLiteral("nurse-li"));
        for (const QString &conflict : { QStringLiteral("c2"), QStringLiteral("c3"), QStringLiteral("c4") }) {
            const auto resolved = conflicts.resolve(conflict, QStringLiteral("x"));
            QVERIFY(!resolved);
            QCOMPARE(resolved.error().code, QStringLiteral("sync.conflict-field"));
        }
        QCOMPARE(
            sqlScalar(m_db->connection(), QStringLiteral("SELECT name FROM patient")).toString(), QStringLiteral("周莉"));
    }

    void aRecordSetAsideCannotBeChosenFieldByField()
    {
        QVERIFY(
            keepConflict(*m_db, QStringLiteral("c5"), QStringLiteral("antenatal_visit"), QStringLiteral("v1"),
                QStringLiteral(""), QString(), QStringLiteral("{\"pregnancy_id\":\"nowhere\"}")));
        const auto resolved = SyncConflicts(m_db->connection(), QStringLiteral("nurse-li"))
                                  .resolve(QStringLiteral("c5"), QStringLiteral("x"));
        QVERIFY(!resolved);
        QCOMPARE(resolved.error().code, QStringLiteral("sync.conflict-record"));
        const auto open = SyncConflicts(m_db->connection(), QStringLiteral("nurse-li")).open();
        QCOMPARE(open->size(), 2);
        QVERIFY(open->last().isWholeRecord());
    }
};

QTEST_GUILESS_MAIN(TestSyncConflicts)
#include "tst_syncconflicts.moc"
