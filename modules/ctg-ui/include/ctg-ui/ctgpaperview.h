#pragma once

#include "ctg-ui/ctgpaperpainter.h"
#include "ctg-ui/ctgpaperscale.h"

#include <QWidget>

#include <memory>

// The paper on the screen at its true size: the chart speed in cm/min is that many centimetres
// of the screen per minute, from the screen's physical resolution. Drag or scroll to move along
// the trace, Ctrl+wheel or +/− to zoom (0 returns to the paper's true scale); click an event to
// select it, double-click to annotate that moment. Only the visible window is drawn.
class CtgPaperView : public QWidget
{
    Q_OBJECT
public:
    explicit CtgPaperView(QWidget *parent = nullptr);

    void setData(std::shared_ptr<const CtgPaperData> paperData);
    void setOverlay(const CtgPaperPainter::Overlay &overlay);
    const CtgPaperPainter::Overlay &overlay() const { return m_overlay; }

    int cmPerMinute() const { return m_cmPerMinute; }
    void setCmPerMinute(int cmPerMinute);
    double zoom() const { return m_zoom; }
    // Zooms about a point of the paper (device units from its left edge), which stays put.
    void setZoom(double zoom, std::optional<double> anchorX = std::nullopt);
    // The screen's physical resolution unless set (tests, a miscalibrated monitor).
    double dotsPerInch() const;
    void setDotsPerInch(double dpi);
    CtgPaperScale scale() const { return CtgPaperScale(m_cmPerMinute, dotsPerInch(), m_zoom); }

    double startSeconds() const { return m_startSeconds; }
    void setStartSeconds(double seconds);
    double visibleSeconds() const;
    double maximumStartSeconds() const;
    void centerOn(double seconds);
    // Where the paper starts (after the scale strip), in widget coordinates.
    double paperLeft() const;
    double secondsAt(double widgetX) const;
    void selectEvent(int index);
    int selectedEvent() const { return m_overlay.selectedEvent; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void viewChanged();
    void eventClicked(int index);
    void annotationRequested(double seconds);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateHeight();

    std::shared_ptr<const CtgPaperData> m_data;
    CtgPaperPainter::Overlay m_overlay;
    int m_cmPerMinute = 1;
    double m_zoom = 1;
    double m_dpiOverride = 0;
    double m_startSeconds = 0;
    std::optional<QPointF> m_pressAt;
    double m_pressStart = 0;
    bool m_dragged = false;
};
