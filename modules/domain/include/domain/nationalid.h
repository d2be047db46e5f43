#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>

// The 18-character resident identity number of GB 11643-1999: 6-digit area code, birth date
// YYYYMMDD, 3-digit sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check
// character (0–9 or X).
struct NationalIdInfo
{
    QString normalised; // upper-case X
    QDate birthDate;
    bool female = false;
};

class NationalId
{
    Q_DECLARE_TR_FUNCTIONS(NationalId)
public:
    static QChar checkCharacter(QStringView first17Digits);
    static Result<NationalIdInfo> parse(const QString &text);
};
