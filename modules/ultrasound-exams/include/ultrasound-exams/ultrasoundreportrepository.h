#pragma once

#include "domain/result.h"
#include "storage/recordtable.h"
#include "ultrasound-exams/ultrasoundreport.h"

#include <QCoreApplication>

class Database;

// The ultrasound_report table (schema 11). Drafts are saved as often as the reader likes; sign()
// validates and freezes a report; a signed report is refused by save() and sign(), and amend()
// starts the new report that corrects it, the original kept as signed.
class UltrasoundReportRepository
{
    Q_DECLARE_TR_FUNCTIONS(UltrasoundReportRepository)
public:
    explicit UltrasoundReportRepository(const Database &database);

    Result<void> save(UltrasoundReport &report);
    // Signs as `signer` at `when` (UTC) once the validator finds nothing; the first problem is
    // returned otherwise ("usreport.*"), or "usreport.signed" for a report already signed.
    Result<void> sign(UltrasoundReport &report, const QString &signer, const QDateTime &when);
    // A draft copying a signed report's content, amending it.
    static Result<UltrasoundReport> amend(const UltrasoundReport &signedReport);

    Result<QList<UltrasoundReport>> forPregnancy(const QUuid &pregnancyId) const; // newest first
    Result<QList<UltrasoundReport>> forStudy(const QString &studyInstanceUid) const; // newest first
    // Studies (by Study Instance UID) that have at least one signed report.
    Result<QSet<QString>> signedStudies() const;

private:
    Result<QList<UltrasoundReport>> select(const QString &where, const QVariant &value) const;

    const Database &m_database;
    RecordTable m_table;
};
