// The center's FHIR Patient identifier index (migration 0003): kept up to date when a patient
// record is stored or changed, emptied by a tombstone, and rebuilt by the migration for the
// records a center held before it.
#include "center/attachmentstore.h"
#include "center/centerapi.h"
#include "center/centerdatabase.h"
#include "center/identitystore.h"
#include "center/recordstore.h"
#include "fhir/fhircodes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

class tst_FhirPatientIndex : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<CenterDatabase> m_database;
    CenterUser m_user { QStringLiteral("admin-a"), QStringLiteral("clinic-a"), QStringLiteral("clinic-admin"),
        QStringLiteral("A"), false };
    int m_mutations = 0;

    QStringList indexed(const QString &patientKey) const
    {
        QSqlQuery query(m_database->connection());
        query.prepare(QStringLiteral("SELECT identifier_value FROM fhir_patient_identifier WHERE patient_key "
                                     "= ? ORDER BY identifier_value"));
        query.addBindValue(patientKey);
        QStringList values;
        if (query.exec())
            while (query.next())
                values << query.value(0).toString();
        return values;
    }

    bool push(
        RecordStore &records, Mutation::Operation operation, const QJsonObject &fields, qint64 baseRevision)
    {
        const auto pushed = records.push(m_user,
            PushRequest { QStringLiteral("device-1"),
                { Mutation { QStringLiteral("m%1").arg(++m_mutations), QStringLiteral("patient"),
                    QStringLiteral("p-1"), operation, baseRevision, fields } } });
        return pushed && pushed->outcomes.first().status == MutationOutcome::Status::Applied;
    }

private slots:
    void initTestCase()
    {
        auto opened = CenterDatabase::open(m_dir.filePath(QStringLiteral("center.db")));
        QVERIFY(opened);
        m_database = std::move(*opened);
        QVERIFY(m_database->migrate());
        IdentityStore identities(*m_database);
        QVERIFY(identities.addClinic(QStringLiteral("clinic-a"), QStringLiteral("A"), false));
    }

    void storedPatientIsIndexedAndAChangeReplacesHerIdentifiers()
    {
        RecordStore records(*m_database);
        QVERIFY(push(records, Mutation::Operation::Insert,
            { { QStringLiteral("clinic_id"), QStringLiteral("clinic-a") },
                { QStringLiteral("created_at"), QStringLiteral("2026-01-01T00:00:00Z") },
                { QStringLiteral("updated_at"), QStringLiteral("2026-01-01T00:00:00Z") },
                { QStringLiteral("author"), QStringLiteral("a") },
                { QStringLiteral("name"), QStringLiteral("王芳") },
                { QStringLiteral("national_id"), QStringLiteral("110105199003070021") },
                { QStringLiteral("record_number"), QStringLiteral("MH0000001") },
                { QStringLiteral("phone"), QJsonValue::Null } },
            0));
        QCOMPARE(indexed(QStringLiteral("p-1")),
            (QStringList { QStringLiteral("110105199003070021"), QStringLiteral("MH0000001") }));
        QVERIFY(push(records, Mutation::Operation::Update,
            { { QStringLiteral("updated_at"), QStringLiteral("2026-01-02T00:00:00Z") },
                { QStringLiteral("national_id"), QStringLiteral("110105199003070048") } },
            1));
        QCOMPARE(indexed(QStringLiteral("p-1")),
            (QStringList { QStringLiteral("110105199003070048"), QStringLiteral("MH0000001") }));
    }

    void migrationRebuildsTheIndexForRecordsStoredBeforeIt()
    {
        // A center at schema 2: the records are there, the index is not (nor what came after).
        QSqlQuery downgrade(m_database->connection());
        for (const char *undo : { "DROP TABLE known_device", "DROP TABLE login_throttle", "DROP TABLE password_history",
                 "ALTER TABLE app_user DROP COLUMN password_changed_at", "ALTER TABLE app_user DROP COLUMN must_change_password",
                 "DROP TABLE audit_entry", "DROP TABLE referral_access", "ALTER TABLE shared_patient DROP COLUMN until_at",
                 "ALTER TABLE shared_patient DROP COLUMN by_referral", "DROP TABLE fhir_patient_identifier",
                 "DELETE FROM center_schema WHERE version >= 3" })
            QVERIFY2(downgrade.exec(QLatin1String(undo)), undo);
        QCOMPARE(m_database->schemaVersion(), 2);
        QVERIFY(m_database->migrate());
        QCOMPARE(m_database->schemaVersion(), CenterDatabase::latestVersion());
        QCOMPARE(indexed(QStringLiteral("p-1")),
            (QStringList { QStringLiteral("110105199003070048"), QStringLiteral("MH0000001") }));

        // And the search uses it: found by the new number with its system, not by the old one.
        IdentityStore identities(*m_database);
        QVERIFY(identities.addUser(QStringLiteral("admin-a"), QStringLiteral("clinic-a"),
            QStringLiteral("clinic-admin"), QStringLiteral("A"), QStringLiteral("index-test-password"),
            1000, IdentityStore::InitialPassword::WellKnown));
        const auto tokens = identities.login(
            QStringLiteral("admin-a"), QStringLiteral("index-test-password"), QStringLiteral("d"));
        QVERIFY(tokens);
        RecordStore records(*m_database);
        AttachmentStore attachments(*m_database);
        CenterApi api(*m_database, identities, records, attachments);
        const auto search = [&](const QString &identifier) {
            QUrlQuery query;
            query.addQueryItem(QStringLiteral("identifier"), identifier);
            const ApiResponse response = api.handle(ApiRequest { "GET", QStringLiteral("/fhir/Patient"),
                query, "Bearer " + tokens->accessToken.toLatin1(), {}, {}, {} });
            return QJsonDocument::fromJson(response.body)
                .object()
                .value(QStringLiteral("entry"))
                .toArray()
                .size();
        };
        QCOMPARE(search(FhirCodes::builtIn().system(QStringLiteral("nationalId"))
                     + QStringLiteral("|110105199003070048")),
            1);
        QCOMPARE(search(QStringLiteral("110105199003070021")), 0);
        QCOMPARE(search(QStringLiteral("https://elsewhere.example/sid|110105199003070048")), 0);
    }

    void deletedPatientLeavesNoIdentifier()
    {
        RecordStore records(*m_database);
        QVERIFY(push(records, Mutation::Operation::Update,
            { { QStringLiteral("updated_at"), QStringLiteral("2026-01-03T00:00:00Z") },
                { QStringLiteral("deleted"), 1 } },
            2));
        QVERIFY(indexed(QStringLiteral("p-1")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_FhirPatientIndex)
#include "tst_fhirpatientindex.moc"
