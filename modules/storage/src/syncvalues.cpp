#include "syncvalues.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace SyncValues {
QVariant toSql(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? 1 : 0;
    case QJsonValue::Double: {
        const double number = value.toDouble();
        if (number == double(qint64(number)))
            return qint64(number);
        return number;
    }
    case QJsonValue::String:
        return value.toString();
    default:
        return QVariant(QMetaType::fromType<QString>());
    }
}

QString toText(const QJsonValue &value)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonObject { { QStringLiteral("v"), value } }).toJson(QJsonDocument::Compact));
}

QJsonValue fromText(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object().value(QStringLiteral("v"));
}

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}
} // namespace SyncValues
