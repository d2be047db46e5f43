#include "referrals/referralsummary.h"

#include <QLocale>

QString ReferralSummary::of(const PatientChart &chart, const QDate &today)
{
    const QLocale locale;
    QStringList parts;
    if (chart.patient.birthDate.isValid()) {
        int age = today.year() - chart.patient.birthDate.year();
        if (QDate(today.year(), chart.patient.birthDate.month(), 1).addDays(chart.patient.birthDate.day() - 1) > today)
            --age;
        parts << tr("%1 years old").arg(age);
    }
    if (const auto &pregnancy = chart.pregnancy) {
        parts << tr("G%1P%2").arg(pregnancy->gravida).arg(pregnancy->para);
        if (const auto ga = pregnancy->gestationalAgeOn(today))
            parts << tr("%1 weeks + %2 days").arg(ga->completedWeeks()).arg(ga->extraDays());
        if (pregnancy->edd().isValid())
            parts << tr("EDD %1").arg(locale.toString(pregnancy->edd(), QLocale::ShortFormat));
        if (pregnancy->fetuses > 1)
            parts << tr("%n fetus(es)", nullptr, pregnancy->fetuses);
    }
    QString summary = parts.join(tr(", "));
    if (chart.visits.isEmpty())
        return summary;
    const AntenatalVisit &last = chart.visits.constLast();
    QStringList findings;
    if (last.systolicMmHg && last.diastolicMmHg)
        findings << tr("BP %1/%2 mmHg").arg(*last.systolicMmHg).arg(*last.diastolicMmHg);
    if (last.weightKg)
        findings << tr("weight %1 kg").arg(locale.toString(*last.weightKg, 'f', 1));
    if (last.fundalHeightCm)
        findings << tr("fundal height %1 cm").arg(locale.toString(*last.fundalHeightCm, 'f', 0));
    if (last.fetalHeartRateBpm)
        findings << tr("FHR %1 bpm").arg(*last.fetalHeartRateBpm);
    if (!findings.isEmpty())
        summary += tr(". Last visit %1: %2.")
                       .arg(locale.toString(last.visitDate, QLocale::ShortFormat), findings.join(tr(", ")));
    return summary;
}
