#include "fhir/fhircapability.h"

#include "fhir/fhirmapper.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace {
QJsonObject searchParam(const char *name, const char *type, const QString &documentation)
{
    return { { QStringLiteral("name"), QLatin1String(name) }, { QStringLiteral("type"), QLatin1String(type) },
        { QStringLiteral("documentation"), documentation } };
}
} // namespace

QJsonObject FhirCapability::statement(const QString &base, const QString &softwareVersion)
{
    QJsonArray resources;
    for (const QString &type : FhirMapper::resourceTypes()) {
        QJsonArray params { searchParam("_id", "token", tr("The resource id.")),
            searchParam("_count", "number", tr("Resources per page (default 50, at most 500).")),
            searchParam("_page", "string", tr("The opaque cursor of a next link.")) };
        if (type == QLatin1String("Patient"))
            params.append(searchParam(
                "identifier", "token", tr("The national ID or record number, as system|value or value.")));
        else
            params.append(searchParam("patient", "reference", tr("The woman, as Patient/ID.")));
        resources.append(QJsonObject { { QStringLiteral("type"), type },
            { QStringLiteral("interaction"),
                QJsonArray { QJsonObject { { QStringLiteral("code"), QStringLiteral("read") } },
                    QJsonObject { { QStringLiteral("code"), QStringLiteral("search-type") } } } },
            { QStringLiteral("searchParam"), params } });
    }
    resources.append(QJsonObject { { QStringLiteral("type"), QStringLiteral("CodeSystem") },
        { QStringLiteral("interaction"),
            QJsonArray { QJsonObject { { QStringLiteral("code"), QStringLiteral("read") } } } } });
    QJsonObject software { { QStringLiteral("name"), QStringLiteral("ObsLink regional center") } };
    if (!softwareVersion.isEmpty())
        software.insert(QStringLiteral("version"), softwareVersion); // FHIR strings are never empty
    return { { QStringLiteral("resourceType"), QStringLiteral("CapabilityStatement") },
        { QStringLiteral("status"), QStringLiteral("active") },
        { QStringLiteral("date"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate) },
        { QStringLiteral("kind"), QStringLiteral("instance") }, { QStringLiteral("software"), software },
        { QStringLiteral("implementation"),
            QJsonObject { { QStringLiteral("description"), tr("ObsLink regional center, read-only FHIR R4") },
                { QStringLiteral("url"), base } } },
        { QStringLiteral("fhirVersion"), QStringLiteral("4.0.1") },
        { QStringLiteral("format"), QJsonArray { QStringLiteral("json") } },
        { QStringLiteral("rest"),
            QJsonArray { QJsonObject { { QStringLiteral("mode"), QStringLiteral("server") },
                { QStringLiteral("security"),
                    QJsonObject { { QStringLiteral("description"),
                        tr("HTTPS only. A bearer access token from POST /api/v1/login; a clinic's users read "
                           "the "
                           "women registered at or referred to their clinic, the platform role and the "
                           "center's staff read the region.") } } },
                { QStringLiteral("resource"), resources } } } } };
}

QJsonObject FhirCapability::fiveColorCodeSystem()
{
    QFile file(QStringLiteral(":/fhir/codesystem-five-color-risk.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}
