#include "audit/auditrow.h"

#include "storage/sqlerror.h"

#include <QDateTime>
#include <QVariant>

AuditEntry auditEntryFrom(const QSqlQuery &query)
{
    AuditEntry e;
    int c = 0;
    e.seq = query.value(c++).toLongLong();
    e.id = query.value(c++).toString();
    e.at = QDateTime::fromString(query.value(c++).toString(), Qt::ISODateWithMs);
    e.clinicId = query.value(c++).toString();
    e.workstation = query.value(c++).toString();
    e.user = query.value(c++).toString();
    // An action this version does not know keeps its place in the chain; its hash will not
    // match, which the check reports.
    e.action = AuditActions::fromKey(query.value(c++).toString()).value_or(AuditAction::ChartOpened);
    e.patientId = query.value(c++).toString();
    e.detail = query.value(c++).toString();
    e.prevHash = query.value(c++).toString();
    e.hash = query.value(c++).toString();
    return e;
}

Result<QList<AuditEntry>> selectAuditEntries(const QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (auto done = execute(query, "read the audit trail"); !done)
        return tl::unexpected(done.error());
    QList<AuditEntry> list;
    while (query.next())
        list.append(auditEntryFrom(query));
    return list;
}
