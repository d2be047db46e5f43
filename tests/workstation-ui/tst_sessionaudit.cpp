// The workstation's sessions in the audit trail, through the real screens and a real center: a
// refused sign-in, the sign-in that follows, the lock screen refusing a guess, unlocking, and
// the sign-out; each entry reaches the center at the next sync, where a center admin finds
// the failed sign-in by the user's name.
#include "../sync/memorytokenstore.h"
#include "../sync/testcenter.h"
#include "audit/auditlog.h"
#include "center/auditstore.h"
#include "center/centerdatabase.h"
#include "credentials/passwordhasher.h"
#include "storage/database.h"
#include "storage/syncjournal.h"
#include "sync-ui/sessionlock.h"
#include "sync-ui/signindialog.h"
#include "sync/centerconnection.h"
#include "sync/syncengine.h"
#include "workstation-ui/sessionaudit.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QStandardPaths>
#include <QTest>

namespace {
QString detailValue(const AuditEntry &entry, const char *key)
{
    return QJsonDocument::fromJson(entry.detail.toUtf8()).object().value(QLatin1String(key)).toString();
}
} // namespace

class TestSessionAudit : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void signInsLocksAndSignOutsAreAuditedAndReachTheCenter()
    {
        TestCenter center;
        QVERIFY2(center.prepare(), qPrintable(center.lastError()));
        QVERIFY2(center.start(), qPrintable(center.lastError()));
        auto db = Database::open(center.path(QStringLiteral("clinic-a.db")), { QStringLiteral("clinic-a"), QStringLiteral("nurse-li") });
        QVERIFY(db);
        const auto device = SyncJournal((*db)->connection()).deviceId();
        QVERIFY(device);
        CenterSettings settings;
        settings.url = center.url();
        settings.caFile = center.caFile();
        settings.username = QStringLiteral("nurse-li");
        SessionAudit audit(**db, settings.username);
        {
            SignInDialog dialog(settings, *device, std::make_shared<MemoryTokenStore>());
            audit.watch(dialog);
            dialog.show();
            QTest::keyClicks(dialog.passwordField(), QStringLiteral("guess"));
            QTest::keyClick(dialog.passwordField(), Qt::Key_Return);
            QTRY_VERIFY_WITH_TIMEOUT(!dialog.messageLabel()->text().isEmpty()
                    && dialog.messageLabel()->text() != SignInDialog::tr("Signing in…"),
                15000);
            dialog.passwordField()->setText(QStringLiteral("obslink-demo"));
            QTest::keyClick(dialog.passwordField(), Qt::Key_Return);
            QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 15000);
        }
        QMainWindow window;
        window.resize(600, 400);
        window.show();
        SessionLock lock(&window, settings.username, PasswordHasher::hash(QStringLiteral("obslink-demo"), 1000), std::chrono::minutes(10));
        audit.watch(lock);
        lock.lock();
        QVERIFY(!lock.unlock(QStringLiteral("guess")));
        QVERIFY(lock.unlock(QStringLiteral("obslink-demo")));
        audit.signedOut(QStringLiteral("closed"));

        const auto trail = AuditTrail((*db)->connection()).entries();
        QVERIFY(trail);
        QCOMPARE(trail->size(), 6);
        const QList<AuditAction> actions { AuditAction::SignInFailed, AuditAction::SignedIn, AuditAction::SignedOut,
            AuditAction::SignInFailed, AuditAction::SignedIn, AuditAction::SignedOut };
        for (int i = 0; i < actions.size(); ++i) {
            QCOMPARE(trail->at(i).action, actions.at(i));
            QCOMPARE(trail->at(i).user, QStringLiteral("nurse-li"));
        }
        QCOMPARE(detailValue(trail->at(0), "where"), QStringLiteral("sign-in"));
        QVERIFY(detailValue(trail->at(0), "code").startsWith(QLatin1String("auth.")));
        QCOMPARE(detailValue(trail->at(1), "mode"), QStringLiteral("center"));
        QCOMPARE(detailValue(trail->at(2), "how"), QStringLiteral("locked-after-inactivity"));
        QCOMPARE(detailValue(trail->at(3), "where"), QStringLiteral("lock-screen"));
        QCOMPARE(detailValue(trail->at(4), "mode"), QStringLiteral("unlocked"));
        QCOMPARE(detailValue(trail->at(5), "how"), QStringLiteral("closed"));

        // The next sync takes them to the center.
        CenterConnection connection(CenterEndpoint { QUrl(center.url()), center.caFile(), {}, 10000 });
        QVERIFY(connection.login(settings.username, QStringLiteral("obslink-demo"), *device));
        const auto round = SyncEngine((*db)->connection(), connection).syncOnce();
        QVERIFY2(round, qPrintable(round ? QString() : round.error().message));
        auto centerDb = CenterDatabase::open(center.databaseLocation());
        QVERIFY(centerDb);
        AuditStore::Query failedSignIns;
        failedSignIns.user = QStringLiteral("nurse-li");
        const auto found = AuditStore((*centerDb)->connection()).search(failedSignIns);
        QVERIFY(found);
        // Both of the workstation's, and the center's own note of the password it refused.
        int failedHere = 0;
        int failedAtCenter = 0;
        for (const AuditEntry &e : *found) {
            if (e.action != AuditAction::SignInFailed)
                continue;
            (e.workstation == *device ? failedHere : failedAtCenter) += 1;
            QVERIFY(e.workstation == *device || e.workstation == AuditStore::centerChain());
        }
        QCOMPARE(failedHere, 2);
        QCOMPARE(failedAtCenter, 1);
    }
};

QTEST_MAIN(TestSessionAudit)
#include "tst_sessionaudit.moc"
