#include "dicom/dicomfile.h"

#include "dcmtkcodecs.h"
#include "dicomheaderreader.h"
#include "dicomlog.h"
#include "encapsulatedframes.h"
#include "framerenderer.h"
#include "jpeg2000decoder.h"
#include "pixellayout.h"
#include "rleheader.h"
#include "segmentedpalette.h"

#include <QFile>
#include <QFileInfo>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfcache.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>

#include <exception>
#include <mutex>
#include <new>
#include <optional>
#include <vector>

namespace {
// A parsed copy of the file owned by one thread at a time: DCMTK datasets are not thread-safe,
// and pixel data stays on disk until a frame needs it.
struct DecoderContext
{
    DcmFileFormat file;
    std::optional<EncapsulatedFrames> frames; // indexed when first needed
    // DCMTK's note of where the next frame's fragments start, valid for frame `nextFrame`.
    int nextFrame = -1;
    Uint32 nextFragment = 0;
    // Segmented palettes, which DCMTK cannot read, expanded into plain ones in this copy.
    Result<void> palette;
};

Result<std::unique_ptr<DecoderContext>> loadContext(const QString &path)
{
    auto context = std::make_unique<DecoderContext>();
    OFCondition status;
    try {
        // As dcmj2pnm reads: file format or bare dataset, transfer syntax detected, values larger
        // than 4 KiB left on disk until used.
        status = context->file.loadFile(OFFilename(QFile::encodeName(path).constData()), EXS_Unknown,
            EGL_withoutGL, DCM_MaxReadLength, ERM_autoDetect);
    } catch (const std::bad_alloc &) {
        return failure(QStringLiteral("dicom.memory"),
            DicomFile::tr("Not enough memory to read %1.").arg(QFileInfo(path).fileName()));
    }
    if (status.bad())
        return failure(QStringLiteral("dicom.unreadable"),
            DicomFile::tr("%1 is not a readable DICOM file (%2).")
                .arg(QFileInfo(path).fileName(), QString::fromLatin1(status.text())));
    try {
        context->palette = SegmentedPalette::expandInDataset(*context->file.getDataset());
    } catch (const std::bad_alloc &) {
        context->palette = failure(QStringLiteral("dicom.memory"),
            DicomFile::tr("Not enough memory to read %1.").arg(QFileInfo(path).fileName()));
    }
    return context;
}

DcmPixelSequence *pixelSequence(DcmDataset &dataset)
{
    DcmElement *element = nullptr;
    DcmPixelSequence *sequence = nullptr;
    if (dataset.findAndGetElement(DCM_PixelData, element, OFFalse).bad() || !element
        || element->ident() != EVR_PixelData)
        return nullptr;
    if (static_cast<DcmPixelData *>(element)
            ->getEncapsulatedRepresentation(dataset.getOriginalXfer(), nullptr, sequence)
            .bad())
        return nullptr;
    return sequence;
}

// Fragments DCMTK read for a frame stay in memory; dropping them (they are reloaded from disk if
// needed again) keeps a long compressed loop from growing to the size of the file.
void releaseFragments(DcmDataset &dataset)
{
    if (DcmPixelSequence *sequence = pixelSequence(dataset)) {
        for (unsigned long i = 1; i < sequence->card(); ++i) {
            DcmPixelItem *item = nullptr;
            if (sequence->getItem(item, i).good() && item)
                item->compact();
        }
    }
}
} // namespace

struct DicomFile::Private
{
    static constexpr size_t MaxIdleContexts = 2;

    QString path;
    DicomInfo info;
    Result<PixelLayout> layout;
    bool frameByFrame = false; // compressed frames decoded once each (see FrameRenderer)
    mutable std::mutex mutex;
    mutable std::vector<std::unique_ptr<DecoderContext>> idle;

    Result<std::unique_ptr<DecoderContext>> acquire() const
    {
        {
            std::lock_guard lock(mutex);
            if (!idle.empty()) {
                std::unique_ptr<DecoderContext> context = std::move(idle.back());
                idle.pop_back();
                return context;
            }
        }
        return loadContext(path);
    }

    void release(std::unique_ptr<DecoderContext> context) const
    {
        std::lock_guard lock(mutex);
        if (idle.size() < MaxIdleContexts)
            idle.push_back(std::move(context));
    }

