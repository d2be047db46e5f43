#pragma once

#include "dicom/ultrasoundregion.h"

#include <QList>
#include <QString>

#include <optional>

// What a DICOM file is, as its header says: identity, pixel matrix and calibration. Strings are
// converted to Unicode from the file's Specific Character Set (0008,0005).
struct DicomInfo
{
    QString patientId;
    QString patientName; // DICOM person name format: family^given=ideographic…
    QString studyInstanceUid;
    QString seriesInstanceUid;
    QString sopInstanceUid;
    QString sopClassUid;
    QString modality;
    QString studyDate;
    QString transferSyntaxUid;
    QString transferSyntaxName;
    QString photometricInterpretation;
    int rows = 0;
    int columns = 0;
    int bitsAllocated = 0;
    int bitsStored = 0;
    int highBit = 0;
    int samplesPerPixel = 0;
    int planarConfiguration = 0;
    int pixelRepresentation = 0; // 0 unsigned, 1 two's complement
    int frames = 1;
    std::optional<double> frameTimeMs; // (0018,1063)
    std::optional<double> cineRate; // (0018,0040), frames per second
    QList<UltrasoundRegion> ultrasoundRegions;
    // Pixel Spacing (0028,0030): distance between the centres of adjacent rows, then columns.
    std::optional<double> pixelSpacingRowMm;
    std::optional<double> pixelSpacingColumnMm;

    bool isMonochrome() const;
};
