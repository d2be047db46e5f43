#include "ctg-ui/ctgpaperpainter.h"

#include "ctg-ui/ctgterms.h"

#include <QFontMetricsF>
#include <QPaintEngine>
#include <QPainter>
#include <QPainterPath>

#include <array>
#include <cmath>
#include <optional>
#include <vector>

namespace {
// CTG paper as monitors print it: pale paper, red-brown grid, the normal FHR band tinted.
const QColor paperColor(0xff, 0xfb, 0xf5);
const QColor minorGrid(0xf1, 0xcf, 0xc4);
const QColor majorGrid(0xd9, 0x8c, 0x78);
const QColor normalBand(0xe6, 0xf4, 0xe6);
const QColor fhrColor(0x10, 0x1c, 0x5c);
const QColor fhr2Color(0x1b, 0x6e, 0x3a);
const QColor mhrColor(0x8e, 0x24, 0xaa);
const QColor suspectMaternalColor(0xd8, 0x43, 0x15); // hatching over signal that may be the mother's
const QColor suspectArtefactColor(0x90, 0x90, 0x90);
const QColor tocoColor(0x21, 0x21, 0x21);
const QColor baselineColor(0xe6, 0x51, 0x00);
const QColor accelerationFill(0x43, 0xa0, 0x47, 60);
const QColor decelerationFill(0xe5, 0x39, 0x35, 60);
const QColor contractionFill(0x1e, 0x88, 0xe5, 50);
const QColor annotationColor(0x6a, 0x1b, 0x9a);
const QColor labelColor(0x5d, 0x40, 0x37);

QFont paperFont(const CtgPaperScale &scale, double heightMm, bool bold = false)
{
    QFont font;
    font.setPixelSize(std::max(6, qRound(heightMm * scale.dotsPerMm())));
    font.setBold(bold);
    return font;
}

// A raster device draws antialiased lines one unit wide on a fast path; a wider pen goes through
// the general stroker and costs ten times as much (a 24-hour frame would miss 8 ms). On the
// screen a thicker line is drawn as parallel one-unit lines; a vector device gets the real width.
void drawLine(QPainter &p, const QPolygonF &line, const QColor &color, double width)
{
    if (line.size() == 1) {
        p.setPen(QPen(color, std::max(1.0, width)));
        p.drawPoint(line.first());
        return;
    }
    const QPaintEngine *engine = p.paintEngine();
    if (engine && engine->type() == QPaintEngine::Pdf) {
        p.setPen(QPen(color, width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawPolyline(line);
        return;
    }
    p.setPen(QPen(color, 1));
    const int strokes = std::max(1, int(std::lround(width)));
    for (int i = 0; i < strokes; ++i)
        p.drawPolyline(line.translated(0, i - (strokes - 1) / 2.0));
}

// `top` laid over `bottom`, as one opaque color.
QColor over(const QColor &top, const QColor &bottom)
{
    const double a = top.alphaF();
    return QColor::fromRgbF(float(top.redF() * a + bottom.redF() * (1 - a)),
        float(top.greenF() * a + bottom.greenF() * (1 - a)),
        float(top.blueF() * a + bottom.blueF() * (1 - a)));
}

// Visible samples of a channel as a polyline with gaps where the signal was lost: the raw
// samples when there are fewer than two per device pixel, otherwise the min and max of each
// pixel column from the pyramid.
void drawChannel(QPainter &p, const CtgDecimation &channel, double rateHz, const QRectF &area,
    double startSeconds, double pixelsPerSecond, const std::function<double(double)> &y, const QColor &color,
    double width)
{
    if (channel.isEmpty())
        return;
    const double samplesPerPixel = rateHz / pixelsPerSecond;
    QPolygonF run;
    run.reserve(qsizetype(area.width() * 2) + 4);
    auto flush = [&] {
        if (!run.isEmpty())
            drawLine(p, run, color, width);
        run.clear();
    };
    if (samplesPerPixel < 2) {
        const qsizetype first = std::max<qsizetype>(0, qsizetype(std::floor(startSeconds * rateHz)) - 1);
        const qsizetype last = std::min(channel.size(),
            qsizetype(std::ceil((startSeconds + area.width() / pixelsPerSecond) * rateHz)) + 2);
        for (qsizetype i = first; i < last; ++i) {
            const float v = channel.sample(i);
            if (std::isnan(v)) {
                flush();
                continue;
            }
            run.append(QPointF(area.left() + (i / rateHz - startSeconds) * pixelsPerSecond, y(v)));
        }
        flush();
        return;
    }
    const int columns = int(std::ceil(area.width()));
    // The samples under pixel column x, as min and max; nothing past the trace's end.
    const auto columnRange = [&](int x) -> std::optional<CtgDecimation::Range> {
        const qsizetype first = qsizetype(std::floor((startSeconds + x / pixelsPerSecond) * rateHz));
        const qsizetype last = qsizetype(std::floor((startSeconds + (x + 1) / pixelsPerSecond) * rateHz));
        if (first >= channel.size())
            return std::nullopt;
        return channel.range(first, std::max(last, first + 1));
    };
    if (samplesPerPixel >= 16) {
        // Zoomed out, each column is one aliased vertical stroke over its samples' range,
        // stretched to meet the previous column so that the trace stays continuous: as fast as a
        // fill, where antialiased zig-zags through tall columns would cost tens of milliseconds.
        QVector<QLineF> strokes;
        strokes.reserve(columns);
        std::optional<CtgDecimation::Range> previous;
        for (int x = 0; x < columns; ++x) {
            const auto column = columnRange(x);
            if (!column)
                break;
            const CtgDecimation::Range r = *column;
            if (!r.any) {
                previous.reset();
                continue;
            }
            double lo = r.min;
            double hi = r.max;
            if (previous) {
                lo = std::min(lo, double(previous->max));
                hi = std::max(hi, double(previous->min));
            }
            const double px = area.left() + x + 0.5;
            strokes.append(QLineF(px, y(lo), px, y(hi)));
            previous = r;
        }
        const bool antialiased = p.testRenderHint(QPainter::Antialiasing);
        p.setRenderHint(QPainter::Antialiasing, false);
        p.setPen(QPen(color, 1));
        p.drawLines(strokes);
        p.setRenderHint(QPainter::Antialiasing, antialiased);
        return;
    }
    for (int x = 0; x < columns; ++x) {
        const auto column = columnRange(x);
        if (!column)
            break;
        const CtgDecimation::Range r = *column;
        if (!r.any) {
            flush();
            continue;
        }
        const double px = area.left() + x + 0.5;
        // Alternate the order so that the line zig-zags through each column's extent.
        if (x % 2 == 0) {
            run.append(QPointF(px, y(r.min)));
            if (r.max != r.min)
                run.append(QPointF(px, y(r.max)));
        } else {
            run.append(QPointF(px, y(r.max)));
            if (r.max != r.min)
                run.append(QPointF(px, y(r.min)));
        }
    }
    flush();
}
} // namespace

QString CtgPaperPainter::timeLabel(double seconds, const QDateTime &recordedAt, bool withSeconds)
{
    if (recordedAt.isValid()) {
        const QTime t = recordedAt.toLocalTime().addMSecs(qint64(std::llround(seconds * 1000))).time();
        return t.toString(withSeconds ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm"));
    }
    const qint64 s = qint64(std::floor(seconds + 0.5));
    const QString hm = QStringLiteral("%1:%2").arg(s / 3600).arg((s / 60) % 60, 2, 10, QLatin1Char('0'));
    return withSeconds ? hm + QStringLiteral(":%1").arg(s % 60, 2, 10, QLatin1Char('0')) : hm;
}

void CtgPaperPainter::paintPaper(QPainter &p, const QRectF &area, const CtgPaperScale &scale,
    double startSeconds, const CtgPaperData &data, const Overlay &overlay)
{
    p.save();
    p.setClipRect(area);
    const double pps = scale.pixelsPerSecond();
    const double endSeconds = startSeconds + area.width() / pps;
    const double top = area.top();
    const auto xOf = [&](double seconds) { return area.left() + (seconds - startSeconds) * pps; };
    const auto fhrY = [&](double bpm) { return top + scale.fhrY(bpm); };
    const auto tocoY = [&](double units) { return top + scale.tocoY(units); };
    const double fhrTop = fhrY(CtgPaperScale::FhrMaxBpm);
    const double fhrBottom = fhrY(CtgPaperScale::FhrMinBpm);
    const double tocoTop = tocoY(CtgPaperScale::TocoMax);
    const double tocoBottom = tocoY(0);
    const double dataEnd = std::min(endSeconds, data.durationSeconds());

    p.fillRect(area, paperColor);
    p.fillRect(QRectF(area.left(), fhrY(160), area.width(), fhrY(110) - fhrY(160)), normalBand);
    // Events under the grid and the trace: shaded spans, merged per pixel column and painted in
    // opaque colors mixed beforehand with the paper and the normal band they lie on — a zoomed-out
    // day of a thousand events then costs a few fills, where translucent ones cost milliseconds.
    const QList<CtgEvent> &events = data.analysis.events;
    const int columns = std::max(0, int(std::ceil(area.width())));
    enum Kind { AccelerationSpan, DecelerationSpan, ContractionSpan, Kinds };
    const std::array<QColor, Kinds> fills { accelerationFill, decelerationFill, contractionFill };
    std::array<std::vector<bool>, Kinds> covered;
    for (auto &c : covered)
        c.assign(size_t(columns), false);
    const auto kindOf = [](const CtgEvent &e) {
        return e.type == CtgEvent::Type::Contraction ? ContractionSpan
            : e.type == CtgEvent::Type::Acceleration ? AccelerationSpan
                                                     : DecelerationSpan;
    };
    for (const CtgEvent &e : events) {
        if (e.endSeconds < startSeconds || e.startSeconds > endSeconds)
            continue;
        const int from = std::clamp(int(std::floor((e.startSeconds - startSeconds) * pps)), 0, columns);
        const int to = std::clamp(int(std::ceil((e.endSeconds - startSeconds) * pps)), from + 1, columns);
        std::fill(covered[kindOf(e)].begin() + from, covered[kindOf(e)].begin() + to, true);
    }
    const double bandTop = fhrY(160);
    const double bandBottom = fhrY(110);
    for (int kind = 0; kind < Kinds; ++kind) {
        const bool toco = kind == ContractionSpan;
        const QColor onPaper = over(fills[kind], paperColor);
        const QColor onBand = over(fills[kind], normalBand);
        for (int x = 0; x < columns;) {
            if (!covered[kind][size_t(x)]) {
                ++x;
                continue;
            }
            int end = x;
            while (end < columns && covered[kind][size_t(end)])
                ++end;
            const double left = area.left() + x;
            if (toco) {
                p.fillRect(QRectF(left, tocoTop, end - x, tocoBottom - tocoTop), onPaper);
            } else {
                p.fillRect(QRectF(left, fhrTop, end - x, bandTop - fhrTop), onPaper);
                p.fillRect(QRectF(left, bandTop, end - x, bandBottom - bandTop), onBand);
                p.fillRect(QRectF(left, bandBottom, end - x, fhrBottom - bandBottom), onPaper);
            }
            x = end;
        }
    }

    // Grid: the fine lines first, the heavy ones over them.
    p.setRenderHint(QPainter::Antialiasing, false);
    const double thin = std::max(1.0, 0.1 * scale.dotsPerMm());
    const double heavy = std::max(1.0, 0.25 * scale.dotsPerMm());
    QVector<QLineF> minor;
    QVector<QLineF> major;
    const double minorStep = scale.minorSeconds();
    const double majorStep = scale.majorSeconds();
    for (double t = std::floor(startSeconds / minorStep) * minorStep; t <= endSeconds; t += minorStep) {
        const double x = xOf(t);
        const bool isMajor = std::fmod(t + 1e-6, majorStep) < 1e-3;
        QVector<QLineF> &set = isMajor ? major : minor;
        set.append(QLineF(x, fhrTop, x, fhrBottom));
        set.append(QLineF(x, tocoTop, x, tocoBottom));
    }
    for (int bpm = int(CtgPaperScale::FhrMinBpm); bpm <= int(CtgPaperScale::FhrMaxBpm); bpm += 10) {
        const bool isMajor = (bpm - 60) % int(scale.fhrMajorBpm()) == 0 || bpm == 50 || bpm == 210;
        (isMajor ? major : minor).append(QLineF(area.left(), fhrY(bpm), area.right(), fhrY(bpm)));
    }
    for (int units = 0; units <= 100; units += 10)
        (units % 20 == 0 ? major : minor)
            .append(QLineF(area.left(), tocoY(units), area.right(), tocoY(units)));
    p.setPen(QPen(minorGrid, thin));
    p.drawLines(minor);
    p.setPen(QPen(majorGrid, heavy));
    p.drawLines(major);

    // Time along the gap between the panels, at every labelled heavy line.
    p.setFont(paperFont(scale, 2.6));
    p.setPen(labelColor);
    const double labelStep = scale.labelSeconds();
    const double gapTop = fhrBottom;
    const double gapHeight = tocoTop - fhrBottom;
    for (double t = std::floor(startSeconds / labelStep) * labelStep; t <= endSeconds; t += labelStep) {
        if (t > data.durationSeconds())
            break;
        if (xOf(t) < area.left() - 1)
            continue; // its line is off the paper: a cut label reads as another time
        p.drawText(QRectF(xOf(t) + 0.8 * scale.dotsPerMm(), gapTop, 30 * scale.dotsPerMm(), gapHeight),
            Qt::AlignLeft | Qt::AlignVCenter, timeLabel(t, overlay.recordedAt));
    }
    // Where the recording ends, the paper is blank.
    if (dataEnd < endSeconds)
        p.fillRect(QRectF(xOf(std::max(dataEnd, startSeconds)), area.top(), area.right() - xOf(dataEnd),
                       area.height()),
            QColor(0xee, 0xee, 0xee));

    // Stretches that are probably not the fetal heart, hatched over the FHR panel and named at
    // its foot (artefacts only hatched: they are short and many).
    const QFontMetricsF suspectMetrics(paperFont(scale, 2.6, true));
    for (const CtgSuspectStretch &s : data.analysis.signalQuality.stretches) {
        if (s.endSeconds < startSeconds || s.startSeconds > endSeconds)
            continue;
        const bool maternal = s.mayBeMaternal();
        const QRectF span(xOf(s.startSeconds), fhrTop, std::max(1.0, s.durationSeconds() * pps), fhrBottom - fhrTop);
        p.fillRect(span, QBrush(maternal ? suspectMaternalColor : suspectArtefactColor, Qt::BDiagPattern));
        if (s.kind == CtgSuspectStretch::Kind::Artefact)
            continue;
        const QString label = CtgTerms::suspect(s);
        if (suspectMetrics.horizontalAdvance(label) > span.width() && s.durationSeconds() * pps < 6 * scale.dotsPerMm())
            continue; // no room even for a short cut label
        p.setFont(paperFont(scale, 2.6, true));
        p.setPen(maternal ? suspectMaternalColor.darker(130) : suspectArtefactColor.darker(160));
        p.drawText(QRectF(span.left(), fhrBottom - 5 * scale.dotsPerMm(), std::max(span.width(), suspectMetrics.horizontalAdvance(label)),
                       4 * scale.dotsPerMm()),
            Qt::AlignLeft | Qt::AlignVCenter, label);
    }

    // The selected event outlined, each acceleration and deceleration marked with its type.
    // Marks are printed where a minute is at least 4 mm of paper: zoomed further out they would
    // be a row of letters too dense to read.
    const bool marks = pps * 60 >= 4 * scale.dotsPerMm();
    p.setFont(paperFont(scale, 3.0, true));
    double lastMarkRight = -1e9; // zoomed out, marks that would overlap the previous are left out
    for (int i = 0; i < events.size(); ++i) {
        const CtgEvent &e = events[i];
        if (e.endSeconds < startSeconds || e.startSeconds > endSeconds)
            continue;
        const bool contraction = e.type == CtgEvent::Type::Contraction;
        const QColor fill = fills[kindOf(e)];
        if (i == overlay.selectedEvent) {
            const QRectF span(xOf(e.startSeconds), contraction ? tocoTop : fhrTop,
                (e.endSeconds - e.startSeconds) * pps,
                contraction ? tocoBottom - tocoTop : fhrBottom - fhrTop);
            p.setPen(QPen(fill.darker(250), heavy * 1.5, Qt::SolidLine));
            p.setBrush(Qt::NoBrush);
            p.drawRect(span);
        }
        const double markX = xOf(e.peakSeconds);
        if (marks && !contraction && markX - 2 * scale.dotsPerMm() > lastMarkRight) {
            lastMarkRight = markX + 2 * scale.dotsPerMm();
            QColor markColor = fill;
            markColor.setAlpha(255);
            p.setPen(markColor.darker(140));
            const QRectF markBox(markX - 5 * scale.dotsPerMm(), fhrTop + 0.5 * scale.dotsPerMm(),
                10 * scale.dotsPerMm(), 4 * scale.dotsPerMm());
            p.drawText(markBox, Qt::AlignCenter, CtgTerms::mark(e));
        }
    }

    // Traces: baseline under the FHR, then maternal HR, second twin, FHR and uterine activity.
    p.setRenderHint(QPainter::Antialiasing, true);
    const double rate = data.trace.sampleRateHz;
    const auto &baseline = data.analysis.baselineCurve;
    if (!baseline.isEmpty()) {
        // Solid: a dashed antialiased curve costs more than everything else on the paper.
        const double baselineWidth = 0.35 * scale.dotsPerMm();
        QPolygonF line;
        const double step = std::max(2.0, 0.5 * scale.dotsPerMm()); // a point every ~0.5 mm
        auto flush = [&] {
            if (line.size() > 1)
                drawLine(p, line, baselineColor, baselineWidth);
            line.clear();
        };
        for (double x = 0; x <= area.width() + step; x += step) {
            const qsizetype i = qsizetype((startSeconds + x / pps) * rate);
            if (i < 0 || i >= baseline.size())
                break;
            const float v = baseline[i];
            if (std::isnan(v)) {
                flush();
                continue;
            }
            line.append(QPointF(area.left() + x, fhrY(v)));
        }
        flush();
    }
    const double traceWidth = 0.25 * scale.dotsPerMm();
    const auto clampedFhr = [&](double bpm) {
        return fhrY(std::clamp(bpm, CtgPaperScale::FhrMinBpm, CtgPaperScale::FhrMaxBpm));
    };
    QColor maternal = mhrColor;
    maternal.setAlpha(170);
    drawChannel(p, data.mhr, rate, area, startSeconds, pps, clampedFhr, maternal, traceWidth);
    drawChannel(p, data.fhr2, rate, area, startSeconds, pps, clampedFhr, fhr2Color, traceWidth);
    drawChannel(p, data.fhr, rate, area, startSeconds, pps, clampedFhr, fhrColor, traceWidth);
    drawChannel(
        p, data.toco, rate, area, startSeconds, pps,
        [&](double units) { return tocoY(std::clamp(units, 0.0, CtgPaperScale::TocoMax)); }, tocoColor,
        traceWidth);

    // Annotations: a line across both panels and the note in a flag at the top.
    p.setFont(paperFont(scale, 2.6));
    const QFontMetricsF metrics(p.font());
    for (const CtgAnnotation &a : overlay.annotations) {
        if (a.atSeconds < startSeconds - 60 * 60 || a.atSeconds > endSeconds)
            continue;
        const double x = xOf(a.atSeconds);
        p.setPen(QPen(annotationColor, heavy, Qt::DashLine));
        p.drawLine(QLineF(x, fhrTop, x, tocoBottom));
        const QString text = metrics.elidedText(a.text, Qt::ElideRight, 45 * scale.dotsPerMm());
        const QRectF box(x, fhrTop + 5 * scale.dotsPerMm(),
            metrics.horizontalAdvance(text) + 2 * scale.dotsPerMm(), metrics.height() + scale.dotsPerMm());
        if (box.right() < area.left())
            continue;
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0xf3, 0xe5, 0xf5, 230));
        p.drawRect(box);
        p.setPen(annotationColor);
        p.drawText(box, Qt::AlignCenter, text);
    }
    p.restore();
}

void CtgPaperPainter::paintAxis(QPainter &p, const QRectF &area, const CtgPaperScale &scale)
{
    p.save();
    p.fillRect(area, paperColor);
    p.setPen(labelColor);
    p.setFont(paperFont(scale, 2.6));
    const double top = area.top();
    const double h = 4 * scale.dotsPerMm();
    for (int bpm = 60; bpm < int(CtgPaperScale::FhrMaxBpm); bpm += int(scale.fhrMajorBpm())) {
        p.drawText(QRectF(area.left(), top + scale.fhrY(bpm) - h / 2, area.width() - scale.dotsPerMm(), h),
            Qt::AlignRight | Qt::AlignVCenter, QString::number(bpm));
    }
    for (int units = 20; units < 100; units += 20) {
        p.drawText(QRectF(area.left(), top + scale.tocoY(units) - h / 2, area.width() - scale.dotsPerMm(), h),
            Qt::AlignRight | Qt::AlignVCenter, QString::number(units));
    }
    QFont unitFont = paperFont(scale, 2.2);
    p.setFont(unitFont);
    p.drawText(
        QRectF(area.left(), top + scale.fhrY(CtgPaperScale::FhrMaxBpm), area.width() - scale.dotsPerMm(), h),
        Qt::AlignRight | Qt::AlignTop, tr("bpm"));
    p.drawText(
        QRectF(area.left(), top + scale.tocoY(CtgPaperScale::TocoMax), area.width() - scale.dotsPerMm(), h),
        Qt::AlignRight | Qt::AlignTop, tr("UA"));
    p.restore();
}

int CtgPaperPainter::eventAt(
    const CtgPaperScale &scale, double startSeconds, const CtgPaperData &data, const QPointF &point)
{
    const double seconds = startSeconds + point.x() / scale.pixelsPerSecond();
    const bool inFhr = point.y() >= scale.fhrY(CtgPaperScale::FhrMaxBpm)
        && point.y() <= scale.fhrY(CtgPaperScale::FhrMinBpm);
    const bool inToco = point.y() >= scale.tocoY(CtgPaperScale::TocoMax) && point.y() <= scale.tocoY(0);
    const QList<CtgEvent> &events = data.analysis.events;
    for (int i = 0; i < events.size(); ++i) {
        const CtgEvent &e = events[i];
        const bool contraction = e.type == CtgEvent::Type::Contraction;
        if ((contraction ? inToco : inFhr) && seconds >= e.startSeconds && seconds <= e.endSeconds)
            return i;
    }
    return -1;
}
