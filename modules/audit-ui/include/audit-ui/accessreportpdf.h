#pragma once

#include "audit/accessreport.h"
#include "domain/result.h"

#include <QCoreApplication>

// A woman's access report (AccessReport) written as an A4 PDF, to print or to hand her.
class AccessReportPdf
{
    Q_DECLARE_TR_FUNCTIONS(AccessReportPdf)
public:
    static Result<void> write(const QString &path, const AccessReport::Heading &heading, const QList<AuditEntry> &entries,
        const AccessReport::ClinicName &clinicName);
};
