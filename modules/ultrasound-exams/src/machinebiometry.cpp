#include "ultrasound-exams/machinebiometry.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace {
QString codeKey(const QString &scheme, const QString &value)
{
    return scheme + QLatin1Char('|') + value;
}

// EFW and AFI are not in the biometry set; these bounds only catch a wrong unit or a slip, the
// clinical judgement stays with the doctor.
bool plausible(const QString &key, double value)
{
    if (key == QLatin1String("efw"))
        return value >= 20 && value <= 7000;
    if (key == QLatin1String("afi"))
        return value >= 0 && value <= 60;
    const auto measure = BiometryMeasures::fromKey(key);
    return measure && BiometryMeasures::validate(*measure, value).has_value();
}

struct StatusName
{
    MachineReading::Status status;
    const char *key; // for JSON
    const char *text; // shown, translated
};

constexpr StatusName StatusNames[] {
    { MachineReading::Status::Used, "used", QT_TRANSLATE_NOOP("MachineBiometryMapping", "used") },
    { MachineReading::Status::NotChosen, "not-chosen",
        QT_TRANSLATE_NOOP("MachineBiometryMapping", "not used: the machine reported another value") },
    { MachineReading::Status::Conflicting, "conflicting",
        QT_TRANSLATE_NOOP(
            "MachineBiometryMapping", "not used: several values and none marked as the reported one") },
    { MachineReading::Status::UnknownCode, "unknown-code",
        QT_TRANSLATE_NOOP("MachineBiometryMapping", "not used: unknown measurement code") },
    { MachineReading::Status::UnknownUnit, "unknown-unit",
        QT_TRANSLATE_NOOP("MachineBiometryMapping", "not used: unknown unit") },
    { MachineReading::Status::OutOfRange, "out-of-range",
        QT_TRANSLATE_NOOP("MachineBiometryMapping", "not used: outside the range the formulas hold for") },
    { MachineReading::Status::NoValue, "no-value",
        QT_TRANSLATE_NOOP("MachineBiometryMapping", "not used: no value") },
    { MachineReading::Status::Derived, "derived",
        QT_TRANSLATE_NOOP("MachineBiometryMapping", "not used: derived by the machine from a measurement") },
};

const StatusName &statusName(MachineReading::Status status)
{
    for (const StatusName &name : StatusNames)
        if (name.status == status)
            return name;
    return StatusNames[0]; // every status is listed above
}

// Of several readings of one measure of one fetus, the one the machine reported.
void choose(QList<MachineReading *> &candidates)
{
    if (candidates.size() == 1) {
        candidates.first()->status = MachineReading::Status::Used;
        return;
    }
    QList<MachineReading *> marked;
    for (MachineReading *reading : candidates)
        if (!reading->source.derivation.isEmpty())
            marked.append(reading);
    MachineReading *chosen = marked.size() == 1 ? marked.first() : nullptr;
    if (!chosen && marked.isEmpty()) {
        bool allEqual = true;
        for (MachineReading *reading : candidates)
            allEqual = allEqual && std::abs(*reading->value - *candidates.first()->value) < 1e-9;
        if (allEqual)
            chosen = candidates.first();
    }
    for (MachineReading *reading : candidates)
        reading->status = !chosen ? MachineReading::Status::Conflicting
            : reading == chosen   ? MachineReading::Status::Used
                                  : MachineReading::Status::NotChosen;
}
} // namespace

const MachineFetus *MachineBiometry::fetus(const QString &label) const
{
    for (const MachineFetus &f : fetuses)
        if (f.label == label)
            return &f;
    return nullptr;
}

QList<MachineReading> MachineBiometry::unusedReadings() const
{
    QList<MachineReading> unused;
    for (const MachineReading &reading : readings)
        if (reading.status != MachineReading::Status::Used)
            unused.append(reading);
    return unused;
}

const MachineBiometryMapping &MachineBiometryMapping::builtIn()
{
    static const MachineBiometryMapping mapping = [] {
        QFile file(QStringLiteral(":/dicom/sr-biometry-codes.json"));
        auto loaded = file.open(QIODevice::ReadOnly)
            ? fromJson(file.readAll())
            : failure(QStringLiteral("sr.mapping"), QStringLiteral("missing"));
        // The mapping is part of the build; tst_machinebiometry proves it loads.
        Q_ASSERT(loaded.has_value());
        return loaded.value_or(MachineBiometryMapping());
    }();
    return mapping;
}

