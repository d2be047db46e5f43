#pragma once

#include "audit/auditentry.h"

#include <QList>

#include <optional>

// The hash chain of an audit trail: each entry's SHA-256 over a fixed text form of its fields
// and the hash of the entry before it. The same computation on the workstation and at the
// center, so that either can tell whether a chain is whole.
namespace AuditChain {
QString hashOf(const AuditEntry &entry); // hex, over the entry with its prevHash

// Where a chain, in seq order, stops being whole: the seq of the first entry whose hash is not
// what its fields give, whose prevHash is not the hash before it, or whose seq does not follow
// on (an entry removed). `previousHash` is the hash the first entry must follow (empty: it is
// entry 1). Nothing when the chain is whole.
struct Break
{
    qint64 seq = 0;
    QString reason; // translated
};
std::optional<Break> firstBreak(const QList<AuditEntry> &entries, const QString &previousHash = {}, qint64 previousSeq = 0);
} // namespace AuditChain
