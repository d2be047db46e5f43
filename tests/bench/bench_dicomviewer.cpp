// Sustained cine playback through the viewer: the 100-frame 800×600 JPEG (YBR_FULL_422) loop of
// bench_dicom played three times through DicomViewer, every frame decoded in the background,
// window/level applied and painted offscreen, against the same three loops through the frame
// loader alone (decode and cache, nothing drawn) in the same run. The player runs on an injected
// clock advanced one frame time per frame, so the measure is how fast frames can be shown, not
// the file's own 30 fps.
#include "dicom-viewer/dicomimageview.h"
#include "dicom-viewer/dicomviewer.h"
#include "dicom/frameloader.h"
#include "dicomsynth.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTimer>

#include <cmath>
#include <cstdio>

namespace {
constexpr int Frames = 100;
constexpr int Loops = 3;

template <typename Predicate> void waitFor(Predicate predicate)
{
    QEventLoop loop;
    QTimer wake; // a safety net should a signal be missed
    wake.start(1000);
    while (!predicate())
        loop.processEvents(QEventLoop::WaitForMoreEvents);
}

double secondsSince(const QElapsedTimer &timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e9;
}

// Frames per second of the loader alone: each frame requested in order with the viewer's
// prefetch, taken when decoded.
double decodeOnlyFps(const QString &path)
{
    auto file = DicomFile::open(path);
    FrameLoader loader(*file);
    int arrived = -1;
    QObject::connect(&loader, &FrameLoader::frameReady, [&](int frame) { arrived = frame; });
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < Loops * Frames; ++i) {
        const int frame = i % Frames;
        if (!loader.cachedFrame(frame)) {
            loader.request(frame);
            waitFor([&] { return arrived == frame || loader.cachedFrame(frame).has_value(); });
        }
        loader.prefetch((frame + 1) % Frames, 12);
    }
    return Loops * Frames / secondsSince(timer);
}

// Frames per second reaching the screen through the viewer.
double viewerFps(const QString &path, double *paintMs)
{
    DicomViewer viewer;
    viewer.resize(1400, 900);
    viewer.show();
    qint64 now = 0;
    viewer.player()->setClock([&] { return now; });
    if (!viewer.openFile(path))
        return 0;
    waitFor([&] { return viewer.shownFrame() == 0; });
    const double frameTime = viewer.player()->frameTimeMs();
    viewer.view()->setWindowLevel(WindowLevel { 120, 200 }); // window/level on every frame
    viewer.player()->play();
    QElapsedTimer timer;
    QElapsedTimer painting;
    qint64 paintNs = 0;
    timer.start();
    for (int i = 1; i <= Loops * Frames; ++i) {
        now = qint64(std::ceil(i * frameTime)); // the clock at frame i

        viewer.player()->tick();
        const int frame = i % Frames;
        waitFor([&] { return viewer.shownFrame() == frame; });
        painting.start();
        viewer.view()->repaint();
        paintNs += painting.nsecsElapsed();
    }
    const double fps = Loops * Frames / secondsSince(timer);
    *paintMs = double(paintNs) / 1e6 / (Loops * Frames);
    return fps;
}
} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTemporaryDir dir(QDir(QStringLiteral("/dev/shm")).exists()
            ? QStringLiteral("/dev/shm/bench_dicomviewer-XXXXXX")
            : QString());
    const QString path = dir.filePath(QStringLiteral("cine.dcm"));
    QString error;
    if (!DicomSynth::write(
            DicomSynth::rgb(Frames, 0, QSize(800, 600)), SynthSyntax::JpegBaseline, path, &error)) {
        std::fprintf(stderr, "cannot write the cine: %s\n", qPrintable(error));
        return 1;
    }
    const double decode = decodeOnlyFps(path);
    double paintMs = 0;
    const double viewer = viewerFps(path, &paintMs);
    std::printf("bench: dicomviewer_decode_only_fps %.1f fps\n", decode);
    std::printf("bench: dicomviewer_cine_fps %.1f fps\n", viewer);
    std::printf("bench: dicomviewer_cine_vs_decode_only %.2f ratio\n", viewer / decode);
    std::printf("bench: dicomviewer_paint_ms_per_frame %.2f ms\n", paintMs);
    return viewer > 0 ? 0 : 1;
}
