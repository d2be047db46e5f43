#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

// What a password chosen by a person must be (docs/security.md), as level-3 assessments ask: at
// least 10 characters from three of the four classes (upper case, lower case, digits, other
// signs), not containing the user name, and none of her last five. The same rules on the center
// (which decides) and in the workstation (which explains before asking the center).
class PasswordPolicy
{
    Q_DECLARE_TR_FUNCTIONS(PasswordPolicy)
public:
    static constexpr int MinimumLength = 10;
    static constexpr int ClassesRequired = 3;
    static constexpr int HistoryKept = 5;

    // Error code "auth.weak-password" with a translated reason naming the first rule broken.
    // `previousHashes`: her last passwords as PasswordHasher stored them.
    static Result<void> check(const QString &password, const QString &username,
                              const QStringList &previousHashes = {});
    // The rules in one sentence, for the screens that ask for a new password.
    static QString describe();
};
