#include "cliio.h"
#include "commands.h"

#include "dicom/dicomfile.h"

#include <QCoreApplication>
#include <QImageWriter>

namespace {
QString usage()
{
    return QCoreApplication::translate("Cli", "Usage: obslink-cli dicom info FILE\n"
                                              "       obslink-cli dicom render FILE [--frame N] --out PNG\n"
                                              "Frames are numbered from 0 (frame 1 of a single-frame file is also accepted).");
}

int info(const QString &path)
{
    auto file = DicomFile::open(path);
    if (!file) {
        printError(file.error().message);
        return 1;
    }
    printJson(QJsonDocument((*file)->info().toJson()));
    return 0;
}

int render(const QStringList &arguments)
{
    QString path;
    QString out;
    int frame = 0;
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments[i];
        if (a == QLatin1String("--frame") && i + 1 < arguments.size()) {
            bool ok = false;
            frame = arguments[++i].toInt(&ok);
            if (!ok || frame < 0) {
                printError(usage());
                return 2;
            }
        } else if (a == QLatin1String("--out") && i + 1 < arguments.size()) {
            out = arguments[++i];
        } else if (path.isEmpty() && !a.startsWith(QLatin1String("--"))) {
            path = a;
        } else {
            printError(usage());
            return 2;
        }
    }
    if (path.isEmpty() || out.isEmpty()) {
        printError(usage());
        return 2;
    }
    auto file = DicomFile::open(path);
    if (!file) {
        printError(file.error().message);
        return 1;
    }
    if ((*file)->info().frames == 1 && frame == 1)
        frame = 0;
    auto image = (*file)->renderFrame(frame);
    if (!image) {
        printError(image.error().message);
        return 1;
    }
    QImageWriter writer(out, "png");
    if (!writer.write(*image)) {
        printError(QCoreApplication::translate("Cli", "Cannot write %1: %2").arg(out, writer.errorString()));
        return 1;
    }
    return 0;
}
} // namespace

int runDicomCommand(const QStringList &arguments)
{
    const QString sub = arguments.value(0);
    if (sub == QLatin1String("info") && arguments.size() == 2)
        return info(arguments[1]);
    if (sub == QLatin1String("render"))
        return render(arguments.mid(1));
    printError(usage());
    return 2;
}
