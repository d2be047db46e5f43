#include "dicomweb/pacssettings.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>

#include <memory>

namespace {
std::unique_ptr<QSettings> openSettings()
{
    const QString file = qEnvironmentVariable("OBSLINK_PACS_CONFIG");
    if (!file.isEmpty())
        return std::make_unique<QSettings>(file, QSettings::IniFormat);
    return std::make_unique<QSettings>();
}

QString dataPath(const QString &name)
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(name);
}
} // namespace

PacsSettings PacsSettings::load()
{
    const auto settings = openSettings();
    settings->beginGroup(QStringLiteral("pacs"));
    PacsSettings s;
    s.url = settings->value(QStringLiteral("url")).toString();
    s.caFile = settings->value(QStringLiteral("caFile")).toString();
    s.username = settings->value(QStringLiteral("username")).toString();
    s.passwordFile = settings->value(QStringLiteral("passwordFile")).toString();
    s.cacheDirectory = settings->value(QStringLiteral("cacheDirectory"), dataPath(QStringLiteral("study-cache"))).toString();
    s.cacheMegabytes = std::max(64, settings->value(QStringLiteral("cacheMegabytes"), s.cacheMegabytes).toInt());
    s.receiverEnabled = settings->value(QStringLiteral("receiverEnabled"), false).toBool();
    s.aeTitle = settings->value(QStringLiteral("aeTitle"), s.aeTitle).toString();
    s.receiverPort = settings->value(QStringLiteral("receiverPort"), s.receiverPort).toInt();
    s.inboxDirectory = settings->value(QStringLiteral("inboxDirectory"), dataPath(QStringLiteral("dicom-inbox"))).toString();
    return s;
}

void PacsSettings::save() const
{
    const auto settings = openSettings();
    settings->beginGroup(QStringLiteral("pacs"));
    settings->setValue(QStringLiteral("url"), url);
    settings->setValue(QStringLiteral("caFile"), caFile);
    settings->setValue(QStringLiteral("username"), username);
    settings->setValue(QStringLiteral("passwordFile"), passwordFile);
    settings->setValue(QStringLiteral("cacheDirectory"), cacheDirectory);
    settings->setValue(QStringLiteral("cacheMegabytes"), cacheMegabytes);
    settings->setValue(QStringLiteral("receiverEnabled"), receiverEnabled);
    settings->setValue(QStringLiteral("aeTitle"), aeTitle);
    settings->setValue(QStringLiteral("receiverPort"), receiverPort);
    settings->setValue(QStringLiteral("inboxDirectory"), inboxDirectory);
}

Result<PacsEndpoint> PacsSettings::endpoint() const
{
    if (!isConfigured())
        return failure(QStringLiteral("dicomweb.config"), tr("No PACS is configured (Settings → PACS)."));
    PacsEndpoint endpoint{QUrl(url), caFile, username, {}};
    if (!passwordFile.isEmpty()) {
        QFile file(passwordFile);
        if (!file.open(QIODevice::ReadOnly))
            return failure(QStringLiteral("dicomweb.config"), tr("The PACS password file %1 cannot be read.").arg(passwordFile));
        endpoint.password = QString::fromUtf8(file.readLine()).trimmed();
    }
    return endpoint;
}
