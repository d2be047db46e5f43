#pragma once

#include "dicom/dicominfo.h"
#include "domain/result.h"

#include <QCoreApplication>
#include <QImage>

#include <memory>

// An open DICOM file. Its header is read at once; pixel data is decoded one frame at a time on
// request, so the first frame of a long cine loop shows without decoding the rest. Renders a
// frame exactly as DCMTK displays it by default (modality LUT, no VOI windowing, colour models
// converted to RGB), and decodes JPEG 2000 with OpenJPEG where DCMTK's free codecs cannot.
// Not thread-safe: use one DicomFile per thread.
class DicomFile
{
    Q_DECLARE_TR_FUNCTIONS(DicomFile)
public:
    static Result<std::unique_ptr<DicomFile>> open(const QString &path);
    ~DicomFile();
    DicomFile(const DicomFile &) = delete;
    DicomFile &operator=(const DicomFile &) = delete;

    const DicomInfo &info() const { return m_info; }
    Result<QImage> renderFrame(int frame) const; // 0-based
    // Every element of the header as (tag, name, value) lines for a tag browser.
    QList<QStringList> headerElements() const;

private:
    struct Private;
    explicit DicomFile(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
    DicomInfo m_info;
};
