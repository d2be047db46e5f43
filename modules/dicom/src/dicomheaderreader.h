#pragma once

#include "dicom/dicominfo.h"

#include <dcmtk/dcmdata/dcxfer.h>

#include <optional>

class DcmItem;
class DcmTagKey;

// Turns the header DCMTK has parsed into a DicomInfo: numbers whatever VR a vendor wrote them
// in, strings converted from the declared Specific Character Set.
class DicomHeaderReader
{
public:
    static DicomInfo read(
        DcmItem &dataset, E_TransferSyntax transferSyntax, const QString &metaTransferSyntaxUid);

    // A numeric attribute value (US, SS, UL, SL, FL, FD, IS or DS), or nothing if absent or not
    // a finite number.
    static std::optional<double> number(DcmItem &item, const DcmTagKey &tag, unsigned long position = 0);
    static std::optional<qint64> integer(DcmItem &item, const DcmTagKey &tag, unsigned long position = 0);
};
