// obslink-center: the regional center service (HTTPS JSON API for sync) and its admin commands.
#include "center/attachmentstore.h"
#include "center/centerapi.h"
#include "center/centerdatabase.h"
#include "center/centerserver.h"
#include "center/notificationhub.h"
#include "center/identitystore.h"
#include "center/recordstore.h"
#include "centeradmin.h"
#include "centerauditcommands.h"
#include "i18n/translations.h"
#include "shutdownsignals.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <cstdio>

namespace {
int fail(const Error &error)
{
    std::fprintf(stderr, "%s\n", qPrintable(QCoreApplication::translate("Center", "obslink-center: %1").arg(error.message)));
    return 1;
}

// Tells the caller (scripts, tests) where the service listens: one JSON line on stdout.
void announce(quint16 port)
{
    const QByteArray line = QJsonDocument(QJsonObject{{QStringLiteral("event"), QStringLiteral("listening")},
                                                      {QStringLiteral("port"), port}})
                                .toJson(QJsonDocument::Compact);
    std::printf("%s\n", line.constData());
    std::fflush(stdout);
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("obslink-center"));
    installTranslations(QLocale::system());

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("Center", "ObsLink regional center: sync service over HTTPS."));
    parser.addHelpOption();
    const QCommandLineOption dbOption(QStringLiteral("db"),
                                      QCoreApplication::translate("Center", "SQLite file, or postgres://user:password@host:port/database."),
                                      QStringLiteral("location"), QStringLiteral("obslink-center.db"));
    const QCommandLineOption listenOption(QStringLiteral("listen"), QCoreApplication::translate("Center", "Address to listen on."),
                                          QStringLiteral("address"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption portOption(QStringLiteral("port"), QCoreApplication::translate("Center", "Port (0: any free port)."),
                                        QStringLiteral("port"), QStringLiteral("8443"));
    const QCommandLineOption certOption(QStringLiteral("cert"), QCoreApplication::translate("Center", "TLS certificate chain (PEM)."),
                                        QStringLiteral("file"));
    const QCommandLineOption keyOption(QStringLiteral("key"), QCoreApplication::translate("Center", "TLS private key (PEM)."),
                                       QStringLiteral("file"));
    const QCommandLineOption accessOption(QStringLiteral("access-token-seconds"),
                                          QCoreApplication::translate("Center", "Lifetime of access tokens."), QStringLiteral("seconds"),
                                          QStringLiteral("900"));
    const QCommandLineOption referralAccessOption(
        QStringLiteral("referral-access-days"),
        QCoreApplication::translate("Center", "Days a clinic a woman was referred to may still read her records after the referral is closed."),
        QStringLiteral("days"), QStringLiteral("30"));
    parser.addOptions({dbOption, listenOption, portOption, certOption, keyOption, accessOption, referralAccessOption});
    CenterAdmin::addOptions(parser);
    CenterAuditCommands::addOptions(parser);
    parser.process(app);

    auto database = CenterDatabase::open(parser.value(dbOption));
    if (!database)
        return fail(database.error());
    if (CenterAdmin::wantsAdmin(parser)) {
        const auto done = CenterAdmin::run(parser, **database);
        if (!done)
            return fail(done.error());
        std::printf("%s\n", qPrintable(*done));
        return 0;
    }
    if (CenterAuditCommands::wanted(parser)) {
        const auto exitCode = CenterAuditCommands::run(parser, **database);
        return exitCode ? *exitCode : fail(exitCode.error());
    }
    if ((*database)->schemaVersion() != CenterDatabase::latestVersion())
        return fail({QStringLiteral("center.schema"),
                     QCoreApplication::translate("Center", "The database schema is not current; run obslink-center --init first.")});
    if (!parser.isSet(certOption) || !parser.isSet(keyOption))
        return fail({QStringLiteral("center.tls"), QCoreApplication::translate("Center", "The center only serves HTTPS: give --cert and --key.")});

    TokenPolicy policy;
    policy.accessSeconds = std::max(1LL, parser.value(accessOption).toLongLong());
    IdentityStore identities(**database, policy);
    bool daysValid = false;
    const qint64 referralAccessDays = parser.value(referralAccessOption).toLongLong(&daysValid);
    if (!daysValid || referralAccessDays < 0)
        return fail({QStringLiteral("center.option"),
                     QCoreApplication::translate("Center", "--referral-access-days takes a whole number of days, 0 or more.")});
    RecordStore records(**database, ProtocolLimits{}, ReferralAccessPolicy{referralAccessDays * 24 * 3600});
    AttachmentStore attachments(**database);
    CenterApi api(**database, identities, records, attachments);
    CenterServer server(api);
    // Workstations hear at once of what must not wait for their next sync (a referral step).
    NotificationHub notifications(**database, identities);
    server.setNotificationHub(&notifications);
    records.setNoticeSink([&notifications](const QList<ClinicNotice> &notices) { notifications.announce(notices); });
    if (auto tls = server.configureTls(parser.value(certOption), parser.value(keyOption)); !tls)
        return fail(tls.error());
    const auto port = server.start(QHostAddress(parser.value(listenOption)), quint16(parser.value(portOption).toUInt()));
    if (!port)
        return fail(port.error());
    announce(*port);

    ShutdownSignals signals_;
    QObject::connect(&signals_, &ShutdownSignals::shutdownRequested, &app, [&] {
        // Stop taking connections, let replies already queued reach their sockets, then leave.
        server.stopListening();
        QTimer::singleShot(200, &app, &QCoreApplication::quit);
    });
    return app.exec();
}
