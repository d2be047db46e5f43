#pragma once

#include <QCoreApplication>
#include <QImage>
#include <QList>

// Window and level applied to the displayed 8-bit frame (DICOM PS3.3 C.11.2.1.2 linear
// function), the same on each colour channel, optionally inverted. Centre 127.5 and width 256
// show the frame as acquired.
struct WindowLevel
{
    Q_DECLARE_TR_FUNCTIONS(WindowLevel)
public:
    double centre = 127.5;
    double width = 256;

    bool isIdentity() const { return centre == 127.5 && width == 256; }
    // The frame as displayed; Grayscale8 stays Grayscale8, colour stays RGB888.
    QImage apply(const QImage &frame, bool invert) const;
    // Dragging: right widens the window (less contrast), down raises the level (darker).
    WindowLevel dragged(double dx, double dy) const;

    struct Preset
    {
        QString name;
        double centre;
        double width;
    };
    static QList<Preset> presets();
    bool operator==(const WindowLevel &) const = default;
};
