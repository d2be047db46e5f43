#include "fhir/fhircodes.h"

#include <QFile>
#include <QJsonDocument>

namespace {
const char *const RequiredSystems[] = { "loinc", "snomed", "ucum", "observationCategory", "dicomModality",
    "dicomUid", "fiveColor", "nationalId", "recordNumber", "clinic", "riskRule", "local" };
const char *const RequiredObservations[]
    = { "bloodPressure", "systolic", "diastolic", "bodyWeight", "fundalHeight", "edd", "ctg" };
const char *const RequiredLabs[]
    = { "hb", "plt", "glucose", "ogtt1h", "ogtt2h", "alt", "creatinine", "hbsag", "syphilis", "hiv" };
} // namespace

std::optional<FhirCodes::Code> FhirCodes::codeFrom(const QJsonValue &value)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject o = value.toObject();
    Code code { o.value(QStringLiteral("loinc")).toString(), o.value(QStringLiteral("snomed")).toString(),
        o.value(QStringLiteral("local")).toString(), o.value(QStringLiteral("display")).toString(),
        o.value(QStringLiteral("unit")).toString(), o.value(QStringLiteral("category")).toString() };
    if (code.display.isEmpty())
        return std::nullopt;
    return code;
}

Result<FhirCodes> FhirCodes::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(QStringLiteral("fhir.codes"), tr("The FHIR code table %1 cannot be read.").arg(path));
    return fromJson(file.readAll());
}

Result<FhirCodes> FhirCodes::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject())
        return failure(QStringLiteral("fhir.codes"),
            tr("The FHIR code table is not valid JSON: %1.").arg(parseError.errorString()));
    const QJsonObject root = document.object();
    FhirCodes codes;
    codes.m_version = root.value(QStringLiteral("version")).toString();
    const QJsonObject systems = root.value(QStringLiteral("systems")).toObject();
    for (auto it = systems.constBegin(); it != systems.constEnd(); ++it)
        codes.m_systems.insert(it.key(), it.value().toString());
    for (const char *name : RequiredSystems) {
        if (codes.m_systems.value(QLatin1String(name)).isEmpty())
            return failure(QStringLiteral("fhir.codes"),
                tr("The FHIR code table names no system \"%1\".").arg(QLatin1String(name)));
    }
    const auto readGroup
        = [&](const QString &group, const auto &required, QHash<QString, Code> &into) -> Result<void> {
        const QJsonObject entries = root.value(group).toObject();
        for (auto it = entries.constBegin(); it != entries.constEnd(); ++it) {
            const auto code = codeFrom(it.value());
            if (!code)
                return failure(QStringLiteral("fhir.codes"),
                    tr("The FHIR code \"%1\" in %2 has no display text.").arg(it.key(), group));
            into.insert(it.key(), *code);
        }
        for (const char *name : required) {
            if (!into.contains(QLatin1String(name)))
                return failure(QStringLiteral("fhir.codes"),
                    tr("The FHIR code table lacks \"%1\" in %2.").arg(QLatin1String(name), group));
        }
        return {};
    };
    if (auto read = readGroup(QStringLiteral("observations"), RequiredObservations, codes.m_observations);
        !read)
        return tl::unexpected(read.error());
    if (auto read = readGroup(QStringLiteral("labs"), RequiredLabs, codes.m_labs); !read)
        return tl::unexpected(read.error());
    const QJsonObject qualitative = root.value(QStringLiteral("qualitative")).toObject();
    const auto positive = codeFrom(qualitative.value(QStringLiteral("positive")));
    const auto negative = codeFrom(qualitative.value(QStringLiteral("negative")));
    const auto episode = codeFrom(root.value(QStringLiteral("episode")));
    const auto report = codeFrom(root.value(QStringLiteral("ultrasoundReport")));
    if (!positive || !negative || !episode || !report)
        return failure(QStringLiteral("fhir.codes"),
            tr("The FHIR code table lacks the qualitative, episode or report codes."));
    codes.m_positive = *positive;
    codes.m_negative = *negative;
    codes.m_episode = *episode;
    codes.m_ultrasoundReport = *report;
    return codes;
}

const FhirCodes &FhirCodes::builtIn()
{
    static const FhirCodes codes = [] {
        auto loaded = load();
        Q_ASSERT_X(loaded.has_value(), "FhirCodes", "resources/fhir/fhir-codes.json is invalid");
        return loaded.value_or(FhirCodes());
    }();
    return codes;
}

QString FhirCodes::system(const QString &name) const
{
    return m_systems.value(name);
}

std::optional<FhirCodes::Code> FhirCodes::observation(const QString &name) const
{
    const auto it = m_observations.constFind(name);
    return it == m_observations.constEnd() ? std::nullopt : std::optional<Code>(*it);
}

std::optional<FhirCodes::Code> FhirCodes::lab(const QString &testKey) const
{
    const auto it = m_labs.constFind(testKey);
    return it == m_labs.constEnd() ? std::nullopt : std::optional<Code>(*it);
}

FhirCodes::Code FhirCodes::qualitative(bool positive) const
{
    return positive ? m_positive : m_negative;
}

FhirCodes::Code FhirCodes::episode() const
{
    return m_episode;
}

FhirCodes::Code FhirCodes::ultrasoundReport() const
{
    return m_ultrasoundReport;
}
