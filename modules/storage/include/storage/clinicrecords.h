#pragma once

#include "domain/antenatalvisit.h"
#include "domain/labresult.h"
#include "domain/patient.h"
#include "domain/pregnancy.h"
#include "domain/result.h"
#include "storage/labrepository.h"
#include "storage/patientrepository.h"
#include "storage/pregnancyrepository.h"
#include "storage/riskgraderepository.h"
#include "storage/visitrepository.h"

#include <QCoreApplication>

class Database;

// Everything the chart shows for one woman.
struct PatientChart
{
    Patient patient;
    std::optional<Pregnancy> pregnancy; // the current one
    QList<AntenatalVisit> visits;
    QList<LabResult> labs;
    QList<RiskGradeRecord> grades;       // oldest first
    QList<RiskFindingRecord> findings;   // ticked and not removed
};

// The clinical write operations of the workstation, each one transaction: either every row
// of it is stored or none is.
class ClinicRecords
{
    Q_DECLARE_TR_FUNCTIONS(ClinicRecords)
public:
    explicit ClinicRecords(const Database &database);
    const Database &database() const { return m_database; }

    Result<void> registerPregnancy(Patient &patient, Pregnancy &pregnancy);
    Result<void> saveVisit(AntenatalVisit &visit, const Pregnancy &pregnancy);
    Result<void> saveLabs(QList<LabResult> &results);
    Result<void> saveGrade(RiskGradeRecord &grade);
    // Ticks and unticks findings together (a removed finding is a tombstone, kept for sync).
    Result<void> saveFindings(QList<RiskFindingRecord> &findings);
    // Bulk import (demo data, initial sync): many charts in one transaction.
    Result<void> importCharts(QList<PatientChart> &charts);

    Result<std::optional<PatientChart>> loadChart(const QUuid &patientId) const;

private:
    Result<void> writeChart(PatientChart &chart);

    const Database &m_database;
    PatientRepository m_patients;
    PregnancyRepository m_pregnancies;
    VisitRepository m_visits;
    LabRepository m_labs;
    RiskGradeRepository m_grades;
};
