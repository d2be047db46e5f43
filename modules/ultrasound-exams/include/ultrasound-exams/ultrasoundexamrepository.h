#pragma once

#include "domain/result.h"
#include "storage/recordtable.h"
#include "ultrasound-exams/ultrasoundexam.h"

class Database;

// The ultrasound_exam table (schema 9).
class UltrasoundExamRepository
{
public:
    explicit UltrasoundExamRepository(const Database &database);

    Result<void> save(UltrasoundExam &exam);
    Result<QList<UltrasoundExam>> forPregnancy(const QUuid &pregnancyId) const; // newest first

private:
    const Database &m_database;
    RecordTable m_table;
};
