#pragma once

#include "dicom/ultrasoundregion.h"

#include <QByteArray>
#include <QImage>
#include <QList>
#include <QPointF>
#include <QSize>
#include <QString>

#include <optional>

// A synthetic DICOM image whose stored samples are known, so that decoding can be checked
// exactly (lossless) or within a tolerance (lossy), and against DCMTK's own rendering.
struct SynthImage
{
    QString photometric = QStringLiteral("MONOCHROME2");
    int rows = 48;
    int columns = 64;
    int samplesPerPixel = 1;
    int bitsAllocated = 8;
    int bitsStored = 8;
    bool isSigned = false;
    int frames = 1;
    int planarConfiguration = 0;
    QByteArray pixels; // as stored, every frame, 16-bit samples little endian

    // PALETTE COLOR: one entry per index from the first mapped index on.
    QList<quint16> paletteRed, paletteGreen, paletteBlue;
    int paletteFirstMapped = 0; // the descriptor's second value
    int paletteBits = 16; // the descriptor's third value; 8-bit entries are packed two to a word
    // Segmented tables (0028,1221-1223), as words, written instead of the plain ones when given;
    // the descriptor then says paletteEntries entries (0 is written for 65536).
    QList<quint16> segmentedRed, segmentedGreen, segmentedBlue;
    int paletteEntries = 0;
    QList<UltrasoundRegion> regions;
    std::optional<double> pixelSpacingRowMm;
    std::optional<double> pixelSpacingColumnMm;
    std::optional<double> windowCentre; // written to prove the default display ignores it
    std::optional<double> windowWidth;
    std::optional<double> rescaleIntercept;
    std::optional<double> rescaleSlope;
    bool overlay = false; // a graphic overlay plane (6000,xxxx) with a filled rectangle
    QString characterSet; // Specific Character Set (0008,0005), empty: not written
    QByteArray patientName = "Test^Synthetic";
    std::optional<double> frameTimeMs;
    std::optional<int> cineRate;
};

enum class SynthSyntax {
    ImplicitLittle,
    ExplicitLittle,
    ExplicitBig,
    Deflated,
    JpegBaseline, // 8 bit, colour as YBR_FULL_422
    JpegExtended, // 12 bit lossy
    JpegLossless, // process 14, selection value 1
    JpegLs, // lossless
    JpegLsNear, // near-lossless, NEAR = 2
    Rle,
    Jpeg2000, // lossless; colour with the RCT (YBR_RCT) unless told otherwise
    Jpeg2000Lossy, // colour with the ICT (YBR_ICT)
};

// How the JPEG 2000 frames are encapsulated.
struct Jpeg2000Layout
{
    int fragmentsPerFrame = 1;
    bool basicOffsetTable = false;
    bool extendedOffsetTable = false;
    bool jp2Wrapper = false; // a JP2 file instead of a raw codestream, as some encoders write
    bool colourTransform = true; // RCT/ICT in the codestream (else RGB or YBR_FULL as given)
    // The codestream's own precision and signedness where an encoder wrote other values than
    // Bits Stored and Pixel Representation (0: as the header says).
    int codestreamPrecision = 0;
    std::optional<bool> codestreamSigned;
    float lossyRate = 8.0f; // compression ratio of lossy codestreams
};

struct SynthOptions
{
    Jpeg2000Layout jpeg2000;
    bool metaHeader = true; // false: a bare dataset, as old ACR-NEMA style files are
};

class DicomSynth
{
public:
    static SynthImage grey(int bitsAllocated, int bitsStored, bool isSigned, int frames);
    static SynthImage rgb(int frames, int planarConfiguration, const QSize &size = QSize(64, 48));
    static SynthImage ybrFull(int frames);
    static SynthImage ybrFull422(int frames);
    // Indices of `bitsAllocated` bits into a palette of `entries` colours.
    static SynthImage palette(int bitsAllocated, int entries, int frames, const QSize &size = QSize(64, 48));

    // The same palette image with each plain table stored instead as one discrete segment
    // (PS3.3 C.7.9.2), which DCMTK cannot read but shows the same colours.
    static SynthImage asSegmentedPalette(SynthImage paletteImage);

    // A region of the Sequence of Ultrasound Regions, bounds inclusive.
    static UltrasoundRegion region(int spatialFormat, int dataType, const QRect &bounds, int unitsX,
        int unitsY, double deltaX, double deltaY);

    // Stored sample c of pixel (x, y) in a frame (signed where the image is); for 4:2:2 data
    // c = 1, 2 give the pair's chroma.
    static int sample(const SynthImage &image, int frame, int x, int y, int c);
    // An 8-bit grey or RGB source frame as an image: what a lossless decoder must give back.
    static QImage sourceFrame(const SynthImage &image, int frame);
    static QByteArray syntaxName(SynthSyntax syntax);

    static bool write(const SynthImage &image, SynthSyntax syntax, const QString &path, QString *error,
        const SynthOptions &options = {});
};
