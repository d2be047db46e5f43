#pragma once

#include <QString>

class Database;
class SessionLock;
class SignInDialog;

// Keeps the workstation's sessions in its audit trail (docs/audit.md): each sign-in and how it
// was checked, each refused one, the lock screen locking and unlocking, and the sign-out when
// the workstation closes. Failing to write an entry is logged: it never stops a sign-in.
class SessionAudit
{
public:
    SessionAudit(const Database &database, QString username);

    // "center", "offline" (the hash of her last sign-in), "password-file", "unlinked" (no
    // center: the user the workstation was started as, unchecked).
    void signedIn(const QString &mode);
    void signInFailed(const QString &code, const QString &where);
    void signedOut(const QString &how);

    void watch(SignInDialog &dialog);
    void watch(SessionLock &lock);

private:
    const Database &m_database;
    QString m_username;
};
