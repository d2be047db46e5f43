#pragma once

#include <QSize>

class QWidget;

// A window or dialog at the size its content likes, but never larger than the screen it opens
// on: clinic PCs have 1366x768 screens, or 1920x1080 at 150 % (1280x720 to lay out), where a
// viewer meant for 1500x900 would open with its buttons below the taskbar.
namespace ScreenFit {

// Resizes `window` to `preferred`, bounded by the available area of its screen (its parent's,
// when it has one) less room for the window frame.
void resize(QWidget *window, const QSize &preferred);

} // namespace ScreenFit
