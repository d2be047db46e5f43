#include "cliio.h"
#include "commands.h"

#include "storage/database.h"
#include "storage/syncjournal.h"
#include "sync/centerconnection.h"
#include "sync/syncengine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonObject>

namespace {
QString usage()
{
    return QCoreApplication::translate("Cli", "Usage: obslink-cli sync --db FILE --server URL [--ca FILE] [--pin SHA256] "
                                              "--user NAME --password-file FILE [--publish-all] [--page-size N]");
}

QJsonObject summaryJson(const SyncSummary &summary)
{
    return {{QStringLiteral("pushed"), summary.pushed},         {QStringLiteral("pulled"), summary.pulled},
            {QStringLiteral("conflicts"), summary.conflicts},   {QStringLiteral("refused"), summary.refused},
            {QStringLiteral("attachmentsSent"), summary.attachmentsSent},
            {QStringLiteral("bytesSent"), double(summary.bytesSent)}, {QStringLiteral("bytesReceived"), double(summary.bytesReceived)},
            {QStringLiteral("bytes"), double(summary.bytesSent + summary.bytesReceived)},
            {QStringLiteral("seconds"), summary.seconds}};
}
} // namespace

int runSyncCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption dbOption(QStringLiteral("db"), QCoreApplication::translate("Cli", "Clinic database file."), QStringLiteral("FILE"));
    const QCommandLineOption serverOption(QStringLiteral("server"), QCoreApplication::translate("Cli", "The regional center (https://host:port)."),
                                          QStringLiteral("URL"));
    const QCommandLineOption caOption(QStringLiteral("ca"), QCoreApplication::translate("Cli", "Regional CA certificate (PEM), trusted besides the system's."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption pinOption(QStringLiteral("pin"), QCoreApplication::translate("Cli", "SHA-256 of the center's public key (base64)."),
                                       QStringLiteral("SHA256"));
    const QCommandLineOption userOption(QStringLiteral("user"), QCoreApplication::translate("Cli", "Login name at the center."), QStringLiteral("NAME"));
    const QCommandLineOption passwordOption(QStringLiteral("password-file"),
                                            QCoreApplication::translate("Cli", "File whose first line is the password."), QStringLiteral("FILE"));
    const QCommandLineOption publishOption(QStringLiteral("publish-all"),
                                           QCoreApplication::translate("Cli", "First queue every record of this cache for the center "
                                                                              "(a cache filled by an import or before sync)."));
    const QCommandLineOption pageOption(QStringLiteral("page-size"),
                                        QCoreApplication::translate("Cli", "Records per request (smaller for a poor connection)."),
                                        QStringLiteral("N"), QStringLiteral("500"));
    parser.addOptions({dbOption, serverOption, caOption, pinOption, userOption, passwordOption, publishOption, pageOption});
    if (!parser.parse(QStringList{QStringLiteral("sync")} + arguments) || !parser.isSet(dbOption) || !parser.isSet(serverOption)
        || !parser.isSet(userOption) || !parser.isSet(passwordOption)) {
        printError(parser.errorText().isEmpty() ? usage() : parser.errorText() + QLatin1Char('\n') + usage());
        return 2;
    }
    QFile passwordFile(parser.value(passwordOption));
    if (!passwordFile.open(QIODevice::ReadOnly)) {
        printError(QCoreApplication::translate("Cli", "The password file %1 cannot be read.").arg(parser.value(passwordOption)));
        return 1;
    }
    const QString password = QString::fromUtf8(passwordFile.readLine()).trimmed();
    auto database = openExistingDatabase(parser.value(dbOption));
    if (!database) {
        printError(database.error().message);
        return 1;
    }
    SyncJournal journal((*database)->connection());
    if (parser.isSet(publishOption)) {
        if (auto queued = journal.publishAll(); !queued) {
            printError(queued.error().message);
            return 1;
        }
    }
    const auto deviceId = journal.deviceId();
    if (!deviceId) {
        printError(deviceId.error().message);
        return 1;
    }
    CenterConnection connection(CenterEndpoint{QUrl(parser.value(serverOption)), parser.value(caOption), parser.value(pinOption).toLatin1()});
    if (auto loggedIn = connection.login(parser.value(userOption), password, *deviceId); !loggedIn) {
        printError(loggedIn.error().message);
        return 1;
    }
    SyncEngine engine((*database)->connection(), connection);
    const int pageSize = std::clamp(parser.value(pageOption).toInt(), 1, 2000);
    engine.setBatchSizes(pageSize, pageSize);
    const auto summary = engine.syncOnce();
    if (!summary) {
        printError(summary.error().message);
        return 1;
    }
    printJson(QJsonDocument(summaryJson(*summary)));
    return 0;
}
