#include "ultrasound-exams/ultrasoundreportvalidator.h"

namespace {
using Problem = UltrasoundReportValidator::Problem;

Problem problem(const char *field, const char *code, const QString &message)
{
    return Problem { QLatin1String(field), Error { QLatin1String(code), message } };
}
} // namespace

QList<Problem> UltrasoundReportValidator::problems(const UltrasoundReport &r)
{
    QList<Problem> found;
    if (r.pregnancyId.isNull())
        found << problem(
            "pregnancy_id", "usreport.no-pregnancy", tr("The study is not linked to a pregnancy."));
    if (r.studyInstanceUid.trimmed().isEmpty())
        found << problem("study_uid", "usreport.no-study", tr("The report names no study."));
    if (!r.examDate.isValid())
        found << problem("exam_date", "usreport.no-date", tr("Enter the examination date."));
    // Quintuplets are the most a report form here is expected to describe.
    if (!r.fetusCount || *r.fetusCount < 1 || *r.fetusCount > 5)
        found << problem("fetus_count", "usreport.fetus-count", tr("Enter the number of fetuses (1 to 5)."));
    if (r.heartActivity == UltrasoundReport::HeartActivity::Unknown)
        found << problem(
            "heart_activity", "usreport.heart-activity", tr("State whether fetal heart activity is seen."));
    // A fetal heart rate outside 50–240 bpm is a typing error rather than a finding.
    if (r.heartRateBpm && (*r.heartRateBpm < 50 || *r.heartRateBpm > 240))
        found << problem("heart_rate_bpm", "usreport.heart-rate",
            tr("The fetal heart rate must be between 50 and 240 bpm."));
    if (r.heartActivity == UltrasoundReport::HeartActivity::Absent && r.heartRateBpm)
        found << problem("heart_rate_bpm", "usreport.heart-rate-absent",
            tr("A heart rate cannot be given when no heart activity is seen."));
    if (r.placentaGrade && (*r.placentaGrade < 0 || *r.placentaGrade > 3))
        found << problem("placenta_grade", "usreport.placenta-grade", tr("The placenta grade is 0 to III."));
    if (r.afiCm && (*r.afiCm < 0 || *r.afiCm > 50))
        found << problem(
            "afi_cm", "usreport.afi", tr("The amniotic fluid index must be between 0 and 50 cm."));
    if (r.deepestPocketCm && (*r.deepestPocketCm < 0 || *r.deepestPocketCm > 20))
        found << problem(
            "deepest_pocket_cm", "usreport.pocket", tr("The deepest pocket must be between 0 and 20 cm."));
    if (r.impression.trimmed().isEmpty())
        found << problem("impression", "usreport.no-impression", tr("Write the impression."));
    if (r.reader.trimmed().isEmpty())
        found << problem("reader", "usreport.no-reader", tr("Name the reading doctor."));
    if (!r.amends.isNull() && r.amendmentReason.trimmed().isEmpty())
        found << problem("amendment_reason", "usreport.no-reason", tr("Give the reason for the amendment."));
    return found;
}
