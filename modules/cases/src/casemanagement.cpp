#include "cases/casemanagement.h"

#include "cases/caselifecycle.h"
#include "storage/database.h"
#include "storage/recordtable.h"
#include "storage/sqlerror.h"
#include "storage/transaction.h"

CaseManagement::CaseManagement(const Database &database, CaseSettings settings)
    : m_database(database)
    , m_settings(std::move(settings))
    , m_repository(database)
{
}

Result<CaseFile> CaseManagement::load(const QUuid &caseId) const
{
    auto found = m_repository.find(caseId);
    if (!found)
        return tl::unexpected(found.error());
    if (!*found)
        return failure(QStringLiteral("cases.not-found"), tr("This case file no longer exists."));
    return **found;
}

QDate CaseManagement::nextAntenatalVisit(const QUuid &pregnancyId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT next_visit_due FROM pregnancy WHERE id = ?"));
    query.addBindValue(pregnancyId.toString(QUuid::WithoutBraces));
    return query.exec() && query.next() ? dateFromSql(query.value(0)) : QDate();
}

Result<CaseFile> CaseManagement::openInTransaction(
    const QUuid &pregnancyId, const QString &level, bool purple, const QDate &on)
{
    CaseFile caseFile = CaseLifecycle::open(pregnancyId, level, purple, on, m_settings);
    if (auto done = m_repository.save(caseFile); !done)
        return tl::unexpected(done.error());
    FollowUpContact first
        = CaseLifecycle::firstContact(caseFile, nextAntenatalVisit(pregnancyId), m_settings);
    if (auto done = m_repository.save(first); !done)
        return tl::unexpected(done.error());
    return caseFile;
}

Result<std::optional<CaseFile>> CaseManagement::gradeDecided(const RiskGradeRecord &grade)
{
    if (grade.status == RiskGradeRecord::Status::Proposed)
        return std::optional<CaseFile>();
    auto current = m_repository.currentForPregnancy(grade.pregnancyId);
    if (!current)
        return tl::unexpected(current.error());
    Transaction transaction(m_database.connection());
    std::optional<CaseFile> result;
    if (*current && (*current)->status == CaseFile::Status::Open) {
        CaseFile caseFile = **current;
        if (auto done
            = CaseLifecycle::regrade(caseFile, grade.level, grade.purple, grade.assessedOn, m_settings);
            !done)
            return tl::unexpected(done.error());
        if (auto done = m_repository.save(caseFile); !done)
            return tl::unexpected(done.error());
        result = caseFile;
    } else if (m_settings.isManaged(grade.level, grade.purple)) {
        auto opened = openInTransaction(grade.pregnancyId, grade.level, grade.purple, grade.assessedOn);
        if (!opened)
            return tl::unexpected(opened.error());
        result = *opened;
    }
    if (auto done = transaction.commit(); !done)
        return tl::unexpected(done.error());
    return result;
}

Result<CaseFile> CaseManagement::openCase(
    const QUuid &pregnancyId, const QString &level, bool purple, const QDate &today)
{
    auto current = m_repository.currentForPregnancy(pregnancyId);
    if (!current)
        return tl::unexpected(current.error());
    if (*current && (*current)->status == CaseFile::Status::Open)
        return failure(
            QStringLiteral("cases.already-open"), tr("This pregnancy already has an open case file."));
    Transaction transaction(m_database.connection());
    auto opened = openInTransaction(pregnancyId, level, purple, today);
    if (!opened)
        return opened;
    if (auto done = transaction.commit(); !done)
        return tl::unexpected(done.error());
    return opened;
}

