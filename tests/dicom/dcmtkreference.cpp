#include "dcmtkreference.h"

#include "imagecompare.h"

#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

bool DcmtkReference::available()
{
    return !QStandardPaths::findExecutable(QStringLiteral("dcmj2pnm")).isEmpty();
}

QImage DcmtkReference::render(const QString &dicomPath, int frame, QString *why)
{
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("reference.png"));
    QStringList failures;
    for (const QString &tool : { QStringLiteral("dcmj2pnm"), QStringLiteral("dcml2pnm") }) {
        const QString program = QStandardPaths::findExecutable(tool);
        if (program.isEmpty()) {
            failures << tool + QStringLiteral(" not installed");
            continue;
        }
        QProcess process;
        process.start(program,
            { QStringLiteral("--write-png"), QStringLiteral("--frame"), QString::number(frame + 1), dicomPath,
                png });
        if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit
            || process.exitCode() != 0) {
            failures << tool + QStringLiteral(": ")
                    + QString::fromLocal8Bit(process.readAllStandardError()).trimmed();
            continue;
        }
        QImage image(png);
        if (!image.isNull())
            return image;
        failures << tool + QStringLiteral(" wrote no image");
    }
    *why = failures.join(QStringLiteral("; "));
    return {};
}

QString DcmtkReference::difference(const QImage &ours, const QString &dicomPath, int frame)
{
    QString why;
    const QImage reference = render(dicomPath, frame, &why);
    if (reference.isNull())
        return QStringLiteral("DCMTK cannot show frame %1: %2").arg(frame).arg(why);
    return ImageCompare::difference(ours, reference);
}
