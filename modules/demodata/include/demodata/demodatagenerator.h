#pragma once

#include "storage/clinicrecords.h"

#include <QDate>
#include <QRandomGenerator>

// Deterministic synthetic clinic data for the demo and the benchmarks: plausible Chinese
// names, valid national ID numbers, phone numbers and addresses, pregnancies at every stage
// with antenatal visits along the recommended schedule, labs, and a realistic share of
// abnormal findings (hypertension, anaemia, thrombocytopenia, twins, scarred uterus, positive
// serology). The same seed and date always give the same data.
class DemoDataGenerator
{
public:
    DemoDataGenerator(quint32 seed, const QDate &today, QString clinicId);

    PatientChart nextChart();

private:
    QString nextName();
    QString nextNationalId(const QDate &birthDate);
    QString nextPhone();
    QString nextAddress();
    void addVisits(PatientChart &chart);
    void addLabs(PatientChart &chart);
    double gaussian(double mean, double sd);
    QDateTime during(const QDate &day); // a time in clinic hours on that day
    RecordMeta newMeta(const QDateTime &createdAt);

    QRandomGenerator m_random;
    QDate m_today;
    QString m_clinicId;
    int m_serial = 0;
    quint64 m_idCounter = 0;
};
