// The refresh token and the offline sign-in hash in the real system keychain (Secret Service
// over D-Bus). scripts/test.sh runs the tests under a private session bus with an unlocked
// keyring and sets OBSLINK_REQUIRE_KEYCHAIN, so there this test must pass, not skip.
#include "sync/tokenstore.h"

#include <QTest>
#include <QUuid>

class TestKeychainTokenStore : public QObject
{
    Q_OBJECT
private slots:
    void aTokenIsKeptReplacedAndForgotten()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")
            && qEnvironmentVariableIsEmpty("OBSLINK_REQUIRE_KEYCHAIN"))
            QSKIP("No session bus: run through scripts/test.sh (dbus-run-session with gnome-keyring).");
        KeychainTokenStore keychain(
            QStringLiteral("ObsLink test ") + QUuid::createUuid().toString(QUuid::WithoutBraces));
        const QString key = QStringLiteral("nurse-li@https://127.0.0.1:8443");
        const auto nothing = keychain.read(key);
        QVERIFY2(nothing, nothing ? "" : qPrintable(nothing.error().message));
        QVERIFY(nothing->isEmpty());
        QVERIFY(keychain.write(key, QStringLiteral("first-token")));
        QCOMPARE(*keychain.read(key), QStringLiteral("first-token"));
        QVERIFY(keychain.write(key, QStringLiteral("rotated-token")));
        QCOMPARE(*keychain.read(key), QStringLiteral("rotated-token"));
        QVERIFY(keychain.remove(key));
        QVERIFY(keychain.read(key)->isEmpty());
        QVERIFY(keychain.remove(key)); // forgetting twice is fine
    }
};

QTEST_GUILESS_MAIN(TestKeychainTokenStore)
#include "tst_keychaintokenstore.moc"
