#include "ultrasound-exams/ultrasoundexam.h"

#include "biometry/hadlockweight.h"
#include "biometry/ultrasoundgestationalage.h"

UltrasoundExam UltrasoundExam::measured(const QUuid &pregnancyId, const QDate &examDate,
    const QString &studyInstanceUid, const FetalBiometry &biometry)
{
    UltrasoundExam exam;
    exam.pregnancyId = pregnancyId;
    exam.examDate = examDate;
    exam.studyInstanceUid = studyInstanceUid;
    exam.biometry = biometry;
    if (auto efw = HadlockWeight::estimate(biometry)) {
        exam.efwGrams = efw->grams;
        exam.efwFormula = HadlockWeight::formulaName(efw->formula);
    }
    if (auto ga = UltrasoundGestationalAge::estimate(biometry)) {
        exam.gestationalAge = ga->age;
        exam.gaMethod = UltrasoundGestationalAge::methodName(*ga);
    }
    return exam;
}
