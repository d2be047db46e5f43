#include "dicom-viewer/dicomimageview.h"

#include <QKeyEvent>
#include <QLineF>
#include <QPainter>
#include <QPainterPath>
#include <QWheelEvent>

#include <cmath>

namespace {
const QColor measurementColour(255, 214, 0);
const QColor regionColour(0, 200, 255, 160);
constexpr double MinimumZoom = 0.05;
constexpr double MaximumZoom = 16.0;

// The ellipse centre + cos(t)·u + sin(t)·v as a path in widget coordinates.
QPainterPath ellipsePath(const QPointF &centre, const QPointF &u, const QPointF &v)
{
    QPainterPath path;
    constexpr int steps = 96;
    for (int i = 0; i <= steps; ++i) {
        const double t = 2 * M_PI * i / steps;
        const QPointF p = centre + std::cos(t) * u + std::sin(t) * v;
        i == 0 ? path.moveTo(p) : path.lineTo(p);
    }
    return path;
}

void outlinedText(QPainter &painter, const QRectF &rect, int flags, const QString &text)
{
    painter.setPen(QColor(0, 0, 0, 200));
    for (const QPointF &d : { QPointF(1, 1), QPointF(-1, 1), QPointF(1, -1), QPointF(-1, -1) })
        painter.drawText(rect.translated(d), flags, text);
    painter.setPen(Qt::white);
    painter.drawText(rect, flags, text);
}
} // namespace

