#include "ctg-ui/ctgpaperview.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScreen>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace {
constexpr double AxisWidthMm = 9;
constexpr double MinZoom = 0.02; // a 24-hour labour at 1 cm/min is ~29 m of paper: ~60 cm zoomed out
constexpr double MaxZoom = 8;
} // namespace

CtgPaperView::CtgPaperView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("ctgPaper"));
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(false);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    updateHeight();
}

void CtgPaperView::setData(std::shared_ptr<const CtgPaperData> paperData)
{
    m_data = std::move(paperData);
    m_overlay.selectedEvent = -1;
    setStartSeconds(0);
    update();
}

void CtgPaperView::setOverlay(const CtgPaperPainter::Overlay &overlay)
{
    const int selected = m_overlay.selectedEvent;
    m_overlay = overlay;
    m_overlay.selectedEvent = selected;
    update();
}

double CtgPaperView::dotsPerInch() const
{
    if (m_dpiOverride > 0)
        return m_dpiOverride;
    // Qt gives the screen's device-independent pixels per physical inch: what a widget draws in.
    const QScreen *s = screen();
    return s && s->physicalDotsPerInch() > 0 ? s->physicalDotsPerInch() : 96;
}

void CtgPaperView::setDotsPerInch(double dpi)
{
    m_dpiOverride = dpi;
    updateHeight();
    setStartSeconds(m_startSeconds);
    update();
}

void CtgPaperView::setCmPerMinute(int cmPerMinute)
{
    const double center = m_startSeconds + visibleSeconds() / 2;
    m_cmPerMinute = std::clamp(cmPerMinute, 1, 3);
    updateHeight();
    centerOn(center);
    update();
}

void CtgPaperView::setZoom(double zoom, std::optional<double> anchorX)
{
    const double anchor = anchorX.value_or((width() - paperLeft()) / 2);
    const double anchorSeconds = m_startSeconds + anchor / scale().pixelsPerSecond();
    m_zoom = std::clamp(zoom, MinZoom, MaxZoom);
    if (std::abs(m_zoom - 1) < 0.02)
        m_zoom = 1; // snap to the true scale
    setStartSeconds(anchorSeconds - anchor / scale().pixelsPerSecond());
    update();
    emit viewChanged();
}

double CtgPaperView::visibleSeconds() const
{
    return std::max(0.0, width() - paperLeft()) / scale().pixelsPerSecond();
}

double CtgPaperView::maximumStartSeconds() const
{
    return m_data ? std::max(0.0, m_data->durationSeconds() - visibleSeconds()) : 0.0;
}

void CtgPaperView::setStartSeconds(double seconds)
{
    const double clamped = std::clamp(seconds, 0.0, maximumStartSeconds());
    if (clamped == m_startSeconds)
        return;
    m_startSeconds = clamped;
    update();
    emit viewChanged();
}

void CtgPaperView::centerOn(double seconds)
{
    setStartSeconds(seconds - visibleSeconds() / 2);
}

double CtgPaperView::paperLeft() const
{
    return std::round(AxisWidthMm * scale().dotsPerMm());
}

double CtgPaperView::secondsAt(double widgetX) const
{
    return m_startSeconds + (widgetX - paperLeft()) / scale().pixelsPerSecond();
}

void CtgPaperView::selectEvent(int index)
{
    m_overlay.selectedEvent = index;
    update();
}

QSize CtgPaperView::sizeHint() const
{
    const CtgPaperScale s = scale();
    return QSize(int(paperLeft() + 300 * s.dotsPerMm()), int(std::ceil(s.totalHeight())));
}

QSize CtgPaperView::minimumSizeHint() const
{
    return QSize(int(paperLeft() + 40 * scale().dotsPerMm()), int(std::ceil(scale().totalHeight())));
}

void CtgPaperView::updateHeight()
{
    // The paper is never squeezed: its height is the true height of FHR and toco panels.
    setFixedHeight(int(std::ceil(scale().totalHeight())));
    updateGeometry();
}

void CtgPaperView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const CtgPaperScale s = scale();
    const QRectF axis(0, 0, paperLeft(), height());
    const QRectF paper(paperLeft(), 0, width() - paperLeft(), height());
    CtgPaperPainter::paintAxis(p, axis, s);
    if (!m_data) {
        p.fillRect(paper, palette().window());
        p.drawText(paper, Qt::AlignCenter, tr("No trace open"));
        return;
    }
    CtgPaperPainter::paintPaper(p, paper, s, m_startSeconds, *m_data, m_overlay);
}

void CtgPaperView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    m_pressAt = event->position();
    m_pressStart = m_startSeconds;
    m_dragged = false;
}

void CtgPaperView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_pressAt)
        return;
    const double dx = event->position().x() - m_pressAt->x();
    if (std::abs(dx) >= 3)
        m_dragged = true;
    if (m_dragged) {
        setCursor(Qt::ClosedHandCursor);
        setStartSeconds(m_pressStart - dx / scale().pixelsPerSecond());
    }
}

void CtgPaperView::mouseReleaseEvent(QMouseEvent *event)
{
    if (!m_pressAt || event->button() != Qt::LeftButton)
        return QWidget::mouseReleaseEvent(event);
    unsetCursor();
    const bool click = !m_dragged;
    m_pressAt.reset();
    if (!click || !m_data || event->position().x() < paperLeft())
        return;
    const int index = CtgPaperPainter::eventAt(scale(), m_startSeconds, *m_data,
        QPointF(event->position().x() - paperLeft(), event->position().y()));
    selectEvent(index);
    if (index >= 0)
        emit eventClicked(index);
}

void CtgPaperView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_data && event->position().x() >= paperLeft())
        emit annotationRequested(
            std::clamp(secondsAt(event->position().x()), 0.0, m_data->durationSeconds()));
}

void CtgPaperView::wheelEvent(QWheelEvent *event)
{
    const QPoint delta = event->angleDelta();
    if (event->modifiers() & Qt::ControlModifier) {
        setZoom(m_zoom * std::pow(1.25, delta.y() / 120.0), event->position().x() - paperLeft());
    } else {
        // Either wheel direction moves along the trace, a notch a tenth of the screen.
        const int steps = delta.x() != 0 ? delta.x() : delta.y();
        setStartSeconds(m_startSeconds - steps / 120.0 * visibleSeconds() / 10);
    }
    event->accept();
}

void CtgPaperView::keyPressEvent(QKeyEvent *event)
{
    const double page = visibleSeconds();
    switch (event->key()) {
    case Qt::Key_Left:
        setStartSeconds(m_startSeconds - page / 10);
        break;
    case Qt::Key_Right:
        setStartSeconds(m_startSeconds + page / 10);
        break;
    case Qt::Key_PageUp:
        setStartSeconds(m_startSeconds - page * 0.9);
        break;
    case Qt::Key_PageDown:
        setStartSeconds(m_startSeconds + page * 0.9);
        break;
    case Qt::Key_Home:
        setStartSeconds(0);
        break;
    case Qt::Key_End:
        setStartSeconds(maximumStartSeconds());
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        setZoom(m_zoom * 1.5);
        break;
    case Qt::Key_Minus:
        setZoom(m_zoom / 1.5);
        break;
    case Qt::Key_0:
        setZoom(1);
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void CtgPaperView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    setStartSeconds(m_startSeconds);
    emit viewChanged();
}