    Result<const EncapsulatedFrames *> indexedFrames(DecoderContext &context) const
    {
        if (!context.frames) {
            DcmDataset &dataset = *context.file.getDataset();
            DcmPixelSequence *sequence = pixelSequence(dataset);
            if (!sequence)
                return failure(
                    QStringLiteral("dicom.no-pixels"), DicomFile::tr("The pixel data is not encapsulated."));
            auto indexed = EncapsulatedFrames::index(dataset, *sequence, info.frames);
            if (!indexed)
                return tl::unexpected(indexed.error());
            context.frames = std::move(*indexed);
        }
        return &*context.frames;
    }

    Result<QImage> renderJpeg2000(DecoderContext &context, int frame) const
    {
        DcmDataset &dataset = *context.file.getDataset();
        auto frames = indexedFrames(context);
        if (!frames)
            return tl::unexpected(frames.error());
        auto codestream = (*frames)->read(frame);
        if (!codestream)
            return tl::unexpected(codestream.error());
        auto decoded = Jpeg2000Decoder::decode(*codestream, info.columns, info.rows);
        if (!decoded)
            return tl::unexpected(decoded.error());
        return FrameRenderer::renderJpeg2000(dataset, *decoded, frame);
    }

    Result<QImage> renderCompressed(DecoderContext &context, int frame) const
    {
        Uint32 start = context.nextFrame == frame ? context.nextFragment : 0;
        // Read out of order, DCMTK finds a frame's first fragment only through the offset table
        // or one fragment per frame; the index also tells frames apart by where images begin.
        if (start == 0 && frame > 0) {
            if (auto frames = indexedFrames(context))
                start = static_cast<Uint32>((*frames)->firstItem(frame));
        }
        if (auto checked = checkRleFrame(context, frame, start); !checked)
            return tl::unexpected(checked.error());
        auto image = FrameRenderer::renderCompressedFrame(*context.file.getDataset(), frame, start);
        context.nextFrame = image ? frame + 1 : -1;
        context.nextFragment = start;
        return image;
    }

    // An RLE frame's header, before DCMTK trusts it (RleHeader). The frame starts at fragment
    // `start` (0: DCMTK's choice, one fragment per frame) and may run to the last fragment.
    Result<void> checkRleFrame(DecoderContext &context, int frame, Uint32 start) const
    {
        DcmDataset &dataset = *context.file.getDataset();
        if (dataset.getOriginalXfer() != EXS_RLELossless)
            return {};
        DcmPixelSequence *sequence = pixelSequence(dataset);
        const unsigned long first = start > 0 ? start : static_cast<unsigned long>(frame) + 1;
        DcmPixelItem *item = nullptr;
        if (!sequence || sequence->getItem(item, first).bad() || !item)
            return failure(QStringLiteral("dicom.render"), DicomFile::tr("Frame %1 has no compressed data.").arg(frame));
        const bool onePerFrame = sequence->card() == static_cast<unsigned long>(info.frames) + 1;
        quint64 frameBytes = item->getLength();
        for (unsigned long i = first + 1; !onePerFrame && i < sequence->card(); ++i) {
            DcmPixelItem *next = nullptr;
            if (sequence->getItem(next, i).good() && next)
                frameBytes += next->getLength();
        }
        QByteArray header;
        if (item->getLength() >= quint32(RleHeader::Size)) {
            header.resize(RleHeader::Size);
            DcmFileCache cache;
            if (item->getPartialValue(header.data(), 0, RleHeader::Size, &cache).bad())
                header.clear();
        }
        return RleHeader::check(header, frameBytes, info.samplesPerPixel * ((info.bitsAllocated + 7) / 8));
    }

    Result<QImage> render(DecoderContext &context, int frame) const
    {
        if (!context.palette)
            return tl::unexpected(context.palette.error());
        if (layout->isJpeg2000())
            return renderJpeg2000(context, frame);
        if (frameByFrame)
            return renderCompressed(context, frame);
        return FrameRenderer::render(context.file, frame);
    }
};

DicomFile::DicomFile(std::unique_ptr<Private> p)
    : d(std::move(p))
{
}
DicomFile::~DicomFile() = default;

