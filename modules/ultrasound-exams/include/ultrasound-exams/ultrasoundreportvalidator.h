#pragma once

#include "domain/result.h"
#include "ultrasound-exams/ultrasoundreport.h"

#include <QCoreApplication>

// What a report needs before it can be signed, each problem named with the field it concerns.
class UltrasoundReportValidator
{
    Q_DECLARE_TR_FUNCTIONS(UltrasoundReportValidator)
public:
    struct Problem
    {
        QString field; // column name: "impression", "heart_rate_bpm", …
        Error error;
    };
    static QList<Problem> problems(const UltrasoundReport &report);
};
