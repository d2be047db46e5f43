#include "audit/auditentry.h"

#include <QCoreApplication>

#include <array>

namespace {
struct Name
{
    AuditAction action;
    const char *key;
    const char *label;
};
constexpr std::array Names {
    Name { AuditAction::ChartOpened, "chart-opened", QT_TRANSLATE_NOOP("AuditActions", "Chart opened") },
    Name { AuditAction::RecordEdited, "record-edited", QT_TRANSLATE_NOOP("AuditActions", "Record edited") },
    Name { AuditAction::Exported, "exported", QT_TRANSLATE_NOOP("AuditActions", "Exported") },
    Name { AuditAction::Printed, "printed", QT_TRANSLATE_NOOP("AuditActions", "Printed") },
    Name { AuditAction::ReferralAccess, "referral-access", QT_TRANSLATE_NOOP("AuditActions", "Read through a referral") },
    Name { AuditAction::SignedIn, "signed-in", QT_TRANSLATE_NOOP("AuditActions", "Signed in") },
    Name { AuditAction::SignedOut, "signed-out", QT_TRANSLATE_NOOP("AuditActions", "Signed out") },
    Name { AuditAction::SignInFailed, "sign-in-failed", QT_TRANSLATE_NOOP("AuditActions", "Sign-in failed") },
    Name { AuditAction::UserChanged, "user-changed", QT_TRANSLATE_NOOP("AuditActions", "User changed") },
    Name { AuditAction::RoleChanged, "role-changed", QT_TRANSLATE_NOOP("AuditActions", "Role changed") },
};

const Name &nameOf(AuditAction action)
{
    return *std::find_if(Names.cbegin(), Names.cend(), [action](const Name &n) { return n.action == action; });
}
} // namespace

namespace AuditActions {
QString key(AuditAction action)
{
    return QString::fromLatin1(nameOf(action).key);
}

std::optional<AuditAction> fromKey(const QString &key)
{
    for (const Name &n : Names)
        if (key == QLatin1String(n.key))
            return n.action;
    return std::nullopt;
}

QString label(AuditAction action)
{
    return QCoreApplication::translate("AuditActions", nameOf(action).label);
}
} // namespace AuditActions