Result<MachineBiometryMapping> MachineBiometryMapping::fromJson(const QByteArray &json)
{
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    const QJsonObject quantities = root.value(QLatin1String("quantities")).toObject();
    MachineBiometryMapping mapping;
    for (const QJsonValue &value : root.value(QLatin1String("measures")).toArray()) {
        const QJsonObject measure = value.toObject();
        const QString key = measure.value(QLatin1String("key")).toString();
        const QJsonObject quantity
            = quantities.value(measure.value(QLatin1String("quantity")).toString()).toObject();
        if (key.isEmpty() || quantity.isEmpty())
            return failure(QStringLiteral("sr.mapping"),
                tr("The biometry code mapping is invalid near \"%1\".").arg(key));
        QHash<QString, double> &factors = mapping.m_factors[key];
        const QJsonObject ucum = quantity.value(QLatin1String("ucum")).toObject();
        for (auto it = ucum.begin(); it != ucum.end(); ++it)
            factors.insert(it.key(), it.value().toDouble());
        for (const QJsonValue &code : measure.value(QLatin1String("codes")).toArray())
            mapping.m_measureByCode.insert(
                codeKey(code[QLatin1String("scheme")].toString(), code[QLatin1String("value")].toString()),
                key);
    }
    if (mapping.m_factors.isEmpty())
        return failure(QStringLiteral("sr.mapping"), tr("The biometry code mapping lists no measures."));
    return mapping;
}

QString MachineBiometryMapping::measureOf(const SrCode &conceptName) const
{
    return m_measureByCode.value(codeKey(conceptName.scheme, conceptName.value));
}

std::optional<double> MachineBiometryMapping::convert(
    const QString &measureKey, const SrCode &unit, double value) const
{
    // Units are UCUM codes (PS3.16 CID 7181 and friends); a unit in another scheme is not
    // taken on its meaning alone.
    if (unit.scheme != QLatin1String("UCUM"))
        return std::nullopt;
    const auto factors = m_factors.constFind(measureKey);
    if (factors == m_factors.cend() || !factors->contains(unit.value))
        return std::nullopt;
    return value * factors->value(unit.value);
}

MachineBiometry MachineBiometryMapping::map(const StructuredReport &report) const
{
    MachineBiometry result;
    result.sopInstanceUid = report.sopInstanceUid;
    result.studyInstanceUid = report.studyInstanceUid;
    result.patientId = report.patientId;
    result.studyDate = report.studyDate;
    result.manufacturer = report.manufacturer;
    result.fetusCount = report.fetusCount;

    QStringList labels; // fetuses in the order the report first names them
    QMap<std::pair<QString, QString>, QList<int>> candidates; // (fetus, measure) → readings
    for (const SrMeasurement &source : report.measurements) {
        MachineReading reading;
        reading.source = source;
        reading.measureKey = measureOf(source.conceptName);
        if (source.derivedFromMeasurement)
            reading.status = MachineReading::Status::Derived;
        else if (reading.measureKey.isEmpty())
            reading.status = MachineReading::Status::UnknownCode;
        else if (!source.value)
            reading.status = MachineReading::Status::NoValue;
        else if (!(reading.value = convert(reading.measureKey, source.unit, *source.value)))
            reading.status = MachineReading::Status::UnknownUnit;
        else if (!plausible(reading.measureKey, *reading.value))
            reading.status = MachineReading::Status::OutOfRange;
        else {
            if (!labels.contains(source.fetus))
                labels.append(source.fetus);
            candidates[{ source.fetus, reading.measureKey }].append(int(result.readings.size()));
        }
        result.readings.append(reading);
    }

    for (auto it = candidates.begin(); it != candidates.end(); ++it) {
        QList<MachineReading *> group;
        for (int index : *it)
            group.append(&result.readings[index]);
        choose(group);
    }

    for (const QString &label : labels) {
        MachineFetus fetus;
        fetus.label = label;
        for (const MachineReading &reading : result.readings) {
            if (reading.status != MachineReading::Status::Used || reading.source.fetus != label)
                continue;
            fetus.sources.insert(reading.measureKey, reading.source.position);
            if (reading.measureKey == QLatin1String("efw"))
                fetus.efwGrams = reading.value;
            else if (reading.measureKey == QLatin1String("afi"))
                fetus.afiCm = reading.value;
            else if (const auto measure = BiometryMeasures::fromKey(reading.measureKey))
                fetus.biometry.set(*measure, *reading.value);
        }
        if (!fetus.isEmpty())
            result.fetuses.append(fetus);
    }
    return result;
}

QString MachineBiometryMapping::statusText(MachineReading::Status status)
{
    return tr(statusName(status).text);
}

QString MachineBiometryMapping::statusKey(MachineReading::Status status)
{
    return QString::fromLatin1(statusName(status).key);
}
