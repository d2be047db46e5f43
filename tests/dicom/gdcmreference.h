#pragma once

#include <QImage>
#include <QString>
#include <QStringList>

// GDCM's decoding of a file DCMTK cannot decode (JPEG 2000), shown as DCMTK shows it:
// `gdcmconv --raw` (package libgdcm-tools) writes the pixel data uncompressed, with the Bits
// Stored and Pixel Representation GDCM decided on, and dcmj2pnm renders that.
class GdcmReference
{
public:
    static bool available();
    // Frame numbered from 0; a null image and the reason if GDCM or DCMTK cannot show it. Other
    // gdcmconv options than --raw, e.g. --decompress-lut (segmented palettes made plain).
    static QImage render(const QString &dicomPath, int frame, QString *why,
        const QStringList &options = { QStringLiteral("--raw") });
};
