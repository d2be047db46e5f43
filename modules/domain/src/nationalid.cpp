#include "domain/nationalid.h"

#include <array>

QChar NationalId::checkCharacter(QStringView first17Digits)
{
    // ISO 7064 MOD 11-2 weights 2^(17-i) mod 11.
    static constexpr std::array<int, 17> weights{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static constexpr char checkChars[] = "10X98765432";
    int sum = 0;
    for (int i = 0; i < 17; ++i)
        sum += (first17Digits[i].unicode() - '0') * weights[static_cast<size_t>(i)];
    return QLatin1Char(checkChars[sum % 11]);
}

Result<NationalIdInfo> NationalId::parse(const QString &text)
{
    const QString id = text.trimmed().toUpper();
    if (id.size() != 18)
        return failure(QStringLiteral("id.length"),
                       tr("The national ID number must have 18 characters (it has %1).").arg(id.size()));
    for (int i = 0; i < 17; ++i)
        if (!id[i].isDigit() || id[i].unicode() > '9')
            return failure(QStringLiteral("id.characters"),
                           tr("The first 17 characters of the national ID number must be digits."));
    const QChar last = id[17];
    if (!(last.isDigit() && last.unicode() <= '9') && last != QLatin1Char('X'))
        return failure(QStringLiteral("id.characters"),
                       tr("The last character of the national ID number must be a digit or X."));
    const QDate birth = QDate::fromString(id.mid(6, 8), QStringLiteral("yyyyMMdd"));
    if (!birth.isValid() || birth.year() < 1900)
        return failure(QStringLiteral("id.birthdate"),
                       tr("The national ID number contains an impossible birth date (%1).").arg(id.mid(6, 8)));
    if (checkCharacter(QStringView(id).left(17)) != last)
        return failure(QStringLiteral("id.checksum"),
                       tr("The national ID number's check character does not match: please re-check every digit."));
    NationalIdInfo info;
    info.normalised = id;
    info.birthDate = birth;
    info.female = (id[16].unicode() - '0') % 2 == 0;
    return info;
}
