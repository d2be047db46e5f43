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

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QTest>

namespace {
struct ToolRun
{
    int exitCode = -1;
    QByteArray out;
};

ToolRun runTool(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(60000))
        return {};
    if (process.exitCode() != 0)
        qInfo("%s: %s", qPrintable(arguments.join(QLatin1Char(' '))), process.readAllStandardError().constData());
    return { process.exitCode(), process.readAllStandardOutput() };
}
} // namespace

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
        QCOMPARE(chains->size(), 2); // this workstation's, and the center's own (its sign-ins)
        const auto mine = std::find_if(chains->cbegin(), chains->cend(), [&](const AuditStore::ChainState &c) { return c.workstation == *device; });
        QVERIFY(mine != chains->cend());
        QCOMPARE(mine->entries, 3);
        QVERIFY(!mine->broken);

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
        const auto stored = store.search({});
        QCOMPARE(std::count_if(stored->cbegin(), stored->cend(), [&](const AuditEntry &e) { return e.workstation == *device; }), 3);
    }

    // The commands a clinic's IT and the center's admin use: the workstation's trail listed and
    // checked with obslink-cli; the region's searched, checked and a woman's access report
    // written with obslink-center. An entry altered afterwards, in either place, is named.
    void theTrailIsListedCheckedAndReportedFromTheCommandLine()
    {
        auto db = Database::open(m_center.path(QStringLiteral("clinic-cli.db")), { QStringLiteral("clinic-a"), QStringLiteral("dr-wang") });
        QVERIFY(db);
        const QString her = QStringLiteral("6f1c2a9e-0000-4000-8000-00000000c11a");
        AuditLog log(**db);
        QVERIFY(log.record(AuditAction::ChartOpened, her));
        QVERIFY(log.record(AuditAction::Printed, her, { { QStringLiteral("what"), QStringLiteral("visit-slip") } }));
        QVERIFY(log.record(AuditAction::ChartOpened, QStringLiteral("someone-else")));
        CenterConnection connection(CenterEndpoint { QUrl(m_center.url()), m_center.caFile(), {}, 10000 });
        const auto device = SyncJournal((*db)->connection()).deviceId();
        QVERIFY(device && connection.login(QStringLiteral("dr-wang"), QStringLiteral("obslink-demo"), *device));
        QVERIFY(SyncEngine((*db)->connection(), connection).syncOnce());

        const auto cli = [&](const QStringList &arguments) { return runTool(TestCenter::cliBinary(), arguments); };
        const QString dbPath = (*db)->path();
        const auto listed = cli({ QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--db"), dbPath, QStringLiteral("--patient"), her });
        QCOMPARE(listed.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(listed.out).array().size(), 2);
        const auto checked = cli({ QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--db"), dbPath });
        QCOMPARE(checked.exitCode, 0);
        QVERIFY(QJsonDocument::fromJson(checked.out).object().value(QStringLiteral("intact")).toBool());
        const auto page = cli({ QStringLiteral("audit"), QStringLiteral("report"), QStringLiteral("--db"), dbPath, QStringLiteral("--patient"), her });
        QCOMPARE(page.exitCode, 0);
        QVERIFY(page.out.contains("visit slip"));
        QVERIFY(page.out.contains("dr-wang"));
        QCOMPARE(cli({ QStringLiteral("audit"), QStringLiteral("list") }).exitCode, 2);

        const auto center = [&](const QStringList &arguments) {
            return runTool(TestCenter::centerBinary(), QStringList { QStringLiteral("--db"), m_center.databaseLocation() } + arguments);
        };
        const auto found = center({ QStringLiteral("--audit-search"), QStringLiteral("--patient"), her });
        QCOMPARE(found.exitCode, 0);
        const QJsonArray entries = QJsonDocument::fromJson(found.out).array();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(0).toObject().value(QStringLiteral("action")).toString(), QStringLiteral("printed")); // newest first
        QCOMPARE(center({ QStringLiteral("--audit-search"), QStringLiteral("--user"), QStringLiteral("nobody") }).out.trimmed(), QByteArray("[\n]"));
        QCOMPARE(center({ QStringLiteral("--audit-search"), QStringLiteral("--from"), QStringLiteral("yesterday") }).exitCode, 1);
        const QString reportPath = m_center.path(QStringLiteral("access-report.html"));
        QCOMPARE(center({ QStringLiteral("--audit-report"), QStringLiteral("--patient"), her, QStringLiteral("--out"), reportPath }).exitCode, 0);
        QFile report(reportPath);
        QVERIFY(report.open(QIODevice::ReadOnly));
        const QByteArray html = report.readAll();
        QVERIFY(html.contains("East district clinic")); // the clinic by its name
        QVERIFY(html.contains("visit slip"));
        QVERIFY(!html.contains("someone-else"));
        QCOMPARE(center({ QStringLiteral("--audit-verify") }).exitCode, 0);

        // Altered afterwards: at the center by someone with the database, in the cache by
        // someone with the file. Both checks say which entry.
        auto centerDb = CenterDatabase::open(m_center.databaseLocation());
        QVERIFY(centerDb);
        QSqlQuery atCenter((*centerDb)->connection());
        QVERIFY(atCenter.exec(QStringLiteral("UPDATE audit_entry SET user_name = 'dr-zhao' WHERE workstation = '%1' AND seq = 2").arg(*device)));
        const auto centerCheck = center({ QStringLiteral("--audit-verify") });
        QCOMPARE(centerCheck.exitCode, 1);
        bool named = false;
        for (const QJsonValue &chain : QJsonDocument::fromJson(centerCheck.out).object().value(QStringLiteral("chains")).toArray())
            named |= chain.toObject().value(QStringLiteral("workstation")).toString() == *device
                && chain.toObject().value(QStringLiteral("brokenAt")).toInt() == 2;
        QVERIFY(named);
        QSqlQuery inCache((*db)->connection());
        QVERIFY(inCache.exec(QStringLiteral("DROP TRIGGER audit_entry_append_only_update")));
        QVERIFY(inCache.exec(QStringLiteral("UPDATE audit_entry SET detail = '{}' WHERE seq = 2")));
        const auto cacheCheck = cli({ QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--db"), dbPath });
        QCOMPARE(cacheCheck.exitCode, 1);
        QCOMPARE(QJsonDocument::fromJson(cacheCheck.out).object().value(QStringLiteral("brokenAt")).toInt(), 2);
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
