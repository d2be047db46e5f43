#include "domain/labresult.h"

#include <array>

namespace {
struct LabTestInfo
{
    LabTest test;
    const char *key;
    const char *unit;
};

constexpr std::array<LabTestInfo, 10> labTests{{
    {LabTest::Haemoglobin, "hb", "g/L"},
    {LabTest::Platelets, "plt", "\u00d710\u2079/L"},
    {LabTest::FastingGlucose, "glucose", "mmol/L"},
    {LabTest::Ogtt1h, "ogtt1h", "mmol/L"},
    {LabTest::Ogtt2h, "ogtt2h", "mmol/L"},
    {LabTest::Alt, "alt", "U/L"},
    {LabTest::Creatinine, "creatinine", "\u00b5mol/L"},
    {LabTest::HBsAg, "hbsag", ""},
    {LabTest::Syphilis, "syphilis", ""},
    {LabTest::Hiv, "hiv", ""},
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

bool isQualitative(LabTest test)
{
    return test == LabTest::HBsAg || test == LabTest::Syphilis || test == LabTest::Hiv;
}
