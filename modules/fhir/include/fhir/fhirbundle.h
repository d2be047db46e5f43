#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// FHIR Bundles: a searchset page with its self and next links, and a collection for an export.
class FhirBundle
{
public:
    // `base` is the server's FHIR base (https://host:port/fhir); links are absolute.
    static QJsonObject searchset(const QList<QJsonObject> &resources, const QString &base,
        const QString &selfUrl, const QString &nextUrl, std::optional<qsizetype> total = std::nullopt);
    static QJsonObject collection(const QList<QJsonObject> &resources, const QString &timestamp);
};
