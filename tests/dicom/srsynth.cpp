#include "srsynth.h"

namespace SrSynth {
SrCode loinc(const char *code, const char *meaning)
{
    return { QString::fromLatin1(code), QStringLiteral("LN"), QString::fromLatin1(meaning) };
}

ObGynWrittenMeasurement measured(const SrCode &conceptName, const char *value, const char *unit)
{
    ObGynWrittenMeasurement m;
    m.conceptName = conceptName;
    m.value = QString::fromLatin1(value);
    m.unit = ObGynReportContent::ucum(QString::fromLatin1(unit));
    return m;
}

ObGynReportContent twins(const QString &studyInstanceUid, const QString &patientId, const QDate &studyDate)
{
    const SrCode bpd = loinc("11820-8", "Biparietal Diameter");
    const SrCode hc = loinc("11984-2", "Head Circumference");
    const SrCode ac = loinc("11979-2", "Abdominal Circumference");
    const SrCode fl = loinc("11963-6", "Femur Length");
    const SrCode efw = loinc("11727-5", "Estimated Weight");
    ObGynReportContent report;
    report.patientId = patientId;
    report.patientName = QStringLiteral("Li^Na");
    report.studyInstanceUid = studyInstanceUid;
    report.studyDate = studyDate;
    report.fetusCount = 2;

    ObGynWrittenFetus a;
    a.fetusId = QStringLiteral("A");
    ObGynWrittenMeasurement bpdMean = measured(bpd, "85.2", "mm");
    bpdMean.mean = true;
    bpdMean.derivedGestationalAgeDays = 241;
    const SrCode vendorIndex { QStringLiteral("99-CI-7"), QStringLiteral("99VENDOR"),
        QStringLiteral("Vendor cranial index") };
    a.biometry
        = { measured(bpd, "84.0", "mm"), bpdMean, measured(hc, "31.2", "cm"), measured(ac, "290", "mm"),
              measured(fl, "6.5", "cm"), measured(vendorIndex, "1.23", "1"), measured(efw, "2100", "g") };
    a.amnioticSac = { measured(loinc("11627-7", "Amniotic Fluid Index"), "12.5", "cm") };

    ObGynWrittenFetus b;
    b.fetusId = QStringLiteral("B");
    b.biometry = { measured(bpd, "83", "mm"), measured(hc, "305", "mm"), measured(ac, "28.1", "cm"),
        measured(ac, "11.1", "[in_i]"), measured(fl, "64", "mm"), measured(efw, "1.95", "kg") };
    report.fetuses = { a, b };
    return report;
}
} // namespace SrSynth
