#include "cliio.h"
#include "commands.h"

#include "audit/accessreport.h"
#include "audit/auditwire.h"
#include "audit/auditlog.h"
#include "storage/clinicdirectory.h"
#include "storage/database.h"
#include "storage/patientrepository.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>
#include <QUuid>

#include <cstdio>

namespace {
QString usage()
{
    return QCoreApplication::translate("Cli",
        "Usage: obslink-cli audit list --db FILE [--patient ID] [--after SEQ] [--limit N]\n"
        "       obslink-cli audit verify --db FILE\n"
        "       obslink-cli audit report --db FILE --patient ID [--out FILE.html]\n"
        "This workstation's audit trail (docs/audit.md): its entries as JSON, the check of its hash chain (exit 1 "
        "where it is broken), or a woman's access report as a page to print.");
}

int list(const AuditTrail &trail, const QString &patientId, qint64 after, int limit)
{
    const auto entries = patientId.isEmpty() ? trail.entries(after, limit) : trail.forPatient(patientId);
    if (!entries) {
        printError(entries.error().message);
        return 1;
    }
    QJsonArray out;
    for (const AuditEntry &e : *entries)
        out.append(AuditWire::toListing(e));
    printJson(QJsonDocument(out));
    return 0;
}

int verify(const AuditTrail &trail)
{
    const auto broken = trail.verify();
    const auto all = trail.uploadedThrough();
    if (!broken || !all) {
        printError(!broken ? broken.error().message : all.error().message);
        return 1;
    }
    QJsonObject out { { QStringLiteral("intact"), !broken->has_value() }, { QStringLiteral("uploadedThrough"), double(*all) } };
    if (*broken) {
        out.insert(QStringLiteral("brokenAt"), double((*broken)->seq));
        out.insert(QStringLiteral("reason"), (*broken)->reason);
    }
    printJson(QJsonDocument(out));
    return *broken ? 1 : 0;
}

int report(const Database &database, const QString &patientId, const QString &outPath)
{
    const auto entries = AuditTrail(database.connection()).forPatient(patientId);
    const auto patient = PatientRepository(database).find(QUuid::fromString(patientId));
    if (!entries || !patient) {
        printError(!entries ? entries.error().message : patient.error().message);
        return 1;
    }
    AccessReport::Heading heading;
    heading.womanName = *patient ? (*patient)->name : QString();
    heading.womanReference = *patient && !(*patient)->recordNumber.isEmpty() ? (*patient)->recordNumber : patientId;
    heading.issuedAt = QDateTime::currentDateTimeUtc();
    const ClinicNames names = ClinicDirectory(database.connection()).names();
    heading.issuedBy = entries->isEmpty() ? QString() : names.nameOf(entries->first().clinicId);
    const QByteArray page = AccessReport::html(heading, *entries, [&names](const QString &id) { return names.nameOf(id); }).toUtf8();
    if (outPath.isEmpty()) {
        std::fwrite(page.constData(), 1, size_t(page.size()), stdout);
        return 0;
    }
    QSaveFile file(outPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(page) != page.size() || !file.commit()) {
        printError(QCoreApplication::translate("Cli", "Cannot write %1: %2").arg(outPath, file.errorString()));
        return 1;
    }
    return 0;
}
} // namespace

int runAuditCommand(const QStringList &arguments)
{
    const QString action = arguments.value(0);
    QCommandLineParser parser;
    const QCommandLineOption dbOption(QStringLiteral("db"), {}, QStringLiteral("FILE"));
    const QCommandLineOption patientOption(QStringLiteral("patient"), {}, QStringLiteral("ID"));
    const QCommandLineOption afterOption(QStringLiteral("after"), {}, QStringLiteral("SEQ"), QStringLiteral("0"));
    const QCommandLineOption limitOption(QStringLiteral("limit"), {}, QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption outOption(QStringLiteral("out"), {}, QStringLiteral("FILE"));
    parser.addOptions({ dbOption, patientOption, afterOption, limitOption, outOption });
    const bool known = action == QLatin1String("list") || action == QLatin1String("verify") || action == QLatin1String("report");
    bool afterOk = false;
    bool limitOk = false;
    const bool parsed = known && parser.parse(QStringList { QStringLiteral("audit") } + arguments.mid(1));
    const qint64 after = parser.value(afterOption).toLongLong(&afterOk);
    const int limit = parser.value(limitOption).toInt(&limitOk);
    if (!parsed || !parser.isSet(dbOption) || !afterOk || !limitOk || limit < 1
        || (action == QLatin1String("report") && !parser.isSet(patientOption))) {
        printError(parser.errorText().isEmpty() ? usage() : parser.errorText());
        return 2;
    }
    auto database = openExistingDatabase(parser.value(dbOption));
    if (!database) {
        printError(database.error().message);
        return 1;
    }
    const AuditTrail trail((*database)->connection());
    if (action == QLatin1String("verify"))
        return verify(trail);
    if (action == QLatin1String("report"))
        return report(**database, parser.value(patientOption), parser.value(outOption));
    return list(trail, parser.value(patientOption), after, limit);
}
