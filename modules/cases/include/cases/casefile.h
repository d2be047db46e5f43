#pragma once

#include "cases/caseoutcome.h"
#include "domain/recordmeta.h"

#include <QDate>
#include <QString>
#include <QUuid>

#include <optional>

// The dedicated case file (专案) of a high-risk pregnancy.
struct CaseFile
{
    enum class Status { Open, Closed };

    RecordMeta meta;
    QUuid pregnancyId;
    QDate openedOn;
    QString level; // the risk color that opened (or now governs) the case
    bool purple = false;
    QString responsibleDoctor;
    QString responsibleNurse;
    QString managementPlan;
    QString deliveryHospitalLevel; // "secondary", "tertiary" …: where she should deliver
    QDate reportDueOn;
    QDate reportedOn;
    Status status = Status::Open;
    QDate closedOn;
    std::optional<CaseOutcome> outcome;

    static QString statusKey(Status status);
};

enum class ContactKind { ClinicVisit, PhoneCall, HomeVisit };
QString contactKindKey(ContactKind kind);
std::optional<ContactKind> contactKindFromKey(const QString &key);

// A scheduled follow-up contact; pending while doneOn is not set.
struct FollowUpContact
{
    RecordMeta meta;
    QUuid caseId;
    ContactKind kind = ContactKind::PhoneCall;
    QDate dueOn;
    QDate doneOn;
    QString outcome; // "reached", "not-reached", "attended", "missed"
    QString findings;
    QString interventions;
    QString advice;
    QDate nextDueOn;

    bool isPending() const { return !doneOn.isValid(); }
};

// An audited change to a closed case: what it was, what it became, who, when and why.
struct CaseAmendment
{
    RecordMeta meta;
    QUuid caseId;
    QDate amendedOn;
    QString reason;
    QString beforeJson;
    QString afterJson;
};
