#pragma once

#include "audit/auditentry.h"
#include "domain/result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>

// An audit entry read from a query whose first eleven columns are, in order: seq, id, at,
// clinic, workstation, user, action, woman, detail, previous hash, hash — the clinic cache's
// audit_entry and the center's alike.
AuditEntry auditEntryFrom(const QSqlQuery &query);

// The entries a SELECT of those columns gives, with its values bound in order.
Result<QList<AuditEntry>> selectAuditEntries(const QSqlDatabase &db, const QString &sql, const QVariantList &values);
