// A 100-frame 800×600 cine as ultrasound machines export it (JPEG baseline, YBR_FULL_422),
// written with DCMTK's encoder: time to the first frame, time to decode every frame in the
// background against DCMTK's own dcmj2pnm decoding the same file in the same run, the frame rate
// sustained when the loop does not fit in the cache, and the memory each cached frame holds.
#include "dicom/frameloader.h"
#include "dicomsynth.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <malloc.h>
#include <vector>

namespace {
constexpr int Frames = 100;

// Waits in an event loop, as the viewer would, until `predicate` holds; the loader's signals
// arrive as events, so the loop sleeps in between.
template <typename Predicate> void waitFor(Predicate predicate)
{
    QEventLoop loop;
    QTimer wake; // a safety net should a signal be missed
    wake.start(1000);
    while (!predicate())
        loop.processEvents(QEventLoop::WaitForMoreEvents);
}

qint64 heapInUse()
{
    const struct mallinfo2 info = mallinfo2();
    return static_cast<qint64>(info.uordblks + info.hblkhd);
}

double msSince(const QElapsedTimer &timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

// A 16-bit PALETTE COLOR image of 800 × 600 with 65536-entry palettes (as ALOKA machines write
// them), its tables plain or segmented (discrete and linear segments, as those machines store
// them).
SynthImage paletteImage(bool segmented)
{
    SynthImage s = DicomSynth::palette(16, 65536, 1, QSize(800, 600));
    if (!segmented)
        return s;
    s.paletteEntries = 65536;
    s.segmentedRed = { 0, 1, 0, 1, 65535, 65535 };
    s.segmentedGreen = { 0, 1, 65535, 1, 65535, 0 };
    s.segmentedBlue = { 0, 2, 0, 30000, 1, 32766, 65535, 1, 32768, 0 };
    return s;
}

// Time from opening the file to its first frame.
double firstFrameMs(const QString &path)
{
    QElapsedTimer timer;
    timer.start();
    auto file = DicomFile::open(path);
    if (!file || !(*file)->renderFrame(0))
        return -1;
    return msSince(timer);
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // tmpfs where there is one, so that dcmj2pnm's output costs no disk time.
    QTemporaryDir dir(QDir(QStringLiteral("/dev/shm")).exists()
            ? QStringLiteral("/dev/shm/bench_dicom-XXXXXX")
            : QString());
    const QString path = dir.filePath(QStringLiteral("cine.dcm"));
    QString error;
    if (!DicomSynth::write(
            DicomSynth::rgb(Frames, 0, QSize(800, 600)), SynthSyntax::JpegBaseline, path, &error)) {
        std::fprintf(stderr, "cannot write the cine: %s\n", qPrintable(error));
        return 1;
    }

    // First frame: open (header only) and the first frame decoded in the background.
    QElapsedTimer timer;
    timer.start();
    auto opened = DicomFile::open(path);
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().message));
        return 1;
    }
    {
        FrameLoader loader(*opened);
        bool shown = false;
        QObject::connect(&loader, &FrameLoader::frameReady, [&](int frame) { shown = shown || frame == 0; });
        loader.request(0);
        waitFor([&] { return shown; });
        std::printf("bench: dicom_first_frame_ms %.1f ms\n", msSince(timer));
    }

    // Every frame, decoded in the background as a viewer preloads a loop that fits its cache.
    const std::shared_ptr<DicomFile> file = *DicomFile::open(path);
    double fullMs = 0;
    {
        timer.restart();
        FrameLoader loader(file);
        int done = 0;
        QObject::connect(&loader, &FrameLoader::frameReady, [&] { ++done; });
        QObject::connect(&loader, &FrameLoader::frameFailed, [&] { ++done; });
        loader.prefetch(0, Frames);
        waitFor([&] { return done == Frames; });
        fullMs = msSince(timer);
        std::printf("bench: dicom_full_decode_ms %.1f ms\n", fullMs);
    }
    {
        timer.restart();
        for (int frame = 0; frame < Frames; ++frame)
            (void)file->renderFrame(frame);
        std::printf("bench: dicom_full_decode_one_thread_ms %.1f ms\n", msSince(timer));
    }

    // DCMTK's own tool on the same file: every frame decoded and written as PPM (to tmpfs).
    const QString dcmj2pnm = QStandardPaths::findExecutable(QStringLiteral("dcmj2pnm"));
    if (!dcmj2pnm.isEmpty()) {
        QDir(dir.path()).mkpath(QStringLiteral("ppm"));
        QProcess process;
        timer.restart();
        process.start(
            dcmj2pnm, { QStringLiteral("--all-frames"), path, dir.filePath(QStringLiteral("ppm/frame")) });
        process.waitForFinished(600000);
        const double dcmtkMs = msSince(timer);
        if (process.exitCode() == 0) {
            std::printf("bench: dicom_dcmj2pnm_all_frames_ms %.1f ms\n", dcmtkMs);
            std::printf("bench: dicom_full_decode_vs_dcmj2pnm %.2f ratio\n", fullMs / dcmtkMs);
        } else {
            std::fprintf(stderr, "dcmj2pnm failed: %s\n", process.readAllStandardError().constData());
        }
        QDir(dir.filePath(QStringLiteral("ppm"))).removeRecursively();
    }

    // Playback of a loop larger than its cache (32 MiB, about 22 frames): every frame shown is
    // decoded in time by the background workers, prefetching ahead of the one on screen.
    {
        FrameLoader loader(file, qint64(32) * 1024 * 1024);
        int arrived = -1;
        QObject::connect(&loader, &FrameLoader::frameReady, [&](int frame) { arrived = frame; });
        const int shows = 3 * Frames;
        timer.restart();
        for (int i = 0; i < shows; ++i) {
            const int frame = i % Frames;
            if (!loader.cachedFrame(frame)) {
                loader.request(frame);
                waitFor([&] { return loader.cachedFrame(frame).has_value() || arrived == frame; });
            }
            loader.prefetch(frame + 1, loader.framesWithinBudget());
        }
        std::printf("bench: dicom_cine_fps %.1f fps\n", shows / (msSince(timer) / 1000.0));
    }

    // First frame of a segmented-palette image against a plain-palette one of the same size: the
    // segments are expanded on opening (PS3.3 C.7.9.2), which DCMTK cannot do.
    {
        const QString plain = dir.filePath(QStringLiteral("plain-palette.dcm"));
        const QString segmented = dir.filePath(QStringLiteral("segmented-palette.dcm"));
        if (!DicomSynth::write(paletteImage(false), SynthSyntax::ExplicitLittle, plain, &error)
            || !DicomSynth::write(paletteImage(true), SynthSyntax::ExplicitLittle, segmented, &error)) {
            std::fprintf(stderr, "cannot write the palette images: %s\n", qPrintable(error));
            return 1;
        }
        // Alternated, so that both see the same load on the machine; medians of 41 runs.
        std::vector<double> plainRuns, segmentedRuns;
        for (int i = 0; i < 41; ++i) {
            plainRuns.push_back(firstFrameMs(plain));
            segmentedRuns.push_back(firstFrameMs(segmented));
            if (plainRuns.back() < 0 || segmentedRuns.back() < 0) {
                std::fprintf(stderr, "a palette image did not render\n");
                return 1;
            }
        }
        const double plainMs = median(plainRuns);
        const double segmentedMs = median(segmentedRuns);
        std::printf("bench: dicom_plain_palette_first_frame_ms %.2f ms\n", plainMs);
        std::printf("bench: dicom_segmented_palette_first_frame_ms %.2f ms\n", segmentedMs);
        std::printf(
            "bench: dicom_segmented_palette_first_frame_vs_plain %.2f ratio\n", segmentedMs / plainMs);
    }

    // Memory held by a cache full of the loop's frames.
    {
        malloc_trim(0);
        const qint64 before = heapInUse();
        auto loader = std::make_unique<FrameLoader>(file);
        bool idle = false;
        QObject::connect(loader.get(), &FrameLoader::idle, [&] { idle = true; });
        loader->prefetch(0, Frames);
        waitFor([&] { return idle; });
        QCoreApplication::processEvents(); // frames in queued signals are released
        const qint64 held = heapInUse() - before;
        std::printf("bench: dicom_memory_per_frame_held %.0f KiB\n",
            static_cast<double>(held) / loader->cachedFrameCount() / 1024.0);
        std::printf("bench: dicom_frame_pixels_kib %.0f KiB\n",
            static_cast<double>(file->renderedFrameBytes()) / 1024.0);
    }
    return 0;
}
