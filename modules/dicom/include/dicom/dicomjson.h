#pragma once

#include "dicom/dicominfo.h"
#include "dicom/physicalmeasurement.h"

#include <QJsonObject>

// The JSON shapes of docs/dicom.md, shared by 'obslink-cli dicom' and the tests.
class DicomJson
{
public:
    static QJsonObject info(const DicomInfo &info);
    static QJsonObject region(const UltrasoundRegion &region, int index);
    static QJsonObject measurement(const PhysicalMeasurement &measurement);
};
