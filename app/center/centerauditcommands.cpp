#include "centerauditcommands.h"

#include "audit/accessreport.h"
#include "audit/auditwire.h"
#include "center/auditstore.h"
#include "center/centerdatabase.h"
#include "center/centerpatients.h"
#include "center/identitystore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <cstdio>

namespace {
QCommandLineOption searchOption()
{
    return { QStringLiteral("audit-search"),
        QCoreApplication::translate("CenterAuditCommands", "Print the audit entries that match --patient, --user, --audit-clinic, --from and --to (JSON).") };
}
QCommandLineOption verifyOption()
{
    return { QStringLiteral("audit-verify"), QCoreApplication::translate("CenterAuditCommands", "Check every audit chain; exit 1 if one is broken.") };
}
QCommandLineOption reportOption()
{
    return { QStringLiteral("audit-report"),
        QCoreApplication::translate("CenterAuditCommands", "Write the access report of the woman given by --patient (HTML, to --out or stdout).") };
}
QCommandLineOption patientOption()
{
    return { QStringLiteral("patient"), QCoreApplication::translate("CenterAuditCommands", "The woman's patient id."), QStringLiteral("id") };
}
QCommandLineOption userOption()
{
    return { QStringLiteral("user"), QCoreApplication::translate("CenterAuditCommands", "A user name."), QStringLiteral("name") };
}
QCommandLineOption auditClinicOption()
{
    return { QStringLiteral("audit-clinic"), QCoreApplication::translate("CenterAuditCommands", "A clinic id."), QStringLiteral("id") };
}
QCommandLineOption fromOption()
{
    return { QStringLiteral("from"), QCoreApplication::translate("CenterAuditCommands", "From this time (ISO 8601, UTC if no offset)."),
        QStringLiteral("time") };
}
QCommandLineOption toOption()
{
    return { QStringLiteral("to"), QCoreApplication::translate("CenterAuditCommands", "Up to this time (ISO 8601)."), QStringLiteral("time") };
}
QCommandLineOption limitOption()
{
    return { QStringLiteral("limit"), QCoreApplication::translate("CenterAuditCommands", "At most this many entries."), QStringLiteral("n"),
        QStringLiteral("1000") };
}
QCommandLineOption outOption()
{
    return { QStringLiteral("out"), QCoreApplication::translate("CenterAuditCommands", "Write to this file."), QStringLiteral("file") };
}

void print(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

Result<QDateTime> timeOption(const QCommandLineParser &parser, const QCommandLineOption &option)
{
    if (!parser.isSet(option))
        return QDateTime();
    QDateTime at = QDateTime::fromString(parser.value(option), Qt::ISODateWithMs);
    if (!at.isValid())
        at = QDateTime(QDate::fromString(parser.value(option), Qt::ISODate), QTime(0, 0), Qt::UTC);
    if (!at.isValid())
        return failure(QStringLiteral("admin.time"),
            CenterAuditCommands::tr("--%1 takes a time written 2026-12-07T09:30:00Z or a date 2026-12-07.").arg(option.names().first()));
    if (at.timeSpec() == Qt::LocalTime) // written without an offset (one with "Z" or "+08:00" keeps it)
        at.setTimeSpec(Qt::UTC);
    return at;
}

Result<AuditStore::Query> queryFrom(const QCommandLineParser &parser)
{
    AuditStore::Query query;
    query.patientKey = parser.value(patientOption());
    query.user = parser.value(userOption());
    query.clinicId = parser.value(auditClinicOption());
    bool limitOk = false;
    query.limit = parser.value(limitOption()).toInt(&limitOk);
    if (!limitOk || query.limit < 1)
        return failure(QStringLiteral("admin.limit"), CenterAuditCommands::tr("--limit takes a whole number, 1 or more."));
    const auto from = timeOption(parser, fromOption());
    const auto to = timeOption(parser, toOption());
    if (!from || !to)
        return tl::unexpected(!from ? from.error() : to.error());
    query.from = *from;
    query.to = *to;
    return query;
}

Result<int> verifyAll(const AuditStore &store)
{
    const auto chains = store.verifyAll();
    if (!chains)
        return tl::unexpected(chains.error());
    QJsonArray out;
    bool intact = true;
    for (const AuditStore::ChainState &chain : *chains) {
        QJsonObject state { { QStringLiteral("workstation"), chain.workstation }, { QStringLiteral("clinic"), chain.clinicId },
            { QStringLiteral("entries"), double(chain.entries) }, { QStringLiteral("intact"), !chain.broken } };
        if (chain.broken) {
            intact = false;
            state.insert(QStringLiteral("brokenAt"), double(chain.broken->seq));
            state.insert(QStringLiteral("reason"), chain.broken->reason);
        }
        out.append(state);
    }
    print(QJsonDocument(QJsonObject { { QStringLiteral("intact"), intact }, { QStringLiteral("chains"), out } }).toJson());
    return intact ? 0 : 1;
}

Result<int> report(const QCommandLineParser &parser, CenterDatabase &database, AuditStore::Query query)
{
    if (query.patientKey.isEmpty())
        return failure(QStringLiteral("admin.patient"), CenterAuditCommands::tr("--audit-report needs --patient."));
    query.limit = 100000;
    const auto entries = AuditStore(database.connection()).search(query);
    const auto woman = CenterPatients(database.connection()).find(query.patientKey);
    const auto clinics = IdentityStore(database).clinics();
    if (!entries || !woman || !clinics)
        return tl::unexpected(!entries ? entries.error() : !woman ? woman.error() : clinics.error());
    QHash<QString, QString> names;
    QString centerName;
    for (const RegionClinic &clinic : *clinics) {
        names.insert(clinic.id, clinic.name);
        if (clinic.isCenter)
            centerName = clinic.name;
    }
    AccessReport::Heading heading;
    heading.womanName = *woman ? (*woman)->name : QString();
    heading.womanReference = *woman && !(*woman)->recordNumber.isEmpty() ? (*woman)->recordNumber : query.patientKey;
    heading.from = query.from;
    heading.to = query.to;
    heading.issuedBy = centerName;
    heading.issuedAt = QDateTime::currentDateTimeUtc();
    const QByteArray page
        = AccessReport::html(heading, *entries, [&names](const QString &id) { return names.value(id, id); }).toUtf8();
    if (!parser.isSet(outOption())) {
        print(page);
        return 0;
    }
    QSaveFile file(parser.value(outOption()));
    if (!file.open(QIODevice::WriteOnly) || file.write(page) != page.size() || !file.commit())
        return failure(QStringLiteral("admin.write"),
            CenterAuditCommands::tr("Cannot write %1: %2").arg(parser.value(outOption()), file.errorString()));
    return 0;
}
} // namespace

void CenterAuditCommands::addOptions(QCommandLineParser &parser)
{
    parser.addOptions({ searchOption(), verifyOption(), reportOption(), patientOption(), userOption(), auditClinicOption(), fromOption(),
        toOption(), limitOption(), outOption() });
}

bool CenterAuditCommands::wanted(const QCommandLineParser &parser)
{
    return parser.isSet(searchOption()) || parser.isSet(verifyOption()) || parser.isSet(reportOption());
}

Result<int> CenterAuditCommands::run(const QCommandLineParser &parser, CenterDatabase &database)
{
    if (database.schemaVersion() != CenterDatabase::latestVersion())
        return failure(QStringLiteral("admin.schema"), tr("The database schema is not current; run obslink-center --init first."));
    const AuditStore store(database.connection());
    if (parser.isSet(verifyOption()))
        return verifyAll(store);
    const auto query = queryFrom(parser);
    if (!query)
        return tl::unexpected(query.error());
    if (parser.isSet(reportOption()))
        return report(parser, database, *query);
    const auto entries = store.search(*query);
    if (!entries)
        return tl::unexpected(entries.error());
    QJsonArray out;
    for (const AuditEntry &e : *entries)
        out.append(AuditWire::toListing(e));
    print(QJsonDocument(out).toJson());
    return 0;
}
