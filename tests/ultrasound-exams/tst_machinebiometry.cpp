// Biometry from the ultrasound machine's structured report (TID 5000): reports written with
// DCMTK's dcmsr by ObGynReportWriter are read back and mapped. Twins with values in mm and cm,
// a mean among repeated measurements, an unknown code and an unknown unit map fetus by fetus;
// an unmarked tie is left to the doctor; malformed files and files that are not SRs are refused
// with a message; every code of the mapping is one the mapping resolves.
#include "dicom/obgynreportwriter.h"
#include "dicom/structuredreport.h"
#include "srsynth.h"
#include "ultrasound-exams/machinebiometry.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dcobject.h>
#include <dcmtk/dcmdata/dcuid.h>

namespace {
using SrSynth::loinc;
using SrSynth::measured;

const SrCode Hc = loinc("11984-2", "Head Circumference");
const SrCode Ac = loinc("11979-2", "Abdominal Circumference");

ObGynReportContent twins()
{
    return SrSynth::twins(QStringLiteral("1.2.826.0.1.3680043.10.543.77"),
        QStringLiteral("110101199001011234"), QDate(2026, 11, 30));
}

const MachineReading *reading(const MachineBiometry &biometry, const QString &fetus, const QString &valueText)
{
    for (const MachineReading &r : biometry.readings)
        if (r.source.fetus == fetus && r.source.valueText == valueText)
            return &r;
    return nullptr;
}
} // namespace

class TestMachineBiometry : public QObject
{
    Q_OBJECT
private slots:
    void init() { QVERIFY(m_dir.isValid()); }
    void twinsMapFetusByFetusInMillimetres();
    void everyReadingIsListedWithWhatBecameOfIt();
    void anUnmarkedTieIsLeftToTheDoctor();
    void aSingleFetusWithoutFetusIdIsOneUnlabelledFetus();
    void aReportIsReadWhileTheReceiverKeepsFilesUncorrected();
    void aMalformedReportIsRefused();
    void aFileThatIsNoReportIsRefused();
    void everyMappedCodeResolvesAndUnitsConvert();

private:
    QString write(const ObGynReportContent &content, const QString &name)
    {
        const QString path = m_dir.filePath(name);
        const auto written = ObGynReportWriter::write(content, path);
        if (!written)
            qWarning() << written.error().message;
        return written ? path : QString();
    }

    QTemporaryDir m_dir;
};

void TestMachineBiometry::twinsMapFetusByFetusInMillimetres()
{
    const QString path = write(twins(), QStringLiteral("twins.dcm"));
    QVERIFY(!path.isEmpty());
    const auto report = StructuredReportReader::read(path);
    QVERIFY2(report.has_value(), qPrintable(report ? QString() : report.error().message));
    QVERIFY(report->isObstetricUltrasoundReport());
    QCOMPARE(report->templateId, QStringLiteral("5000"));
    QCOMPARE(report->patientId, QStringLiteral("110101199001011234"));
    QCOMPARE(report->studyInstanceUid, QStringLiteral("1.2.826.0.1.3680043.10.543.77"));
    QVERIFY(report->complete);
    QCOMPARE(report->fetusCount, std::optional<int>(2));

    const MachineBiometry biometry = MachineBiometryMapping::builtIn().map(*report);
    QCOMPARE(biometry.fetuses.size(), 2);
    const MachineFetus *a = biometry.fetus(QStringLiteral("A"));
    const MachineFetus *b = biometry.fetus(QStringLiteral("B"));
    QVERIFY(a && b);
    // The machine's mean of the two BPDs, not the first one; centimetres become millimetres.
    QCOMPARE(a->biometry.millimetres(BiometryMeasure::Bpd), std::optional<double>(85.2));
    QCOMPARE(a->biometry.millimetres(BiometryMeasure::Hc), std::optional<double>(312));
    QCOMPARE(a->biometry.millimetres(BiometryMeasure::Ac), std::optional<double>(290));
    QCOMPARE(a->biometry.millimetres(BiometryMeasure::Fl), std::optional<double>(65));
    QCOMPARE(a->efwGrams, std::optional<double>(2100));
    QCOMPARE(a->afiCm, std::optional<double>(12.5));
    QVERIFY(!a->biometry.has(BiometryMeasure::Crl));
    QCOMPARE(b->biometry.millimetres(BiometryMeasure::Bpd), std::optional<double>(83));
    QCOMPARE(b->biometry.millimetres(BiometryMeasure::Hc), std::optional<double>(305));
    QCOMPARE(b->biometry.millimetres(BiometryMeasure::Ac), std::optional<double>(281));
    QCOMPARE(b->biometry.millimetres(BiometryMeasure::Fl), std::optional<double>(64));
    QCOMPARE(b->efwGrams, std::optional<double>(1950));
    QVERIFY(!b->afiCm);
    // Where each value came from is kept, as the position in the report's content tree.
    QVERIFY(!a->sources.value(QStringLiteral("bpd")).isEmpty());
    QVERIFY(a->sources.value(QStringLiteral("bpd")) != b->sources.value(QStringLiteral("bpd")));
}

