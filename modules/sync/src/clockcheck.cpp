#include "sync/clockcheck.h"

#include <QLocale>

std::optional<qint64> ClockCheck::offsetSeconds(const QByteArray &dateHeader, const QDateTime &sentAt, const QDateTime &receivedAt)
{
    // RFC 9110 IMF-fixdate, the only form a current server sends: "Sun, 06 Nov 1994 08:49:37 GMT".
    QDateTime center = QLocale::c().toDateTime(QString::fromLatin1(dateHeader.trimmed()), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!center.isValid() || !sentAt.isValid() || !receivedAt.isValid())
        return std::nullopt;
    center.setTimeSpec(Qt::UTC);
    const QDateTime middle = sentAt.toUTC().addMSecs(sentAt.msecsTo(receivedAt) / 2);
    return middle.secsTo(center);
}

QString ClockCheck::warning(qint64 offsetSeconds)
{
    const int minutes = int((offsetSeconds < 0 ? -offsetSeconds : offsetSeconds) / 60);
    return (offsetSeconds > 0 ? tr("This computer's clock is %n minute(s) behind the regional center's.", nullptr, minutes)
                              : tr("This computer's clock is %n minute(s) ahead of the regional center's.", nullptr, minutes))
        + QLatin1Char(' ')
        + tr("The times it writes on visits, referrals and the audit trail are wrong by as much: ask your IT to set the clock.");
}
