#include "domain/recordvalidator.h"

#include "domain/nationalid.h"

#include <QRegularExpression>

namespace {
template <typename T>
void checkRange(QList<FieldError> &errors, const QString &field, const std::optional<T> &value,
                T low, T high, const QString &message)
{
    // Written so that NaN (which QLocale parses from "nan") fails the check instead of passing it.
    if (value && !(*value >= low && *value <= high))
        errors.append({field, message.arg(low).arg(high)});
}
} // namespace

QList<FieldError> RecordValidator::validatePatient(const Patient &patient, const QDate &today)
{
    QList<FieldError> errors;
    if (patient.name.trimmed().isEmpty())
        errors.append({QStringLiteral("name"), tr("Enter the woman's name.")});
    if (!patient.nationalId.trimmed().isEmpty()) {
        const auto id = NationalId::parse(patient.nationalId);
        if (!id)
            errors.append({QStringLiteral("nationalId"), id.error().message});
        else if (patient.birthDate.isValid() && id->birthDate != patient.birthDate)
            errors.append({QStringLiteral("birthDate"),
                           tr("The birth date does not match the one in the national ID number (%1).")
                               .arg(id->birthDate.toString(Qt::ISODate))});
    }
    if (!patient.birthDate.isValid())
        errors.append({QStringLiteral("birthDate"), tr("Enter the birth date.")});
    else {
        const int age = patient.ageInYearsOn(today);
        if (patient.birthDate > today)
            errors.append({QStringLiteral("birthDate"), tr("The birth date is in the future.")});
        else if (age < 10 || age > 60)
            errors.append({QStringLiteral("birthDate"),
                           tr("An age of %1 years is outside 10–60 years: please check the birth date.").arg(age)});
    }
    static const QRegularExpression phonePattern(QStringLiteral("^\\+?[0-9][0-9 -]{5,19}$"));
    if (!patient.phone.isEmpty() && !phonePattern.match(patient.phone).hasMatch())
        errors.append({QStringLiteral("phone"), tr("The phone number may contain only digits, spaces and dashes.")});
    return errors;
}

QList<FieldError> RecordValidator::validatePregnancy(const Pregnancy &pregnancy, const QDate &today)
{
    QList<FieldError> errors;
    if (!pregnancy.lmp.isValid() && !pregnancy.ultrasoundDating)
        errors.append({QStringLiteral("lmp"), tr("Enter the last menstrual period or an ultrasound dating.")});
    if (pregnancy.lmp.isValid()) {
        if (pregnancy.lmp > today)
            errors.append({QStringLiteral("lmp"), tr("The last menstrual period is in the future.")});
        else if (pregnancy.lmp.daysTo(today) > 44 * 7)
            errors.append({QStringLiteral("lmp"), tr("The last menstrual period is more than 44 weeks ago.")});
    }
    if (pregnancy.gravida < 1 || pregnancy.gravida > 30)
        errors.append({QStringLiteral("gravida"), tr("Gravida must be between 1 and 30 (this pregnancy counts).")});
    if (pregnancy.para < 0 || pregnancy.para >= pregnancy.gravida)
        errors.append({QStringLiteral("para"), tr("Para must be at least 0 and less than gravida.")});
    if (pregnancy.fetuses < 1 || pregnancy.fetuses > 6)
        errors.append({QStringLiteral("fetuses"), tr("The number of fetuses must be between 1 and 6.")});
    checkRange(errors, QStringLiteral("height"), pregnancy.heightCm, 120.0, 200.0,
               tr("Height must be between %1 and %2 cm."));
    checkRange(errors, QStringLiteral("prePregnancyWeight"), pregnancy.prePregnancyWeightKg, 30.0, 200.0,
               tr("Pre-pregnancy weight must be between %1 and %2 kg."));
    if (pregnancy.uterineSurgeries < 0 || pregnancy.uterineSurgeries > 10)
        errors.append({QStringLiteral("uterineSurgeries"), tr("The number of uterine operations must be between 0 and 10.")});
    if (pregnancy.lastUterineSurgeryDate.isValid() && pregnancy.lastUterineSurgeryDate > today)
        errors.append({QStringLiteral("lastUterineSurgery"), tr("The last uterine operation is in the future.")});
    return errors;
}

QList<FieldError> RecordValidator::validateVisit(const AntenatalVisit &visit, const Pregnancy &pregnancy,
                                                 const QDate &today)
{
    QList<FieldError> errors;
    if (!visit.visitDate.isValid())
        errors.append({QStringLiteral("visitDate"), tr("Enter the visit date.")});
    else if (visit.visitDate > today)
        errors.append({QStringLiteral("visitDate"), tr("The visit date is in the future.")});
    else if (pregnancy.lmp.isValid() && visit.visitDate < pregnancy.lmp)
        errors.append({QStringLiteral("visitDate"), tr("The visit date is before the last menstrual period.")});
    checkRange(errors, QStringLiteral("systolic"), visit.systolicMmHg, 60, 260,
               tr("Systolic pressure must be between %1 and %2 mmHg."));
    checkRange(errors, QStringLiteral("diastolic"), visit.diastolicMmHg, 30, 160,
               tr("Diastolic pressure must be between %1 and %2 mmHg."));
    if (visit.systolicMmHg.has_value() != visit.diastolicMmHg.has_value())
        errors.append({visit.systolicMmHg ? QStringLiteral("diastolic") : QStringLiteral("systolic"),
                       tr("Enter both systolic and diastolic pressure.")});
    else if (visit.systolicMmHg && *visit.diastolicMmHg >= *visit.systolicMmHg)
        errors.append({QStringLiteral("diastolic"), tr("Diastolic pressure must be lower than systolic pressure.")});
    checkRange(errors, QStringLiteral("pulse"), visit.pulseBpm, 30, 220, tr("Pulse must be between %1 and %2 beats/min."));
    checkRange(errors, QStringLiteral("weight"), visit.weightKg, 30.0, 250.0, tr("Weight must be between %1 and %2 kg."));
    checkRange(errors, QStringLiteral("fundalHeight"), visit.fundalHeightCm, 5.0, 50.0,
               tr("Fundal height must be between %1 and %2 cm."));
    checkRange(errors, QStringLiteral("abdominalGirth"), visit.abdominalGirthCm, 50.0, 200.0,
               tr("Abdominal girth must be between %1 and %2 cm."));
    checkRange(errors, QStringLiteral("fetalHeartRate"), visit.fetalHeartRateBpm, 50, 240,
               tr("Fetal heart rate must be between %1 and %2 beats/min."));
    if (visit.nextAppointmentOn.isValid() && visit.visitDate.isValid() && visit.nextAppointmentOn <= visit.visitDate)
        errors.append({QStringLiteral("nextAppointment"), tr("The next appointment must be after the visit date.")});
    else if (visit.nextAppointmentOn.isValid() && pregnancy.edd().isValid()
             && visit.nextAppointmentOn > pregnancy.edd().addDays(14))
        errors.append({QStringLiteral("nextAppointment"),
                       tr("The next appointment is more than two weeks after the due date.")});
    return errors;
}