void TestMachineBiometry::everyReadingIsListedWithWhatBecameOfIt()
{
    const auto report = StructuredReportReader::read(write(twins(), QStringLiteral("twins.dcm")));
    QVERIFY(report.has_value());
    const MachineBiometry biometry = MachineBiometryMapping::builtIn().map(*report);
    // 7 + 1 AFI for A, 6 for B, and the GA the machine derived from A's mean BPD.
    QCOMPARE(biometry.readings.size(), 15);
    using S = MachineReading::Status;
    QCOMPARE(reading(biometry, QStringLiteral("A"), QStringLiteral("84.0"))->status, S::NotChosen);
    QCOMPARE(reading(biometry, QStringLiteral("A"), QStringLiteral("85.2"))->status, S::Used);
    QCOMPARE(reading(biometry, QStringLiteral("A"), QStringLiteral("85.2"))->source.derivation,
        QStringLiteral("Mean"));
    const MachineReading *unknownCode = reading(biometry, QStringLiteral("A"), QStringLiteral("1.23"));
    QCOMPARE(unknownCode->status, S::UnknownCode);
    QCOMPARE(unknownCode->source.conceptName.meaning, QStringLiteral("Vendor cranial index"));
    const MachineReading *inches = reading(biometry, QStringLiteral("B"), QStringLiteral("11.1"));
    QCOMPARE(inches->status, S::UnknownUnit);
    QCOMPARE(inches->measureKey, QStringLiteral("ac"));
    const MachineReading *age = reading(biometry, QStringLiteral("A"), QStringLiteral("241"));
    QVERIFY(age);
    QCOMPARE(age->status, S::Derived);
    QVERIFY(reading(biometry, QStringLiteral("A"), QStringLiteral("12.5"))
                ->source.sections.contains(QStringLiteral("Findings")));
    QCOMPARE(biometry.unusedReadings().size(), 4);
}

void TestMachineBiometry::anUnmarkedTieIsLeftToTheDoctor()
{
    ObGynReportContent content = twins();
    content.fetusCount.reset();
    ObGynWrittenFetus only;
    only.biometry = { measured(Hc, "300", "mm"), measured(Hc, "310", "mm"), measured(Ac, "280", "mm"),
        measured(Ac, "28", "cm") };
    content.fetuses = { only };
    const auto report = StructuredReportReader::read(write(content, QStringLiteral("tie.dcm")));
    QVERIFY(report.has_value());
    const MachineBiometry biometry = MachineBiometryMapping::builtIn().map(*report);
    QCOMPARE(biometry.fetuses.size(), 1);
    QVERIFY(!biometry.fetuses.first().biometry.has(BiometryMeasure::Hc));
    QCOMPARE(
        reading(biometry, QString(), QStringLiteral("300"))->status, MachineReading::Status::Conflicting);
    QCOMPARE(
        reading(biometry, QString(), QStringLiteral("310"))->status, MachineReading::Status::Conflicting);
    // The same value twice, in two units, is no conflict.
    QCOMPARE(biometry.fetuses.first().biometry.millimetres(BiometryMeasure::Ac), std::optional<double>(280));
}

void TestMachineBiometry::aSingleFetusWithoutFetusIdIsOneUnlabelledFetus()
{
    ObGynReportContent content = twins();
    content.fetusCount = 1;
    content.fetuses.removeLast();
    content.fetuses.first().fetusId.clear();
    const auto report = StructuredReportReader::read(write(content, QStringLiteral("single.dcm")));
    QVERIFY(report.has_value());
    const MachineBiometry biometry = MachineBiometryMapping::builtIn().map(*report);
    QCOMPARE(biometry.fetuses.size(), 1);
    QCOMPARE(biometry.fetuses.first().label, QString());
    QCOMPARE(
        biometry.fetuses.first().biometry.millimetres(BiometryMeasure::Bpd), std::optional<double>(85.2));
}

// The workstation's C-STORE receiver (DcmSCP) turns dcmdata's input correction off for the
// whole process; a report read while it listens keeps its UIDs' NUL padding.
void TestMachineBiometry::aReportIsReadWhileTheReceiverKeepsFilesUncorrected()
{
    const QString path = write(twins(), QStringLiteral("uncorrected.dcm"));
    dcmEnableAutomaticInputDataCorrection.set(OFFalse);
    const auto report = StructuredReportReader::read(path);
    dcmEnableAutomaticInputDataCorrection.set(OFTrue);
    QVERIFY2(report.has_value(), qPrintable(report ? QString() : report.error().message));
    QCOMPARE(report->sopClassUid, QStringLiteral(UID_ComprehensiveSRStorage));
    QCOMPARE(MachineBiometryMapping::builtIn().map(*report).fetuses.size(), 2);
}

