#include "audit/auditchain.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace AuditChain {
QString hashOf(const AuditEntry &e)
{
    // A JSON array of strings: one unambiguous text for the same fields on every machine.
    const QJsonArray form { QStringLiteral("obslink-audit-1"), QString::number(e.seq), e.id,
        e.at.toUTC().toString(Qt::ISODateWithMs), e.clinicId, e.workstation, e.user, AuditActions::key(e.action), e.patientId,
        e.detail, e.prevHash };
    return QString::fromLatin1(
        QCryptographicHash::hash(QJsonDocument(form).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256).toHex());
}

std::optional<Break> firstBreak(const QList<AuditEntry> &entries, const QString &previousHash, qint64 previousSeq)
{
    QString expectedPrev = previousHash;
    qint64 expectedSeq = previousSeq + 1;
    for (const AuditEntry &e : entries) {
        if (e.seq != expectedSeq)
            return Break { e.seq,
                QCoreApplication::translate("AuditChain", "Entry %1 follows entry %2: the entries between are missing.")
                    .arg(e.seq)
                    .arg(expectedSeq - 1) };
        if (e.prevHash != expectedPrev)
            return Break { e.seq,
                QCoreApplication::translate("AuditChain", "Entry %1 does not follow the entry before it.").arg(e.seq) };
        if (e.hash != hashOf(e))
            return Break { e.seq,
                QCoreApplication::translate("AuditChain", "Entry %1 was changed after it was written.").arg(e.seq) };
        expectedPrev = e.hash;
        ++expectedSeq;
    }
    return std::nullopt;
}
} // namespace AuditChain
