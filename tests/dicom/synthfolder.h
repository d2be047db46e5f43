#pragma once

#include "dicomsynth.h"

#include <QTemporaryDir>

// The temporary folder one test class writes its DICOM files to, each under a new name.
class SynthFolder
{
public:
    bool isValid() const { return m_dir.isValid(); }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }
    // The new file's path, or empty (with a warning saying why) if DCMTK or OpenJPEG cannot
    // write the image in that syntax.
    QString write(const SynthImage &image, SynthSyntax syntax, const SynthOptions &options = {});

private:
    QTemporaryDir m_dir;
    int m_files = 0;
};
