#include "audit/auditwire.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {
constexpr int MaxText = 4096; // any field; detail included

Error invalid(const QString &message)
{
    return { QStringLiteral("audit.invalid"), message };
}
} // namespace

QJsonObject AuditWire::toJson(const AuditEntry &e)
{
    return { { QStringLiteral("seq"), double(e.seq) }, { QStringLiteral("id"), e.id },
        { QStringLiteral("at"), e.at.toUTC().toString(Qt::ISODateWithMs) }, { QStringLiteral("clinicId"), e.clinicId },
        { QStringLiteral("workstation"), e.workstation }, { QStringLiteral("user"), e.user },
        { QStringLiteral("action"), AuditActions::key(e.action) }, { QStringLiteral("patientId"), e.patientId },
        { QStringLiteral("detail"), e.detail }, { QStringLiteral("prevHash"), e.prevHash }, { QStringLiteral("hash"), e.hash } };
}

QJsonObject AuditWire::toListing(const AuditEntry &e)
{
    QJsonObject listing = toJson(e);
    listing.insert(QStringLiteral("detail"), QJsonDocument::fromJson(e.detail.toUtf8()).object());
    return listing;
}

Result<AuditEntry> AuditWire::fromJson(const QJsonObject &json)
{
    static const QStringList keys { QStringLiteral("seq"), QStringLiteral("id"), QStringLiteral("at"), QStringLiteral("clinicId"),
        QStringLiteral("workstation"), QStringLiteral("user"), QStringLiteral("action"), QStringLiteral("patientId"),
        QStringLiteral("detail"), QStringLiteral("prevHash"), QStringLiteral("hash") };
    if (json.size() != keys.size())
        return tl::unexpected(invalid(tr("An audit entry has other fields than expected.")));
    for (const QString &key : keys) {
        const QJsonValue value = json.value(key);
        if (key == QLatin1String("seq") ? !value.isDouble() : (!value.isString() || value.toString().size() > MaxText))
            return tl::unexpected(invalid(tr("The audit entry's %1 is missing or not valid.").arg(key)));
    }
    AuditEntry e;
    const double seq = json.value(QStringLiteral("seq")).toDouble();
    e.seq = qint64(seq);
    e.id = json.value(QStringLiteral("id")).toString();
    e.at = QDateTime::fromString(json.value(QStringLiteral("at")).toString(), Qt::ISODateWithMs);
    e.clinicId = json.value(QStringLiteral("clinicId")).toString();
    e.workstation = json.value(QStringLiteral("workstation")).toString();
    e.user = json.value(QStringLiteral("user")).toString();
    const auto action = AuditActions::fromKey(json.value(QStringLiteral("action")).toString());
    e.patientId = json.value(QStringLiteral("patientId")).toString();
    e.detail = json.value(QStringLiteral("detail")).toString();
    e.prevHash = json.value(QStringLiteral("prevHash")).toString();
    e.hash = json.value(QStringLiteral("hash")).toString();
    if (seq < 1 || seq != double(e.seq) || !e.at.isValid() || !action || e.id.isEmpty() || e.workstation.isEmpty()
        || e.hash.size() != 64)
        return tl::unexpected(invalid(tr("An audit entry is not valid (seq, time, action, id or hash).")));
    e.action = *action;
    return e;
}

QByteArray AuditWire::encode(const Upload &upload)
{
    QJsonArray entries;
    for (const AuditEntry &e : upload.entries)
        entries.append(toJson(e));
    return QJsonDocument(QJsonObject { { QStringLiteral("workstation"), upload.workstation }, { QStringLiteral("entries"), entries } })
        .toJson(QJsonDocument::Compact);
}

Result<AuditWire::Upload> AuditWire::decode(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return tl::unexpected(invalid(tr("The audit upload is not a JSON object.")));
    const QJsonObject root = document.object();
    const QJsonValue entries = root.value(QStringLiteral("entries"));
    if (root.size() != 2 || !root.value(QStringLiteral("workstation")).isString() || !entries.isArray())
        return tl::unexpected(invalid(tr("The audit upload needs its workstation and its entries, and nothing else.")));
    if (entries.toArray().size() > MaxEntries)
        return tl::unexpected(invalid(tr("An audit upload carries at most %1 entries.").arg(MaxEntries)));
    Upload upload;
    upload.workstation = root.value(QStringLiteral("workstation")).toString();
    for (const QJsonValue &value : entries.toArray()) {
        if (!value.isObject())
            return tl::unexpected(invalid(tr("An audit entry is not a JSON object.")));
        auto entry = fromJson(value.toObject());
        if (!entry)
            return tl::unexpected(entry.error());
        if (entry->workstation != upload.workstation)
            return tl::unexpected(invalid(tr("An audit entry names another workstation than its upload.")));
        upload.entries.append(*entry);
    }
    return upload;
}
