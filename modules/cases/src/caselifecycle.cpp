#include "cases/caselifecycle.h"

#include "cases/reportingclock.h"

#include <QJsonDocument>

namespace {
int severity(const QString &level)
{
    static const QStringList order{QStringLiteral("green"), QStringLiteral("yellow"), QStringLiteral("orange"),
                                   QStringLiteral("red")};
    return static_cast<int>(order.indexOf(level));
}
} // namespace

CaseFile CaseLifecycle::open(const QUuid &pregnancyId, const QString &level, bool purple, const QDate &gradedOn,
                             const CaseSettings &settings)
{
    CaseFile caseFile;
    caseFile.pregnancyId = pregnancyId;
    caseFile.openedOn = gradedOn;
    caseFile.level = level;
    caseFile.purple = purple;
    caseFile.status = CaseFile::Status::Open;
    if (settings.isReportable(level, purple))
        caseFile.reportDueOn = ReportingClock::deadline(gradedOn, settings.reportingDays,
                                                        settings.reportingCountsWorkingDaysOnly);
    return caseFile;
}

QDate CaseLifecycle::nextContactDue(const CaseFile &caseFile, const QDate &from, const QDate &nextAntenatalVisit,
                                    const CaseSettings &settings)
{
    const QDate byInterval = from.addDays(settings.intervalDaysFor(caseFile.level, caseFile.purple));
    if (nextAntenatalVisit.isValid() && nextAntenatalVisit > from && nextAntenatalVisit < byInterval)
        return nextAntenatalVisit;
    return byInterval;
}

FollowUpContact CaseLifecycle::firstContact(const CaseFile &caseFile, const QDate &nextAntenatalVisit,
                                            const CaseSettings &settings)
{
    FollowUpContact contact;
    contact.caseId = caseFile.meta.id;
    contact.kind = ContactKind::PhoneCall;
    contact.dueOn = nextContactDue(caseFile, caseFile.openedOn, nextAntenatalVisit, settings);
    return contact;
}

Result<FollowUpContact> CaseLifecycle::recordContact(const CaseFile &caseFile, FollowUpContact &pending,
                                                     const FollowUpContact &recorded, const QDate &today,
                                                     const QDate &nextAntenatalVisit, const CaseSettings &settings)
{
    if (caseFile.status != CaseFile::Status::Open)
        return failure(QStringLiteral("cases.closed"), tr("This case is closed: contacts can no longer be recorded."));
    if (!pending.isPending())
        return failure(QStringLiteral("cases.contact-done"), tr("This contact has already been recorded."));
    if (!recorded.doneOn.isValid() || recorded.doneOn > today || recorded.doneOn < caseFile.openedOn)
        return failure(QStringLiteral("cases.contact-date"),
                       tr("The contact date must be between the opening of the case and today."));
    if (recorded.outcome.isEmpty())
        return failure(QStringLiteral("cases.contact-outcome"), tr("Record the outcome of the contact."));
    if (recorded.nextDueOn.isValid() && recorded.nextDueOn <= recorded.doneOn)
        return failure(QStringLiteral("cases.contact-next"), tr("The next contact must be after this one."));
    const RecordMeta meta = pending.meta;
    const QDate dueOn = pending.dueOn;
    pending = recorded;
    pending.meta = meta;
    pending.caseId = caseFile.meta.id;
    pending.dueOn = dueOn;

    FollowUpContact next;
    next.caseId = caseFile.meta.id;
    next.kind = recorded.kind;
    next.dueOn = recorded.nextDueOn.isValid() ? recorded.nextDueOn
                                              : nextContactDue(caseFile, recorded.doneOn, nextAntenatalVisit, settings);
    pending.nextDueOn = next.dueOn;
    return next;
}

Result<void> CaseLifecycle::markReported(CaseFile &caseFile, const QDate &reportedOn, const QDate &today)
{
    if (!reportedOn.isValid() || reportedOn > today || reportedOn < caseFile.openedOn)
        return failure(QStringLiteral("cases.report-date"),
                       tr("The report date must be between the opening of the case and today."));
    caseFile.reportedOn = reportedOn;
    return {};
}

Result<void> CaseLifecycle::regrade(CaseFile &caseFile, const QString &level, bool purple, const QDate &gradedOn,
                                    const CaseSettings &settings)
{
    if (caseFile.status != CaseFile::Status::Open)
        return failure(QStringLiteral("cases.closed"), tr("This case is closed."));
    const bool newlyReportable = !caseFile.reportDueOn.isValid() && settings.isReportable(level, purple);
    const bool escalated = severity(level) > severity(caseFile.level) || (purple && !caseFile.purple);
    caseFile.level = level;
    caseFile.purple = purple;
    // A grade that becomes reportable (or worse) restarts the reporting clock if not yet reported.
    if ((newlyReportable || escalated) && settings.isReportable(level, purple) && !caseFile.reportedOn.isValid())
        caseFile.reportDueOn = ReportingClock::deadline(gradedOn, settings.reportingDays,
                                                        settings.reportingCountsWorkingDaysOnly);
    return {};
}

Result<void> CaseLifecycle::checkOutcome(const CaseFile &caseFile, const CaseOutcome &outcome, const QDate &today)
{
    const QList<FieldError> errors = CaseOutcomeValidator::validate(outcome, caseFile.openedOn, today);
    if (errors.isEmpty())
        return {};
    QStringList messages;
    for (const FieldError &error : errors)
        messages.append(error.message);
    return failure(QStringLiteral("cases.outcome-incomplete"), messages.join(QLatin1Char(' ')));
}

Result<void> CaseLifecycle::close(CaseFile &caseFile, const CaseOutcome &outcome, const QDate &today)
{
    if (caseFile.status == CaseFile::Status::Closed)
        return failure(QStringLiteral("cases.closed"),
                       tr("This case is already closed; change it through an amendment with a reason."));
    if (auto checked = checkOutcome(caseFile, outcome, today); !checked)
        return checked;
    caseFile.status = CaseFile::Status::Closed;
    caseFile.closedOn = today;
    caseFile.outcome = outcome;
    return {};
}

Result<CaseAmendment> CaseLifecycle::amendClosure(CaseFile &caseFile, const CaseOutcome &outcome, const QString &reason,
                                                  const QDate &today)
{
    if (caseFile.status != CaseFile::Status::Closed || !caseFile.outcome)
        return failure(QStringLiteral("cases.not-closed"), tr("Only a closed case is amended; edit an open case directly."));
    if (reason.trimmed().isEmpty())
        return failure(QStringLiteral("cases.amendment-reason"), tr("Give the reason for the amendment."));
    if (auto checked = checkOutcome(caseFile, outcome, today); !checked)
        return tl::unexpected(checked.error());
    CaseAmendment amendment;
    amendment.caseId = caseFile.meta.id;
    amendment.amendedOn = today;
    amendment.reason = reason.trimmed();
    amendment.beforeJson = QString::fromUtf8(QJsonDocument(caseFile.outcome->toJson()).toJson(QJsonDocument::Compact));
    amendment.afterJson = QString::fromUtf8(QJsonDocument(outcome.toJson()).toJson(QJsonDocument::Compact));
    caseFile.outcome = outcome;
    return amendment;
}
