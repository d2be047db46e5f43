#pragma once

#include "domain/result.h"
#include "ultrasound-exams/ultrasoundreport.h"

#include <QCoreApplication>

// The printable report (A4 PDF, in the language the workstation runs in): clinic, woman, study,
// structured findings, biometry table, impression and the signature line. QtGui only.
class UltrasoundReportPdf
{
    Q_DECLARE_TR_FUNCTIONS(UltrasoundReportPdf)
public:
    struct Heading
    {
        QString clinicName;
        QString womanName;
        QString womanIdentifier; // her national ID number, which the study carries as Patient ID
        QString studyDescription;
    };
    static QString html(const UltrasoundReport &report, const Heading &heading);
    static Result<void> write(const UltrasoundReport &report, const Heading &heading, const QString &path);
};
