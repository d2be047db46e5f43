#pragma once

#include "storage/clinicrecords.h"

#include <QCoreApplication>
#include <QDate>

// The clinical summary a referral form starts with, written from her record so that the sender
// only corrects and adds: age, gravida and para, gestational age and EDD, her latest visit's
// blood pressure, weight, fundal height and fetal heart rate. The sender may change it freely.
class ReferralSummary
{
    Q_DECLARE_TR_FUNCTIONS(ReferralSummary)
public:
    static QString of(const PatientChart &chart, const QDate &today);
};
