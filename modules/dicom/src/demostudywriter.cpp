#include "dicom/demostudywriter.h"

#include <QDir>
#include <QFile>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <cmath>
#include <numbers>
#include <vector>

namespace {
QByteArray uid()
{
    char buffer[100];
    return QByteArray(dcmGenerateUniqueIdentifier(buffer, SITE_INSTANCE_UID_ROOT));
}

// A 90° sector from the top centre, speckled tissue, a dark amniotic pool and a bright skull
// ellipse that drifts a little from frame to frame, as a live scan does.
std::vector<Uint8> sectorFrame(int columns, int rows, int frame, int instance)
{
    std::vector<Uint8> pixels(static_cast<size_t>(columns) * static_cast<size_t>(rows), 0);
    const double apexX = columns / 2.0;
    const double depth = rows * 0.95;
    const double headX = columns * 0.5 + 12.0 * std::sin(frame * 0.3 + instance);
    const double headY = rows * 0.55;
    const double a = columns * 0.16;
    const double b = rows * 0.17;
    quint32 noise = 2166136261u ^ static_cast<quint32>(frame * 131 + instance * 7919);
    for (int y = 0; y < rows; ++y) {
        for (int x = 0; x < columns; ++x) {
            noise = noise * 1664525u + 1013904223u;
            const double dx = x - apexX;
            const double r = std::hypot(dx, static_cast<double>(y));
            const double angle = std::atan2(std::abs(dx), static_cast<double>(y));
            if (r > depth || angle > std::numbers::pi / 4)
                continue;
            const double speckle = (noise >> 24) / 255.0;
            double value = 70 + 60 * speckle;
            const double ex = (x - headX) / a;
            const double ey = (y - headY) / b;
            const double e = ex * ex + ey * ey;
            if (e < 2.2)
                value = 15 + 20 * speckle; // amniotic fluid
            if (std::abs(e - 1.0) < 0.08)
                value = 220 + 35 * speckle; // skull
            else if (e < 0.92)
                value = 90 + 50 * speckle; // brain
            pixels[static_cast<size_t>(y) * static_cast<size_t>(columns) + static_cast<size_t>(x)]
                = static_cast<Uint8>(std::clamp(value, 0.0, 255.0));
        }
    }
    return pixels;
}

void putText(DcmDataset &dataset, const DcmTagKey &tag, const QString &value)
{
    dataset.putAndInsertString(tag, value.toUtf8().constData());
}

void putRegion(DcmDataset &dataset, int columns, int rows)
{
    DcmItem *item = nullptr;
    dataset.findOrCreateSequenceItem(DCM_SequenceOfUltrasoundRegions, item, 0);
    item->putAndInsertUint16(DCM_RegionSpatialFormat, 1); // 2D
    item->putAndInsertUint16(DCM_RegionDataType, 1);      // tissue
    item->putAndInsertUint32(DCM_RegionFlags, 0);
    item->putAndInsertUint32(DCM_RegionLocationMinX0, 0);
    item->putAndInsertUint32(DCM_RegionLocationMinY0, 0);
    item->putAndInsertUint32(DCM_RegionLocationMaxX1, static_cast<Uint32>(columns - 1));
    item->putAndInsertUint32(DCM_RegionLocationMaxY1, static_cast<Uint32>(rows - 1));
    item->putAndInsertUint16(DCM_PhysicalUnitsXDirection, 3); // cm
    item->putAndInsertUint16(DCM_PhysicalUnitsYDirection, 3);
    item->putAndInsertFloat64(DCM_PhysicalDeltaX, 0.01);
    item->putAndInsertFloat64(DCM_PhysicalDeltaY, 0.01);
}
} // namespace

