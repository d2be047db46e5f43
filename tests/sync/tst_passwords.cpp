// Passwords and sign-in at the real center over HTTPS (on SQLite, and again on PostgreSQL): the
// policy on the administrator's command line, the change at the first sign-in, the user's own
// change ending her other sessions, the administrator's reset and unlock, and wrong passwords
// from elsewhere never locking a workstation she signs in from.
#include "testcenter.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>

namespace {
QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}
} // namespace

class TestPasswords : public QObject
{
    Q_OBJECT

private:
    TestCenter m_center;

    QString writePasswordFile(const QString &password)
    {
        const QString path = m_center.path(QStringLiteral("admin-password"));
        QFile file(path);
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            file.write(password.toUtf8() + '\n');
        return path;
    }

    CenterReply login(const QString &user, const QString &password, const QString &device,
        const QString &newPassword = {})
    {
        QJsonObject body { { QStringLiteral("username"), user }, { QStringLiteral("password"), password },
            { QStringLiteral("deviceId"), device } };
        if (!newPassword.isNull())
            body.insert(QStringLiteral("newPassword"), newPassword);
        return m_center.request("POST", QStringLiteral("/api/v1/login"), json(body));
    }

    QString tokenOf(const CenterReply &reply) { return reply.body.value(QStringLiteral("accessToken")).toString(); }

