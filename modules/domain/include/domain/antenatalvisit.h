#pragma once

#include "domain/gestationalage.h"
#include "domain/recordmeta.h"

#include <QDate>
#include <QString>
#include <QUuid>

#include <optional>

enum class FetalPresentation { Unknown, Cephalic, Breech, Transverse, Oblique };
enum class Oedema { None, Ankle, BelowKnee, Thigh, Generalised }; // −, +, ++, +++, ++++
enum class UrineProtein { NotTested, Negative, Trace, Plus1, Plus2, Plus3, Plus4 };

QString presentationKey(FetalPresentation value);
std::optional<FetalPresentation> presentationFromKey(const QString &key);

// One antenatal check (产前检查). Append-only in sync terms: a correction is a new revision of the
// same visit, never an edit of another clinic's data.
struct AntenatalVisit
{
    RecordMeta meta;
    QUuid pregnancyId;
    QDate visitDate;
    GestationalAge gestationalAge; // computed from the pregnancy's EDD when saved
    std::optional<int> systolicMmHg;
    std::optional<int> diastolicMmHg;
    std::optional<int> pulseBpm;
    std::optional<double> weightKg;
    std::optional<double> fundalHeightCm;
    std::optional<double> abdominalGirthCm;
    std::optional<int> fetalHeartRateBpm;
    FetalPresentation presentation = FetalPresentation::Unknown;
    Oedema oedema = Oedema::None;
    UrineProtein urineProtein = UrineProtein::NotTested;
    QString notes;
    // What she takes home (docs/appointments.md): the advice given to her and her next
    // appointment, printed on her visit slip. An invalid date: no appointment made.
    QString advice;
    QDate nextAppointmentOn;
    QString nextAppointmentPurpose;
};
