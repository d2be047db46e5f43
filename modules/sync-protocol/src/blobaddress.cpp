#include "sync-protocol/blobaddress.h"

#include <QCryptographicHash>

#include <algorithm>

namespace BlobAddress {
bool isValid(const QString &address)
{
    if (address.size() != 64)
        return false;
    return std::all_of(address.cbegin(), address.cend(), [](QChar c) {
        return (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            || (c >= QLatin1Char('a') && c <= QLatin1Char('f'));
    });
}

QString of(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

bool isBlobField(const QString &field)
{
    return field.endsWith(QLatin1String("_sha256"));
}

QStringList namedBy(const QJsonObject &fields)
{
    QStringList addresses;
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        if (!isBlobField(it.key()))
            continue;
        const QString address = it.value().toString();
        if (isValid(address) && !addresses.contains(address))
            addresses.append(address);
    }
    return addresses;
}
} // namespace BlobAddress
