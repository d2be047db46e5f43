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

// EDD by Naegele's rule: first day of the LMP + 1 year − 3 months + 7 days. The calendar rule
// (not a flat 280 days) is what clinicians compute on a wheel or by hand, so the record agrees
// with the antenatal card; month ends are clamped by the calendar (31 May → 28/29 Feb + 7).
QDate eddByNaegele(const QDate &lmp);

// The LMP-equivalent date that an EDD implies (EDD − 280 days), used to re-date a pregnancy.
QDate lmpEquivalentForEdd(const QDate &edd);
