#include "fhir/fhirsearch.h"

#include "fhir/fhirmapper.h"

#include <QRegularExpression>

namespace {
bool isFhirId(const QString &value)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9\\-\\.]{1,64}$"));
    return pattern.match(value).hasMatch();
}
} // namespace

QString FhirPageCursor::encode() const
{
    const QString plain = table + QLatin1Char('\n') + recordId + QLatin1Char('\n') + QString::number(skip);
    return QString::fromLatin1(
        plain.toUtf8().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<FhirPageCursor> FhirPageCursor::decode(const QString &token)
{
    const auto bytes = QByteArray::fromBase64Encoding(
        token.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!bytes)
        return std::nullopt;
    const QStringList parts = QString::fromUtf8(*bytes).split(QLatin1Char('\n'));
    if (parts.size() != 3 || parts.at(0).isEmpty() || parts.at(1).isEmpty())
        return std::nullopt;
    bool ok = false;
    const int skip = parts.at(2).toInt(&ok);
    if (!ok || skip < 0)
        return std::nullopt;
    return FhirPageCursor { parts.at(0), parts.at(1), skip };
}

Result<FhirSearch> FhirSearch::parse(const QString &resourceType, const QUrlQuery &query)
{
    if (!FhirMapper::resourceTypes().contains(resourceType))
        return failure(QStringLiteral("fhir.not-supported"),
            tr("This server does not serve %1 resources.").arg(resourceType));
    FhirSearch search;
    search.resourceType = resourceType;
    for (const auto &[key, rawValue] : query.queryItems(QUrl::FullyDecoded)) {
        const QString value = rawValue.trimmed();
        if (key == QLatin1String("_count")) {
            bool ok = false;
            search.count = value.toInt(&ok);
            if (!ok || search.count < 1)
                return failure(QStringLiteral("fhir.invalid"), tr("_count must be a positive whole number."));
            search.count = std::min(search.count, MaxCount);
        } else if (key == QLatin1String("_page")) {
            search.cursor = FhirPageCursor::decode(value);
            if (!search.cursor)
                return failure(
                    QStringLiteral("fhir.invalid"), tr("The page link is not one this server issued."));
        } else if (key == QLatin1String("_id")) {
            if (!isFhirId(value))
                return failure(QStringLiteral("fhir.invalid"), tr("_id is not a valid resource id."));
            search.id = value;
        } else if ((key == QLatin1String("patient") || key == QLatin1String("subject"))
            && resourceType != QLatin1String("Patient")) {
            const QString id = value.startsWith(QLatin1String("Patient/")) ? value.mid(8) : value;
            if (!isFhirId(id))
                return failure(
                    QStringLiteral("fhir.invalid"), tr("%1 must name a patient as Patient/ID.").arg(key));
            search.patientKey = id;
        } else if (key == QLatin1String("identifier") && resourceType == QLatin1String("Patient")) {
            const qsizetype bar = value.indexOf(QLatin1Char('|'));
            search.identifierSystem = bar < 0 ? QString() : value.left(bar);
            search.identifierValue = bar < 0 ? value : value.mid(bar + 1);
            if (search.identifierValue.isEmpty() || search.identifierValue.size() > 64)
                return failure(
                    QStringLiteral("fhir.invalid"), tr("identifier needs a value (system|value)."));
        } else if (key == QLatin1String("_format")) {
            if (!value.contains(QLatin1String("json")))
                return failure(QStringLiteral("fhir.format"), tr("This server speaks FHIR JSON only."));
        } else {
            return failure(QStringLiteral("fhir.not-supported"),
                tr("The search parameter \"%1\" is not supported for %2.").arg(key, resourceType));
        }
    }
    return search;
}

QUrlQuery FhirSearch::selfQuery() const
{
    QUrlQuery query;
    if (!id.isEmpty())
        query.addQueryItem(QStringLiteral("_id"), id);
    if (!patientKey.isEmpty())
        query.addQueryItem(QStringLiteral("patient"), QStringLiteral("Patient/") + patientKey);
    if (!identifierValue.isEmpty())
        query.addQueryItem(QStringLiteral("identifier"),
            identifierSystem.isEmpty() ? identifierValue
                                       : identifierSystem + QLatin1Char('|') + identifierValue);
    query.addQueryItem(QStringLiteral("_count"), QString::number(count));
    if (cursor)
        query.addQueryItem(QStringLiteral("_page"), cursor->encode());
    return query;
}

QUrlQuery FhirSearch::nextQuery(const FhirPageCursor &next) const
{
    FhirSearch following = *this;
    following.cursor = next;
    return following.selfQuery();
}
