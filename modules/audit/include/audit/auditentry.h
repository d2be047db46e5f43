#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

// What was done that the audit keeps (PIPL: access to personal health information, and who
// could have had it).
enum class AuditAction {
    ChartOpened, // her chart shown, in any mode: opening counts as viewing
    RecordEdited, // a record of hers saved
    Exported, // CSV or PDF written to a file
    Printed,
    ReferralAccess, // her record read through a referral's access at the center
    SignedIn,
    SignedOut,
    SignInFailed,
    UserChanged, // an account added, changed or removed
    RoleChanged,
};

// One entry of a workstation's (or the center's) chain. `seq` counts from 1 on each chain;
// `prevHash` is the hash of entry seq-1 (empty for the first) and `hash` that of this entry
// with it (AuditChain), so an entry cannot be changed, removed or put elsewhere unseen.
struct AuditEntry
{
    qint64 seq = 0;
    QString id; // a UUID, unique across the region
    QDateTime at; // UTC, as this workstation's clock said
    QString clinicId;
    QString workstation; // the device id of the chain
    QString user;
    AuditAction action = AuditAction::ChartOpened;
    QString patientId; // the woman concerned, when there is one
    QString detail; // compact JSON object text: what was exported, the failed user name …
    QString prevHash; // hex
    QString hash; // hex
};

namespace AuditActions {
QString key(AuditAction action); // "chart-opened", stable for storage and the center
std::optional<AuditAction> fromKey(const QString &key);
QString label(AuditAction action); // translated
} // namespace AuditActions
