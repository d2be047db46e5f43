// The sync screens as a clinician meets them: the status-bar indicator in every state, the
// conflict dialog choosing field by field, Settings → Regional center refusing bad input, and
// the workbench reaching "synced" against a real center over HTTPS on 127.0.0.1.
#include "../sync/memorytokenstore.h"
#include "../sync/testcenter.h"
#include "credentials/passwordhasher.h"
#include "guitesting.h"
#include "referrals/referralrepository.h"
#include "storage/clinicrecords.h"
#include "storage/database.h"
#include "sync-ui/centersettingsdialog.h"
#include "sync-ui/conflictdialog.h"
#include "sync-ui/sessionlock.h"
#include "sync-ui/signindialog.h"
#include "sync-ui/syncstatusindicator.h"
#include "sync-ui/syncworkbench.h"
#include "sync/backgroundsync.h"
#include "sync/centerconnection.h"
#include "sync/syncengine.h"
#include "testtranslation.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenuBar>
#include <QProgressBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

namespace {
QString asText(const QJsonValue &value)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonObject { { QStringLiteral("v"), value } }).toJson(QJsonDocument::Compact));
}

QString cell(QTableWidget *table, int row, int column)
{
    return table->item(row, column) ? table->item(row, column)->text() : QString();
}
} // namespace

