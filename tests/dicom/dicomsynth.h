#pragma once

#include <QByteArray>
#include <QString>

// Writes synthetic DICOM ultrasound files with DCMTK for the tests: the pixel values are known,
// so decoding can be checked exactly (lossless) or within a tolerance (lossy).
struct SynthImage
{
    QString photometric = QStringLiteral("MONOCHROME2");
    int rows = 48;
    int columns = 64;
    int samplesPerPixel = 1;
    int bitsAllocated = 8;
    int bitsStored = 8;
    int frames = 1;
    int planarConfiguration = 0;
    bool withRegion = false;  // one 2D region in cm with delta 0.01 cm
    QByteArray pixels;        // as stored (all frames)
    QByteArray paletteRed, paletteGreen, paletteBlue; // 256 entries of 16 bits for PALETTE COLOR
};

class DicomSynth
{
public:
    // Gradient pixels that differ per frame, in the layout of the image's photometric model.
    static SynthImage gradient(const QString &photometric, int samplesPerPixel, int bits, int frames, int planar);
    // transferSyntax: "littleExplicit", "littleImplicit", "bigExplicit", "deflated", "jpegBaseline",
    // "jpegLossless", "jpegLs", "rle", "jpeg2000"
    static bool write(const SynthImage &image, const QString &transferSyntax, const QString &path, QString *error);
};
