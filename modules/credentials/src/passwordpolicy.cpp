#include "credentials/passwordpolicy.h"

#include "credentials/passwordhasher.h"

namespace {
int characterClasses(const QString &password)
{
    bool upper = false, lower = false, digit = false, other = false;
    for (const QChar c : password) {
        if (c.isUpper())
            upper = true;
        else if (c.isLower())
            lower = true;
        else if (c.isDigit())
            digit = true;
        else
            other = true; // signs, and letters without case (汉字) count as other
    }
    return int(upper) + int(lower) + int(digit) + int(other);
}

Error weak(const QString &why)
{
    return Error { QStringLiteral("auth.weak-password"), why };
}
} // namespace

Result<void> PasswordPolicy::check(const QString &password, const QString &username, const QStringList &previousHashes)
{
    if (password.size() < MinimumLength)
        return tl::unexpected(weak(tr("The password needs at least %1 characters.").arg(MinimumLength)));
    if (characterClasses(password) < ClassesRequired)
        return tl::unexpected(weak(tr("The password needs three of: capital letters, small letters, digits, other signs.")));
    if (!username.isEmpty() && password.contains(username, Qt::CaseInsensitive))
        return tl::unexpected(weak(tr("The password may not contain the user name.")));
    for (const QString &previous : previousHashes)
        if (PasswordHasher::verify(password, previous))
            return tl::unexpected(weak(tr("The password was one of your last %1; choose another.").arg(HistoryKept)));
    return {};
}

QString PasswordPolicy::describe()
{
    return tr("At least %1 characters, with three of: capital letters, small letters, digits, other signs; "
              "not your user name, and none of your last %2 passwords.")
        .arg(MinimumLength)
        .arg(HistoryKept);
}