Result<std::shared_ptr<DicomFile>> DicomFile::open(const QString &path)
{
    DcmtkCodecs::registerOnce();
    const QFileInfo fileInfo(path);
    if (!fileInfo.exists())
        return failure(QStringLiteral("dicom.missing"), tr("The file %1 does not exist.").arg(path));
    if (!fileInfo.isFile())
        return failure(QStringLiteral("dicom.not-dicom"), tr("%1 is not a file.").arg(path));
    if (!fileInfo.isReadable())
        return failure(
            QStringLiteral("dicom.unreadable"), tr("The file %1 cannot be read (no permission).").arg(path));
    if (fileInfo.size() == 0)
        return failure(
            QStringLiteral("dicom.not-dicom"), tr("The file %1 is empty.").arg(fileInfo.fileName()));
    auto context = loadContext(path);
    if (!context)
        return tl::unexpected(context.error());
    DcmFileFormat &file = (*context)->file;
    DcmDataset &dataset = *file.getDataset();
    // Without the DICM preamble DCMTK parses anything as a bare dataset; only old ACR-NEMA style
    // files that still describe an image are taken for DICOM then.
    DcmMetaInfo *meta = file.getMetaInfo();
    const bool hasMeta = meta && meta->card() > 0;
    if (!hasMeta && !dataset.tagExists(DCM_SOPClassUID) && !dataset.tagExists(DCM_PixelData)
        && !(dataset.tagExists(DCM_Rows) && dataset.tagExists(DCM_Columns)))
        return failure(
            QStringLiteral("dicom.not-dicom"), tr("%1 is not a DICOM file.").arg(fileInfo.fileName()));

    auto p = std::make_unique<Private>();
    p->path = fileInfo.absoluteFilePath();
    OFString metaSyntax;
    if (hasMeta)
        meta->findAndGetOFString(DCM_TransferSyntaxUID, metaSyntax);
    try {
        p->info = DicomHeaderReader::read(
            dataset, dataset.getOriginalXfer(), QString::fromLatin1(metaSyntax.c_str()).trimmed());
        p->layout = PixelLayout::inspect(p->info, dataset);
        p->frameByFrame = p->layout && p->layout->isEncapsulated() && !p->layout->isJpeg2000()
            && FrameRenderer::decodesFrameByFrame(dataset);
    } catch (const std::exception &) {
        return failure(QStringLiteral("dicom.unreadable"),
            tr("The header of %1 cannot be read.").arg(fileInfo.fileName()));
    }
    if (!p->layout)
        qCInfo(lcDicom) << "pixel data refused:" << p->layout.error().code;
    p->release(std::move(*context));
    return std::shared_ptr<DicomFile>(new DicomFile(std::move(p)));
}

QString DicomFile::path() const
{
    return d->path;
}

const DicomInfo &DicomFile::info() const
{
    return d->info;
}

Result<void> DicomFile::checkPixelData() const
{
    if (!d->layout)
        return tl::unexpected(d->layout.error());
    return {};
}

qint64 DicomFile::renderedFrameBytes() const
{
    const qint64 samples = d->info.isMonochrome() ? 1 : 3;
    const qint64 bytesPerLine
        = (qint64(d->info.columns) * samples + 3) / 4 * 4; // QImage rows are 32-bit aligned
    return bytesPerLine * d->info.rows;
}

Result<QImage> DicomFile::renderFrame(int frame) const
{
    if (frame < 0 || frame >= d->info.frames)
        return failure(QStringLiteral("dicom.frame"),
            tr("Frame %1 does not exist: the file has %n frame(s), numbered from 0.", nullptr, d->info.frames)
                .arg(frame));
    if (!d->layout)
        return tl::unexpected(d->layout.error());
    if (auto present = d->layout->checkFrame(frame); !present)
        return tl::unexpected(present.error());
    auto context = d->acquire();
    if (!context)
        return tl::unexpected(context.error());
    Result<QImage> image;
    try {
        image = d->render(**context, frame);
        if (d->layout->isEncapsulated() && d->info.frames > 1)
            releaseFragments(*(*context)->file.getDataset());
    } catch (const std::bad_alloc &) {
        image = failure(
            QStringLiteral("dicom.memory"), tr("Not enough memory to display frame %1.").arg(frame));
    } catch (const std::exception &) {
        image = failure(QStringLiteral("dicom.render"), tr("Frame %1 cannot be displayed.").arg(frame));
    }
    // DCMTK cannot display a one-frame compressed image twice from the dataset it decompressed
    // whole, and a context that failed may be half converted: neither goes back to the pool.
    const bool decompressedWhole
        = d->layout->isEncapsulated() && !d->layout->isJpeg2000() && d->info.frames == 1;
    if (image && !decompressedWhole)
        d->release(std::move(*context));
    if (!image)
        qCInfo(lcDicom) << "frame" << frame << "refused:" << image.error().code;
    return image;
}
