#pragma once

#include "handouts/handouttexts.h"
#include "storage/clinicrecords.h"

#include <QCoreApplication>

#include <QDate>
#include <QRandomGenerator>

// Deterministic synthetic clinic data for the demo and the benchmarks: plausible Chinese
// names, valid national ID numbers, phone numbers and addresses, pregnancies at every stage
// with antenatal visits along the recommended schedule, labs, and a realistic share of
// abnormal findings (hypertension, anaemia, thrombocytopenia, twins, scarred uterus, positive
// serology). Each visit makes the next appointment the schedule calls for, with what it is for
// and the advice given in the language the demo runs in (the CLI's locale). The same seed and
// date always give the same data.
class DemoDataGenerator
{
    Q_DECLARE_TR_FUNCTIONS(DemoDataGenerator)
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
    std::optional<HandoutTexts> m_handoutTexts;
};
