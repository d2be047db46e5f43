// The audit trail reaches the regional center (docs/audit.md): a chart opened, an export and a
// failed sign-in, each once, in order, even when an upload is repeated; an entry altered in the
// cache after the center has it is refused and said why, as is a gap; a clinic uploads its own
// trail only.
#include "audit/auditlog.h"
#include "audit/auditwire.h"
#include "center/auditstore.h"
#include "center/centerdatabase.h"
#include "storage/database.h"
#include "storage/syncjournal.h"
#include "sync/centerconnection.h"
#include "sync/syncengine.h"
#include "testcenter.h"

#include <QSqlQuery>
#include <QTest>

class TestAuditSync : public QObject
{
    Q_OBJECT

private:
    TestCenter m_center;

private slots:
    void initTestCase()
    {
        QVERIFY2(m_center.prepare(), qPrintable(m_center.lastError()));
        QVERIFY2(m_center.start(), qPrintable(m_center.lastError()));
    }

    void entriesReachTheCenterOnceAndAnAlteredOneIsRefused()
    {
        auto db = Database::open(m_center.path(QStringLiteral("clinic-a.db")), { QStringLiteral("clinic-a"), QStringLiteral("dr-wang") });
        QVERIFY(db);
        AuditLog log(**db);
        QVERIFY(log.record(AuditAction::ChartOpened, QStringLiteral("p-1")));
        QVERIFY(log.record(AuditAction::Exported, QStringLiteral("p-1"), { { QStringLiteral("what"), QStringLiteral("case-summary-pdf") } }));
        QVERIFY(log.recordAs(QStringLiteral("dr-wnag"), AuditAction::SignInFailed));
        CenterConnection connection(CenterEndpoint { QUrl(m_center.url()), m_center.caFile(), {}, 10000 });
        const auto device = SyncJournal((*db)->connection()).deviceId();
        QVERIFY(device && connection.login(QStringLiteral("dr-wang"), QStringLiteral("obslink-demo"), *device));
        SyncEngine engine((*db)->connection(), connection);
        auto round = engine.syncOnce();
        QVERIFY(round);
        QCOMPARE(round->auditSent, 3);
        QVERIFY(round->auditRefused.isEmpty());
        QCOMPARE(*AuditTrail((*db)->connection()).uploadedThrough(), 3);

        // Repeated (an answer lost on the way): taken as done, nothing doubled.
        const auto all = AuditTrail((*db)->connection()).entries();
        const auto again = connection.post(QStringLiteral("/api/v1/audit"), AuditWire::encode({ *device, *all }));
        QVERIFY2(again, qPrintable(again ? QString() : again.error().message));

        auto center = CenterDatabase::open(m_center.databaseLocation());
        QVERIFY(center);
        AuditStore store((*center)->connection());
        AuditStore::Query byWoman;
        byWoman.patientKey = QStringLiteral("p-1");
        const auto hers = store.search(byWoman);
        QCOMPARE(hers->size(), 2);
        QCOMPARE(hers->first().action, AuditAction::Exported);
        AuditStore::Query failed;
        failed.user = QStringLiteral("dr-wnag");
        QCOMPARE(store.search(failed)->size(), 1);
        const auto chains = store.verifyAll();
        QVERIFY(chains);
        QCOMPARE(chains->size(), 1);
        QCOMPARE(chains->first().entries, 3);
        QVERIFY(!chains->first().broken);

        // Entry 2 rewritten in the cache (triggers dropped) and sent again: refused, and said.
        QSqlQuery tamper((*db)->connection());
        QVERIFY(tamper.exec(QStringLiteral("DROP TRIGGER audit_entry_append_only_update")));
        AuditEntry forged = all->at(1);
        forged.patientId = QStringLiteral("p-2");
        forged.hash = AuditChain::hashOf(forged);
        const auto refused = connection.post(QStringLiteral("/api/v1/audit"), AuditWire::encode({ *device, { forged } }));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, QStringLiteral("audit.altered"));
        // A gap is refused too: entry 5 without 4.
        AuditEntry gap = all->at(2);
        gap.seq = 5;
        gap.prevHash = all->at(2).hash;
        gap.hash = AuditChain::hashOf(gap);
        const auto skipped = connection.post(QStringLiteral("/api/v1/audit"), AuditWire::encode({ *device, { gap } }));
        QVERIFY(!skipped);
        QCOMPARE(skipped.error().code, QStringLiteral("audit.chain-broken"));
        QCOMPARE(store.search({})->size(), 3);
    }

    void aClinicCannotUploadAnotherClinicsTrail()
    {
        auto db = Database::open(m_center.path(QStringLiteral("clinic-b.db")), { QStringLiteral("clinic-a"), QStringLiteral("dr-zhao") });
        QVERIFY(db);
        QVERIFY(AuditLog(**db).record(AuditAction::ChartOpened, QStringLiteral("p-9")));
        CenterConnection connection(CenterEndpoint { QUrl(m_center.url()), m_center.caFile(), {}, 10000 });
        const auto device = SyncJournal((*db)->connection()).deviceId();
        QVERIFY(device && connection.login(QStringLiteral("dr-zhao"), QStringLiteral("obslink-demo"), *device));
        const auto entries = AuditTrail((*db)->connection()).entries();
        const auto reply = connection.post(QStringLiteral("/api/v1/audit"), AuditWire::encode({ *device, *entries }));
        QVERIFY(!reply);
        QCOMPARE(reply.error().code, QStringLiteral("sync.forbidden"));
    }
};

QTEST_GUILESS_MAIN(TestAuditSync)
#include "tst_auditsync.moc"
