#include "biometry/growthfinding.h"

#include <QLocale>

#include <cmath>

QString GrowthFinding::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Sga:
        return tr("Small for gestational age (SGA)");
    case Kind::Fgr:
        return tr("Fetal growth restriction (FGR)");
    case Kind::Lga:
        return tr("Large for gestational age (LGA)");
    }
    return {};
}

QString GrowthFinding::kindAbbreviation(Kind kind)
{
    switch (kind) {
    case Kind::Sga:
        return QStringLiteral("SGA");
    case Kind::Fgr:
        return QStringLiteral("FGR");
    case Kind::Lga:
        return QStringLiteral("LGA");
    }
    return {};
}

QString GrowthFinding::centileText(double centile)
{
    const QLocale locale;
    if (centile < 0.1)
        return tr("<P%1").arg(locale.toString(0.1, 'f', 1));
    if (centile > 99.9)
        return tr(">P%1").arg(locale.toString(99.9, 'f', 1));
    // Whole centiles in the middle; tenths at the ends, where 0.4 and 2.6 mean different things.
    const bool tenths = centile < 3 || centile > 97;
    return tr("P%1").arg(locale.toString(centile, 'f', tenths ? 1 : 0));
}

QString GrowthFinding::item() const
{
    return tr("%1: %2 %3 at %4")
        .arg(kindName(kind), GrowthMeasures::abbreviation(measure), centileText(centile), age.toString());
}

QString GrowthFinding::evidence() const
{
    const QLocale locale;
    const QString amount = measure == GrowthMeasure::Efw ? tr("%1 g").arg(locale.toString(qRound(value)))
                                                         : tr("%1 mm").arg(locale.toString(value, 'f', 1));
    const QString scan
        = tr("%1 %2 on %3 (%4) is at %5 of %6.")
              .arg(GrowthMeasures::abbreviation(measure), amount, locale.toString(date, QLocale::ShortFormat),
                  age.toString(), centileText(centile), standardName);
    if (byCrossing())
        return tr(
            "%1 It was at %2 on %3 (%4): %n major centile(s) crossed downwards.", nullptr, crossedCentiles)
            .arg(scan, centileText(fromCentile), locale.toString(*fromDate, QLocale::ShortFormat),
                fromAge ? fromAge->toString() : QString());
    return scan;
}
