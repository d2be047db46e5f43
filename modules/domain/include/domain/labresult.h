#pragma once

#include "domain/recordmeta.h"

#include <QDate>
#include <QString>
#include <QUuid>

#include <optional>

// The laboratory tests the antenatal record and the risk grading use. Units are fixed per test
// so that values from different clinics compare.
enum class LabTest {
    Haemoglobin,       // g/L
    Platelets,         // ×10⁹/L
    FastingGlucose,    // mmol/L
    Ogtt1h,            // mmol/L, 75 g OGTT
    Ogtt2h,            // mmol/L
    Alt,               // U/L
    Creatinine,        // µmol/L, with the laboratory's upper limit of normal
    HBsAg,             // qualitative
    Syphilis,          // qualitative (treponemal/non-treponemal screen)
    Hiv,               // qualitative
};

enum class Serology { Unknown, Negative, Positive };

QString labTestKey(LabTest test);
std::optional<LabTest> labTestFromKey(const QString &key);
QString labTestUnit(LabTest test); // "g/L", "×10⁹/L" …; empty for qualitative tests
QString labTestLabel(LabTest test); // translated, for screens and printouts
bool isQualitative(LabTest test);

struct LabResult
{
    RecordMeta meta;
    QUuid pregnancyId;
    QDate takenOn;
    LabTest test = LabTest::Haemoglobin;
    std::optional<double> value;              // quantitative tests
    std::optional<double> upperLimitOfNormal; // where the laboratory reports one (creatinine, ALT)
    Serology serology = Serology::Unknown;    // qualitative tests
};