    int addUser(const QString &name, const QString &password, QString *output, const QStringList &extra = {})
    {
        const QStringList arguments { QStringLiteral("--add-user"), name, QStringLiteral("--clinic"), QStringLiteral("clinic-a"),
            QStringLiteral("--role"), QStringLiteral("nurse"), QStringLiteral("--display-name"), name,
            QStringLiteral("--password-file"), writePasswordFile(password), QStringLiteral("--hash-iterations"),
            QStringLiteral("1000") };
        return m_center.admin(arguments + extra, output);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_center.prepare(), qPrintable(m_center.lastError()));
        QVERIFY2(m_center.start(), qPrintable(m_center.lastError()));
    }

    void anAdministratorCannotSetAWeakPassword()
    {
        QString output;
        QCOMPARE(addUser(QStringLiteral("nurse-weak"), QStringLiteral("password"), &output), 1);
        QVERIFY2(output.contains(QLatin1String("10 characters")), qPrintable(output));
        QCOMPARE(addUser(QStringLiteral("nurse-sun"), QStringLiteral("nurse-sun-2026A"), &output), 1);
        QVERIFY2(output.contains(QLatin1String("user name")), qPrintable(output));
        QCOMPARE(login(QStringLiteral("nurse-weak"), QStringLiteral("password"), QStringLiteral("pc-1")).status, 401);
    }

    void theFirstSignInChoosesHerOwnPassword()
    {
        QString output;
        QCOMPARE(addUser(QStringLiteral("nurse-ma"), QStringLiteral("Temporary-2026"), &output), 0);
        QVERIFY2(output.contains(QLatin1String("first sign-in")), qPrintable(output));
        const QString device = QStringLiteral("pc-ma");
        // The right temporary password alone does not sign her in…
        const CenterReply asked = login(QStringLiteral("nurse-ma"), QStringLiteral("Temporary-2026"), device);
        QCOMPARE(asked.status, 403);
        QCOMPARE(asked.errorCode(), QStringLiteral("auth.password-change-required"));
        QVERIFY(tokenOf(asked).isEmpty());
        // …nor with a new one the policy refuses, or the temporary one again.
        const CenterReply weak = login(QStringLiteral("nurse-ma"), QStringLiteral("Temporary-2026"), device, QStringLiteral("short"));
        QCOMPARE(weak.status, 400);
        QCOMPARE(weak.errorCode(), QStringLiteral("auth.weak-password"));
        QCOMPARE(login(QStringLiteral("nurse-ma"), QStringLiteral("Temporary-2026"), device, QStringLiteral("Temporary-2026"))
                     .errorCode(),
            QStringLiteral("auth.weak-password"));
        // A wrong temporary password is a wrong password, whatever new one comes with it.
        QCOMPARE(login(QStringLiteral("nurse-ma"), QStringLiteral("Temporary-2027"), device, QStringLiteral("Her-own-2026")).status, 401);
        const CenterReply changed = login(QStringLiteral("nurse-ma"), QStringLiteral("Temporary-2026"), device, QStringLiteral("Her-own-2026"));
        QCOMPARE(changed.status, 200);
        QVERIFY(!tokenOf(changed).isEmpty());
        QCOMPARE(login(QStringLiteral("nurse-ma"), QStringLiteral("Her-own-2026"), device).status, 200);
        QCOMPARE(login(QStringLiteral("nurse-ma"), QStringLiteral("Temporary-2026"), device).status, 401);
    }

    void herOwnChangeEndsHerOtherSessions()
    {
        QString output;
        QCOMPARE(addUser(QStringLiteral("nurse-he"), QStringLiteral("Kept-password-1"), &output, { QStringLiteral("--keep-password") }), 0);
        const QString here = tokenOf(login(QStringLiteral("nurse-he"), QStringLiteral("Kept-password-1"), QStringLiteral("pc-here")));
        const QString there = tokenOf(login(QStringLiteral("nurse-he"), QStringLiteral("Kept-password-1"), QStringLiteral("pc-there")));
        QVERIFY(!here.isEmpty() && !there.isEmpty());
        const auto change = [&](const QString &current, const QString &next) {
            return m_center.request("POST", QStringLiteral("/api/v1/password"),
                json({ { QStringLiteral("password"), current }, { QStringLiteral("newPassword"), next },
                    { QStringLiteral("deviceId"), QStringLiteral("pc-here") } }),
                here);
        };
        QCOMPARE(change(QStringLiteral("wrong-one"), QStringLiteral("Next-password-2")).status, 401);
        QCOMPARE(change(QStringLiteral("Kept-password-1"), QStringLiteral("Kept-password-1")).errorCode(), QStringLiteral("auth.weak-password"));
        QCOMPARE(change(QStringLiteral("Kept-password-1"), QStringLiteral("Next-password-2")).status, 200);
        QCOMPARE(m_center.request("GET", QStringLiteral("/api/v1/me"), {}, here).status, 200);
        QCOMPARE(m_center.request("GET", QStringLiteral("/api/v1/me"), {}, there).status, 401);
        // Back to an earlier one: refused while it is among her last five.
        QCOMPARE(change(QStringLiteral("Next-password-2"), QStringLiteral("Kept-password-1")).errorCode(), QStringLiteral("auth.weak-password"));
    }

    void anAdministratorsResetEndsHerSessionsAndAsksForANewPassword()
    {
        const QString token = tokenOf(login(QStringLiteral("nurse-ma"), QStringLiteral("Her-own-2026"), QStringLiteral("pc-ma")));
        QVERIFY(!token.isEmpty());
        QString output;
        QCOMPARE(m_center.admin({ QStringLiteral("--reset-password"), QStringLiteral("nurse-ma"), QStringLiteral("--password-file"),
                                    writePasswordFile(QStringLiteral("Reset-by-admin-1")) },
                     &output),
            0);
        QCOMPARE(m_center.request("GET", QStringLiteral("/api/v1/me"), {}, token).status, 401);
        QCOMPARE(login(QStringLiteral("nurse-ma"), QStringLiteral("Reset-by-admin-1"), QStringLiteral("pc-ma")).errorCode(),
            QStringLiteral("auth.password-change-required"));
        QCOMPARE(m_center.admin({ QStringLiteral("--reset-password"), QStringLiteral("nobody-here"), QStringLiteral("--password-file"),
                                    writePasswordFile(QStringLiteral("Reset-by-admin-1")) },
                     &output),
            1);
    }

    void guessingElsewhereNeverLocksHerWorkstation()
    {
        const QString user = QStringLiteral("dr-zhao");
        const QString demo = QStringLiteral("obslink-demo");
        QCOMPARE(login(user, demo, QStringLiteral("zhao-pc")).status, 200); // her workstation
        for (int attempt = 0; attempt < 12; ++attempt) {
            const CenterReply guess = login(user, QStringLiteral("guess-%1").arg(attempt), QStringLiteral("attacker-%1").arg(attempt));
            // Five wrong ones are free, the sixth closes the count for new devices.
            QCOMPARE(guess.status, attempt < 6 ? 401 : 403);
        }
        const CenterReply elsewhere = login(user, demo, QStringLiteral("attacker-new"));
        QCOMPARE(elsewhere.status, 403);
        QCOMPARE(elsewhere.errorCode(), QStringLiteral("auth.locked"));
        QCOMPARE(login(user, demo, QStringLiteral("zhao-pc")).status, 200);
        // The administrator lets a new computer of hers in at once.
        QString output;
        QCOMPARE(m_center.admin({ QStringLiteral("--unlock-user"), user }, &output), 0);
        QCOMPARE(login(user, demo, QStringLiteral("zhao-new-pc")).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestPasswords)
#include "tst_passwords.moc"
