// The workstation's background sync against a real obslink-center over HTTPS on 127.0.0.1:
// sign-in once and resume with the kept refresh token, retries with growing waits while the
// center is unreachable, and a conflict chosen on one device reaching the other.
#include "backgroundsyncwait.h"
#include "memorytokenstore.h"
#include "storage/clinicrecords.h"
#include "storage/database.h"
#include "storage/patientrepository.h"
#include "storage/syncconflicts.h"
#include "sync/backgroundsync.h"
#include "testcenter.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

class TestBackgroundSync : public QObject
{
    Q_OBJECT
private:
    TestCenter m_center;
    int m_caches = 0;

    QString newCache(const QString &clinic, const QString &author)
    {
        const QString path = m_center.path(QStringLiteral("bg-cache-%1.db").arg(++m_caches));
        Q_UNUSED(Database::open(path, { clinic, author }));
        return path;
    }

    CenterSettings settingsFor(const QString &user) const
    {
        CenterSettings settings;
        settings.url = m_center.url();
        settings.caFile = m_center.caFile();
        settings.username = user;
        return settings;
    }

    static Patient registerWoman(const QString &path, const QString &name)
    {
        auto db = Database::open(path, { QStringLiteral("clinic-a"), QStringLiteral("dr-wang") });
        Patient patient;
        patient.name = name;
        patient.birthDate = QDate(1991, 3, 3);
        Pregnancy pregnancy;
        pregnancy.lmp = QDate::currentDate().addDays(-120);
        if (!db || !ClinicRecords(**db).registerPregnancy(patient, pregnancy))
            qWarning("registration failed");
        return patient;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_center.prepare(), qPrintable(m_center.lastError()));
        QVERIFY2(m_center.start(), qPrintable(m_center.lastError()));
    }

    void signInOnceThenEveryRoundResumesWithTheKeptToken()
    {
        const QString cache = newCache(QStringLiteral("clinic-a"), QStringLiteral("dr-wang"));
        registerWoman(cache, QStringLiteral("后台同步"));
        auto tokens = std::make_shared<MemoryTokenStore>();
        {
            BackgroundSync sync(cache, { QStringLiteral("clinic-a"), QStringLiteral("dr-wang") }, tokens);
            QSignalSpy signedIn(&sync, &BackgroundSync::signInFinished);
            sync.configure(settingsFor(QStringLiteral("dr-wang")));
            QVERIFY(waitForState(sync, SyncStatus::State::SignInNeeded));
            QVERIFY(!sync.status().message.isEmpty());
            QCOMPARE(sync.status().pending, 2); // nothing left without asking

            sync.signIn(QStringLiteral("not-the-password"));
            QTRY_COMPARE_WITH_TIMEOUT(signedIn.size(), 1, 30000);
            QCOMPARE(signedIn.at(0).at(0).toBool(), false);
            QVERIFY(!signedIn.at(0).at(1).toString().isEmpty());
            QCOMPARE(sync.status().state, SyncStatus::State::SignInNeeded);
            QVERIFY(tokens->tokens.isEmpty());

            sync.signIn(QStringLiteral("obslink-demo"));
            QTRY_COMPARE_WITH_TIMEOUT(signedIn.size(), 2, 30000);
            QCOMPARE(signedIn.at(1).at(0).toBool(), true);
            QVERIFY(waitForState(sync, SyncStatus::State::UpToDate));
            QCOMPARE(sync.status().pending, 0);
            QVERIFY(sync.status().lastSynced.isValid());
            QVERIFY(sync.status().nextAttempt > QDateTime::currentDateTimeUtc());
            QCOMPARE(tokens->tokens.size(), 1);
        }
        // The workstation restarted: no password, the kept token signs in, and is replaced.
        const QString firstToken = tokens->tokens.begin().value();
        registerWoman(cache, QStringLiteral("重启以后"));
        BackgroundSync again(cache, { QStringLiteral("clinic-a"), QStringLiteral("dr-wang") }, tokens);
        QSignalSpy arrived(&again, &BackgroundSync::statusChanged);
        again.configure(settingsFor(QStringLiteral("dr-wang")));
        QVERIFY(waitForState(again, SyncStatus::State::Syncing, 5000)
            || again.status().state == SyncStatus::State::UpToDate);
        QVERIFY(waitForState(again, SyncStatus::State::UpToDate));
        QCOMPARE(again.status().pending, 0);
        QVERIFY(tokens->tokens.begin().value() != firstToken);
        QVERIFY(arrived.size() >= 2);
    }

    void anUnreachableCenterIsRetriedAfterGrowingWaits()
    {
        quint16 closedPort = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            closedPort = probe.serverPort();
        }
        const QString cache = newCache(QStringLiteral("clinic-a"), QStringLiteral("dr-wang"));
        auto tokens = std::make_shared<MemoryTokenStore>();
        BackgroundSync sync(cache, { QStringLiteral("clinic-a"), QStringLiteral("dr-wang") }, tokens);
        sync.setRetryPolicy(RetryPolicy(std::chrono::seconds(1), std::chrono::seconds(60), 0.0));
        QList<QDateTime> attempts;
        QList<qint64> waits;
        connect(&sync, &BackgroundSync::statusChanged, this, [&](const SyncStatus &status) {
            if (status.state == SyncStatus::State::Offline) {
                attempts << QDateTime::currentDateTimeUtc();
                // Rounded, not truncated: on a loaded machine the status arrives some ms late.
                waits << (QDateTime::currentDateTimeUtc().msecsTo(status.nextAttempt) + 500) / 1000;
            }
        });
        CenterSettings settings = settingsFor(QStringLiteral("dr-wang"));
        settings.url = QStringLiteral("https://127.0.0.1:%1").arg(closedPort);
        settings.passwordFile = m_center.passwordFile();
        sync.configure(settings);
        QTRY_VERIFY_WITH_TIMEOUT(attempts.size() >= 3, 20000);
        QVERIFY(!sync.status().message.isEmpty());
        // 1 s, then 2 s, then 4 s: each wait is longer than the one before.
        QVERIFY2(waits[1] > waits[0] && waits[2] > waits[1],
            qPrintable(QStringLiteral("%1 %2 %3").arg(waits[0]).arg(waits[1]).arg(waits[2])));
        QVERIFY(attempts[0].msecsTo(attempts[1]) >= 900);
        QVERIFY(attempts[1].msecsTo(attempts[2]) >= 1900);

        // The center is back (configured right): the next round syncs.
        sync.configure(settingsFor(QStringLiteral("dr-wang")));
        sync.signIn(QStringLiteral("obslink-demo"));
        QVERIFY(waitForState(sync, SyncStatus::State::UpToDate));
    }

    void aConflictChosenOnOneDeviceReachesTheOther()
    {
        const QString first = newCache(QStringLiteral("clinic-a"), QStringLiteral("dr-wang"));
        const QString second = newCache(QStringLiteral("clinic-a"), QStringLiteral("nurse-li"));
        Patient patient = registerWoman(first, QStringLiteral("冲突"));
        auto tokens = std::make_shared<MemoryTokenStore>();
        BackgroundSync one(first, { QStringLiteral("clinic-a"), QStringLiteral("dr-wang") }, tokens);
        BackgroundSync two(second, { QStringLiteral("clinic-a"), QStringLiteral("nurse-li") }, tokens);
        CenterSettings nurse = settingsFor(QStringLiteral("nurse-li"));
        one.configure(settingsFor(QStringLiteral("dr-wang")));
        one.signIn(QStringLiteral("obslink-demo"));
        QVERIFY(waitForState(one, SyncStatus::State::UpToDate));
        two.configure(nurse);
        two.signIn(QStringLiteral("obslink-demo"));
        QVERIFY(waitForState(two, SyncStatus::State::UpToDate));

        auto firstDb
            = std::move(*Database::open(first, { QStringLiteral("clinic-a"), QStringLiteral("dr-wang") }));
        auto secondDb
            = std::move(*Database::open(second, { QStringLiteral("clinic-a"), QStringLiteral("nurse-li") }));
        Patient onFirst = **PatientRepository(*firstDb).find(patient.meta.id);
        Patient onSecond = **PatientRepository(*secondDb).find(patient.meta.id);
        onFirst.phone = QStringLiteral("13900000001");
        onSecond.phone = QStringLiteral("13900000002");
        QVERIFY(PatientRepository(*firstDb).save(onFirst));
        QVERIFY(PatientRepository(*secondDb).save(onSecond));
        one.syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(
            one.status().state == SyncStatus::State::UpToDate && one.status().pending == 0, 30000);
        two.syncNow();
        QTRY_COMPARE_WITH_TIMEOUT(two.status().openConflicts, 1, 30000);
        QVERIFY(waitForState(two, SyncStatus::State::UpToDate));

        // The nurse keeps hers; the doctor's device receives it with its next round.
        SyncConflicts conflicts(secondDb->connection(), QStringLiteral("nurse-li"));
        const auto open = conflicts.open();
        QVERIFY(open && open->size() == 1);
        QCOMPARE(open->first().field, QStringLiteral("phone"));
        QCOMPARE(open->first().localValue.toString(), QStringLiteral("13900000002"));
        QCOMPARE(open->first().centerValue.toString(), QStringLiteral("13900000001"));
        QVERIFY(conflicts.resolve(open->first().id, open->first().localValue));
        two.syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(two.status().state == SyncStatus::State::UpToDate
                && two.status().pending == 0 && two.status().openConflicts == 0,
            30000);
        QSignalSpy arrived(&one, &BackgroundSync::recordsArrived);
        one.syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(arrived.size() == 1, 30000);
        QCOMPARE((*PatientRepository(*firstDb).find(patient.meta.id))->phone, QStringLiteral("13900000002"));
        QCOMPARE(one.status().openConflicts, 0);
    }
};

QTEST_GUILESS_MAIN(TestBackgroundSync)
#include "tst_backgroundsync.moc"
