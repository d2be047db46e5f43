#include "ctg/ctgreason.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

CtgReason::CtgReason(const char *wording, QStringList arguments)
    : m_wording(QString::fromUtf8(wording))
    , m_arguments(std::move(arguments))
{
}

QString CtgReason::text() const
{
    QString text = QCoreApplication::translate("CtgAnalyzer", m_wording.toUtf8().constData());
    for (const QString &argument : m_arguments)
        text = text.arg(argument);
    return text;
}

QJsonValue CtgReason::toJson() const
{
    return QJsonObject { { QStringLiteral("wording"), m_wording },
        { QStringLiteral("arguments"), QJsonArray::fromStringList(m_arguments) } };
}

CtgReason CtgReason::fromJson(const QJsonValue &value)
{
    CtgReason reason;
    if (value.isString()) {
        reason.m_wording = value.toString();
        return reason;
    }
    const QJsonObject object = value.toObject();
    reason.m_wording = object.value(QStringLiteral("wording")).toString();
    for (const QJsonValue &argument : object.value(QStringLiteral("arguments")).toArray())
        reason.m_arguments.append(argument.toString());
    return reason;
}

void appendNewReasons(QList<CtgReason> &reasons, const QList<CtgReason> &more)
{
    for (const CtgReason &reason : more)
        if (!reasons.contains(reason))
            reasons.append(reason);
}

QStringList reasonTexts(const QList<CtgReason> &reasons)
{
    QStringList texts;
    texts.reserve(reasons.size());
    for (const CtgReason &reason : reasons)
        texts.append(reason.text());
    return texts;
}
