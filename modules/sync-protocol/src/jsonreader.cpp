#include "sync-protocol/jsonreader.h"

#include <cmath>

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>

JsonReader::JsonReader(const QJsonObject &object, QString where, const ProtocolLimits &limits)
    : m_object(object)
    , m_where(std::move(where))
    , m_limits(limits)
{
}

Result<QJsonObject> JsonReader::parseDocument(const QByteArray &body, const ProtocolLimits &limits)
{
    if (body.size() > limits.maxBodyBytes)
        return failure(QStringLiteral("protocol.too-large"),
                       QCoreApplication::translate("JsonReader", "The message is larger than %1 bytes.").arg(limits.maxBodyBytes));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return failure(QStringLiteral("protocol.invalid"),
                       QCoreApplication::translate("JsonReader", "The message is not valid JSON (%1 at byte %2).").arg(error.errorString()).arg(error.offset));
    if (!document.isObject())
        return failure(QStringLiteral("protocol.invalid"), QCoreApplication::translate("JsonReader", "The message must be a JSON object."));
    return document.object();
}

bool JsonReader::isIdentifier(const QString &value, int maximumLength)
{
    if (value.isEmpty() || value.size() > maximumLength)
        return false;
    for (const QChar c : value) {
        const bool allowed = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('_') || c == QLatin1Char('-')
            || c == QLatin1Char('.') || c == QLatin1Char(':');
        if (!allowed)
            return false;
    }
    return true;
}

Error JsonReader::invalid(const QString &key, const QString &why) const
{
    return Error{QStringLiteral("protocol.invalid"), QCoreApplication::translate("JsonReader", "%1.%2: %3").arg(m_where, key, why)};
}

Result<QJsonValue> JsonReader::required(const QString &key) const
{
    const auto it = m_object.constFind(key);
    if (it == m_object.constEnd())
        return tl::unexpected(invalid(key, QCoreApplication::translate("JsonReader", "missing")));
    return it.value();
}

Result<QString> JsonReader::identifier(const QString &key) const
{
    return required(key).and_then([&](const QJsonValue &value) -> Result<QString> {
        if (!value.isString() || !isIdentifier(value.toString(), m_limits.maxIdentifierLength))
            return tl::unexpected(invalid(key, QCoreApplication::translate("JsonReader", "must be an identifier of at most %1 letters, digits or _-.:")
                                                   .arg(m_limits.maxIdentifierLength)));
        return value.toString();
    });
}

Result<QString> JsonReader::text(const QString &key) const
{
    return required(key).and_then([&](const QJsonValue &value) -> Result<QString> {
        if (!value.isString() || value.toString().size() > m_limits.maxTextValueLength)
            return tl::unexpected(invalid(key, QCoreApplication::translate("JsonReader", "must be text of at most %1 characters").arg(m_limits.maxTextValueLength)));
        return value.toString();
    });
}

Result<qint64> JsonReader::integer(const QString &key, qint64 minimum, qint64 maximum) const
{
    return required(key).and_then([&](const QJsonValue &value) -> Result<qint64> {
        const double number = value.toDouble(-1.0);
        // Compared as doubles first: converting one outside qint64's range is undefined.
        if (!value.isDouble() || !(number >= double(minimum) && number <= double(maximum)) || number != std::trunc(number))
            return tl::unexpected(invalid(key, QCoreApplication::translate("JsonReader", "must be a whole number from %1 to %2").arg(minimum).arg(maximum)));
        return qint64(number);
    });
}

Result<bool> JsonReader::boolean(const QString &key) const
{
    return required(key).and_then([&](const QJsonValue &value) -> Result<bool> {
        if (!value.isBool())
            return tl::unexpected(invalid(key, QCoreApplication::translate("JsonReader", "must be true or false")));
        return value.toBool();
    });
}

Result<QJsonArray> JsonReader::array(const QString &key, int maximumSize) const
{
    return required(key).and_then([&](const QJsonValue &value) -> Result<QJsonArray> {
        if (!value.isArray())
            return tl::unexpected(invalid(key, QCoreApplication::translate("JsonReader", "must be a list")));
        if (value.toArray().size() > maximumSize)
            return tl::unexpected(Error{QStringLiteral("protocol.too-large"),
                                        QCoreApplication::translate("JsonReader", "%1.%2: more than %3 entries").arg(m_where, key).arg(maximumSize)});
        return value.toArray();
    });
}

Result<QJsonObject> JsonReader::object(const QString &key) const
{
    return required(key).and_then([&](const QJsonValue &value) -> Result<QJsonObject> {
        if (!value.isObject())
            return tl::unexpected(invalid(key, QCoreApplication::translate("JsonReader", "must be an object")));
        return value.toObject();
    });
}

Result<void> JsonReader::onlyKeys(const QStringList &allowed) const
{
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
        if (!allowed.contains(it.key()))
            return tl::unexpected(invalid(it.key().left(m_limits.maxIdentifierLength), QCoreApplication::translate("JsonReader", "unknown key")));
    }
    return {};
}
