#pragma once

#include "domain/pregnancydating.h"
#include "domain/recordmeta.h"

#include <QDate>
#include <QUuid>

#include <optional>

enum class PregnancyStatus { Booked, Delivered, Closed, Transferred };

QString pregnancyStatusKey(PregnancyStatus status);
std::optional<PregnancyStatus> pregnancyStatusFromKey(const QString &key);

// One pregnancy of a patient, from booking (建档) to its end.
struct Pregnancy
{
    RecordMeta meta;
    QUuid patientId;
    QDate bookingDate;
    QDate lmp;
    std::optional<UltrasoundDating> ultrasoundDating;
    int gravida = 1;
    int para = 0;
    int fetuses = 1;
    PregnancyStatus status = PregnancyStatus::Booked;
    std::optional<double> heightCm;
    std::optional<double> prePregnancyWeightKg;
    int uterineSurgeries = 0; // caesareans, myomectomies, cornual resections …
    QDate lastUterineSurgeryDate;

    // EDD after applying the ultrasound-dating rule; invalid if neither LMP nor scan is known.
    QDate edd() const;
    std::optional<GestationalAge> gestationalAgeOn(const QDate &date) const;
    std::optional<double> prePregnancyBmi() const;
};
