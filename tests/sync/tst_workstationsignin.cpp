// Signing in to the workstation against a real center over HTTPS on 127.0.0.1: at the center,
// then offline against the kept hash when the center is down; a refusal by the center is final.
#include "center/auditstore.h"
#include "center/centerdatabase.h"
#include "memorytokenstore.h"
#include "sync/centerconnection.h"
#include "storage/database.h"
#include "storage/syncjournal.h"
#include "sync/workstationsignin.h"
#include "testcenter.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTest>

class TestWorkstationSignIn : public QObject
{
    Q_OBJECT
private:
    TestCenter m_center;

    CenterSettings settings(const QString &url) const
    {
        CenterSettings s;
        s.url = url;
        s.caFile = m_center.caFile();
        s.username = QStringLiteral("nurse-li");
        return s;
    }

    static QString closedUrl()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost);
        return QStringLiteral("https://127.0.0.1:%1").arg(probe.serverPort());
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_center.prepare(), qPrintable(m_center.lastError()));
        QVERIFY2(m_center.start(), qPrintable(m_center.lastError()));
    }

    void atTheCenterFirstThenOfflineWithTheSamePasswordOnly()
    {
        auto keychain = std::make_shared<MemoryTokenStore>();
        WorkstationSignIn online(settings(m_center.url()), QStringLiteral("device-1"), keychain);
        online.setHashIterations(1000);
        const auto first = online.signIn(QStringLiteral("obslink-demo"));
        QVERIFY2(first, first ? "" : qPrintable(first.error().message));
        QCOMPARE(*first, WorkstationSignIn::Mode::AtCenter);
        QVERIFY(!online.sessionVerifier().isEmpty());
        QCOMPARE(keychain->tokens.size(), 2); // refresh token and the offline hash
        for (const QString &kept : keychain->tokens)
            QVERIFY(!kept.contains(QStringLiteral("obslink-demo"))); // never the password itself

        // The center goes down: the same user, same address, signs in against the kept hash.
        const CenterSettings same = settings(m_center.url());
        QVERIFY(m_center.stop());
        WorkstationSignIn offline(same, QStringLiteral("device-1"), keychain);
        const auto second = offline.signIn(QStringLiteral("obslink-demo"));
        QVERIFY2(second, second ? "" : qPrintable(second.error().message));
        QCOMPARE(*second, WorkstationSignIn::Mode::Offline);
        QCOMPARE(offline.sessionVerifier(), online.sessionVerifier());
        const auto wrong = offline.signIn(QStringLiteral("guess"));
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().code, QStringLiteral("signin.wrong"));
        QVERIFY(wrong.error().message.contains(QStringLiteral("cannot be reached")));
        QVERIFY2(m_center.start(), qPrintable(m_center.lastError()));
    }

    void offlineWithoutAnEarlierSignInIsRefusedWithTheReason()
    {
        WorkstationSignIn offline(
            settings(closedUrl()), QStringLiteral("device-2"), std::make_shared<MemoryTokenStore>());
        const auto refused = offline.signIn(QStringLiteral("obslink-demo"));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, QStringLiteral("signin.no-local"));
    }

    void theCentersRefusalIsNeverOverruledByTheLocalHash()
    {
        auto keychain = std::make_shared<MemoryTokenStore>();
        const CenterSettings s = settings(m_center.url());
        WorkstationSignIn signIn(s, QStringLiteral("device-3"), keychain);
        signIn.setHashIterations(1000);
        QVERIFY(signIn.signIn(QStringLiteral("obslink-demo")));
        // The password was changed at the center; the old one still matches the kept hash.
        const auto refused = signIn.signIn(QStringLiteral("an-old-password"));
        QVERIFY(!refused);
        QVERIFY(refused.error().code.startsWith(QLatin1String("auth.")));
        QVERIFY(!signIn.signIn(QString()));
    }

    // Closing the workstation signs her out at the center too: the device's tokens end there and
    // its keychain copy goes; her session on another computer goes on. The center's own audit
    // chain has the sign-in, the refused one and the sign-out.
    void signingOutEndsTheDevicesSessionAtTheCenterOnly()
    {
        auto keychain = std::make_shared<MemoryTokenStore>();
        const CenterSettings s = settings(m_center.url());
        WorkstationSignIn signIn(s, QStringLiteral("device-4"), keychain);
        signIn.setHashIterations(1000);
        QVERIFY(!signIn.signIn(QStringLiteral("guess")));
        QVERIFY(signIn.signIn(QStringLiteral("obslink-demo")));
        const QString refreshToken = keychain->tokens.value(s.tokenKey());
        QVERIFY(!refreshToken.isEmpty());
        const CenterEndpoint endpoint { QUrl(m_center.url()), m_center.caFile(), {}, 10000 };
        CenterConnection sameDevice(endpoint);
        QVERIFY(sameDevice.login(s.username, QStringLiteral("obslink-demo"), QStringLiteral("device-4")));
        CenterConnection otherDevice(endpoint);
        QVERIFY(otherDevice.login(s.username, QStringLiteral("obslink-demo"), QStringLiteral("device-5")));
        // Every answer carries the center's time: on one machine the clocks agree.
        QVERIFY(otherDevice.clockOffsetSeconds());
        QVERIFY(qAbs(*otherDevice.clockOffsetSeconds()) <= 2);

        const auto ended = signIn.signOut();
        QVERIFY2(ended, ended ? "" : qPrintable(ended.error().message));
        QVERIFY(keychain->tokens.value(s.tokenKey()).isEmpty());
        CenterConnection stolen(endpoint);
        const auto resumed = stolen.resume(refreshToken, QStringLiteral("device-4"));
        QVERIFY(!resumed);
        QVERIFY(resumed.error().code.startsWith(QLatin1String("auth.")));
        const auto afterSignOut = sameDevice.get(QStringLiteral("/api/v1/me"));
        QVERIFY(!afterSignOut);
        QVERIFY(afterSignOut.error().code.startsWith(QLatin1String("auth.")));
        QVERIFY(otherDevice.get(QStringLiteral("/api/v1/me")));

        auto center = CenterDatabase::open(m_center.databaseLocation());
        QVERIFY(center);
        AuditStore::Query hers;
        hers.user = s.username;
        const auto entries = AuditStore((*center)->connection()).search(hers);
        QVERIFY(entries);
        QMultiMap<AuditAction, QString> devices;
        for (const AuditEntry &e : *entries) {
            QCOMPARE(e.workstation, AuditStore::centerChain());
            devices.insert(e.action, QJsonDocument::fromJson(e.detail.toUtf8()).object().value(QStringLiteral("device")).toString());
        }
        QVERIFY(devices.values(AuditAction::SignInFailed).contains(QStringLiteral("device-4")));
        QVERIFY(devices.values(AuditAction::SignedIn).contains(QStringLiteral("device-5")));
        QCOMPARE(devices.values(AuditAction::SignedOut), QStringList { QStringLiteral("device-4") });
        const auto chains = AuditStore((*center)->connection()).verifyAll();
        QVERIFY(chains);
        for (const AuditStore::ChainState &chain : *chains)
            QVERIFY(!chain.broken);
    }
};

QTEST_GUILESS_MAIN(TestWorkstationSignIn)
#include "tst_workstationsignin.moc"
