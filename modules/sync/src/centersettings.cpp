#include "sync/centersettings.h"

#include <QFile>
#include <QSettings>

#include <algorithm>
#include <memory>

namespace {
std::unique_ptr<QSettings> openSettings()
{
    const QString file = qEnvironmentVariable("OBSLINK_CENTER_CONFIG");
    auto settings = file.isEmpty() ? std::make_unique<QSettings>()
                                   : std::make_unique<QSettings>(file, QSettings::IniFormat);
    settings->beginGroup(QStringLiteral("center"));
    return settings;
}
} // namespace

CenterSettings CenterSettings::load()
{
    const auto settings = openSettings();
    CenterSettings s;
    s.url = settings->value(QStringLiteral("url")).toString();
    s.caFile = settings->value(QStringLiteral("caFile")).toString();
    s.publicKeySha256 = settings->value(QStringLiteral("publicKeySha256")).toString();
    s.username = settings->value(QStringLiteral("username")).toString();
    s.passwordFile = settings->value(QStringLiteral("passwordFile")).toString();
    // Not more often than every 15 s: a clinic's sync must not load the center for nothing.
    s.intervalSeconds
        = std::max(15, settings->value(QStringLiteral("intervalSeconds"), s.intervalSeconds).toInt());
    s.lockMinutes = std::clamp(settings->value(QStringLiteral("lockMinutes"), s.lockMinutes).toInt(), 1, 120);
    return s;
}

void CenterSettings::save() const
{
    const auto settings = openSettings();
    settings->setValue(QStringLiteral("url"), url);
    settings->setValue(QStringLiteral("caFile"), caFile);
    settings->setValue(QStringLiteral("publicKeySha256"), publicKeySha256);
    settings->setValue(QStringLiteral("username"), username);
    settings->setValue(QStringLiteral("passwordFile"), passwordFile);
    settings->setValue(QStringLiteral("intervalSeconds"), intervalSeconds);
    settings->setValue(QStringLiteral("lockMinutes"), lockMinutes);
}

Result<CenterEndpoint> CenterSettings::endpoint() const
{
    if (!isConfigured())
        return failure(QStringLiteral("sync.config"),
            tr("No regional center is configured (Settings → Regional center)."));
    const QUrl base(url);
    if (!base.isValid() || base.scheme() != QLatin1String("https") || base.host().isEmpty())
        return failure(QStringLiteral("sync.config"),
            tr("The regional center's address must start with https:// (%1).").arg(url));
    if (!caFile.isEmpty() && !QFile::exists(caFile))
        return failure(
            QStringLiteral("sync.config"), tr("The regional CA file %1 does not exist.").arg(caFile));
    CenterEndpoint endpoint;
    endpoint.baseUrl = base;
    endpoint.regionalCaFile = caFile;
    endpoint.publicKeySha256 = publicKeySha256.toLatin1();
    return endpoint;
}

Result<QString> CenterSettings::passwordFromFile() const
{
    if (passwordFile.isEmpty())
        return QString();
    QFile file(passwordFile);
    if (!file.open(QIODevice::ReadOnly))
        return failure(
            QStringLiteral("sync.config"), tr("The password file %1 cannot be read.").arg(passwordFile));
    return QString::fromUtf8(file.readLine()).trimmed();
}
