#pragma once

#include "dicom/obgynreportwriter.h"

// Structured reports for the tests, shaped like an ultrasound machine's TID 5000 output.
namespace SrSynth {
SrCode loinc(const char *code, const char *meaning);
ObGynWrittenMeasurement measured(const SrCode &conceptName, const char *value, const char *unit);

// Twins A and B. A: two BPDs (84.0 mm, and the machine's mean 85.2 mm with the GA it derived,
// 241 d), HC 31.2 cm, AC 290 mm, FL 6.5 cm, a vendor code "99-CI-7" the mapping does not know,
// EFW 2100 g and AFI 12.5 cm. B: BPD 83 mm, HC 305 mm, AC 28.1 cm and again in inches (a unit
// the mapping does not convert), FL 64 mm, EFW 1.95 kg.
ObGynReportContent twins(const QString &studyInstanceUid, const QString &patientId, const QDate &studyDate);
} // namespace SrSynth
