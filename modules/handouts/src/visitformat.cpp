#include "handouts/visitformat.h"

#include "handouts/handoutdocument.h"

#include <QLocale>

namespace {
template <typename T> QString number(const std::optional<T> &value, int decimals, const QString &unit)
{
    if (!value)
        return VisitFormat::notMeasured();
    return QLocale().toString(static_cast<double>(*value), 'f', decimals) + QLatin1Char(' ') + unit;
}
} // namespace

QString VisitFormat::notMeasured()
{
    return QStringLiteral("—");
}

QString VisitFormat::date(const QDate &date)
{
    return date.isValid() ? QLocale().toString(date, QLocale::ShortFormat) : notMeasured();
}

QString VisitFormat::gestationalAge(const GestationalAge &age)
{
    return tr("%1 weeks").arg(age.toString());
}

QString VisitFormat::bloodPressure(const AntenatalVisit &visit)
{
    if (!visit.systolicMmHg || !visit.diastolicMmHg)
        return notMeasured();
    return tr("%1/%2 mmHg")
        .arg(QLocale().toString(*visit.systolicMmHg), QLocale().toString(*visit.diastolicMmHg));
}

QString VisitFormat::weight(const AntenatalVisit &visit)
{
    return number(visit.weightKg, 1, tr("kg"));
}

QString VisitFormat::fundalHeight(const AntenatalVisit &visit)
{
    return number(visit.fundalHeightCm, 1, tr("cm"));
}

QString VisitFormat::abdominalGirth(const AntenatalVisit &visit)
{
    return number(visit.abdominalGirthCm, 1, tr("cm"));
}

QString VisitFormat::fetalHeart(const AntenatalVisit &visit)
{
    return number(visit.fetalHeartRateBpm, 0, tr("beats/min"));
}

QString VisitFormat::pulse(const AntenatalVisit &visit)
{
    return number(visit.pulseBpm, 0, tr("beats/min"));
}

QString VisitFormat::presentation(FetalPresentation presentation)
{
    switch (presentation) {
    case FetalPresentation::Unknown:
        return notMeasured();
    case FetalPresentation::Cephalic:
        return tr("cephalic");
    case FetalPresentation::Breech:
        return tr("breech");
    case FetalPresentation::Transverse:
        return tr("transverse");
    case FetalPresentation::Oblique:
        return tr("oblique");
    }
    return notMeasured();
}

QString VisitFormat::oedema(Oedema oedema)
{
    static const char *const marks[] = { "−", "+", "++", "+++", "++++" };
    return QString::fromUtf8(marks[static_cast<int>(oedema)]);
}

QString VisitFormat::urineProtein(UrineProtein protein)
{
    switch (protein) {
    case UrineProtein::NotTested:
        return notMeasured();
    case UrineProtein::Negative:
        return QStringLiteral("−");
    case UrineProtein::Trace:
        return QStringLiteral("±");
    case UrineProtein::Plus1:
        return QStringLiteral("1+");
    case UrineProtein::Plus2:
        return QStringLiteral("2+");
    case UrineProtein::Plus3:
        return QStringLiteral("3+");
    case UrineProtein::Plus4:
        return QStringLiteral("4+");
    }
    return notMeasured();
}

QString VisitFormat::identityHtml(const Patient &patient, const Pregnancy &pregnancy, const QDate &on)
{
    const QString age
        = patient.birthDate.isValid() ? tr("%n years", nullptr, patient.ageInYearsOn(on)) : notMeasured();
    return QStringLiteral("<p><b>%1</b>&nbsp;&nbsp;%2&nbsp;&nbsp;%3<br>%4&nbsp;&nbsp;%5</p>")
        .arg(HandoutDocument::escaped(tr("Name: %1").arg(patient.name)),
            HandoutDocument::escaped(tr("Age: %1").arg(age)),
            HandoutDocument::escaped(tr("Record no.: %1").arg(patient.recordNumber)),
            HandoutDocument::escaped(tr("G%1 P%2").arg(pregnancy.gravida).arg(pregnancy.para)),
            HandoutDocument::escaped(tr("Expected date of delivery: %1").arg(date(pregnancy.edd()))));
}
