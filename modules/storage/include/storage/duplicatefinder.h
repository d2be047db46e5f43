#pragma once

#include "domain/identitymatch.h"
#include "domain/result.h"

#include <QSqlDatabase>

// Registrations in this clinic's cache that may be the woman about to be registered
// (IdentityMatch's rules), found before she is saved so that a nurse opens the existing record
// instead of starting a second one.
class DuplicateFinder
{
public:
    struct Match
    {
        Patient existing;
        QList<IdentityMatch::Rule> rules;
        bool exact() const { return IdentityMatch::isExact(rules); }
    };

    explicit DuplicateFinder(QSqlDatabase db);

    // The exact matches first, then the probable ones; `except` is left out (her own record,
    // when an existing one is edited).
    Result<QList<Match>> find(const Patient &candidate, const QUuid &except = {}) const;

private:
    QSqlDatabase m_db;
};
