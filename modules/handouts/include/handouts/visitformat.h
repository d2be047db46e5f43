#pragma once

#include "domain/antenatalvisit.h"
#include "domain/patient.h"
#include "domain/pregnancy.h"

#include <QCoreApplication>
#include <QString>

// The values of a visit as the handouts (and the visit history) show them: numbers and dates through QLocale,
// units after the number, "—" for what was not measured.
class VisitFormat
{
    Q_DECLARE_TR_FUNCTIONS(VisitFormat)
public:
    static QString date(const QDate &date);
    static QString gestationalAge(const GestationalAge &age);
    static QString bloodPressure(const AntenatalVisit &visit);
    static QString weight(const AntenatalVisit &visit);
    static QString fundalHeight(const AntenatalVisit &visit);
    static QString abdominalGirth(const AntenatalVisit &visit);
    static QString fetalHeart(const AntenatalVisit &visit);
    static QString pulse(const AntenatalVisit &visit);
    static QString presentation(FetalPresentation presentation);
    static QString oedema(Oedema oedema);
    static QString urineProtein(UrineProtein protein);
    // Her name, age, record number, gravida/para and EDD as one paragraph of HTML.
    static QString identityHtml(const Patient &patient, const Pregnancy &pregnancy, const QDate &on);
    static QString notMeasured();
};
