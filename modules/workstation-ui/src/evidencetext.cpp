#include "workstation-ui/evidencetext.h"

#include <QLocale>

#include <cmath>

namespace {
bool isQualitative(const QString &input)
{
    return input == QLatin1String("hbsagPositive") || input == QLatin1String("syphilisPositive")
           || input == QLatin1String("hivPositive") || input == QLatin1String("malpresentationAtOrAfter36Weeks");
}
} // namespace

QString EvidenceText::inputName(const QString &input)
{
    static const QHash<QString, const char *> names{
        {QStringLiteral("ageYears"), QT_TR_NOOP("Age")},
        {QStringLiteral("bmi"), QT_TR_NOOP("BMI")},
        {QStringLiteral("heightCm"), QT_TR_NOOP("Height")},
        {QStringLiteral("hbGramsPerLitre"), QT_TR_NOOP("Hb")},
        {QStringLiteral("plateletsE9PerLitre"), QT_TR_NOOP("PLT")},
        {QStringLiteral("creatinineToUpperLimit"), QT_TR_NOOP("Creatinine")},
        {QStringLiteral("fetuses"), QT_TR_NOOP("Fetuses")},
        {QStringLiteral("uterineSurgeries"), QT_TR_NOOP("Uterine operations")},
        {QStringLiteral("monthsSinceLastUterineSurgery"), QT_TR_NOOP("Since the last uterine operation")},
        {QStringLiteral("hbsagPositive"), QT_TR_NOOP("HBsAg")},
        {QStringLiteral("syphilisPositive"), QT_TR_NOOP("Syphilis")},
        {QStringLiteral("hivPositive"), QT_TR_NOOP("HIV")},
        {QStringLiteral("bpReadingsAtLeast140over90"), QT_TR_NOOP("Visits with BP ≥140/90")},
        {QStringLiteral("bpReadingsAtLeast160over110"), QT_TR_NOOP("Visits with BP ≥160/110")},
        {QStringLiteral("malpresentationAtOrAfter36Weeks"), QT_TR_NOOP("Malpresentation at ≥36 weeks")},
    };
    const auto it = names.constFind(input);
    return it == names.constEnd() ? input : tr(*it);
}

QString EvidenceText::valueOf(const Evidence &e)
{
    if (e.input == QLatin1String("finding"))
        return tr("ticked by a clinician");
    const QLocale locale;
    QString value;
    if (isQualitative(e.input))
        value = e.value != 0 ? tr("positive") : tr("negative");
    else if (e.unit == QLatin1String("years"))
        value = tr("%1 years").arg(locale.toString(e.value, 'f', 0));
    else if (e.unit == QLatin1String("months"))
        value = tr("%1 months").arg(locale.toString(e.value, 'f', 0));
    else if (e.unit == QLatin1String("readings"))
        value = locale.toString(e.value, 'f', 0);
    else
        value = (locale.toString(e.value, 'f', e.value == std::floor(e.value) ? 0 : 1) + QLatin1Char(' ') + e.unit).trimmed();
    return inputName(e.input) + QLatin1Char(' ') + value;
}

QString EvidenceText::of(const Evidence &e)
{
    if (!e.date.isValid() || e.input == QLatin1String("finding"))
        return valueOf(e);
    return QStringLiteral("%1 (%2)").arg(valueOf(e), QLocale().toString(e.date, QLocale::ShortFormat));
}

QString EvidenceText::of(const QList<Evidence> &evidence)
{
    QStringList parts;
    for (const Evidence &e : evidence)
        parts.append(of(e));
    return parts.join(QStringLiteral("; "));
}

QString EvidenceText::of(const ProfileSource &source)
{
    const QString date = QLocale().toString(source.date, QLocale::ShortFormat);
    const QString value = source.evidence ? valueOf(*source.evidence) : QString();
    switch (source.kind) {
    case ProfileSource::Kind::Booking:
        return tr("Booking record %1: %2").arg(date, value);
    case ProfileSource::Kind::Visit:
        return tr("Visit %1: %2").arg(date, value);
    case ProfileSource::Kind::Lab:
        return tr("Lab %1: %2").arg(date, value);
    case ProfileSource::Kind::Finding:
        return tr("Ticked finding %1 by %2").arg(date, source.by);
    case ProfileSource::Kind::Screening:
        return value.isEmpty() ? tr("Screening %1 by %2").arg(date, source.by)
                               : tr("Screening %1 by %2: %3").arg(date, source.by, value);
    }
    return value;
}
