#include "cliio.h"
#include "commands.h"

#include "referrals/referralindicators.h"
#include "referrals/referralrepository.h"
#include "referrals/responsetargets.h"
#include "storage/database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace {
QString usage(ReferralPurpose purpose)
{
    if (purpose == ReferralPurpose::Consultation)
        return QCoreApplication::translate("Cli", "Usage: obslink-cli consultation list --db FILE\n"
                                                  "       obslink-cli consultation show --db FILE --id CONSULTATION-ID");
    return QCoreApplication::translate("Cli", "Usage: obslink-cli referral list --db FILE\n"
                                              "       obslink-cli referral show --db FILE --id REFERRAL-ID\n"
                                              "       obslink-cli referral figures --db FILE [--from YYYY-MM-DD] [--to YYYY-MM-DD]");
}

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QString timeText(const QDateTime &at)
{
    return at.isValid() ? at.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QJsonObject referralJson(const Referral &r)
{
    return { { QStringLiteral("id"), idText(r.meta.id) }, { QStringLiteral("pregnancyId"), idText(r.pregnancyId) },
        { QStringLiteral("fromClinic"), r.meta.clinicId }, { QStringLiteral("author"), r.meta.author },
        { QStringLiteral("writtenAt"), timeText(r.meta.createdAt) }, { QStringLiteral("direction"), Referrals::key(r.direction) },
        { QStringLiteral("urgency"), Referrals::key(r.urgency) }, { QStringLiteral("toClinic"), r.targetClinic },
        { QStringLiteral("toDepartment"), r.targetDepartment }, { QStringLiteral("toDoctor"), r.targetDoctor },
        { QStringLiteral("reason"), r.reason }, { QStringLiteral("diagnosis"), r.diagnosis },
        { QStringLiteral("riskColour"), r.riskColour }, { QStringLiteral("riskItems"), QJsonArray::fromStringList(r.riskItems) },
        { QStringLiteral("summary"), r.summary }, { QStringLiteral("purpose"), Referrals::key(r.purpose) } };
}

// A consultation's kind, when it is due and whether it is late (the region's targets in this
// workstation's settings).
void addConsultationFields(QJsonObject &json, const Referral &r, const ReferralTimeline &timeline)
{
    if (r.purpose != ReferralPurpose::Consultation)
        return;
    const ResponseTargets targets = ResponseTargets::fromSettings();
    const auto due = targets.dueBy(r, timeline);
    json.insert(QStringLiteral("consultationKind"), Referrals::key(r.consultationKind));
    json.insert(QStringLiteral("dueBy"), due ? timeText(*due) : QString());
    json.insert(QStringLiteral("overdue"), targets.isOverdue(r, timeline, QDateTime::currentDateTimeUtc()));
}

QJsonObject stepJson(const ReferralTimeline::Entry &entry)
{
    const ReferralStep &step = entry.step;
    QJsonObject json { { QStringLiteral("id"), idText(step.id) }, { QStringLiteral("action"), ReferralSteps::key(step.action) },
        { QStringLiteral("clinic"), step.clinicId }, { QStringLiteral("author"), step.author },
        { QStringLiteral("at"), timeText(step.at) }, { QStringLiteral("statusAfter"), ReferralSteps::key(entry.statusAfter) } };
    if (!step.reason.isEmpty())
        json.insert(QStringLiteral("reason"), step.reason);
    if (!entry.applied)
        json.insert(QStringLiteral("metStatus"), ReferralSteps::key(entry.metStatus));
    if (!step.outcome.isEmpty())
        json.insert(QStringLiteral("outcome"),
            QJsonObject { { QStringLiteral("diagnosis"), step.outcome.diagnosis }, { QStringLiteral("treatment"), step.outcome.treatment },
                { QStringLiteral("plan"), step.outcome.plan }, { QStringLiteral("advice"), step.outcome.advice } });
    if (!step.outcome.reading.isNone())
        json.insert(QStringLiteral("signedReading"),
            QJsonObject { { QStringLiteral("kind"), ReferralSteps::key(step.outcome.reading.kind) },
                { QStringLiteral("id"), idText(step.outcome.reading.recordId) } });
    return json;
}

int list(const ReferralRepository &repository, ReferralPurpose purpose)
{
    const auto rows = repository.all();
    if (!rows) {
        printError(rows.error().message);
        return 1;
    }
    QJsonArray referrals;
    for (const ReferralListRow &row : *rows) {
        if (row.referral.purpose != purpose)
            continue;
        QJsonObject json = referralJson(row.referral);
        addConsultationFields(json, row.referral, row.timeline);
        json.insert(QStringLiteral("patientId"), idText(row.patientId));
        json.insert(QStringLiteral("woman"), row.woman);
        json.insert(QStringLiteral("status"), ReferralSteps::key(row.status));
        json.insert(QStringLiteral("sentAt"), timeText(row.sentAt));
        json.insert(QStringLiteral("lastStepAt"), timeText(row.changedAt));
        json.insert(QStringLiteral("stepsCrossed"), row.concurrentSteps);
        referrals.append(json);
    }
    const QString key = purpose == ReferralPurpose::Consultation ? QStringLiteral("consultations") : QStringLiteral("referrals");
    printJson(QJsonDocument(QJsonObject { { key, referrals } }));
    return 0;
}

int show(const ReferralRepository &repository, const QString &id, ReferralPurpose purpose)
{
    const QUuid referralId = QUuid::fromString(id);
    const auto referral = repository.find(referralId);
    if (!referral) {
        printError(referral.error().message);
        return 1;
    }
    if (referralId.isNull() || !*referral || (*referral)->purpose != purpose) {
        printError(purpose == ReferralPurpose::Consultation
                ? QCoreApplication::translate("Cli", "No consultation %1 in this database.").arg(id)
                : QCoreApplication::translate("Cli", "No referral %1 in this database.").arg(id));
        return 1;
    }
    const auto timeline = repository.timelineOf(**referral);
    const auto attachments = repository.attachments(referralId);
    if (!timeline || !attachments) {
        printError(!timeline ? timeline.error().message : attachments.error().message);
        return 1;
    }
    QJsonObject json = referralJson(**referral);
    json.insert(QStringLiteral("status"), ReferralSteps::key(timeline->status()));
    addConsultationFields(json, **referral, *timeline);
    QJsonArray steps;
    for (const ReferralTimeline::Entry &entry : timeline->entries())
        steps.append(stepJson(entry));
    json.insert(QStringLiteral("steps"), steps);
    QJsonArray items;
    for (const ReferralAttachment &a : *attachments)
        items.append(QJsonObject { { QStringLiteral("kind"), Referrals::key(a.kind) }, { QStringLiteral("ref"), a.itemRef },
            { QStringLiteral("label"), a.label } });
    json.insert(QStringLiteral("attachments"), items);
    printJson(QJsonDocument(json));
    return 0;
}

QJsonValue hours(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

int figures(const ReferralRepository &repository, const QDate &from, const QDate &to)
{
    const auto computed = ReferralIndicators::compute(repository, from, to);
    if (!computed) {
        printError(computed.error().message);
        return 1;
    }
    QJsonArray rows;
    for (const ReferralFigures &f : *computed)
        rows.append(QJsonObject { { QStringLiteral("month"), f.month }, { QStringLiteral("purpose"), Referrals::key(f.purpose) },
            { QStringLiteral("answeredInTime"), f.purpose == ReferralPurpose::Consultation ? QJsonValue(f.answeredInTime) : QJsonValue() },
            { QStringLiteral("fromClinic"), f.fromClinic },
            { QStringLiteral("toClinic"), f.toClinic }, { QStringLiteral("sent"), f.sent }, { QStringLiteral("accepted"), f.accepted },
            { QStringLiteral("declined"), f.declined }, { QStringLiteral("cancelled"), f.cancelled },
            { QStringLiteral("outcomeReturned"), f.outcomeReturned },
            { QStringLiteral("medianHoursToReceipt"), hours(f.medianHoursToReceipt) },
            { QStringLiteral("medianHoursToAcceptance"), hours(f.medianHoursToAcceptance) },
            { QStringLiteral("medianHoursToOutcome"), hours(f.medianHoursToOutcome) } });
    printJson(QJsonDocument(QJsonObject { { QStringLiteral("from"), from.toString(Qt::ISODate) },
        { QStringLiteral("to"), to.toString(Qt::ISODate) }, { QStringLiteral("figures"), rows } }));
    return 0;
}
} // namespace

namespace {
// `referral` and `consultation` share their records and their commands; figures are the
// referrals' (ReferralIndicators counts both).
int runRequestCommand(const QStringList &arguments, ReferralPurpose purpose)
{
    const QString action = arguments.value(0);
    QCommandLineParser parser;
    const QCommandLineOption dbOption(QStringLiteral("db"), QCoreApplication::translate("Cli", "Clinic database file."), QStringLiteral("FILE"));
    const QCommandLineOption idOption(QStringLiteral("id"), QCoreApplication::translate("Cli", "The referral's id."), QStringLiteral("ID"));
    const QCommandLineOption fromOption(QStringLiteral("from"), QCoreApplication::translate("Cli", "First day sent (default: a year ago)."),
        QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption toOption(QStringLiteral("to"), QCoreApplication::translate("Cli", "Last day sent (default: today)."),
        QStringLiteral("YYYY-MM-DD"));
    parser.addOptions({ dbOption, idOption, fromOption, toOption });
    const bool known = action == QLatin1String("list") || action == QLatin1String("show")
        || (action == QLatin1String("figures") && purpose == ReferralPurpose::Referral);
    if (!known || !parser.parse(arguments) || !parser.isSet(dbOption) || (action == QLatin1String("show") && !parser.isSet(idOption))) {
        printError(parser.errorText().isEmpty() ? usage(purpose) : parser.errorText());
        return 2;
    }
    auto database = openExistingDatabase(parser.value(dbOption));
    if (!database) {
        printError(database.error().message);
        return 1;
    }
    const ReferralRepository repository(**database);
    if (action == QLatin1String("figures")) {
        const QDate to = parser.isSet(toOption) ? QDate::fromString(parser.value(toOption), Qt::ISODate) : QDate::currentDate();
        const QDate from = parser.isSet(fromOption) ? QDate::fromString(parser.value(fromOption), Qt::ISODate) : to.addYears(-1).addDays(1);
        if (!from.isValid() || !to.isValid()) {
            printError(QCoreApplication::translate("Cli", "Dates are written YYYY-MM-DD."));
            return 2;
        }
        return figures(repository, from, to);
    }
    return action == QLatin1String("list") ? list(repository, purpose) : show(repository, parser.value(idOption), purpose);
}
} // namespace

int runReferralCommand(const QStringList &arguments)
{
    return runRequestCommand(arguments, ReferralPurpose::Referral);
}

int runConsultationCommand(const QStringList &arguments)
{
    return runRequestCommand(arguments, ReferralPurpose::Consultation);
}
