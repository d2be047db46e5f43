#include "synthfolder.h"

#include <QDebug>

QString SynthFolder::write(const SynthImage &image, SynthSyntax syntax, const SynthOptions &options)
{
    const QString path = m_dir.filePath(QStringLiteral("synth%1.dcm").arg(m_files++));
    QString error;
    if (!DicomSynth::write(image, syntax, path, &error, options)) {
        qWarning("cannot write %s: %s", DicomSynth::syntaxName(syntax).constData(), qPrintable(error));
        return {};
    }
    return path;
}
