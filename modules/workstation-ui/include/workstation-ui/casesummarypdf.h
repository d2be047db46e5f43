#pragma once

#include "cases/casefile.h"
#include "domain/result.h"
#include "storage/clinicrecords.h"

#include <QCoreApplication>

// A printable case summary (专案小结) in the user's language: the woman and her pregnancy, the
// history of risk grades with who decided them and why, the follow-up contacts, and the outcome.
class CaseSummaryPdf
{
    Q_DECLARE_TR_FUNCTIONS(CaseSummaryPdf)
public:
    static QString html(const PatientChart &chart, const CaseFile &caseFile, const QList<FollowUpContact> &contacts);
    static Result<void> write(const QString &path, const PatientChart &chart, const CaseFile &caseFile,
                              const QList<FollowUpContact> &contacts);
};
