#include "ultrasound-exams/pregnancyredating.h"

#include <QLocale>

#include <cstdlib>

namespace {
QString date(const QDate &d)
{
    return QLocale().toString(d, QLocale::ShortFormat);
}
} // namespace

RedatingProposal PregnancyRedating::propose(const Pregnancy &pregnancy, const UltrasoundExam &exam)
{
    RedatingProposal p;
    p.eddBefore = pregnancy.edd();
    p.eddAfter = p.eddBefore;
    p.refused = true;
    if (!exam.gestationalAge || !exam.examDate.isValid()) {
        p.explanation
            = tr("This exam has no gestational age by ultrasound (measure a CRL, or BPD, HC, AC or FL), so "
                 "it cannot date the pregnancy.");
        return p;
    }
    if (pregnancy.status != PregnancyStatus::Booked) {
        p.explanation = tr("This pregnancy has ended; its dating is no longer changed.");
        return p;
    }
    if (const auto &earlier = pregnancy.ultrasoundDating;
        earlier && earlier->scanDate.isValid() && earlier->scanDate < exam.examDate) {
        p.explanation = tr("The pregnancy is already dated by the scan of %1 (%2). An EDD set by an earlier "
                           "ultrasound is not changed by a later one (ACOG Committee Opinion 700).")
                            .arg(date(earlier->scanDate), earlier->gestationalAgeAtScan.toString());
        return p;
    }
    p.refused = false;
    const UltrasoundDating scan { exam.examDate, *exam.gestationalAge };
    const auto dating = datePregnancy(pregnancy.lmp, scan);
    p.eddAfter = dating->edd;
    p.sourceAfter = dating->source;
    p.discrepancyDays = dating->discrepancyDays;
    if (!pregnancy.lmp.isValid()) {
        p.explanation = tr("No LMP is recorded: the ultrasound (%1 on %2) dates the pregnancy.")
                            .arg(exam.gestationalAge->toString(), date(exam.examDate));
        return p;
    }
    const GestationalAge byLmp = GestationalAge::onDate(eddByNaegele(pregnancy.lmp), exam.examDate);
    p.ageByLmpAtScan = byLmp;
    p.acceptedDays = acceptedDatingDiscrepancyDays(byLmp);
    const int difference = std::abs(p.discrepancyDays);
    if (dating->source == DatingSource::Ultrasound)
        p.explanation
            = tr("By ultrasound %1, by LMP %2: %n day(s) apart, more than the %3 days ACOG accepts at "
                 "%2. The ultrasound dates the pregnancy.",
                nullptr, difference)
                  .arg(exam.gestationalAge->toString(), byLmp.toString())
                  .arg(p.acceptedDays);
    else
        p.explanation = tr("By ultrasound %1, by LMP %2: %n day(s) apart, within the %3 days ACOG accepts at "
                           "%2. The EDD by LMP stands; the scan is kept as the dating ultrasound.",
            nullptr, difference)
                            .arg(exam.gestationalAge->toString(), byLmp.toString())
                            .arg(p.acceptedDays);
    return p;
}
