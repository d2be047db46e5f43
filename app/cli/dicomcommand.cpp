#include "cliio.h"
#include "commands.h"

#include "dicom/dicomfile.h"
#include "dicom/dicomjson.h"
#include "dicom/structuredreport.h"
#include "ultrasound-exams/machinebiometry.h"

#include <QCoreApplication>
#include <QImageWriter>
#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>

#include <optional>

namespace {
QString usage()
{
    return QCoreApplication::translate("Cli",
        "Usage: obslink-cli dicom info FILE\n"
        "       obslink-cli dicom render FILE [--frame N] --out PNG\n"
        "       obslink-cli dicom sr FILE\n"
        "Frames are numbered from 0 (a one-frame file also accepts 1). `sr` lists the biometry of an\n"
        "ultrasound machine's structured report, fetus by fetus, and what became of every value.\n"
        "See docs/dicom.md.");
}

int info(const QStringList &arguments)
{
    if (arguments.size() != 1 || arguments.first().startsWith(QLatin1String("--"))) {
        printError(usage());
        return 2;
    }
    auto file = DicomFile::open(arguments.first());
    if (!file) {
        printError(file.error().message);
        return 1;
    }
    printJson(QJsonDocument(DicomJson::info((*file)->info())));
    return 0;
}

QJsonObject fetusJson(const MachineFetus &fetus)
{
    QJsonObject json { { QStringLiteral("label"), fetus.label } };
    for (BiometryMeasure measure : BiometryMeasures::all())
        if (const auto mm = fetus.biometry.millimetres(measure))
            json.insert(BiometryMeasures::key(measure) + QStringLiteral("Mm"), *mm);
    if (fetus.efwGrams)
        json.insert(QStringLiteral("efwGrams"), *fetus.efwGrams);
    if (fetus.afiCm)
        json.insert(QStringLiteral("afiCm"), *fetus.afiCm);
    QJsonObject sources;
    for (auto it = fetus.sources.begin(); it != fetus.sources.end(); ++it)
        sources.insert(it.key(), it.value());
    json.insert(QStringLiteral("sources"), sources);
    return json;
}

QJsonObject readingJson(const MachineReading &reading)
{
    const SrMeasurement &m = reading.source;
    QJsonObject json { { QStringLiteral("code"), m.conceptName.scheme + QLatin1Char(' ') + m.conceptName.value },
        { QStringLiteral("meaning"), m.conceptName.meaning }, { QStringLiteral("value"), m.valueText },
        { QStringLiteral("unit"), m.unit.value }, { QStringLiteral("fetus"), m.fetus },
        { QStringLiteral("section"), m.sections.join(QStringLiteral(" / ")) },
        { QStringLiteral("position"), m.position },
        { QStringLiteral("status"), MachineBiometryMapping::statusKey(reading.status) },
        { QStringLiteral("statusText"), MachineBiometryMapping::statusText(reading.status) } };
    if (!reading.measureKey.isEmpty())
        json.insert(QStringLiteral("measure"), reading.measureKey);
    if (!m.derivation.isEmpty())
        json.insert(QStringLiteral("derivation"), m.derivation);
    return json;
}

int structuredReport(const QStringList &arguments)
{
    if (arguments.size() != 1 || arguments.first().startsWith(QLatin1String("--"))) {
        printError(usage());
        return 2;
    }
    const auto report = StructuredReportReader::read(arguments.first());
    if (!report) {
        printError(report.error().message);
        return 1;
    }
    const MachineBiometry biometry = MachineBiometryMapping::builtIn().map(*report);
    QJsonArray fetuses, readings;
    for (const MachineFetus &fetus : biometry.fetuses)
        fetuses.append(fetusJson(fetus));
    for (const MachineReading &reading : biometry.readings)
        readings.append(readingJson(reading));
    QJsonObject json { { QStringLiteral("sopInstanceUid"), report->sopInstanceUid },
        { QStringLiteral("studyInstanceUid"), report->studyInstanceUid }, { QStringLiteral("patientId"), report->patientId },
        { QStringLiteral("studyDate"), report->studyDate }, { QStringLiteral("templateId"), report->templateId },
        { QStringLiteral("obstetricReport"), report->isObstetricUltrasoundReport() },
        { QStringLiteral("complete"), report->complete }, { QStringLiteral("verified"), report->verified },
        { QStringLiteral("fetuses"), fetuses }, { QStringLiteral("readings"), readings } };
    if (report->fetusCount)
        json.insert(QStringLiteral("fetusCount"), *report->fetusCount);
    printJson(QJsonDocument(json));
    return 0;
}

int render(const QStringList &arguments)
{
    QString path;
    QString out;
    std::optional<int> frame;
    for (int i = 0; i < arguments.size(); ++i) {
        QString argument = arguments[i];
        QString value;
        if (argument.startsWith(QLatin1String("--")) && argument.contains(QLatin1Char('='))) {
            value = argument.section(QLatin1Char('='), 1);
            argument = argument.section(QLatin1Char('='), 0, 0);
        } else if ((argument == QLatin1String("--frame") || argument == QLatin1String("--out"))
            && i + 1 < arguments.size()) {
            value = arguments[++i];
        }
        if (argument == QLatin1String("--frame")) {
            bool ok = false;
            frame = value.toInt(&ok);
            if (!ok || *frame < 0) {
                printError(QCoreApplication::translate("Cli", "--frame needs a frame number (0 or more)."));
                return 2;
            }
        } else if (argument == QLatin1String("--out") && !value.isEmpty()) {
            out = value;
        } else if (path.isEmpty() && !argument.startsWith(QLatin1String("--"))) {
            path = argument;
        } else {
            printError(usage());
            return 2;
        }
    }
    if (path.isEmpty() || out.isEmpty()) {
        printError(usage());
        return 2;
    }
    auto file = DicomFile::open(path);
    if (!file) {
        printError(file.error().message);
        return 1;
    }
    int index = frame.value_or(0);
    // DCMTK's tools count from 1; the only frame of a one-frame file is frame 0 or frame 1.
    if ((*file)->info().frames == 1 && index == 1)
        index = 0;
    auto image = (*file)->renderFrame(index);
    if (!image) {
        printError(image.error().message);
        return 1;
    }
    QSaveFile target(out);
    if (!target.open(QIODevice::WriteOnly)) {
        printError(QCoreApplication::translate("Cli", "Cannot write %1: %2").arg(out, target.errorString()));
        return 1;
    }
    QImageWriter writer(&target, "png");
    if (!writer.write(*image) || !target.commit()) {
        printError(QCoreApplication::translate("Cli", "Cannot write %1: %2").arg(out, writer.errorString()));
        return 1;
    }
    return 0;
}
} // namespace

int runDicomCommand(const QStringList &arguments)
{
    const QString sub = arguments.value(0);
    if (sub == QLatin1String("info"))
        return info(arguments.mid(1));
    if (sub == QLatin1String("render"))
        return render(arguments.mid(1));
    if (sub == QLatin1String("sr"))
        return structuredReport(arguments.mid(1));
    printError(usage());
    return 2;
}