DicomImageView::DicomImageView(QWidget *parent)
    : QWidget(parent)
{
    setMinimumSize(320, 240);
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void DicomImageView::setDicomInfo(const DicomInfo &info)
{
    m_info = info;
    m_measurements.clear();
    m_drag = Drag::None;
    update();
}

void DicomImageView::setFrame(const QImage &frame)
{
    const bool newSize = frame.size() != m_frame.size();
    m_frame = frame;
    redisplay();
    if (newSize && m_fitting)
        fitToWindow();
}

void DicomImageView::setCornerText(Qt::Corner corner, const QString &text)
{
    m_corners[corner] = text;
    update();
}

void DicomImageView::setTool(Tool tool)
{
    m_tool = tool;
    m_drag = Drag::None;
    if (tool == Tool::WindowLevel || tool == Tool::Pan)
        m_pendingBiometry.reset();
    setCursor(tool == Tool::Pan ? Qt::OpenHandCursor
                                : (tool == Tool::WindowLevel ? Qt::ArrowCursor : Qt::CrossCursor));
    update();
}

void DicomImageView::setPendingBiometry(std::optional<BiometryMeasure> measure)
{
    if (measure)
        setTool(BiometryMeasures::drawing(*measure) == BiometryMeasures::Drawing::Ellipse ? Tool::Ellipse
                                                                                          : Tool::Distance);
    m_pendingBiometry = measure;
}

void DicomImageView::setWindowLevel(const WindowLevel &windowLevel)
{
    if (windowLevel == m_windowLevel)
        return;
    m_windowLevel = windowLevel;
    redisplay();
    emit windowLevelChanged(m_windowLevel);
}

void DicomImageView::setInverted(bool inverted)
{
    m_inverted = inverted;
    redisplay();
}

void DicomImageView::redisplay()
{
    m_displayed = m_windowLevel.apply(m_frame, m_inverted);
    update();
}

void DicomImageView::fitToWindow()
{
    m_fitting = true;
    m_pan = {};
    if (!m_frame.isNull())
        m_zoom = std::min(double(width()) / m_frame.width(), double(height()) / m_frame.height());
    update();
    emit zoomChanged(m_zoom);
}

void DicomImageView::showActualSize()
{
    m_fitting = false;
    m_zoom = 1.0;
    m_pan = {};
    update();
    emit zoomChanged(m_zoom);
}

void DicomImageView::zoomBy(double factor, const QPointF &aboutWidgetPoint)
{
    const QPointF fixed = widgetToImage(aboutWidgetPoint);
    m_fitting = false;
    m_zoom = std::clamp(m_zoom * factor, MinimumZoom, MaximumZoom);
    // Keep the image point under the pointer where it was.
    m_pan += aboutWidgetPoint - imageToWidget(fixed);
    update();
    emit zoomChanged(m_zoom);
}

QRectF DicomImageView::imageRect() const
{
    const QSizeF size = QSizeF(m_frame.size()) * m_zoom;
    const QPointF topLeft = QPointF(width() - size.width(), height() - size.height()) / 2 + m_pan;
    return QRectF(topLeft, size);
}

// Pixel centres are at whole numbers (docs/dicom.md), so pixel (0,0) covers −0.5…0.5.
QPointF DicomImageView::widgetToImage(const QPointF &p) const
{
    return (p - imageRect().topLeft()) / m_zoom - QPointF(0.5, 0.5);
}

QPointF DicomImageView::imageToWidget(const QPointF &p) const
{
    return imageRect().topLeft() + (p + QPointF(0.5, 0.5)) * m_zoom;
}

void DicomImageView::clearMeasurements()
{
    m_measurements.clear();
    update();
}

bool DicomImageView::accept(Result<ViewerMeasurement> measurement)
{
    if (!measurement) {
        emit measurementRefused(measurement.error().message);
        update();
        return false;
    }
    measurement->biometry = m_pendingBiometry;
    m_measurements.append(*measurement);
    m_pendingBiometry.reset();
    update();
    emit measurementAdded(m_measurements.last());
    return true;
}

bool DicomImageView::addDistance(const QPointF &a, const QPointF &b)
{
    return accept(ViewerMeasurement::distance(m_info, a, b));
}

bool DicomImageView::addEllipse(const QPointF &centre, const QPointF &axisEndA, const QPointF &axisEndB)
{
    return accept(ViewerMeasurement::ellipse(m_info, centre, axisEndA, axisEndB));
}

// Centre, end of the drawn axis and end of the perpendicular one, in image coordinates.
QList<QPointF> DicomImageView::ellipseInProgress() const
{
    const QPointF end = m_drag == Drag::EllipseAxis ? m_current : m_axisEnd;
    const QPointF centre = (m_anchor + end) / 2;
    const QPointF axis = end - centre;
    const double length = std::hypot(axis.x(), axis.y());
    const QPointF normal = length > 0 ? QPointF(-axis.y(), axis.x()) / length : QPointF(0, 1);
    const double minor = m_drag == Drag::EllipseAxis ? length * 0.8 : m_minorSemiAxis;
    return { centre, end, centre + normal * minor };
}

void DicomImageView::mousePressEvent(QMouseEvent *event)
{
    m_lastMouse = event->position();
    m_current = widgetToImage(event->position());
    if (m_drag == Drag::EllipseWidth) {
        const auto e = ellipseInProgress();
        m_drag = Drag::None;
        addEllipse(e[0], e[1], e[2]);
        return;
    }
    if (event->button() == Qt::RightButton) {
        m_drag = Drag::WindowLevel;
        return;
    }
    if (event->button() == Qt::MiddleButton) {
        m_drag = Drag::Pan;
        return;
    }
    if (event->button() != Qt::LeftButton)
        return;
    m_anchor = m_current;
    switch (m_tool) {
    case Tool::WindowLevel:
        m_drag = Drag::WindowLevel;
        break;
    case Tool::Pan:
        m_drag = Drag::Pan;
        setCursor(Qt::ClosedHandCursor);
        break;
    case Tool::Distance:
        m_drag = Drag::DistanceEnd;
        break;
    case Tool::Ellipse:
        m_drag = Drag::EllipseAxis;
        break;
    }
}

void DicomImageView::mouseMoveEvent(QMouseEvent *event)
{
    const QPointF delta = event->position() - m_lastMouse;
    m_lastMouse = event->position();
    m_current = widgetToImage(event->position());
    switch (m_drag) {
    case Drag::WindowLevel:
        setWindowLevel(m_windowLevel.dragged(delta.x(), delta.y()));
        break;
    case Drag::Pan:
        m_fitting = false;
        m_pan += delta;
        update();
        break;
    case Drag::EllipseWidth: {
        const QPointF centre = (m_anchor + m_axisEnd) / 2;
        const QLineF axis(m_anchor, m_axisEnd);
        const QPointF d = m_current - centre;
        const QPointF unit = axis.length() > 0 ? (m_axisEnd - m_anchor) / axis.length() : QPointF(1, 0);
        m_minorSemiAxis = std::abs(d.x() * unit.y() - d.y() * unit.x());
        update();
        break;
    }
    case Drag::DistanceEnd:
    case Drag::EllipseAxis:
        update();
        break;
    case Drag::None:
        break;
    }
}

void DicomImageView::mouseReleaseEvent(QMouseEvent *event)
{
    m_current = widgetToImage(event->position());
    const bool tooShort = QLineF(imageToWidget(m_anchor), event->position()).length() < 4;
    switch (m_drag) {
    case Drag::DistanceEnd:
        m_drag = Drag::None;
        if (!tooShort)
            addDistance(m_anchor, m_current);
        break;
    case Drag::EllipseAxis:
        // The axis is drawn; the ellipse's width follows the pointer until the next click.
        m_drag = tooShort ? Drag::None : Drag::EllipseWidth;
        m_axisEnd = m_current;
        m_minorSemiAxis = QLineF(m_anchor, m_axisEnd).length() * 0.4;
        break;
    case Drag::Pan:
        setCursor(m_tool == Tool::Pan ? Qt::OpenHandCursor : cursor());
        m_drag = Drag::None;
        break;
    case Drag::WindowLevel:
        m_drag = Drag::None;
        break;
    case Drag::EllipseWidth:
    case Drag::None:
        break;
    }
    update();
}

void DicomImageView::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps != 0)
        zoomBy(std::pow(1.25, steps), event->position());
    event->accept();
}