Result<QStringList> DemoStudyWriter::write(const DemoStudy &study, const QString &directory)
{
    if (study.instances < 1 || study.framesPerInstance < 1 || study.columns < 16 || study.rows < 16)
        return failure(QStringLiteral("dicom.demo"), tr("A demo study needs at least one instance, one frame and 16×16 pixels."));
    if (!QDir().mkpath(directory))
        return failure(QStringLiteral("dicom.demo"), tr("The folder %1 cannot be created.").arg(directory));
    const QByteArray studyUid = uid();
    const QByteArray seriesUid = uid();
    const QString date = study.studyDate.toString(QStringLiteral("yyyyMMdd"));
    QStringList paths;
    for (int instance = 0; instance < study.instances; ++instance) {
        DcmFileFormat file;
        DcmDataset &ds = *file.getDataset();
        const QByteArray sopUid = uid();
        ds.putAndInsertString(DCM_SpecificCharacterSet, "ISO_IR 192");
        ds.putAndInsertString(DCM_SOPClassUID, UID_UltrasoundMultiframeImageStorage);
        ds.putAndInsertString(DCM_SOPInstanceUID, sopUid.constData());
        ds.putAndInsertString(DCM_StudyInstanceUID, studyUid.constData());
        ds.putAndInsertString(DCM_SeriesInstanceUID, seriesUid.constData());
        ds.putAndInsertString(DCM_Modality, "US");
        putText(ds, DCM_PatientID, study.patientId);
        putText(ds, DCM_PatientName, study.patientName);
        putText(ds, DCM_AccessionNumber, study.accessionNumber);
        putText(ds, DCM_AdmissionID, study.pregnancyId);
        putText(ds, DCM_StudyDescription, study.description);
        putText(ds, DCM_StudyDate, date);
        putText(ds, DCM_SeriesDate, date);
        ds.putAndInsertString(DCM_StudyTime, "093000");
        ds.putAndInsertString(DCM_StudyID, "1");
        ds.putAndInsertString(DCM_SeriesNumber, "1");
        putText(ds, DCM_InstanceNumber, QString::number(instance + 1));
        ds.putAndInsertString(DCM_Manufacturer, "ObsLink synthetic demo");
        ds.putAndInsertUint16(DCM_SamplesPerPixel, 1);
        ds.putAndInsertString(DCM_PhotometricInterpretation, "MONOCHROME2");
        ds.putAndInsertUint16(DCM_Rows, static_cast<Uint16>(study.rows));
        ds.putAndInsertUint16(DCM_Columns, static_cast<Uint16>(study.columns));
        ds.putAndInsertUint16(DCM_BitsAllocated, 8);
        ds.putAndInsertUint16(DCM_BitsStored, 8);
        ds.putAndInsertUint16(DCM_HighBit, 7);
        ds.putAndInsertUint16(DCM_PixelRepresentation, 0);
        putText(ds, DCM_NumberOfFrames, QString::number(study.framesPerInstance));
        ds.putAndInsertString(DCM_FrameIncrementPointer, "(0018,1063)");
        ds.putAndInsertString(DCM_FrameTime, "40");
        putRegion(ds, study.columns, study.rows);
        std::vector<Uint8> pixels;
        pixels.reserve(static_cast<size_t>(study.columns) * static_cast<size_t>(study.rows)
                       * static_cast<size_t>(study.framesPerInstance));
        for (int frame = 0; frame < study.framesPerInstance; ++frame) {
            const std::vector<Uint8> one = sectorFrame(study.columns, study.rows, frame, instance);
            pixels.insert(pixels.end(), one.begin(), one.end());
        }
        ds.putAndInsertUint8Array(DCM_PixelData, pixels.data(), static_cast<unsigned long>(pixels.size()));
        const QString path = QDir(directory).filePath(QStringLiteral("%1.dcm").arg(QString::fromLatin1(sopUid)));
        const OFCondition saved = file.saveFile(QFile::encodeName(path).constData(), EXS_LittleEndianExplicit);
        if (saved.bad())
            return failure(QStringLiteral("dicom.demo"), tr("The demo file %1 cannot be written (%2).").arg(path, QString::fromLatin1(saved.text())));
        paths << path;
    }
    return paths;
}

QList<DemoStudy> DemoStudyWriter::demoSet(const QDate &today)
{
    // Made-up women with valid-looking but fictitious identifiers (9xx… is no real region code).
    const struct
    {
        const char *id;
        const char *name;
        int daysAgo;
        int frames;
        const char *description;
    } women[] = {
        {"990101199203150028", QT_TRANSLATE_NOOP("DemoStudyWriter", "Demo^Li Na"), 0, 40, QT_TRANSLATE_NOOP("DemoStudyWriter", "Second-trimester anomaly scan")},
        {"990101198811020046", QT_TRANSLATE_NOOP("DemoStudyWriter", "Demo^Wang Fang"), 0, 24, QT_TRANSLATE_NOOP("DemoStudyWriter", "Growth scan")},
        {"990101199507210063", QT_TRANSLATE_NOOP("DemoStudyWriter", "Demo^Zhang Min"), 1, 30, QT_TRANSLATE_NOOP("DemoStudyWriter", "Dating scan")},
        {"990101199012300081", QT_TRANSLATE_NOOP("DemoStudyWriter", "Demo^Liu Yang"), 2, 16, QT_TRANSLATE_NOOP("DemoStudyWriter", "Nuchal translucency scan")},
        {"990101198705050104", QT_TRANSLATE_NOOP("DemoStudyWriter", "Demo^Chen Jing"), 3, 20, QT_TRANSLATE_NOOP("DemoStudyWriter", "Third-trimester growth scan")},
    };
    QList<DemoStudy> studies;
    int n = 0;
    for (const auto &woman : women) {
        DemoStudy study;
        study.patientId = QString::fromLatin1(woman.id);
        study.patientName = tr(woman.name);
        study.accessionNumber = QStringLiteral("US%1").arg(2026000 + ++n);
        study.pregnancyId = QStringLiteral("demo-pregnancy-%1").arg(n);
        // In the language the demo runs in (the CLI's locale), as a clinic's PACS would hold it.
        study.description = tr(woman.description);
        study.studyDate = today.addDays(-woman.daysAgo);
        study.instances = 2;
        study.framesPerInstance = woman.frames;
        studies << study;
    }
    return studies;
}
