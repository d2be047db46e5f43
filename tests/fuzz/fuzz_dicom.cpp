// The DICOM reader on whatever a clinic's ultrasound machine, a USB stick or the PACS may hand
// over: opening, the pixel-data checks and rendering the first and last frames, and the DICOM
// SR reader on the same bytes.
#include "dicom/dicomfile.h"
#include "dicom/structuredreport.h"
#include "fuzzinput.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString path = FuzzInput::writeScratch(QStringLiteral("input.dcm"),
        QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (const auto file = DicomFile::open(path); file && (*file)->checkPixelData()) {
        (void)(*file)->renderFrame(0);
        (void)(*file)->renderFrame((*file)->info().frames - 1);
    }
    (void)StructuredReportReader::read(path);
    return 0;
}