void DicomImageView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && m_drag != Drag::None) {
        m_drag = Drag::None;
        update();
        return;
    }
    QWidget::keyPressEvent(event);
}

void DicomImageView::resizeEvent(QResizeEvent *)
{
    if (m_fitting)
        fitToWindow();
}

void DicomImageView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), Qt::black);
    if (!m_displayed.isNull()) {
        painter.setRenderHint(QPainter::SmoothPixmapTransform, m_zoom < 1.0);
        painter.drawImage(imageRect(), m_displayed);
    }
    painter.setRenderHint(QPainter::Antialiasing);
    if (m_tool == Tool::Distance || m_tool == Tool::Ellipse)
        paintRegions(painter);
    for (const ViewerMeasurement &m : m_measurements)
        paintMeasurement(painter, m, false);
    if (m_drag == Drag::DistanceEnd) {
        ViewerMeasurement preview;
        preview.points = { m_anchor, m_current };
        paintMeasurement(painter, preview, true);
    } else if (m_drag == Drag::EllipseAxis || m_drag == Drag::EllipseWidth) {
        ViewerMeasurement preview;
        preview.shape = ViewerMeasurement::Shape::Ellipse;
        preview.points = ellipseInProgress();
        paintMeasurement(painter, preview, true);
    }
    paintCorners(painter);
}

void DicomImageView::paintMeasurement(QPainter &painter, const ViewerMeasurement &m, bool inProgress) const
{
    QPen pen(measurementColour, 1.5, inProgress ? Qt::DashLine : Qt::SolidLine);
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    QPointF labelAt;
    if (m.shape == ViewerMeasurement::Shape::Distance) {
        const QPointF a = imageToWidget(m.points[0]);
        const QPointF b = imageToWidget(m.points[1]);
        painter.drawLine(a, b);
        for (const QPointF &p : { a, b }) {
            painter.drawLine(p + QPointF(-5, 0), p + QPointF(5, 0));
            painter.drawLine(p + QPointF(0, -5), p + QPointF(0, 5));
        }
        labelAt = (a.y() < b.y() ? b : a) + QPointF(8, 4);
    } else {
        const QPointF centre = imageToWidget(m.points[0]);
        const QPointF u = imageToWidget(m.points[1]) - centre;
        const QPointF v = imageToWidget(m.points[2]) - centre;
        painter.drawPath(ellipsePath(centre, u, v));
        painter.drawLine(centre - u, centre + u);
        labelAt = centre + QPointF(std::hypot(u.x(), v.x()) + 8, 0);
    }
    if (!inProgress) {
        QFont font = painter.font();
        font.setBold(true);
        painter.setFont(font);
        outlinedText(painter, QRectF(labelAt, QSizeF(400, 24)), Qt::AlignLeft | Qt::AlignTop, m.label());
        painter.setFont(this->font());
    }
}

// Where measuring is allowed: every ultrasound region calibrated in centimetres, dashed.
void DicomImageView::paintRegions(QPainter &painter) const
{
    painter.setPen(QPen(regionColour, 1, Qt::DashLine));
    painter.setBrush(Qt::NoBrush);
    for (const UltrasoundRegion &r : m_info.ultrasoundRegions) {
        if (!r.isCalibratedInCentimetres())
            continue;
        painter.drawRect(QRectF(imageToWidget(QPointF(r.minX0, r.minY0) - QPointF(0.5, 0.5)),
            imageToWidget(QPointF(r.maxX1, r.maxY1) + QPointF(0.5, 0.5))));
    }
}

void DicomImageView::paintCorners(QPainter &painter) const
{
    const QRectF area = QRectF(rect()).adjusted(8, 6, -8, -6);
    const QMap<Qt::Corner, int> flags { { Qt::TopLeftCorner, Qt::AlignLeft | Qt::AlignTop },
        { Qt::TopRightCorner, Qt::AlignRight | Qt::AlignTop },
        { Qt::BottomLeftCorner, Qt::AlignLeft | Qt::AlignBottom },
        { Qt::BottomRightCorner, Qt::AlignRight | Qt::AlignBottom } };
    for (auto it = m_corners.constBegin(); it != m_corners.constEnd(); ++it)
        outlinedText(painter, area, flags.value(it.key()), it.value());
}
