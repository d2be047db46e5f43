#include "gdcmreference.h"

#include "dcmtkreference.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

bool GdcmReference::available()
{
    return !QStandardPaths::findExecutable(QStringLiteral("gdcmconv")).isEmpty()
        && DcmtkReference::available();
}

QImage GdcmReference::render(const QString &dicomPath, int frame, QString *why, const QStringList &options)
{
    QTemporaryDir dir;
    const QString raw = dir.filePath(QStringLiteral("raw.dcm"));
    QProcess process;
    process.start(
        QStandardPaths::findExecutable(QStringLiteral("gdcmconv")), options + QStringList { dicomPath, raw });
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        *why = QStringLiteral("gdcmconv %1: ").arg(options.join(QLatin1Char(' ')))
            + QString::fromLocal8Bit(process.readAllStandardError()).trimmed();
        return {};
    }
    return DcmtkReference::render(raw, frame, why);
}
