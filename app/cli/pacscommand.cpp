#include "cliio.h"
#include "commands.h"

#include "dicom/demostudywriter.h"
#include "dicomweb/dicomwebclient.h"
#include "dicomweb/inboxforwarder.h"
#include "dicomweb/receiveandforward.h"
#include "dicomweb/studyjson.h"
#include "storage/database.h"
#include "storage/patientsearch.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>

#include <csignal>

namespace {
QString usage()
{
    return QCoreApplication::translate(
        "Cli", "Usage: obslink-cli pacs query|retrieve|send|forward|receive|demo-studies [OPTIONS]\n"
               "  query    [--patient-id ID] [--accession N] [--from DATE] [--to DATE] [--modality US]\n"
               "  retrieve STUDY-UID --cache DIR [--cache-mb N]\n"
               "  send     FILE|FOLDER…\n"
               "  forward  --inbox DIR      (one round: the inbox's pending files to the PACS)\n"
               "  receive  --inbox DIR [--aet TITLE] [--port N]   (C-STORE receiver, forwards while it runs)\n"
               "  demo-studies --out DIR [--db FILE]   (synthetic ultrasound studies, never real patients;\n"
               "                            with --db, of the first women with a pregnancy in that demo database)\n"
               "The PACS: --server URL (DICOMweb root, https) [--ca FILE] [--user NAME --password-file FILE].\n"
               "See docs/dicom.md.");
}

struct PacsOptions
{
    QCommandLineOption server{QStringLiteral("server"), QCoreApplication::translate("Cli", "The PACS's DICOMweb root (https://…/dicom-web)."),
                              QStringLiteral("URL")};
    QCommandLineOption ca{QStringLiteral("ca"), QCoreApplication::translate("Cli", "Regional CA certificate (PEM), trusted besides the system's."),
                          QStringLiteral("FILE")};
    QCommandLineOption user{QStringLiteral("user"), QCoreApplication::translate("Cli", "User name at the PACS."), QStringLiteral("NAME")};
    QCommandLineOption passwordFile{QStringLiteral("password-file"),
                                    QCoreApplication::translate("Cli", "File whose first line is the password."), QStringLiteral("FILE")};
    QCommandLineOption patientId{QStringLiteral("patient-id"), QCoreApplication::translate("Cli", "Patient ID (the woman's national ID number)."),
                                 QStringLiteral("ID")};
    QCommandLineOption accession{QStringLiteral("accession"), QCoreApplication::translate("Cli", "Accession number."), QStringLiteral("N")};
    QCommandLineOption from{QStringLiteral("from"), QCoreApplication::translate("Cli", "First study date (YYYY-MM-DD)."), QStringLiteral("DATE")};
    QCommandLineOption to{QStringLiteral("to"), QCoreApplication::translate("Cli", "Last study date (YYYY-MM-DD)."), QStringLiteral("DATE")};
    QCommandLineOption modality{QStringLiteral("modality"), QCoreApplication::translate("Cli", "Modality in the study (empty: any)."),
                                QStringLiteral("CODE"), QStringLiteral("US")};
    QCommandLineOption cache{QStringLiteral("cache"), QCoreApplication::translate("Cli", "Folder of the local study cache."), QStringLiteral("DIR")};
    QCommandLineOption cacheMb{QStringLiteral("cache-mb"), QCoreApplication::translate("Cli", "Size bound of the study cache in MB."),
                               QStringLiteral("N"), QStringLiteral("2048")};
    QCommandLineOption inbox{QStringLiteral("inbox"), QCoreApplication::translate("Cli", "The receiver's inbox folder."), QStringLiteral("DIR")};
    QCommandLineOption aet{QStringLiteral("aet"), QCoreApplication::translate("Cli", "AE title the receiver answers to."), QStringLiteral("TITLE"),
                           QStringLiteral("OBSLINK")};
    QCommandLineOption port{QStringLiteral("port"), QCoreApplication::translate("Cli", "TCP port of the receiver."), QStringLiteral("N"),
                            QStringLiteral("11112")};
    QCommandLineOption out{QStringLiteral("out"), QCoreApplication::translate("Cli", "Output folder."), QStringLiteral("DIR")};
    QCommandLineOption db{QStringLiteral("db"), QCoreApplication::translate("Cli", "Demo clinic database whose women the studies belong to."),
                          QStringLiteral("FILE")};
};

std::optional<PacsEndpoint> endpointFrom(const QCommandLineParser &parser, const PacsOptions &o)
{
    if (!parser.isSet(o.server)) {
        printError(QCoreApplication::translate("Cli", "--server is needed."));
        return std::nullopt;
    }
    PacsEndpoint endpoint{QUrl(parser.value(o.server)), parser.value(o.ca), parser.value(o.user), {}};
    if (parser.isSet(o.passwordFile)) {
        QFile file(parser.value(o.passwordFile));
        if (!file.open(QIODevice::ReadOnly)) {
            printError(QCoreApplication::translate("Cli", "The password file %1 cannot be read.").arg(parser.value(o.passwordFile)));
            return std::nullopt;
        }
        endpoint.password = QString::fromUtf8(file.readLine()).trimmed();
    }
    return endpoint;
}

QJsonObject studyJson(const StudySummary &study)
{
    QJsonObject object{{QStringLiteral("studyInstanceUid"), study.studyInstanceUid},
                       {QStringLiteral("patientId"), study.patientId},
                       {QStringLiteral("patientName"), study.patientName},
                       {QStringLiteral("accessionNumber"), study.accessionNumber},
                       {QStringLiteral("pregnancyId"), study.pregnancyId},
                       {QStringLiteral("description"), study.description},
                       {QStringLiteral("studyDate"), study.studyDate.toString(Qt::ISODate)},
                       {QStringLiteral("modalities"), QJsonArray::fromStringList(study.modalities)}};
    if (study.instances)
        object.insert(QStringLiteral("instances"), *study.instances);
    return object;
}

int query(const QCommandLineParser &parser, const PacsOptions &o, const PacsEndpoint &endpoint)
{
    StudyQuery query;
    query.patientId = parser.value(o.patientId);
    query.accessionNumber = parser.value(o.accession);
    query.from = QDate::fromString(parser.value(o.from), Qt::ISODate);
    query.to = QDate::fromString(parser.value(o.to), Qt::ISODate);
    query.modality = parser.value(o.modality);
    if ((parser.isSet(o.from) && !query.from.isValid()) || (parser.isSet(o.to) && !query.to.isValid())) {
        printError(QCoreApplication::translate("Cli", "Dates are written YYYY-MM-DD."));
        return 2;
    }
    DicomWebClient client(endpoint);
    const auto studies = client.findStudies(query);
    if (!studies) {
        printError(studies.error().message);
        return 1;
    }
    QJsonArray array;
    for (const StudySummary &study : *studies)
        array << studyJson(study);
    printJson(QJsonDocument(array));
    return 0;
}

int retrieve(const QCommandLineParser &parser, const PacsOptions &o, const PacsEndpoint &endpoint)
{
    const QStringList uids = parser.positionalArguments().mid(1);
    if (uids.size() != 1 || !parser.isSet(o.cache)) {
        printError(usage());
        return 2;
    }
    StudyCache cache(parser.value(o.cache), std::max(1LL, parser.value(o.cacheMb).toLongLong()) * 1024 * 1024);
    DicomWebClient client(endpoint);
    const auto study = client.retrieveStudy(uids.first(), cache, [](const RetrieveProgress &p) {
        // Progress for a person watching; stdout stays the JSON result.
        static int lastInstances = -1;
        if (p.instances != lastInstances) {
            lastInstances = p.instances;
            printError(QCoreApplication::translate("Cli", "%n instance(s), %1 MB", nullptr, p.instances).arg(double(p.bytes) / 1048576.0, 0, 'f', 1));
        }
    });
    if (!study) {
        printError(study.error().message);
        return 1;
    }
    printJson(QJsonDocument(QJsonObject{{QStringLiteral("studyInstanceUid"), study->studyInstanceUid},
                                        {QStringLiteral("directory"), study->directory},
                                        {QStringLiteral("files"), QJsonArray::fromStringList(study->files)},
                                        {QStringLiteral("bytes"), double(study->bytes)},
                                        {QStringLiteral("cacheBytes"), double(cache.totalBytes())}}));
    return 0;
}

QStringList filesUnder(const QStringList &paths)
{
    QStringList files;
    for (const QString &path : paths) {
        if (QFileInfo(path).isDir()) {
            QDirIterator it(path, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext())
                files << it.next();
        } else {
            files << path;
        }
    }
    files.sort();
    return files;
}

int send(const QCommandLineParser &parser, const PacsEndpoint &endpoint)
{
    const QStringList files = filesUnder(parser.positionalArguments().mid(1));
    if (files.isEmpty()) {
        printError(usage());
        return 2;
    }
    DicomWebClient client(endpoint);
    const auto outcome = client.store(files);
    if (!outcome) {
        printError(outcome.error().message);
        return 1;
    }
    for (const QString &message : outcome->messages)
        printError(message);
    printJson(QJsonDocument(QJsonObject{{QStringLiteral("stored"), int(outcome->storedFiles.size())},
                                        {QStringLiteral("rejected"), int(outcome->rejectedFiles.size())}}));
    return outcome->rejectedFiles.isEmpty() ? 0 : 1;
}

int forward(const QCommandLineParser &parser, const PacsOptions &o, const PacsEndpoint &endpoint)
{
    if (!parser.isSet(o.inbox)) {
        printError(usage());
        return 2;
    }
    DicomWebClient client(endpoint);
    InboxForwarder forwarder(parser.value(o.inbox));
    const auto summary = forwarder.forwardPending(client);
    if (!summary) {
        printError(summary.error().message);
        return 1;
    }
    for (const QString &message : summary->messages)
        printError(message);
    printJson(QJsonDocument(QJsonObject{{QStringLiteral("forwarded"), summary->forwarded},
                                        {QStringLiteral("rejected"), summary->rejected},
                                        {QStringLiteral("pending"), summary->stillPending}}));
    return 0;
}

std::atomic<bool> stopRequested{false};

int receive(const QCommandLineParser &parser, const PacsOptions &o)
{
    if (!parser.isSet(o.inbox)) {
        printError(usage());
        return 2;
    }
    std::optional<PacsEndpoint> endpoint;
    if (parser.isSet(o.server) && !(endpoint = endpointFrom(parser, o)))
        return 2;
    DicomReceiverSettings settings{parser.value(o.aet), parser.value(o.port).toInt(), parser.value(o.inbox)};
    ReceiveAndForward service(settings, endpoint);
    int exitCode = 0;
    QObject::connect(&service, &ReceiveAndForward::receiverFailed, &service, [&](const QString &message) {
        printError(message);
        exitCode = 1;
        QCoreApplication::quit();
    });
    QObject::connect(&service, &ReceiveAndForward::forwardingPaused, &service, [](const QString &message, int pending) {
        printError(QCoreApplication::translate("Cli", "Forwarding paused, %n instance(s) waiting: %1", nullptr, pending).arg(message));
    });
    std::signal(SIGINT, [](int) { stopRequested = true; });
    std::signal(SIGTERM, [](int) { stopRequested = true; });
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &poll, [] {
        if (stopRequested)
            QCoreApplication::quit();
    });
    poll.start(200);
    service.start();
    printError(QCoreApplication::translate("Cli", "Receiving on port %1 as %2; Ctrl+C stops.").arg(settings.port).arg(settings.aeTitle));
    QCoreApplication::exec();
    service.stop();
    return exitCode;
}