Result<FollowUpContact> CaseManagement::recordContact(
    const QUuid &caseId, const FollowUpContact &recorded, const QDate &today)
{
    auto caseFile = load(caseId);
    if (!caseFile)
        return tl::unexpected(caseFile.error());
    auto contacts = m_repository.contacts(caseId);
    if (!contacts)
        return tl::unexpected(contacts.error());
    FollowUpContact pending;
    for (const FollowUpContact &c : *contacts)
        if (c.isPending())
            pending = c;
    if (pending.meta.id.isNull()) // a case without a scheduled contact: record this one as unscheduled
        pending.dueOn = recorded.doneOn;
    auto next = CaseLifecycle::recordContact(
        *caseFile, pending, recorded, today, nextAntenatalVisit(caseFile->pregnancyId), m_settings);
    if (!next)
        return next;
    Transaction transaction(m_database.connection());
    if (auto done = m_repository.save(pending); !done)
        return tl::unexpected(done.error());
    if (auto done = m_repository.save(*next); !done)
        return tl::unexpected(done.error());
    if (auto done = transaction.commit(); !done)
        return tl::unexpected(done.error());
    return next;
}

Result<void> CaseManagement::markReported(const QUuid &caseId, const QDate &reportedOn, const QDate &today)
{
    auto caseFile = load(caseId);
    if (!caseFile)
        return tl::unexpected(caseFile.error());
    if (auto done = CaseLifecycle::markReported(*caseFile, reportedOn, today); !done)
        return done;
    return m_repository.save(*caseFile);
}

Result<void> CaseManagement::assign(const QUuid &caseId, const QString &doctor, const QString &nurse,
    const QString &plan, const QString &deliveryHospitalLevel)
{
    auto caseFile = load(caseId);
    if (!caseFile)
        return tl::unexpected(caseFile.error());
    if (caseFile->status != CaseFile::Status::Open)
        return failure(
            QStringLiteral("cases.closed"), tr("This case is closed; change it through an amendment."));
    const QString required = m_settings.requiredDeliveryLevel(caseFile->level, caseFile->purple);
    if (!deliveryHospitalLevel.isEmpty()
        && CaseSettings::hospitalRank(deliveryHospitalLevel) < CaseSettings::hospitalRank(required))
        return failure(QStringLiteral("cases.delivery-level"),
            tr("Her risk color requires delivery at a %1 hospital or higher.")
                .arg(CaseSettings::hospitalLevelLabel(required)));
    caseFile->responsibleDoctor = doctor.trimmed();
    caseFile->responsibleNurse = nurse.trimmed();
    caseFile->managementPlan = plan;
    caseFile->deliveryHospitalLevel = deliveryHospitalLevel;
    return m_repository.save(*caseFile);
}

Result<void> CaseManagement::close(const QUuid &caseId, const CaseOutcome &outcome, const QDate &today)
{
    auto caseFile = load(caseId);
    if (!caseFile)
        return tl::unexpected(caseFile.error());
    if (auto done = CaseLifecycle::close(*caseFile, outcome, today); !done)
        return done;
    auto contacts = m_repository.contacts(caseId);
    if (!contacts)
        return tl::unexpected(contacts.error());
    Transaction transaction(m_database.connection());
    if (auto done = m_repository.save(*caseFile); !done)
        return done;
    // A closed case has nothing left to follow up: its pending contact is withdrawn.
    for (FollowUpContact contact : *contacts) {
        if (!contact.isPending())
            continue;
        contact.meta.deleted = true;
        if (auto done = m_repository.save(contact); !done)
            return done;
    }
    return transaction.commit();
}

Result<void> CaseManagement::amendClosure(
    const QUuid &caseId, const CaseOutcome &outcome, const QString &reason, const QDate &today)
{
    auto caseFile = load(caseId);
    if (!caseFile)
        return tl::unexpected(caseFile.error());
    auto amendment = CaseLifecycle::amendClosure(*caseFile, outcome, reason, today);
    if (!amendment)
        return tl::unexpected(amendment.error());
    Transaction transaction(m_database.connection());
    if (auto done = m_repository.save(*caseFile); !done)
        return done;
    if (auto done = m_repository.save(*amendment); !done)
        return done;
    return transaction.commit();
}
