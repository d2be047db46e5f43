#include "storage/clinicrecords.h"

#include "storage/database.h"
#include "storage/sqlerror.h"
#include "storage/transaction.h"

ClinicRecords::ClinicRecords(const Database &database)
    : m_database(database)
    , m_patients(database)
    , m_pregnancies(database)
    , m_visits(database)
    , m_labs(database)
    , m_grades(database)
{
}

Result<void> ClinicRecords::registerPregnancy(Patient &patient, Pregnancy &pregnancy)
{
    // Work on copies so that a failed transaction leaves the caller's records untouched
    // (no id or revision that the database never stored).
    Patient storedPatient = patient;
    Pregnancy storedPregnancy = pregnancy;
    Transaction transaction(m_database.connection());
    if (!storedPatient.recordNumber.isEmpty()) {
        auto taken = m_patients.recordNumberTaken(storedPatient.recordNumber, storedPatient.meta.id);
        if (!taken)
            return tl::unexpected(taken.error());
        if (*taken)
            return failure(QStringLiteral("record.duplicate-number"),
                tr("Record number %1 is already used by another woman.").arg(storedPatient.recordNumber));
    }
    if (auto done = m_patients.save(storedPatient); !done)
        return done;
    storedPregnancy.patientId = storedPatient.meta.id;
    if (auto done = m_pregnancies.save(storedPregnancy); !done)
        return done;
    if (auto done = transaction.commit(); !done)
        return done;
    patient = storedPatient;
    pregnancy = storedPregnancy;
    return {};
}

Result<void> ClinicRecords::saveVisit(AntenatalVisit &visit, const Pregnancy &pregnancy)
{
    AntenatalVisit stored = visit;
    Transaction transaction(m_database.connection());
    if (auto done = m_visits.save(stored, pregnancy); !done)
        return done;
    if (auto done = transaction.commit(); !done)
        return done;
    visit = stored;
    return {};
}

Result<void> ClinicRecords::saveLabs(QList<LabResult> &results)
{
    QList<LabResult> stored = results;
    Transaction transaction(m_database.connection());
    for (LabResult &result : stored)
        if (auto done = m_labs.save(result); !done)
            return done;
    if (auto done = transaction.commit(); !done)
        return done;
    results = stored;
    return {};
}

Result<void> ClinicRecords::saveGrade(RiskGradeRecord &grade)
{
    RiskGradeRecord stored = grade;
    Transaction transaction(m_database.connection());
    if (auto done = m_grades.save(stored); !done)
        return done;
    if (auto done = transaction.commit(); !done)
        return done;
    grade = stored;
    return {};
}

Result<void> ClinicRecords::saveFindings(QList<RiskFindingRecord> &findings)
{
    QList<RiskFindingRecord> stored = findings;
    Transaction transaction(m_database.connection());
    for (RiskFindingRecord &finding : stored)
        if (auto done = m_grades.saveFinding(finding); !done)
            return done;
    if (auto done = transaction.commit(); !done)
        return done;
    findings = stored;
    return {};
}

Result<void> ClinicRecords::writeChart(PatientChart &chart)
{
    if (auto done = m_patients.save(chart.patient); !done)
        return done;
    if (!chart.pregnancy)
        return {};
    chart.pregnancy->patientId = chart.patient.meta.id;
    if (auto done = m_pregnancies.save(*chart.pregnancy); !done)
        return done;
    for (AntenatalVisit &visit : chart.visits)
        if (auto done = m_visits.save(visit, *chart.pregnancy, VisitRepository::Schedule::Defer); !done)
            return done;
    if (auto done = m_visits.refreshSchedule(chart.pregnancy->meta.id); !done)
        return done;
    for (LabResult &lab : chart.labs) {
        lab.pregnancyId = chart.pregnancy->meta.id;
        if (auto done = m_labs.save(lab); !done)
            return done;
    }
    return {};
}

Result<void> ClinicRecords::importCharts(QList<PatientChart> &charts)
{
    QList<PatientChart> stored = charts;
    Transaction transaction(m_database.connection());
    // Imported records come from elsewhere (demo data, the center): not local edits to push.
    if (auto done = executeStatement(m_database.connection(),
            QStringLiteral("UPDATE sync_control SET applying = 1 WHERE id = 1"), "import");
        !done)
        return done;
    for (PatientChart &chart : stored)
        if (auto done = writeChart(chart); !done)
            return done;
    if (auto done = executeStatement(m_database.connection(),
            QStringLiteral("UPDATE sync_control SET applying = 0 WHERE id = 1"), "import");
        !done)
        return done;
    if (auto done = transaction.commit(); !done)
        return done;
    charts = stored;
    return {};
}

Result<std::optional<PatientChart>> ClinicRecords::loadChart(const QUuid &patientId) const
{
    auto patient = m_patients.find(patientId);
    if (!patient)
        return tl::unexpected(patient.error());
    if (!*patient)
        return std::optional<PatientChart>();
    PatientChart chart;
    chart.patient = **patient;
    auto pregnancies = m_pregnancies.forPatient(patientId);
    if (!pregnancies)
        return tl::unexpected(pregnancies.error());
    if (pregnancies->isEmpty())
        return std::optional<PatientChart>(chart);
    chart.pregnancy = pregnancies->last();
    auto visits = m_visits.forPregnancy(chart.pregnancy->meta.id);
    if (!visits)
        return tl::unexpected(visits.error());
    chart.visits = *visits;
    auto labs = m_labs.forPregnancy(chart.pregnancy->meta.id);
    if (!labs)
        return tl::unexpected(labs.error());
    chart.labs = *labs;
    auto grades = m_grades.history(chart.pregnancy->meta.id);
    if (!grades)
        return tl::unexpected(grades.error());
    chart.grades = *grades;
    auto findings = m_grades.findings(chart.pregnancy->meta.id);
    if (!findings)
        return tl::unexpected(findings.error());
    chart.findings = *findings;
    return std::optional<PatientChart>(chart);
}
