#pragma once

#include "audit/auditentry.h"

#include <QSqlQuery>

// An audit entry read from a query whose first eleven columns are, in order: seq, id, at,
// clinic, workstation, user, action, woman, detail, previous hash, hash — the clinic cache's
// audit_entry and the center's alike.
AuditEntry auditEntryFrom(const QSqlQuery &query);
