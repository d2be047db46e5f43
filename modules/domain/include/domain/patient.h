#pragma once

#include "domain/recordmeta.h"

#include <QDate>
#include <QString>

struct Patient
{
    RecordMeta meta;
    QString recordNumber; // the clinic's own record number (病历号 / 保健手册号)
    QString name;
    QString nationalId; // 18-character resident identity number (GB 11643-1999)
    QDate birthDate;
    QString phone;
    QString address;

    int ageInYearsOn(const QDate &date) const;
};
