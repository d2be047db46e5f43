#include "fhir/fhirbundle.h"

#include <QJsonArray>
#include <QUuid>

namespace {
QJsonObject link(const char *relation, const QString &url)
{
    return { { QStringLiteral("relation"), QLatin1String(relation) }, { QStringLiteral("url"), url } };
}
} // namespace

QJsonObject FhirBundle::searchset(const QList<QJsonObject> &resources, const QString &base,
    const QString &selfUrl, const QString &nextUrl, std::optional<qsizetype> total)
{
    QJsonArray links { link("self", selfUrl) };
    if (!nextUrl.isEmpty())
        links.append(link("next", nextUrl));
    QJsonArray entries;
    for (const QJsonObject &resource : resources)
        entries.append(QJsonObject {
            { QStringLiteral("fullUrl"),
                base + QLatin1Char('/') + resource.value(QStringLiteral("resourceType")).toString()
                    + QLatin1Char('/') + resource.value(QStringLiteral("id")).toString() },
            { QStringLiteral("resource"), resource },
            { QStringLiteral("search"),
                QJsonObject { { QStringLiteral("mode"), QStringLiteral("match") } } } });
    QJsonObject bundle { { QStringLiteral("resourceType"), QStringLiteral("Bundle") },
        { QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces) },
        { QStringLiteral("type"), QStringLiteral("searchset") }, { QStringLiteral("link"), links } };
    if (total)
        bundle.insert(QStringLiteral("total"), double(*total));
    if (!entries.isEmpty())
        bundle.insert(QStringLiteral("entry"), entries);
    return bundle;
}

QJsonObject FhirBundle::collection(const QList<QJsonObject> &resources, const QString &timestamp)
{
    QJsonArray entries;
    for (const QJsonObject &resource : resources)
        entries.append(QJsonObject { { QStringLiteral("resource"), resource } });
    QJsonObject bundle { { QStringLiteral("resourceType"), QStringLiteral("Bundle") },
        { QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces) },
        { QStringLiteral("type"), QStringLiteral("collection") },
        { QStringLiteral("timestamp"), timestamp } };
    if (!entries.isEmpty())
        bundle.insert(QStringLiteral("entry"), entries);
    return bundle;
}
