#pragma once

// A clinic database with one booked pregnancy, for the grading tests.
#include "grading/gradingservice.h"
#include "storage/database.h"

#include <QTemporaryDir>
#include <QTest>

struct GradingFixture
{
    const QDate today{2026, 11, 20};
    std::unique_ptr<QTemporaryDir> dir = std::make_unique<QTemporaryDir>();
    std::unique_ptr<Database> db;
    std::unique_ptr<CaseManagement> cases;
    std::unique_ptr<GradingService> grading;
    QUuid patientId;

    explicit GradingFixture(const QDate &birthDate)
    {
        auto opened = Database::open(dir->filePath(QStringLiteral("c.db")), {QStringLiteral("c1"), QStringLiteral("dr-wang")});
        if (!opened)
            qFatal("cannot open the test database: %s", qPrintable(opened.error().message));
        db = std::move(*opened);
        cases = std::make_unique<CaseManagement>(*db, CaseSettings::defaults());
        grading = std::make_unique<GradingService>(*db, RuleSet::national2017(), *cases);
        Patient p;
        p.name = QStringLiteral("孙丽");
        p.birthDate = birthDate;
        Pregnancy pr;
        pr.lmp = today.addDays(-100);
        pr.bookingDate = today.addDays(-30);
        if (!ClinicRecords(*db).registerPregnancy(p, pr))
            qFatal("cannot register the test pregnancy");
        patientId = p.meta.id;
    }

    PatientChart chart() const { return **ClinicRecords(*db).loadChart(patientId); }

    QUuid addLab(LabTest test, double value, const QDate &on)
    {
        QList<LabResult> labs{LabResult{}};
        labs[0].pregnancyId = chart().pregnancy->meta.id;
        labs[0].takenOn = on;
        labs[0].test = test;
        labs[0].value = value;
        if (!ClinicRecords(*db).saveLabs(labs))
            qFatal("cannot save the test lab result");
        return labs[0].meta.id;
    }

    QUuid addVisit(const QDate &on, int systolic, int diastolic)
    {
        AntenatalVisit visit;
        visit.pregnancyId = chart().pregnancy->meta.id;
        visit.visitDate = on;
        visit.systolicMmHg = systolic;
        visit.diastolicMmHg = diastolic;
        if (!ClinicRecords(*db).saveVisit(visit, *chart().pregnancy))
            qFatal("cannot save the test visit");
        return visit.meta.id;
    }
};
