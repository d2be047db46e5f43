#include "ui-common/screenfit.h"

#include <QGuiApplication>
#include <QScreen>
#include <QWidget>

namespace {
// What the window manager adds around the content: a title bar and borders. The frame is not
// known before the window is first shown, so a typical one is kept free.
constexpr QSize FrameAllowance(16, 40);

const QScreen *screenOf(const QWidget *window)
{
    const QWidget *anchor = window->parentWidget() ? window->parentWidget()->window() : window;
    if (const QScreen *screen = anchor->screen())
        return screen;
    return QGuiApplication::primaryScreen();
}

// The largest size the window's frame leaves for its content on its screen.
QSize available(const QWidget *window)
{
    const QScreen *screen = screenOf(window);
    if (!screen)
        return QSize(QWIDGETSIZE_MAX, QWIDGETSIZE_MAX);
    return (screen->availableGeometry().size() - FrameAllowance).expandedTo(QSize(1, 1));
}
} // namespace

namespace ScreenFit {

void resize(QWidget *window, const QSize &preferred)
{
    window->resize(preferred.boundedTo(available(window)));
}

} // namespace ScreenFit
