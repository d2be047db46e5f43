#include "storage/duplicatefinder.h"

#include "storage/recordtable.h"
#include "storage/sqlerror.h"

#include <QSqlQuery>

#include <algorithm>

DuplicateFinder::DuplicateFinder(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<QList<DuplicateFinder::Match>> DuplicateFinder::find(const Patient &candidate, const QUuid &except) const
{
    // Through the indexes: her ID number, her birth date, her phone's last digits (stored
    // reversed, so that they are a prefix); the rules are then applied to the few found.
    const QString nationalId = IdentityMatch::normalisedNationalId(candidate.nationalId);
    const QString phone = IdentityMatch::normalisedPhone(candidate.phone);
    QString reversedPhone(phone.size(), QChar());
    std::reverse_copy(phone.cbegin(), phone.cend(), reversedPhone.begin());
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id, name, national_id, birth_date, phone, record_number, address, clinic_id FROM patient "
                                 "WHERE deleted = 0 AND id <> ? AND ((? <> '' AND national_id = ?) OR birth_date = ? "
                                 "OR (? <> '' AND phone_reversed >= ? AND phone_reversed < ?)) LIMIT 500"));
    // Never a null QString (sqlText): it binds as NULL, and "id <> NULL" holds for no row.
    query.addBindValue(sqlText(except.isNull() ? QString() : except.toString(QUuid::WithoutBraces)));
    query.addBindValue(sqlText(nationalId));
    query.addBindValue(sqlText(nationalId));
    query.addBindValue(sqlDate(candidate.birthDate));
    query.addBindValue(sqlText(phone.size() >= 7 ? reversedPhone : QString()));
    // The stored digits that begin with hers: ':' is the character after '9'.
    query.addBindValue(reversedPhone);
    query.addBindValue(reversedPhone + QLatin1Char(':'));
    if (auto done = execute(query, "look for the same woman"); !done)
        return tl::unexpected(done.error());
    QList<Match> matches;
    while (query.next()) {
        Patient existing;
        existing.meta.id = QUuid::fromString(query.value(0).toString());
        existing.name = query.value(1).toString();
        existing.nationalId = query.value(2).toString();
        existing.birthDate = dateFromSql(query.value(3));
        existing.phone = query.value(4).toString();
        existing.recordNumber = query.value(5).toString();
        existing.address = query.value(6).toString();
        existing.meta.clinicId = query.value(7).toString();
        const auto rules = IdentityMatch::rulesMet(candidate, existing);
        if (!rules.isEmpty())
            matches.append({ existing, rules });
    }
    std::stable_sort(matches.begin(), matches.end(), [](const Match &a, const Match &b) { return a.exact() && !b.exact(); });
    return matches;
}
