#include "credentials/passwordhasher.h"
#include "i18n/translations.h"
#include "risk/activerules.h"
#include "storage/database.h"
#include "storage/syncjournal.h"
#include "sync-ui/sessionlock.h"
#include "sync-ui/signindialog.h"
#include "sync/centersettings.h"
#include "sync/tokenstore.h"
#include "workstation-ui/mainwindow.h"
#include "workstation-ui/patientlistmodel.h"
#include "workstation-ui/sessionaudit.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>

#include <cstdio>
#include <optional>

namespace {
// Asks for the password of the center's user (checked at the center, or offline against the
// hash of her last sign-in there). Returns the slow hash of the password for the lock screen;
// an empty one when no center is configured; nothing when the user gave up.
std::optional<QString> signInToTheRegion(const CenterSettings &center, const Database &database, SessionAudit &audit)
{
    if (!center.isConfigured()) {
        audit.signedIn(QStringLiteral("unlinked"));
        return QString();
    }
    const auto deviceId = SyncJournal(database.connection()).deviceId();
    if (!deviceId) {
        QMessageBox::critical(nullptr, QApplication::translate("Workstation", "ObsLink cannot start"),
            deviceId.error().message);
        return std::nullopt;
    }
    // A managed install (and the demo) signs in with its password file, without asking.
    if (const auto managed = center.passwordFromFile(); managed && !managed->isEmpty()) {
        audit.signedIn(QStringLiteral("password-file"));
        return PasswordHasher::hash(*managed);
    }
    SignInDialog dialog(center, *deviceId, std::make_shared<KeychainTokenStore>());
    audit.watch(dialog);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.sessionVerifier();
}
} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer startup;
    startup.start();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("ObsLink"));
    QApplication::setOrganizationName(QStringLiteral("ObsLink"));
    QApplication::setApplicationVersion(QStringLiteral(OBSLINK_VERSION));

    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(
        QStringLiteral("db"), QStringLiteral("Clinic database file."), QStringLiteral("FILE"));
    const QCommandLineOption langOption(
        QStringLiteral("lang"), QStringLiteral("Language (zh_CN or en)."), QStringLiteral("LANG"));
    const QCommandLineOption clinicOption(QStringLiteral("clinic"), QStringLiteral("Clinic id."),
        QStringLiteral("ID"), QStringLiteral("demo-clinic"));
    const QCommandLineOption userOption(QStringLiteral("user"),
        QStringLiteral("User name recorded as author."), QStringLiteral("NAME"),
        qEnvironmentVariable("USER", QStringLiteral("nurse")));
    // For the start-up benchmark: print the time to a populated list and quit.
    const QCommandLineOption probeOption(QStringLiteral("exit-after-load"),
        QStringLiteral("Print start-up time once the list is shown, then quit."));
    parser.addOptions({ dbOption, langOption, clinicOption, userOption, probeOption });
    parser.process(app);

    QSettings settings;
    const QString language = parser.isSet(langOption)
        ? parser.value(langOption)
        : settings.value(QStringLiteral("ui/language")).toString();
    installTranslations(language.isEmpty() ? QLocale::system() : QLocale(language));

    QString path = parser.value(dbOption);
    if (path.isEmpty()) {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QDir().mkpath(dir);
        path = dir + QStringLiteral("/obslink.db");
    }
    // A region's own rule set (OBSLINK_RULE_SET, docs/rules-five-color-2017.md) is checked before
    // anything is graded with it: a faulty file stops the start with its fault named.
    if (const auto rules = ActiveRules::fromEnvironment(); !rules) {
        QMessageBox::critical(
            nullptr, QApplication::translate("Workstation", "ObsLink cannot start"), rules.error().message);
        return 1;
    }
    // Linked to a regional center, the user is the one who signs in there.
    const CenterSettings center = CenterSettings::load();
    const QString author = center.isConfigured() ? center.username : parser.value(userOption);
    auto database = Database::open(path, { parser.value(clinicOption), author });
    if (!database) {
        QMessageBox::critical(nullptr, QApplication::translate("Workstation", "ObsLink cannot start"),
            database.error().message);
        return 1;
    }
    SessionAudit sessionAudit(**database, author);
    const auto session = signInToTheRegion(center, **database, sessionAudit);
    if (!session)
        return 0;
    MainWindow window(**database, QDate::currentDate());
    if (!session->isEmpty())
        sessionAudit.watch(*new SessionLock(&window, center.username, *session, std::chrono::minutes(center.lockMinutes)));
    // Closing the workstation ends the session, here and at the center.
    QObject::connect(&app, &QCoreApplication::aboutToQuit, [&] {
        sessionAudit.signedOut(QStringLiteral("closed"));
        const auto deviceId = SyncJournal((*database)->connection()).deviceId();
        if (!center.isConfigured() || !deviceId)
            return;
        if (const auto ended = WorkstationSignIn(center, *deviceId, std::make_shared<KeychainTokenStore>()).signOut(); !ended)
            qWarning("%s", qPrintable(ended.error().message));
    });
    window.show();
    if (parser.isSet(probeOption)) {
        QTimer::singleShot(0, &app, [&] {
            std::printf("startup_ms %lld rows %d\n", static_cast<long long>(startup.elapsed()),
                window.patientList()->rowCount());
            std::fflush(stdout);
            app.quit();
        });
    }
    return app.exec();
}
