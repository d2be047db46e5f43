#pragma once

#include "biometry/biometrymeasure.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

// What a fetal growth chart plots against gestational age: the four size measurements and the
// estimated fetal weight.
enum class GrowthMeasure { Bpd, Hc, Ac, Fl, Efw };

class GrowthMeasures
{
    Q_DECLARE_TR_FUNCTIONS(GrowthMeasures)
public:
    static QList<GrowthMeasure> all();
    // Stable key, as in the standards' JSON: "bpd", "hc", "ac", "fl", "efw".
    static QString key(GrowthMeasure measure);
    static std::optional<GrowthMeasure> fromKey(const QString &key);
    static QString abbreviation(GrowthMeasure measure); // BPD … EFW (not translated)
    static QString name(GrowthMeasure measure); // translated
    static QString unit(GrowthMeasure measure); // "mm" or "g"
    // The biometry measurement it is, none for EFW.
    static std::optional<BiometryMeasure> biometryMeasure(GrowthMeasure measure);
};
