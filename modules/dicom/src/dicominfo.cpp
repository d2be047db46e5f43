#include "dicom/dicominfo.h"

bool DicomInfo::isMonochrome() const
{
    return photometricInterpretation.startsWith(QLatin1String("MONOCHROME"));
}
