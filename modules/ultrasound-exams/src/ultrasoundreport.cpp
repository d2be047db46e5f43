#include "ultrasound-exams/ultrasoundreport.h"

namespace {
const QStringList heartKeys { QString(), QStringLiteral("present"), QStringLiteral("absent") };
const QStringList presentationKeys { QString(), QStringLiteral("cephalic"), QStringLiteral("breech"),
    QStringLiteral("transverse"), QStringLiteral("oblique") };
} // namespace

UltrasoundReport UltrasoundReport::fromExam(const UltrasoundExam &exam)
{
    UltrasoundReport report;
    report.pregnancyId = exam.pregnancyId;
    report.studyInstanceUid = exam.studyInstanceUid;
    report.examDate = exam.examDate;
    report.biometry = exam.biometry;
    report.efwGrams = exam.efwGrams;
    report.gestationalAge = exam.gestationalAge;
    return report;
}

QString UltrasoundReport::key(HeartActivity value)
{
    return heartKeys.value(int(value));
}

QString UltrasoundReport::key(Presentation value)
{
    return presentationKeys.value(int(value));
}

UltrasoundReport::HeartActivity UltrasoundReport::heartActivityFromKey(const QString &key)
{
    return HeartActivity(qMax(0, heartKeys.indexOf(key)));
}

UltrasoundReport::Presentation UltrasoundReport::presentationFromKey(const QString &key)
{
    return Presentation(qMax(0, presentationKeys.indexOf(key)));
}
