#pragma once

#include "domain/antenatalvisit.h"
#include "domain/patient.h"
#include "domain/pregnancy.h"

#include <QDate>
#include <QList>
#include <QString>

// What a handout prints of her record: read from the chart by the caller, so that the handouts
// need no storage.
struct HandoutInput
{
    QString clinicName;
    Patient patient;
    Pregnancy pregnancy;
    QList<AntenatalVisit> visits; // this pregnancy's, oldest first
    QString level; // her current decided grade ("green" … "red"); empty: not graded
    bool purple = false;
    QDate printedOn;
};
