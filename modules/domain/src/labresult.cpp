#include "domain/labresult.h"

#include <QCoreApplication>

#include <array>

namespace {
struct LabTestInfo
{
    LabTest test;
    const char *key;
    const char *unit;
    const char *label;
};

constexpr std::array<LabTestInfo, 10> labTests{{
    {LabTest::Haemoglobin, "hb", "g/L", QT_TRANSLATE_NOOP("LabTest", "Haemoglobin")},
    {LabTest::Platelets, "plt", "\u00d710\u2079/L", QT_TRANSLATE_NOOP("LabTest", "Platelets")},
    {LabTest::FastingGlucose, "glucose", "mmol/L", QT_TRANSLATE_NOOP("LabTest", "Fasting glucose")},
    {LabTest::Ogtt1h, "ogtt1h", "mmol/L", QT_TRANSLATE_NOOP("LabTest", "OGTT 1 h")},
    {LabTest::Ogtt2h, "ogtt2h", "mmol/L", QT_TRANSLATE_NOOP("LabTest", "OGTT 2 h")},
    {LabTest::Alt, "alt", "U/L", QT_TRANSLATE_NOOP("LabTest", "ALT")},
    {LabTest::Creatinine, "creatinine", "\u00b5mol/L", QT_TRANSLATE_NOOP("LabTest", "Creatinine")},
    {LabTest::HBsAg, "hbsag", "", QT_TRANSLATE_NOOP("LabTest", "HBsAg")},
    {LabTest::Syphilis, "syphilis", "", QT_TRANSLATE_NOOP("LabTest", "Syphilis")},
    {LabTest::Hiv, "hiv", "", QT_TRANSLATE_NOOP("LabTest", "HIV")},
}};
} // namespace

QString labTestKey(LabTest test)
{
    for (const auto &info : labTests)
        if (info.test == test)
            return QString::fromLatin1(info.key);
    return {};
}

std::optional<LabTest> labTestFromKey(const QString &key)
{
    for (const auto &info : labTests)
        if (key == QLatin1String(info.key))
            return info.test;
    return std::nullopt;
}

QString labTestUnit(LabTest test)
{
    for (const auto &info : labTests)
        if (info.test == test)
            return QString::fromUtf8(info.unit);
    return {};
}

QString labTestLabel(LabTest test)
{
    for (const auto &info : labTests)
        if (info.test == test)
            return QCoreApplication::translate("LabTest", info.label);
    return {};
}

bool isQualitative(LabTest test)
{
    return test == LabTest::HBsAg || test == LabTest::Syphilis || test == LabTest::Hiv;
}
