#pragma once

#include "domain/result.h"

#include <QByteArray>
#include <QCoreApplication>

class Database;

// The monthly high-risk register (高危孕产妇登记册) for the district: every case file active in
// the month, as CSV that Excel and WPS open correctly (UTF-8 with BOM, CRLF, RFC 4180 quoting).
class HighRiskRegister
{
    Q_DECLARE_TR_FUNCTIONS(HighRiskRegister)
public:
    static Result<QByteArray> monthlyCsv(const Database &database, int year, int month);
    static QByteArray csvField(const QString &value);
};
