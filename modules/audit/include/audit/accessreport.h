#pragma once

#include "audit/auditentry.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>

#include <functional>

// A woman's access report (PIPL: her right to know who handled her personal information): every
// entry of the audit trail about her — who, at which clinic, when, what they did — as an HTML
// page to print or to turn into a PDF, in the reader's language. Entries come from the center's
// audit (the whole region) or from one workstation's trail.
class AccessReport
{
    Q_DECLARE_TR_FUNCTIONS(AccessReport)
public:
    struct Heading
    {
        QString womanName;
        QString womanReference; // her record number, or the patient id
        QDateTime from; // invalid: since the trail began
        QDateTime to; // invalid: up to now
        QString issuedBy; // the clinic or center printing it
        QDateTime issuedAt;
    };

    // Clinic names by id; an unknown id is shown as it is.
    using ClinicName = std::function<QString(const QString &clinicId)>;

    static QString html(const Heading &heading, const QList<AuditEntry> &entries, const ClinicName &clinicName);
    // What an entry says in words: the export's name, how many records were edited, why a
    // sign-in failed.
    static QString whatWasDone(const AuditEntry &entry);
};
