#pragma once

#include "dicom/dicominfo.h"
#include "domain/result.h"

#include <QCoreApplication>
#include <QImage>

#include <memory>

// An open DICOM file. Opening reads the header only; pixel data stays on disk until a frame is
// asked for, and then only that frame is read and decoded, so the first frame of a long cine
// loop shows without waiting for the others.
//
// A frame is rendered exactly as DCMTK's dcmj2pnm shows it with its default options (modality
// LUT, no VOI window, overlays shown, colour models converted to RGB, 8 bits per sample);
// JPEG 2000 frames, which DCMTK's free codecs cannot read, are decoded with OpenJPEG and then
// shown as DCMTK shows the same image uncompressed. See docs/dicom.md.
//
// Thread-safe: several threads may render frames of one file at the same time.
class DicomFile
{
    Q_DECLARE_TR_FUNCTIONS(DicomFile)
public:
    // Refuses files that are missing, not DICOM, truncated or whose header cannot be parsed.
    static Result<std::shared_ptr<DicomFile>> open(const QString &path);
    ~DicomFile();
    DicomFile(const DicomFile &) = delete;
    DicomFile &operator=(const DicomFile &) = delete;

    QString path() const;
    const DicomInfo &info() const;
    // Whether frames can be rendered at all; if not, the reason (no pixel data, impossible or
    // absurd geometry, unsupported encoding) is what renderFrame() returns.
    Result<void> checkPixelData() const;
    // Memory one rendered frame occupies, for cache budgets.
    qint64 renderedFrameBytes() const;
    // Frame `frame`, numbered from 0. Grayscale8 for monochrome images, RGB888 otherwise.
    Result<QImage> renderFrame(int frame) const;

private:
    struct Private;
    explicit DicomFile(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};
