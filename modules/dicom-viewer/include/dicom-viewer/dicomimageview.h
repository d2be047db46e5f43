#pragma once

#include "dicom-viewer/viewermeasurement.h"
#include "dicom-viewer/windowlevel.h"

#include <QImage>
#include <QMap>
#include <QWidget>

#include <optional>

// Shows one frame with window/level, zoom and pan, the file's information in the corners and
// the measurements drawn on it. The left mouse button does what the current tool says (window/
// level, pan, distance, ellipse); the right button always drags window/level, the middle button
// always pans and the wheel zooms about the pointer. Measurements are taken only where the
// image is calibrated; elsewhere the view says why (measurementRefused) and keeps nothing.
class DicomImageView : public QWidget
{
    Q_OBJECT
public:
    enum class Tool { WindowLevel, Pan, Distance, Ellipse };

    explicit DicomImageView(QWidget *parent = nullptr);

    // A new file: its calibration, no measurements, window/level and zoom kept.
    void setDicomInfo(const DicomInfo &info);
    void setFrame(const QImage &frame);
    void setCornerText(Qt::Corner corner, const QString &text);

    Tool tool() const { return m_tool; }
    void setTool(Tool tool);
    // The next measurement drawn is this biometry measure (its shape sets the tool).
    void setPendingBiometry(std::optional<BiometryMeasure> measure);
    std::optional<BiometryMeasure> pendingBiometry() const { return m_pendingBiometry; }

    WindowLevel windowLevel() const { return m_windowLevel; }
    void setWindowLevel(const WindowLevel &windowLevel);
    bool isInverted() const { return m_inverted; }
    void setInverted(bool inverted);

    double zoom() const { return m_zoom; }
    bool isFitting() const { return m_fitting; }
    void fitToWindow();
    void showActualSize();
    void zoomBy(double factor, const QPointF &aboutWidgetPoint);

    // The frame as shown (window/level and inversion applied), without overlays.
    QImage displayedFrame() const { return m_displayed; }
    const QList<ViewerMeasurement> &measurements() const { return m_measurements; }
    void clearMeasurements();
    // As if drawn with the mouse; points in image pixels. False if refused.
    bool addDistance(const QPointF &a, const QPointF &b);
    bool addEllipse(const QPointF &centre, const QPointF &axisEndA, const QPointF &axisEndB);

    QPointF widgetToImage(const QPointF &p) const;
    QPointF imageToWidget(const QPointF &p) const;

signals:
    void windowLevelChanged(const WindowLevel &windowLevel);
    void zoomChanged(double zoom);
    void measurementAdded(const ViewerMeasurement &measurement);
    void measurementRefused(const QString &reason);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    enum class Drag { None, WindowLevel, Pan, DistanceEnd, EllipseAxis, EllipseWidth };

    void redisplay();
    bool accept(Result<ViewerMeasurement> measurement);
    QList<QPointF> ellipseInProgress() const;
    void paintMeasurement(QPainter &painter, const ViewerMeasurement &m, bool inProgress) const;
    void paintCorners(QPainter &painter) const;
    void paintRegions(QPainter &painter) const;
    QRectF imageRect() const;

    DicomInfo m_info;
    QImage m_frame;
    QImage m_displayed;
    QMap<Qt::Corner, QString> m_corners;
    Tool m_tool = Tool::WindowLevel;
    std::optional<BiometryMeasure> m_pendingBiometry;
    WindowLevel m_windowLevel;
    bool m_inverted = false;
    double m_zoom = 1.0;
    bool m_fitting = true;
    QPointF m_pan;
    QList<ViewerMeasurement> m_measurements;

    Drag m_drag = Drag::None;
    QPointF m_lastMouse;
    QPointF m_anchor; // image coordinates of the first point drawn
    QPointF m_current; // image coordinates under the pointer
    QPointF m_axisEnd; // image coordinates of an ellipse axis's second end
    double m_minorSemiAxis = 0; // image pixels, while an ellipse's width is chosen
};