class TestSyncUi : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    std::unique_ptr<Database> cacheWithAConflict(
        const QString &name, const QString &field, const QJsonValue &mine, const QJsonValue &theirs)
    {
        static int n = 0;
        auto db = Database::open(m_dir.filePath(QStringLiteral("ui-%1.db").arg(++n)),
            { QStringLiteral("clinic-a"), QStringLiteral("nurse-li") });
        if (!db)
            return nullptr;
        Patient patient;
        patient.name = name;
        patient.birthDate = QDate(1990, 1, 2);
        Pregnancy pregnancy;
        pregnancy.lmp = QDate(2026, 8, 1);
        if (!ClinicRecords(**db).registerPregnancy(patient, pregnancy))
            return nullptr;
        QSqlQuery query((*db)->connection());
        query.prepare(QStringLiteral("INSERT INTO sync_conflict (id, table_name, record_id, field, "
                                     "local_value, center_value, detected_at) "
                                     "VALUES ('k1', ?, ?, ?, ?, ?, '2026-11-20T08:00:00.000Z')"));
        const bool onPregnancy = field == QLatin1String("lmp");
        query.addBindValue(onPregnancy ? QStringLiteral("pregnancy") : QStringLiteral("patient"));
        query.addBindValue(
            (onPregnancy ? pregnancy.meta.id : patient.meta.id).toString(QUuid::WithoutBraces));
        query.addBindValue(field);
        query.addBindValue(asText(mine));
        query.addBindValue(asText(theirs));
        return query.exec() ? std::move(*db) : nullptr;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(installTestTranslation(this));
        QStandardPaths::setTestModeEnabled(true);
    }

    void theIndicatorSaysEveryStateInWordsAndOffersWhatToDo()
    {
        SyncStatusIndicator indicator;
        QSet<QString> texts;
        SyncStatus status;
        for (auto state : { SyncStatus::State::NotConfigured, SyncStatus::State::SignInNeeded,
                 SyncStatus::State::Offline, SyncStatus::State::Syncing, SyncStatus::State::UpToDate }) {
            status.state = state;
            status.lastSynced = QDateTime::currentDateTimeUtc();
            status.nextAttempt = status.lastSynced.addSecs(60);
            status.message = QStringLiteral("reason");
            indicator.show(status);
            QVERIFY(!indicator.stateText().isEmpty());
            texts.insert(indicator.stateText());
            QCOMPARE(indicator.progressBar()->isVisibleTo(&indicator), state == SyncStatus::State::Syncing);
        }
        QCOMPARE(texts.size(), 5); // no two states read alike

        status.state = SyncStatus::State::SignInNeeded;
        indicator.show(status);
        QSignalSpy signIn(&indicator, &SyncStatusIndicator::signInRequested);
        indicator.syncNowButton()->click();
        QCOMPARE(signIn.size(), 1);

        status.state = SyncStatus::State::UpToDate;
        status.openConflicts = 2;
        status.pending = 3;
        indicator.show(status);
        QVERIFY(indicator.conflictsButton()->isVisibleTo(&indicator));
        QVERIFY(indicator.conflictsButton()->text().contains(QLatin1Char('2')));
        QVERIFY(indicator.stateText().contains(QLatin1Char('3')));
        QSignalSpy syncNow(&indicator, &SyncStatusIndicator::syncNowRequested);
        indicator.syncNowButton()->click();
        QCOMPARE(syncNow.size(), 1);
        status.openConflicts = 0;
        indicator.show(status);
        QVERIFY(!indicator.conflictsButton()->isVisibleTo(&indicator));

        // This computer's clock: within five minutes of the center's nothing shows; beyond, a
        // warning that says how far and what to do.
        status.clockOffsetSeconds = 290;
        indicator.show(status);
        QVERIFY(!indicator.clockWarning()->isVisibleTo(&indicator));
        status.clockOffsetSeconds = -7 * 60;
        indicator.show(status);
        QVERIFY(indicator.clockWarning()->isVisibleTo(&indicator));
        QVERIFY(indicator.clockWarning()->text().contains(QLatin1Char('7')));
        QVERIFY(indicator.clockWarning()->toolTip().contains(QStringLiteral("ahead")));
    }

    void theConflictDialogShowsBothValuesAndSavesTheChoice()
    {
        auto db = cacheWithAConflict(QStringLiteral("周莉"), QStringLiteral("phone"),
            QStringLiteral("13900000002"), QStringLiteral("13900000001"));
        QVERIFY(db);
        ConflictDialog dialog(db->connection(), QStringLiteral("nurse-li"));
        QCOMPARE(dialog.conflictCount(), 1);
        QCOMPARE(cell(dialog.table(), 0, 0), QStringLiteral("周莉"));
        QCOMPARE(cell(dialog.table(), 0, 3), QStringLiteral("13900000002"));
        QCOMPARE(cell(dialog.table(), 0, 4), QStringLiteral("13900000001"));
        dialog.show();
        saveScreenshot(&dialog, QStringLiteral("obslink-sync-conflicts"));

        QSignalSpy resolved(&dialog, &ConflictDialog::resolved);
        QVERIFY(dialog.choose(0, 1)); // the center's
        QCOMPARE(resolved.size(), 1);
        QCOMPARE(dialog.conflictCount(), 0);
        QSqlQuery phone(db->connection());
        QVERIFY(phone.exec(QStringLiteral("SELECT phone FROM patient")) && phone.next());
        QCOMPARE(phone.value(0).toString(), QStringLiteral("13900000001"));
    }

    void aTypedValueMustHaveTheShapeOfTheTwoItReplaces()
    {
        auto db = cacheWithAConflict(QStringLiteral("王芳"), QStringLiteral("lmp"),
            QStringLiteral("2026-08-01"), QStringLiteral("2026-07-28"));
        QVERIFY(db);
        ConflictDialog dialog(db->connection(), QStringLiteral("nurse-li"));
        QVERIFY(!dialog.choose(0, 2, QStringLiteral("last August")));
        QCOMPARE(dialog.conflictCount(), 1); // still open, nothing written
        QVERIFY(!dialog.findChildren<QLabel *>().isEmpty());
        QVERIFY(dialog.choose(0, 2, QStringLiteral("2026-07-30")));
        QSqlQuery lmp(db->connection());
        QVERIFY(lmp.exec(QStringLiteral("SELECT lmp FROM pregnancy")) && lmp.next());
        QCOMPARE(lmp.value(0).toString(), QStringLiteral("2026-07-30"));
    }

    void regionalCenterSettingsRefuseAnAddressWithoutTls()
    {
        CenterSettingsDialog dialog(CenterSettings {});
        dialog.urlField()->setText(QStringLiteral("http://127.0.0.1:8443"));
        dialog.findChildren<QLineEdit *>().at(3)->setText(QStringLiteral("dr-wang"));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(dialog.errorLabel()->text().contains(QStringLiteral("https://")));
        dialog.urlField()->setText(QStringLiteral("https://127.0.0.1:8443"));
        dialog.passwordField()->setText(QStringLiteral("secret"));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.settings().url, QStringLiteral("https://127.0.0.1:8443"));
        QCOMPARE(dialog.password(), QStringLiteral("secret"));
    }

    void anIdleWorkstationLocksAndOnlyHerPasswordUnlocksIt()
    {
        QMainWindow window;
        auto *record = new QLineEdit(&window);
        record->setObjectName(QStringLiteral("record"));
        record->setText(QStringLiteral("周莉 13900000002"));
        window.setCentralWidget(record);
        window.resize(900, 500);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        SessionLock lock(&window, QStringLiteral("nurse-li"),
            PasswordHasher::hash(QStringLiteral("obslink-demo"), 1000), std::chrono::milliseconds(300));
        QSignalSpy locked(&lock, &SessionLock::lockedChanged);
        QTRY_VERIFY_WITH_TIMEOUT(lock.isLocked(), 5000); // idle: locked by itself
        QCOMPARE(locked.size(), 1);
        auto *panel = window.findChild<QWidget *>(QStringLiteral("sessionLock"));
        QVERIFY(panel && panel->isVisible());
        QCOMPARE(panel->geometry(), window.rect()); // nothing of the record shows around it

        // Typing into the record underneath is swallowed.
        QTest::keyClicks(record, QStringLiteral("x"));
        QCOMPARE(record->text(), QStringLiteral("周莉 13900000002"));
        saveScreenshot(&window, QStringLiteral("obslink-session-lock"));

        QVERIFY(!lock.unlock(QStringLiteral("guess")));
        QVERIFY(lock.isLocked());
        QVERIFY(!lock.messageLabel()->text().isEmpty());
        QTest::keyClicks(lock.passwordField(), QStringLiteral("obslink-demo"));
        QTest::keyClick(lock.passwordField(), Qt::Key_Return);
        QVERIFY(!lock.isLocked());
        QCOMPARE(locked.size(), 2);
        QTest::keyClicks(record, QStringLiteral("x"));
        QCOMPARE(record->text(), QStringLiteral("周莉 13900000002x"));
    }

    void theSignInDialogSaysWhyAndLetsHerInOnlyWithTheRightPassword()
    {
        TestCenter center;
        QVERIFY2(center.prepare(), qPrintable(center.lastError()));
        QVERIFY2(center.start(), qPrintable(center.lastError()));
        CenterSettings settings;
        settings.url = center.url();
        settings.caFile = center.caFile();
        settings.username = QStringLiteral("nurse-li");
        auto keychain = std::make_shared<MemoryTokenStore>();
        {
            SignInDialog dialog(settings, QStringLiteral("device-ui"), keychain);
            dialog.show();
            QTest::keyClicks(dialog.passwordField(), QStringLiteral("guess"));
            QTest::keyClick(dialog.passwordField(), Qt::Key_Return);
            QTRY_VERIFY_WITH_TIMEOUT(!dialog.messageLabel()->text().isEmpty()
                    && dialog.messageLabel()->text() != SignInDialog::tr("Signing in…"),
                15000);
            QCOMPARE(dialog.result(), int(QDialog::Rejected));
            QVERIFY(dialog.isVisible());
            saveScreenshot(&dialog, QStringLiteral("obslink-sign-in-refused"));
            dialog.passwordField()->setText(QStringLiteral("obslink-demo"));
            QTest::keyClick(dialog.passwordField(), Qt::Key_Return);
            QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 15000);
            QCOMPARE(dialog.mode(), WorkstationSignIn::Mode::AtCenter);
            QVERIFY(!dialog.sessionVerifier().isEmpty());
        }
        // The center is down: the same password of her last sign-in here is accepted.
        QVERIFY(center.stop());
        SignInDialog offline(settings, QStringLiteral("device-ui"), keychain);
        offline.show();
        offline.passwordField()->setText(QStringLiteral("obslink-demo"));
        QTest::keyClick(offline.passwordField(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(offline.result(), int(QDialog::Accepted), 15000);
        QCOMPARE(offline.mode(), WorkstationSignIn::Mode::Offline);
    }

    void aFirstSignInReplacesTheAdministratorsPasswordWithHerOwn()
    {
        TestCenter center;
        QVERIFY2(center.prepare(), qPrintable(center.lastError()));
        QVERIFY2(center.start(), qPrintable(center.lastError()));
        QFile temporary(center.path(QStringLiteral("temporary")));
        QVERIFY(temporary.open(QIODevice::WriteOnly));
        temporary.write("Given-by-admin-7\n");
        temporary.close();
        QCOMPARE(center.admin({ QStringLiteral("--add-user"), QStringLiteral("nurse-new"), QStringLiteral("--clinic"),
                     QStringLiteral("clinic-a"), QStringLiteral("--role"), QStringLiteral("nurse"), QStringLiteral("--display-name"),
                     QStringLiteral("New nurse"), QStringLiteral("--password-file"), temporary.fileName(),
                     QStringLiteral("--hash-iterations"), QStringLiteral("1000") }),
            0);
        CenterSettings settings;
        settings.url = center.url();
        settings.caFile = center.caFile();
        settings.username = QStringLiteral("nurse-new");
        auto keychain = std::make_shared<MemoryTokenStore>();
        SignInDialog dialog(settings, QStringLiteral("device-new"), keychain);
        dialog.show();
        QVERIFY(!dialog.newPasswordField()->isVisible());
        dialog.passwordField()->setText(QStringLiteral("Given-by-admin-7"));
        QTest::keyClick(dialog.passwordField(), Qt::Key_Return);
        // The center asks for her own: the dialog shows the rules and two fields.
        QTRY_VERIFY_WITH_TIMEOUT(dialog.newPasswordField()->isVisible(), 15000);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        dialog.newPasswordField()->setText(QStringLiteral("Mine-at-last-1"));
        dialog.repeatPasswordField()->setText(QStringLiteral("Mine-at-last-2"));
        QTest::keyClick(dialog.repeatPasswordField(), Qt::Key_Return);
        QVERIFY2(dialog.messageLabel()->text().contains(QLatin1String("differ")), qPrintable(dialog.messageLabel()->text()));
        // A weak one is explained before anything is sent.
        dialog.newPasswordField()->setText(QStringLiteral("mine"));
        dialog.repeatPasswordField()->setText(QStringLiteral("mine"));
        QTest::keyClick(dialog.repeatPasswordField(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.messageLabel()->text().contains(QLatin1String("10 characters")), 15000);
        saveScreenshot(&dialog, QStringLiteral("obslink-sign-in-new-password"));
        dialog.newPasswordField()->setText(QStringLiteral("Mine-at-last-1"));
        dialog.repeatPasswordField()->setText(QStringLiteral("Mine-at-last-1"));
        QTest::keyClick(dialog.repeatPasswordField(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 15000);
        // The lock screen and offline sign-ins know her new password, and the center too.
        QVERIFY(PasswordHasher::verify(QStringLiteral("Mine-at-last-1"), dialog.sessionVerifier()));
        WorkstationSignIn again(settings, QStringLiteral("device-new"), keychain);
        QVERIFY(again.signIn(QStringLiteral("Mine-at-last-1")));
        QVERIFY(!again.signIn(QStringLiteral("Given-by-admin-7")));
    }

    void theWorkbenchSyncsWithARealCenterAndShowsIt()
    {
        TestCenter center;
        QVERIFY2(center.prepare(), qPrintable(center.lastError()));
        QVERIFY2(center.start(), qPrintable(center.lastError()));
        // A managed install: the center's settings and a password file in an INI file.
        const QString ini = m_dir.filePath(QStringLiteral("center.ini"));
        {
            QSettings settings(ini, QSettings::IniFormat);
            settings.beginGroup(QStringLiteral("center"));
            settings.setValue(QStringLiteral("url"), center.url());
            settings.setValue(QStringLiteral("caFile"), center.caFile());
            settings.setValue(QStringLiteral("username"), QStringLiteral("dr-wang"));
            settings.setValue(QStringLiteral("passwordFile"), center.passwordFile());
        }
        qputenv("OBSLINK_CENTER_CONFIG", ini.toLocal8Bit());
        auto db = cacheWithAConflict(
            QStringLiteral("李娜"), QStringLiteral("phone"), QStringLiteral("1"), QStringLiteral("2"));
        QVERIFY(db);

        QMainWindow window;
        QMenu *file = window.menuBar()->addMenu(QStringLiteral("File"));
        QMenu *settings = window.menuBar()->addMenu(QStringLiteral("Settings"));
        auto tokens = std::make_shared<MemoryTokenStore>();
        SyncWorkbench workbench(&window, file, settings, *db, tokens);
        QSignalSpy changed(&workbench, &SyncWorkbench::recordsChanged);
        window.setCentralWidget(new QWidget);
        window.resize(1100, 300);
        window.show();
        QTRY_COMPARE_WITH_TIMEOUT(workbench.sync()->status().state, SyncStatus::State::UpToDate, 30000);
        QCOMPARE(workbench.sync()->status().pending, 0);
        QCOMPARE(tokens->tokens.size(), 1);
        QVERIFY(workbench.indicator()->conflictsButton()->isVisibleTo(&window)); // the one planted above
        window.statusBar()->showMessage(QStringLiteral("2,000 women on record"));
        saveScreenshot(&window, QStringLiteral("obslink-sync-statusbar"));

        // Signed in, it listens for live notices: clinic B refers a woman here as an emergency,
        // and this workstation hears of it at once and syncs, without waiting for its timer.
        QTRY_VERIFY_WITH_TIMEOUT(workbench.sync()->hearsLiveNotices(), 10000);
        QTest::qWait(300); // its request is waiting at the center
        QSignalSpy notices(workbench.sync(), &BackgroundSync::liveNotice);
        QSignalSpy rounds(workbench.sync(), &BackgroundSync::statusChanged);
        auto clinicB = Database::open(m_dir.filePath(QStringLiteral("clinic-b.db")), { QStringLiteral("clinic-b"), QStringLiteral("dr-zhao") });
        QVERIFY(clinicB);
        Patient patient;
        patient.name = QStringLiteral("吴霞");
        patient.birthDate = QDate(1990, 6, 6);
        Pregnancy pregnancy;
        pregnancy.lmp = QDate::currentDate().addDays(-200);
        QVERIFY(ClinicRecords(**clinicB).registerPregnancy(patient, pregnancy));
        ReferralRepository referrals(**clinicB);
        Referral referral;
        referral.pregnancyId = pregnancy.meta.id;
        referral.targetClinic = QStringLiteral("clinic-a");
        referral.urgency = ReferralUrgency::Emergency;
        referral.reason = QStringLiteral("产前出血");
        QVERIFY(referrals.saveDraft(referral));
        QVERIFY(referrals.take(referral.meta.id, ReferralAction::Send));
        CenterConnection zhao(CenterEndpoint { QUrl(center.url()), center.caFile(), {}, 10000 });
        QVERIFY(zhao.login(QStringLiteral("dr-zhao"), QStringLiteral("obslink-demo"), QStringLiteral("zhao-device")));
        QVERIFY(SyncEngine((*clinicB)->connection(), zhao).syncOnce());
        QVERIFY(notices.count() > 0 || notices.wait(5000));
        QCOMPARE(notices.first().first().toString(), QStringLiteral("emergency"));
        QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("emergency")));
        QTRY_VERIFY_WITH_TIMEOUT(rounds.count() >= 2, 10000); // a round ran on the notice
        QVERIFY(settings->findChild<QAction *>(QStringLiteral("emergencySound")));
        qunsetenv("OBSLINK_CENTER_CONFIG");
    }
};

QTEST_MAIN(TestSyncUi)
#include "tst_syncui.moc"
