// The password policy, each rule on both sides of its boundary.
#include "credentials/passwordhasher.h"
#include "credentials/passwordpolicy.h"

#include <QTest>

class TestPasswordPolicy : public QObject
{
    Q_OBJECT

private slots:
    void rules_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<QString>("reason"); // a word the refusal names
        QTest::newRow("nine characters, four classes") << "Ab1-Ab1-A" << false << "10";
        QTest::newRow("ten characters, four classes") << "Ab1-Ab1-Ab" << true << "";
        QTest::newRow("two classes: small letters and digits") << "abcdef123456" << false << "three";
        QTest::newRow("three classes: capitals, small, digits") << "Abcdef123456" << true << "";
        QTest::newRow("three classes: small, digits, signs") << "abcdef-12345" << true << "";
        QTest::newRow("Chinese characters count as other signs") << "产科abcd1234" << true << "";
        QTest::newRow("Chinese and digits only: two classes") << "产科产科12345678" << false << "three";
        QTest::newRow("contains the user name") << "Nurse-li-2026" << false << "user name";
        QTest::newRow("contains it in another case") << "NURSE-LI-2026x" << false << "user name";
        QTest::newRow("a part of the name is fine") << "Nurse-2026-xy" << true << "";
    }

    void rules()
    {
        QFETCH(QString, password);
        QFETCH(bool, accepted);
        QFETCH(QString, reason);
        const auto checked = PasswordPolicy::check(password, QStringLiteral("nurse-li"));
        QCOMPARE(bool(checked), accepted);
        if (!accepted) {
            QCOMPARE(checked.error().code, QStringLiteral("auth.weak-password"));
            QVERIFY2(checked.error().message.contains(reason), qPrintable(checked.error().message));
        }
    }

    void oneOfTheLastPasswordsIsRefused()
    {
        const QStringList previous { PasswordHasher::hash(QStringLiteral("Old-password-1"), 1000),
            PasswordHasher::hash(QStringLiteral("Old-password-2"), 1000) };
        const auto reused = PasswordPolicy::check(QStringLiteral("Old-password-2"), QStringLiteral("dr-wang"), previous);
        QVERIFY(!reused);
        QVERIFY(reused.error().message.contains(QLatin1String("last")));
        QVERIFY(PasswordPolicy::check(QStringLiteral("Old-password-3"), QStringLiteral("dr-wang"), previous));
    }

    void theDescriptionNamesTheRules()
    {
        const QString rules = PasswordPolicy::describe();
        QVERIFY(rules.contains(QString::number(PasswordPolicy::MinimumLength)));
        QVERIFY(rules.contains(QString::number(PasswordPolicy::HistoryKept)));
    }
};

QTEST_GUILESS_MAIN(TestPasswordPolicy)
#include "tst_passwordpolicy.moc"
