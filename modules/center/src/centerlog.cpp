#include "centerlog.h"

#include <QDateTime>
#include <QJsonDocument>

#include <cstdio>

Q_LOGGING_CATEGORY(lcCenter, "obslink.center")

void logEvent(const QString &event, QJsonObject fields)
{
    fields.insert(QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    fields.insert(QStringLiteral("event"), event);
    const QByteArray line = QJsonDocument(fields).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}
