#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

// The standard fetal biometry set (ISUOG practice guidelines 2019, 2013 for the first
// trimester). Values are millimetres, as the viewer shows them.
enum class BiometryMeasure { Bpd, Hc, Ac, Fl, Crl, Nt };

// What each measurement is, how it is drawn and the values it can take. The range is where the
// formulas using it were derived (docs/biometry.md); a value outside it is refused rather than
// extrapolated, because a wrong calliper placement is far likelier than a fetus off every chart.
class BiometryMeasures
{
    Q_DECLARE_TR_FUNCTIONS(BiometryMeasures)
public:
    enum class Drawing { Distance, Ellipse };

    static QList<BiometryMeasure> all();
    // Stable key for storage and JSON: "bpd", "hc", …
    static QString key(BiometryMeasure measure);
    static std::optional<BiometryMeasure> fromKey(const QString &key);
    static QString abbreviation(BiometryMeasure measure); // BPD, HC … (not translated: used as is)
    static QString name(BiometryMeasure measure); // translated full name
    static Drawing drawing(BiometryMeasure measure);
    static double minimumMm(BiometryMeasure measure);
    static double maximumMm(BiometryMeasure measure);
    // The value if it is finite and within range; else error "biometry.out-of-range".
    static Result<double> validate(BiometryMeasure measure, double millimetres);
};
