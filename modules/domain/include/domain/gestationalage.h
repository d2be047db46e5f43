#pragma once

#include <QDate>
#include <QString>

#include <optional>

// Gestational age in completed days since the first day of the last menstrual period
// (or its ultrasound equivalent). 280 days (40+0) is the due date.
class GestationalAge
{
public:
    static constexpr int DaysAtTerm = 280;

    GestationalAge() = default;
    explicit GestationalAge(int days) : m_days(days) {}
    static GestationalAge fromWeeksAndDays(int weeks, int days) { return GestationalAge(weeks * 7 + days); }

    // From the estimated date of delivery: GA = 280 days − days remaining until the EDD.
    static GestationalAge onDate(const QDate &edd, const QDate &date);

    int totalDays() const { return m_days; }
    int completedWeeks() const { return m_days >= 0 ? m_days / 7 : -((-m_days + 6) / 7); }
    int extraDays() const { return m_days - completedWeeks() * 7; }
    int trimester() const; // 1: <14+0, 2: 14+0–27+6, 3: ≥28+0

    // The clinical notation "32+4".
    QString toString() const;

    auto operator<=>(const GestationalAge &) const = default;

private:
    int m_days = 0;
};

// EDD by Naegele's rule in its day-count form: first day of the LMP + 280 days (ACOG/SMFM
// Committee Opinion 700). The calendar form (+9 months +7 days, 月份减3或加9，日数加7) lands up to
// three days away across short months and leap years; the day count keeps EDD and gestational
// age consistent everywhere (GA on the LMP is 0+0, on the EDD 40+0), which the list, the banner
// and the visit schedule rely on.
QDate eddByNaegele(const QDate &lmp);

// The LMP-equivalent date that an EDD implies (EDD − 280 days), used to re-date a pregnancy.
QDate lmpEquivalentForEdd(const QDate &edd);