void TestMachineBiometry::aMalformedReportIsRefused()
{
    const QString path = write(twins(), QStringLiteral("broken.dcm"));
    // A content item whose value type is not one PS3.3 defines.
    DcmFileFormat file;
    QVERIFY(file.loadFile(path.toStdString().c_str()).good());
    DcmItem *item = nullptr;
    QVERIFY(file.getDataset()->findAndGetSequenceItem(DCM_ContentSequence, item, 0).good());
    QVERIFY(item->putAndInsertString(DCM_ValueType, "BOGUS").good());
    QVERIFY(file.saveFile(path.toStdString().c_str(), EXS_LittleEndianExplicit).good());
    auto broken = StructuredReportReader::read(path);
    QVERIFY(!broken.has_value());
    QCOMPARE(broken.error().code, QStringLiteral("sr.malformed"));
    QVERIFY(broken.error().message.contains(QStringLiteral("broken.dcm")));

    // Cut short in the middle of its content.
    const QString whole = write(twins(), QStringLiteral("whole.dcm"));
    QFile in(whole);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QByteArray bytes = in.readAll();
    QFile cut(m_dir.filePath(QStringLiteral("cut.dcm")));
    QVERIFY(cut.open(QIODevice::WriteOnly));
    cut.write(bytes.left(bytes.size() * 2 / 3));
    cut.close();
    auto truncated = StructuredReportReader::read(cut.fileName());
    QVERIFY(!truncated.has_value());
    QVERIFY(!truncated.error().message.isEmpty());
}

void TestMachineBiometry::aFileThatIsNoReportIsRefused()
{
    const QString path = write(twins(), QStringLiteral("image.dcm"));
    DcmFileFormat file;
    QVERIFY(file.loadFile(path.toStdString().c_str()).good());
    QVERIFY(file.getDataset()->putAndInsertString(DCM_SOPClassUID, UID_UltrasoundImageStorage).good());
    QVERIFY(file.saveFile(path.toStdString().c_str(), EXS_LittleEndianExplicit).good());
    auto refused = StructuredReportReader::read(path);
    QVERIFY(!refused.has_value());
    QCOMPARE(refused.error().code, QStringLiteral("sr.not-sr"));

    QFile text(m_dir.filePath(QStringLiteral("notes.txt")));
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("BPD 85 mm\n");
    text.close();
    QVERIFY(!StructuredReportReader::read(text.fileName()).has_value());
    QVERIFY(!StructuredReportReader::read(m_dir.filePath(QStringLiteral("missing.dcm"))).has_value());
}

void TestMachineBiometry::everyMappedCodeResolvesAndUnitsConvert()
{
    QFile file(QStringLiteral(":/dicom/sr-biometry-codes.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonArray measures = QJsonDocument::fromJson(file.readAll())[QLatin1String("measures")].toArray();
    QVERIFY(measures.size() >= 8);
    const MachineBiometryMapping &mapping = MachineBiometryMapping::builtIn();
    for (const QJsonValue &measure : measures)
        for (const QJsonValue &code : measure[QLatin1String("codes")].toArray())
            QCOMPARE(mapping.measureOf({ code[QLatin1String("value")].toString(),
                         code[QLatin1String("scheme")].toString(), {} }),
                measure[QLatin1String("key")].toString());
    QCOMPARE(mapping.measureOf({ QStringLiteral("11820-8"), QStringLiteral("SCT"), {} }), QString());
    QCOMPARE(mapping.convert(QStringLiteral("fl"), ObGynReportContent::ucum(QStringLiteral("cm")), 6.5),
        std::optional<double>(65));
    QCOMPARE(mapping.convert(QStringLiteral("efw"), ObGynReportContent::ucum(QStringLiteral("kg")), 2.0),
        std::optional<double>(2000));
    QCOMPARE(mapping.convert(QStringLiteral("afi"), ObGynReportContent::ucum(QStringLiteral("mm")), 125),
        std::optional<double>(12.5));
    QVERIFY(!mapping.convert(QStringLiteral("efw"), ObGynReportContent::ucum(QStringLiteral("mm")), 2));
    QVERIFY(!mapping.convert(QStringLiteral("bpd"),
        { QStringLiteral("mm"), QStringLiteral("99LOCAL"), QStringLiteral("mm") }, 80));
    QVERIFY(!MachineBiometryMapping::fromJson("{}").has_value());
}

QTEST_GUILESS_MAIN(TestMachineBiometry)
#include "tst_machinebiometry.moc"
