// Signing in to the workstation against a real center over HTTPS on 127.0.0.1: at the center,
// then offline against the kept hash when the center is down; a refusal by the center is final.
#include "memorytokenstore.h"
#include "storage/database.h"
#include "storage/syncjournal.h"
#include "sync/workstationsignin.h"
#include "testcenter.h"

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
};

QTEST_GUILESS_MAIN(TestWorkstationSignIn)
#include "tst_workstationsignin.moc"
