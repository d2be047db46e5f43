#pragma once

#include <QImage>
#include <QString>

// What DCMTK's own command-line tools show for a frame with their default options: dcmj2pnm
// (native, deflated, JPEG, RLE) or, for JPEG-LS, dcml2pnm. The reference the module is held to.
class DcmtkReference
{
public:
    static bool available();
    // Frame numbered from 0; a null image and the reason if no tool can show it.
    static QImage render(const QString &dicomPath, int frame, QString *why);
    // Empty if `ours` equals DCMTK's rendering of frame `frame` of `dicomPath` pixel for pixel;
    // otherwise what differs, or why DCMTK could not show it.
    static QString difference(const QImage &ours, const QString &dicomPath, int frame);
};
