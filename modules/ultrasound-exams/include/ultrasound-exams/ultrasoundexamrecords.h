#pragma once

#include "storage/pregnancyrepository.h"
#include "ultrasound-exams/pregnancyredating.h"
#include "ultrasound-exams/ultrasoundexamrepository.h"

#include <QCoreApplication>

class Database;

// The workstation's ultrasound writes, each one transaction: saving an exam to a pregnancy, and
// dating the pregnancy from one (the exam is saved with it, marked as the dating exam).
class UltrasoundExamRecords
{
    Q_DECLARE_TR_FUNCTIONS(UltrasoundExamRecords)
public:
    explicit UltrasoundExamRecords(const Database &database);

    Result<void> save(UltrasoundExam &exam);
    Result<QList<UltrasoundExam>> forPregnancy(const QUuid &pregnancyId) const;
    Result<std::optional<Pregnancy>> pregnancy(const QUuid &pregnancyId) const;

    // Applies the proposal PregnancyRedating makes for the stored pregnancy and returns it; a
    // refused proposal changes nothing (and is returned, not an error: the clinician reads why).
    Result<RedatingProposal> useToDate(UltrasoundExam &exam);

private:
    const Database &m_database;
    UltrasoundExamRepository m_exams;
    PregnancyRepository m_pregnancies;
};