// The demo set, given to the first women with a current pregnancy in a demo clinic database so
// that the worklist shows her and Reading → Open her chart finds her.
Result<QList<DemoStudy>> demoStudiesFor(const QString &databasePath)
{
    QList<DemoStudy> studies = DemoStudyWriter::demoSet(QDate::currentDate());
    if (databasePath.isEmpty())
        return studies;
    auto database = openExistingDatabase(databasePath);
    if (!database)
        return tl::unexpected(database.error());
    const auto women = PatientSearch(**database).find(QString(), PatientSort::RecentlyChanged, Qt::DescendingOrder, 200);
    if (!women)
        return tl::unexpected(women.error());
    auto study = studies.begin();
    for (const PatientListRow &woman : *women) {
        if (study == studies.end())
            break;
        if (woman.pregnancyId.isNull() || woman.nationalId.isEmpty())
            continue;
        study->patientId = woman.nationalId;
        study->patientName = woman.name;
        study->pregnancyId = woman.pregnancyId.toString(QUuid::WithoutBraces);
        ++study;
    }
    return studies;
}

int demoStudies(const QCommandLineParser &parser, const PacsOptions &o)
{
    if (!parser.isSet(o.out)) {
        printError(usage());
        return 2;
    }
    const auto studies = demoStudiesFor(parser.value(o.db));
    if (!studies) {
        printError(studies.error().message);
        return 1;
    }
    QJsonArray written;
    for (const DemoStudy &study : *studies) {
        const auto files = DemoStudyWriter::write(study, QDir(parser.value(o.out)).filePath(study.accessionNumber));
        if (!files) {
            printError(files.error().message);
            return 1;
        }
        written << QJsonObject{{QStringLiteral("accessionNumber"), study.accessionNumber}, {QStringLiteral("files"), int(files->size())}};
    }
    printJson(QJsonDocument(written));
    return 0;
}
} // namespace

int runPacsCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    PacsOptions o;
    parser.addOptions({o.server, o.ca, o.user, o.passwordFile, o.patientId, o.accession, o.from, o.to, o.modality, o.cache,
                       o.cacheMb, o.inbox, o.aet, o.port, o.out, o.db});
    if (!parser.parse(QStringList{QStringLiteral("pacs")} + arguments) || parser.positionalArguments().isEmpty()) {
        printError(parser.errorText().isEmpty() ? usage() : parser.errorText() + QLatin1Char('\n') + usage());
        return 2;
    }
    const QString action = parser.positionalArguments().first();
    if (action == QLatin1String("demo-studies"))
        return demoStudies(parser, o);
    if (action == QLatin1String("receive"))
        return receive(parser, o);
    if (action != QLatin1String("query") && action != QLatin1String("retrieve") && action != QLatin1String("send")
        && action != QLatin1String("forward")) {
        printError(usage());
        return 2;
    }
    const auto endpoint = endpointFrom(parser, o);
    if (!endpoint)
        return 2;
    if (action == QLatin1String("query"))
        return query(parser, o, *endpoint);
    if (action == QLatin1String("retrieve"))
        return retrieve(parser, o, *endpoint);
    if (action == QLatin1String("send"))
        return send(parser, *endpoint);
    return forward(parser, o, *endpoint);
}
