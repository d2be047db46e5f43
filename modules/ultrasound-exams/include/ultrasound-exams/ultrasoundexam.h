#pragma once

#include "biometry/fetalbiometry.h"
#include "domain/gestationalage.h"
#include "domain/recordmeta.h"

#include <QDate>
#include <QUuid>

#include <optional>

// One ultrasound examination of a pregnancy: the biometry measured on a DICOM study and what it
// implies, as it was computed when the exam was saved (the formula names are kept with it).
struct UltrasoundExam
{
    RecordMeta meta;
    QUuid pregnancyId;
    QDate examDate;
    QString studyInstanceUid;
    FetalBiometry biometry;
    std::optional<double> efwGrams;
    QString efwFormula;
    std::optional<GestationalAge> gestationalAge;
    QString gaMethod;
    bool datedPregnancy = false; // the clinician used it to date the pregnancy

    // An exam with the EFW (Hadlock) and the GA by ultrasound its biometry allows.
    static UltrasoundExam measured(const QUuid &pregnancyId, const QDate &examDate,
        const QString &studyInstanceUid, const FetalBiometry &biometry);
};
