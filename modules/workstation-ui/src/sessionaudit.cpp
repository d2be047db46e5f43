#include "workstation-ui/sessionaudit.h"

#include "audit/auditlog.h"
#include "storage/database.h"
#include "sync-ui/sessionlock.h"
#include "sync-ui/signindialog.h"

#include <QJsonObject>

namespace {
void keep(const Result<AuditEntry> &recorded)
{
    if (!recorded)
        qWarning("%s", qPrintable(recorded.error().message));
}
} // namespace

SessionAudit::SessionAudit(const Database &database, QString username)
    : m_database(database)
    , m_username(std::move(username))
{
}

void SessionAudit::signedIn(const QString &mode)
{
    keep(AuditLog(m_database).recordAs(m_username, AuditAction::SignedIn, {}, { { QStringLiteral("mode"), mode } }));
}

void SessionAudit::signInFailed(const QString &code, const QString &where)
{
    keep(AuditLog(m_database).recordAs(m_username, AuditAction::SignInFailed, {},
        { { QStringLiteral("code"), code }, { QStringLiteral("where"), where } }));
}

void SessionAudit::signedOut(const QString &how)
{
    keep(AuditLog(m_database).recordAs(m_username, AuditAction::SignedOut, {}, { { QStringLiteral("how"), how } }));
}

void SessionAudit::watch(SignInDialog &dialog)
{
    QObject::connect(&dialog, &SignInDialog::signInFailed, &dialog,
        [this](const QString &code) { signInFailed(code, QStringLiteral("sign-in")); });
    QObject::connect(&dialog, &QDialog::accepted, &dialog, [this, &dialog] {
        signedIn(dialog.mode() == WorkstationSignIn::Mode::AtCenter ? QStringLiteral("center") : QStringLiteral("offline"));
    });
}

void SessionAudit::watch(SessionLock &lock)
{
    QObject::connect(&lock, &SessionLock::unlockFailed, &lock,
        [this] { signInFailed(QStringLiteral("signin.wrong"), QStringLiteral("lock-screen")); });
    QObject::connect(&lock, &SessionLock::lockedChanged, &lock, [this](bool locked) {
        if (locked)
            signedOut(QStringLiteral("locked-after-inactivity"));
        else
            signedIn(QStringLiteral("unlocked"));
    });
}
