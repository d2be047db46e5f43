#pragma once

#include "audit/auditentry.h"
#include "domain/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>

// Audit entries as the workstation uploads them to the center (POST /api/v1/audit,
// docs/audit.md): {"workstation": ID, "entries": [{seq, id, at, clinicId, user, action,
// patientId, detail, prevHash, hash}, …]}. Decoding refuses anything not of that shape, so the
// center never stores an entry it could not hash again.
class AuditWire
{
    Q_DECLARE_TR_FUNCTIONS(AuditWire)
public:
    static constexpr int MaxEntries = 1000; // per upload
    struct Upload
    {
        QString workstation;
        QList<AuditEntry> entries;
    };
    static QByteArray encode(const Upload &upload);
    static Result<Upload> decode(const QByteArray &body);
    static QJsonObject toJson(const AuditEntry &entry);
    // For people and scripts (the command lines): the same fields, the detail as an object.
    static QJsonObject toListing(const AuditEntry &entry);
    static Result<AuditEntry> fromJson(const QJsonObject &json);
};
