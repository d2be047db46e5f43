#include "dicom-viewer/windowlevel.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace {
std::array<uchar, 256> lookupTable(double centre, double width, bool invert)
{
    std::array<uchar, 256> table {};
    const double w = std::max(1.0, width);
    for (int v = 0; v < 256; ++v) {
        // PS3.3 C.11.2.1.2.1: y = ((x − (c − 0.5)) / (w − 1) + 0.5) · (ymax − ymin) + ymin.
        double y
            = w <= 1 ? (v <= centre - 0.5 ? 0.0 : 255.0) : ((v - (centre - 0.5)) / (w - 1) + 0.5) * 255.0;
        y = std::clamp(std::round(y), 0.0, 255.0);
        table[size_t(v)] = uchar(invert ? 255 - int(y) : int(y));
    }
    return table;
}
} // namespace

QImage WindowLevel::apply(const QImage &frame, bool invert) const
{
    if (frame.isNull() || (isIdentity() && !invert))
        return frame;
    QImage image = frame.format() == QImage::Format_Grayscale8 || frame.format() == QImage::Format_RGB888
        ? frame.copy()
        : frame.convertToFormat(QImage::Format_RGB888);
    const auto table = lookupTable(centre, width, invert);
    const int bytesPerLine = image.width() * (image.format() == QImage::Format_Grayscale8 ? 1 : 3);
    for (int y = 0; y < image.height(); ++y) {
        uchar *line = image.scanLine(y);
        for (int i = 0; i < bytesPerLine; ++i)
            line[i] = table[line[i]];
    }
    return image;
}

WindowLevel WindowLevel::dragged(double dx, double dy) const
{
    WindowLevel next = *this;
    next.width = std::clamp(width + dx, 1.0, 1024.0);
    next.centre = std::clamp(centre + dy, -256.0, 512.0);
    return next;
}

QList<WindowLevel::Preset> WindowLevel::presets()
{
    return {
        { tr("As acquired"), 127.5, 256 },
        { tr("More contrast"), 127.5, 160 },
        { tr("Much more contrast"), 127.5, 96 },
        { tr("Less contrast"), 127.5, 384 },
        { tr("Brighter"), 96, 256 },
        { tr("Darker"), 160, 256 },
    };
}
