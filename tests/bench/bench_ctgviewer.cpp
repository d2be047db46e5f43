// The CTG viewer on a 24-hour labour: the time to draw one frame of the paper while scrolling
// (target < 8 ms) at 3 and 1 cm/min and with the whole day zoomed into view, against drawing the
// same window's raw samples as one polyline (what the viewer would do without its min/max
// pyramid), measured in the same run; and the memory the opened trace takes.
#include "benchlabour.h"
#include "ctg-ui/ctgpaperdata.h"
#include "ctg-ui/ctgpaperpainter.h"
#include "ctg-ui/ctgpaperview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace {
CtgTrace labour(double seconds)
{
    // With a minute and a half of signal loss every hour and a half, as the viewer must draw.
    CtgSynthesizer s = labourSynthesizer(seconds);
    for (double t = 1800; t < seconds; t += 5400)
        s.loss(t, 90);
    return s.build();
}

double residentMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return 0;
}

struct Frames
{
    double medianMs;
    double p95Ms;
    double worstMs;
};

// Frames of the widget itself, each painted synchronously while it moves along the trace.
Frames scrollFrames(CtgPaperView &view, int frames)
{
    QList<double> times;
    const double step = view.maximumStartSeconds() / frames;
    for (int i = 0; i < frames; ++i) {
        view.setStartSeconds(i * step);
        QElapsedTimer timer;
        timer.start();
        view.repaint();
        times.append(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return { times[times.size() / 2], times[times.size() * 95 / 100], times.last() };
}

// Paper drawn into an image the widget's size: the same work without the window system.
double paintMs(const CtgPaperData &data, const CtgPaperScale &scale, QImage &image, double start)
{
    QElapsedTimer timer;
    timer.start();
    QPainter p(&image);
    CtgPaperPainter::paintPaper(p, QRectF(0, 0, image.width(), image.height()), scale, start, data, {});
    p.end();
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

// The reference: every raw FHR and toco sample of the window as one antialiased polyline.
double rawPolylineMs(const CtgPaperData &data, const CtgPaperScale &scale, QImage &image, double start)
{
    QElapsedTimer timer;
    timer.start();
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    const double rate = data.trace.sampleRateHz;
    const double pps = scale.pixelsPerSecond();
    const qsizetype first = qsizetype(start * rate);
    const qsizetype last
        = std::min(data.trace.sampleCount(), qsizetype((start + image.width() / pps) * rate) + 1);
    for (const QVector<float> *channel : { &data.trace.fhrBpm, &data.trace.tocoUnits }) {
        QPolygonF line;
        line.reserve(last - first);
        for (qsizetype i = first; i < last; ++i) {
            const float v = (*channel)[i];
            if (!std::isnan(v))
                line.append(QPointF((i / rate - start) * pps,
                    channel == &data.trace.fhrBpm ? scale.fhrY(v) : scale.tocoY(v)));
        }
        p.drawPolyline(line);
    }
    p.end();
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}
} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const double rssBefore = residentMiB();
    CtgTrace day = labour(24 * 3600);
    QElapsedTimer open;
    open.start();
    const auto data = CtgPaperData::build(std::move(day));
    const double openMs = static_cast<double>(open.nsecsElapsed()) / 1e6;
    const double rssAfter = residentMiB();
    const double samplesMiB = static_cast<double>(data->trace.fhrBpm.size() + data->trace.tocoUnits.size())
        * sizeof(float) / (1024.0 * 1024.0);
    const double dataMiB = static_cast<double>(data->memoryBytes()) / (1024.0 * 1024.0);

    CtgPaperView view;
    view.setDotsPerInch(96);
    view.setData(data);
    view.resize(1600, view.height());
    view.show();
    QApplication::processEvents();

    std::printf("bench: ctgviewer_open_24h %.1f ms\n", openMs);
    for (int cm : { 3, 1 }) {
        view.setCmPerMinute(cm);
        view.setZoom(1);
        scrollFrames(view, 20); // warm up
        const Frames f = scrollFrames(view, 300);
        std::printf("bench: ctgviewer_scroll_frame_%dcm_median %.2f ms\n", cm, f.medianMs);
        std::printf("bench: ctgviewer_scroll_frame_%dcm_p95 %.2f ms\n", cm, f.p95Ms);
        std::printf("bench: ctgviewer_scroll_frame_%dcm_worst %.2f ms\n", cm, f.worstMs);
    }

    // The whole day in 1,500 pixels: each column covers about 230 samples.
    const CtgPaperScale dayInView(1, 96, 1500 / (24 * 60 * 1.0 * 96 / 2.54));
    QImage image(1500, int(dayInView.totalHeight()), QImage::Format_ARGB32_Premultiplied);
    QList<double> decimated;
    QList<double> raw;
    for (int i = 0; i < 15; ++i) {
        decimated.append(paintMs(*data, dayInView, image, 0));
        raw.append(rawPolylineMs(*data, dayInView, image, 0));
    }
    std::printf("bench: ctgviewer_frame_whole_day %.2f ms\n", median(decimated));
    std::printf("bench: ctgviewer_raw_polyline_whole_day %.2f ms\n", median(raw));
    std::printf("bench: ctgviewer_whole_day_vs_raw_polyline %.3f ratio\n", median(decimated) / median(raw));
    // At paper scale (3 cm/min) the window holds a few thousand samples: the same comparison.
    const CtgPaperScale paper(3, 96);
    QImage window(1500, int(paper.totalHeight()), QImage::Format_ARGB32_Premultiplied);
    decimated.clear();
    raw.clear();
    for (int i = 0; i < 30; ++i) {
        const double start = 3600.0 * (i % 20);
        decimated.append(paintMs(*data, paper, window, start));
        raw.append(rawPolylineMs(*data, paper, window, start));
    }
    std::printf("bench: ctgviewer_paint_3cm %.2f ms\n", median(decimated));
    std::printf("bench: ctgviewer_paint_3cm_vs_raw_polyline %.2f ratio\n", median(decimated) / median(raw));

    std::printf("bench: ctgviewer_memory_24h %.2f MiB\n", dataMiB);
    std::printf("bench: ctgviewer_memory_24h_vs_samples %.2f ratio\n", dataMiB / samplesMiB);
    std::printf("bench: ctgviewer_rss_growth_24h %.1f MiB\n", rssAfter - rssBefore);
    return 0;
}
