// The workstation's audit trail: entries appended in one chain with who, which woman, which
// workstation and when; refused any change or removal by the cache itself; the check finds an
// entry altered behind the cache's back (its triggers dropped, as someone with the file could)
// and says which; upload bookkeeping hands the center each entry once, in order.
#include "audit/auditlog.h"

#include "cases/casemanagement.h"
#include "storage/patientrepository.h"
#include "storage/syncjournal.h"
#include "testclinic.h"

#include <QJsonArray>
#include <QJsonObject>

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>

class TestAuditLog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void entriesAreChainedWithWhoWhatWhichWomanAndWhere()
    {
        TestClinic clinic(QStringLiteral("dr-wang"), QStringLiteral("clinic-a"));
        QVERIFY(clinic.isOpen());
        AuditLog log(clinic.database());
        AuditTrail trail(clinic.database().connection());
        const QDateTime at(QDate(2026, 12, 7), QTime(9, 30), Qt::UTC);
        log.setClock([at] { return at; });
        const auto opened = log.record(AuditAction::ChartOpened, QStringLiteral("p-1"));
        QVERIFY(opened);
        QCOMPARE(opened->seq, 1);
        QVERIFY(opened->prevHash.isEmpty());
        QCOMPARE(opened->user, QStringLiteral("dr-wang"));
        QCOMPARE(opened->clinicId, QStringLiteral("clinic-a"));
        QVERIFY(!opened->workstation.isEmpty());
        const auto exported = log.record(AuditAction::Exported, QStringLiteral("p-1"),
            { { QStringLiteral("what"), QStringLiteral("case-summary-pdf") } });
        QVERIFY(exported);
        QCOMPARE(exported->seq, 2);
        QCOMPARE(exported->prevHash, opened->hash);
        QCOMPARE(exported->hash, AuditChain::hashOf(*exported));
        const auto failed = log.recordAs(QStringLiteral("dr-wnag"), AuditAction::SignInFailed);
        QVERIFY(failed);
        QCOMPARE(failed->user, QStringLiteral("dr-wnag"));

        const auto all = trail.entries();
        QCOMPARE(all->size(), 3);
        QCOMPARE(all->at(1).detail, QStringLiteral("{\"what\":\"case-summary-pdf\"}"));
        QCOMPARE(all->at(1).at, at);
        QCOMPARE(trail.forPatient(QStringLiteral("p-1"))->size(), 2);
        QCOMPARE(trail.forPatient(QStringLiteral("p-1"))->first().action, AuditAction::Exported);
        QVERIFY(trail.verify() && !*trail.verify());
    }

    void theCacheRefusesToChangeOrRemoveAnEntry()
    {
        TestClinic clinic(QStringLiteral("dr-wang"), QStringLiteral("clinic-a"));
        AuditLog log(clinic.database());
        QVERIFY(log.record(AuditAction::ChartOpened, QStringLiteral("p-1")));
        QSqlQuery change(clinic.database().connection());
        QVERIFY(!change.exec(QStringLiteral("UPDATE audit_entry SET user_name = 'someone-else'")));
        QVERIFY(change.lastError().text().contains(QStringLiteral("append-only")));
        QVERIFY(!change.exec(QStringLiteral("DELETE FROM audit_entry")));
        QCOMPARE(AuditTrail(clinic.database().connection()).entries()->size(), 1);
    }

    void anEntryAlteredOrRemovedBehindTheCachesBackBreaksTheChainThere()
    {
        TestClinic clinic(QStringLiteral("dr-wang"), QStringLiteral("clinic-a"));
        AuditLog log(clinic.database());
        AuditTrail trail(clinic.database().connection());
        for (int i = 0; i < 5; ++i)
            QVERIFY(log.record(AuditAction::ChartOpened, QStringLiteral("p-%1").arg(i)));
        QSqlQuery tamper(clinic.database().connection());
        QVERIFY(tamper.exec(QStringLiteral("DROP TRIGGER audit_entry_append_only_update")));
        QVERIFY(tamper.exec(QStringLiteral("DROP TRIGGER audit_entry_append_only_delete")));
        QVERIFY(tamper.exec(QStringLiteral("UPDATE audit_entry SET patient_id = 'p-other' WHERE seq = 3")));
        auto broken = trail.verify();
        QVERIFY(broken && *broken);
        QCOMPARE((*broken)->seq, 3);
        QVERIFY((*broken)->reason.contains(QStringLiteral("changed")));
        // Put back, then one removed: the next one says so.
        QVERIFY(tamper.exec(QStringLiteral("UPDATE audit_entry SET patient_id = 'p-2' WHERE seq = 3")));
        QVERIFY(!*trail.verify());
        QVERIFY(tamper.exec(QStringLiteral("DELETE FROM audit_entry WHERE seq = 4")));
        broken = trail.verify();
        QCOMPARE((*broken)->seq, 5);
        QVERIFY((*broken)->reason.contains(QStringLiteral("missing")));
        // An entry rewritten with a fresh hash still breaks the link to the next one.
        QVERIFY(tamper.exec(QStringLiteral("DELETE FROM audit_entry WHERE seq = 5")));
        auto entries = trail.entries();
        AuditEntry forged = entries->at(1);
        forged.user = QStringLiteral("nobody");
        forged.hash = AuditChain::hashOf(forged);
        QVERIFY(tamper.exec(QStringLiteral("UPDATE audit_entry SET user_name = 'nobody', hash = '%1' WHERE seq = 2").arg(forged.hash)));
        broken = trail.verify();
        QCOMPARE((*broken)->seq, 3);
        QVERIFY((*broken)->reason.contains(QStringLiteral("does not follow")));
    }

    void theCenterIsHandedEachEntryOnceInOrder()
    {
        TestClinic clinic(QStringLiteral("dr-wang"), QStringLiteral("clinic-a"));
        AuditLog log(clinic.database());
        AuditTrail trail(clinic.database().connection());
        for (int i = 0; i < 7; ++i)
            QVERIFY(log.record(AuditAction::ChartOpened, QStringLiteral("p-%1").arg(i)));
        QCOMPARE(*trail.uploadedThrough(), 0);
        auto pending = trail.pendingUpload(5);
        QCOMPARE(pending->size(), 5);
        QCOMPARE(pending->first().seq, 1);
        QVERIFY(trail.markUploaded(5));
        pending = trail.pendingUpload(5);
        QCOMPARE(pending->size(), 2);
        QCOMPARE(pending->first().seq, 6);
        QVERIFY(trail.markUploaded(3)); // a late answer never goes back
        QCOMPARE(*trail.uploadedThrough(), 5);
    }

    // Every local write of a clinical record is noted by the cache itself (schema 19) and
    // chained as `record-edited` under the woman the record belongs to, however deep: the case
    // file's follow-up contact is hers through the case file and the pregnancy.
    void everyEditIsChainedUnderTheWomanItBelongsTo()
    {
        TestClinic clinic(QStringLiteral("nurse-li"), QStringLiteral("clinic-a"));
        const auto a = clinic.book(QStringLiteral("王丽"), QDate(1992, 3, 4), QDate(2026, 6, 1));
        QVERIFY(a);
        CaseManagement cases(clinic.database(), CaseSettings::defaults());
        QVERIFY(cases.openCase(a->pregnancy.meta.id, QStringLiteral("orange"), false, QDate(2026, 9, 1)));
        const auto b = clinic.book(QStringLiteral("李娜"), QDate(1995, 7, 8), QDate(2026, 7, 1));
        QVERIFY(b);
        AuditLog log(clinic.database());
        QCOMPARE(*log.recordNotedEdits(), 2); // hers in one entry, then the other woman's
        const auto entries = AuditTrail(clinic.database().connection()).entries();
        QCOMPARE(entries->size(), 2);
        const AuditEntry &hers = entries->at(0);
        QCOMPARE(hers.action, AuditAction::RecordEdited);
        QCOMPARE(hers.user, QStringLiteral("nurse-li"));
        QCOMPARE(hers.patientId, a->patient.meta.id.toString(QUuid::WithoutBraces));
        QSet<QString> tables;
        for (const QJsonValue &record : QJsonDocument::fromJson(hers.detail.toUtf8()).object().value(QStringLiteral("records")).toArray())
            tables.insert(record.toObject().value(QStringLiteral("table")).toString());
        QCOMPARE(tables, (QSet<QString> { QStringLiteral("patient"), QStringLiteral("pregnancy"), QStringLiteral("case_file"),
                             QStringLiteral("follow_up_contact") }));
        QCOMPARE(entries->at(1).patientId, b->patient.meta.id.toString(QUuid::WithoutBraces));
        QCOMPARE(*log.recordNotedEdits(), 0); // each edit once

        // An edit is chained before the entry written after it.
        Patient edited = a->patient;
        edited.phone = QStringLiteral("13800000000");
        QVERIFY(PatientRepository(clinic.database()).save(edited));
        const auto opened = log.record(AuditAction::ChartOpened, hers.patientId);
        QVERIFY(opened);
        QCOMPARE(opened->seq, 4);
        const auto editEntry = AuditTrail(clinic.database().connection()).entries(2)->first();
        QCOMPARE(editEntry.action, AuditAction::RecordEdited);
        QVERIFY(editEntry.detail.contains(QStringLiteral("\"operation\":\"update\"")));
    }

    void changesPulledFromTheCenterOrRepublishedAreNoEdits()
    {
        TestClinic clinic(QStringLiteral("nurse-li"), QStringLiteral("clinic-a"));
        const auto a = clinic.book(QStringLiteral("王丽"), QDate(1992, 3, 4), QDate(2026, 6, 1));
        QVERIFY(a);
        AuditLog log(clinic.database());
        QCOMPARE(*log.recordNotedEdits(), 1);
        // As the sync engine applies a pulled change.
        QSqlQuery applying(clinic.database().connection());
        QVERIFY(applying.exec(QStringLiteral("UPDATE sync_control SET applying = 1")));
        Patient pulled = a->patient;
        pulled.address = QStringLiteral("from the center");
        QVERIFY(PatientRepository(clinic.database()).save(pulled));
        QVERIFY(applying.exec(QStringLiteral("UPDATE sync_control SET applying = 0")));
        QVERIFY(SyncJournal(clinic.database().connection()).publishAll());
        QCOMPARE(*log.recordNotedEdits(), 0);
        // And the outbox triggers work again after a re-publish.
        Patient local = pulled;
        local.address = QStringLiteral("local");
        QVERIFY(PatientRepository(clinic.database()).save(local));
        QCOMPARE(*log.recordNotedEdits(), 1);
    }
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
