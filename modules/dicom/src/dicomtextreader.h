#pragma once

#include <QString>

#include <dcmtk/dcmdata/dcspchrs.h>

class DcmItem;
class DcmTagKey;

// Strings of a dataset in Unicode. A declared Specific Character Set is trusted; where none is
// declared but the bytes are not ASCII, the file is taken as UTF-8 if it is valid UTF-8 and
// otherwise as GB18030, which is what Chinese ultrasound machines write without declaring it.
class DicomTextReader
{
public:
    explicit DicomTextReader(DcmItem &dataset);
    QString operator()(DcmItem &item, const DcmTagKey &tag, bool personName = false);
    // Bytes of a string value as stored, in Unicode.
    QString decode(const QByteArray &bytes, bool personName);

private:
    DcmSpecificCharacterSet m_converter;
    bool m_declared = false;
    bool m_ready = false;
};
