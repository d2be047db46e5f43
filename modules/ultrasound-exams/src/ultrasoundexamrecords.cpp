#include "ultrasound-exams/ultrasoundexamrecords.h"

#include "storage/database.h"
#include "storage/transaction.h"

UltrasoundExamRecords::UltrasoundExamRecords(const Database &database)
    : m_database(database)
    , m_exams(database)
    , m_pregnancies(database)
{
}

Result<void> UltrasoundExamRecords::save(UltrasoundExam &exam)
{
    UltrasoundExam stored = exam; // the caller's copy changes only once the row is stored
    Transaction transaction(m_database.connection());
    if (auto done = m_exams.save(stored); !done)
        return done;
    if (auto done = transaction.commit(); !done)
        return done;
    exam = stored;
    return {};
}

Result<QList<UltrasoundExam>> UltrasoundExamRecords::forPregnancy(const QUuid &pregnancyId) const
{
    return m_exams.forPregnancy(pregnancyId);
}

Result<std::optional<Pregnancy>> UltrasoundExamRecords::pregnancy(const QUuid &pregnancyId) const
{
    return m_pregnancies.find(pregnancyId);
}

Result<RedatingProposal> UltrasoundExamRecords::useToDate(UltrasoundExam &exam)
{
    auto found = m_pregnancies.find(exam.pregnancyId);
    if (!found)
        return tl::unexpected(found.error());
    if (!*found)
        return failure(
            QStringLiteral("record.missing"), tr("The pregnancy of this exam is no longer in the record."));
    Pregnancy pregnancy = **found;
    const RedatingProposal proposal = PregnancyRedating::propose(pregnancy, exam);
    if (proposal.refused)
        return proposal;
    UltrasoundExam stored = exam;
    stored.datedPregnancy = true;
    pregnancy.ultrasoundDating = UltrasoundDating { stored.examDate, *stored.gestationalAge };
    Transaction transaction(m_database.connection());
    if (auto done = m_exams.save(stored); !done)
        return tl::unexpected(done.error());
    if (auto done = m_pregnancies.save(pregnancy); !done)
        return tl::unexpected(done.error());
    if (auto done = transaction.commit(); !done)
        return tl::unexpected(done.error());
    exam = stored;
    return proposal;
}
