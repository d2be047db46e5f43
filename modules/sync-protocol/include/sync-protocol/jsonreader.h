#pragma once

#include "domain/result.h"
#include "sync-protocol/protocollimits.h"

#include <QJsonArray>
#include <QJsonObject>

// Reads fields out of an untrusted JSON object with one error per problem, naming the field, so
// that both the center and the client refuse bad messages the same clear way. Unknown keys are
// rejected: a misspelt field must not be dropped silently.
class JsonReader
{
public:
    JsonReader(const QJsonObject &object, QString where, const ProtocolLimits &limits);

    Result<QString> identifier(const QString &key) const; // [A-Za-z0-9_.:-], bounded length
    Result<QString> text(const QString &key) const;
    Result<qint64> integer(const QString &key, qint64 minimum, qint64 maximum) const;
    Result<bool> boolean(const QString &key) const;
    Result<QJsonArray> array(const QString &key, int maximumSize) const;
    Result<QJsonObject> object(const QString &key) const;
    bool has(const QString &key) const { return m_object.contains(key); }
    Result<void> onlyKeys(const QStringList &allowed) const;

    static Result<QJsonObject> parseDocument(const QByteArray &body, const ProtocolLimits &limits);
    static bool isIdentifier(const QString &value, int maximumLength);

private:
    Result<QJsonValue> required(const QString &key) const;
    Error invalid(const QString &key, const QString &why) const;

    QJsonObject m_object;
    QString m_where;
    ProtocolLimits m_limits;
};
