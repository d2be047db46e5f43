#include "ctg-ui/ctgpaperscale.h"

#include <algorithm>

CtgPaperScale::CtgPaperScale(int cmPerMinute, double dotsPerInch, double zoom)
    : m_cmPerMinute(std::clamp(cmPerMinute, 1, 3))
    , m_dpi(dotsPerInch > 0 ? dotsPerInch : 96)
    , m_zoom(zoom > 0 ? zoom : 1)
{
}

double CtgPaperScale::pixelsPerSecond() const
{
    return m_cmPerMinute * 10.0 / 60.0 * dotsPerMm() * m_zoom;
}

double CtgPaperScale::fhrTop() const
{
    return TopMarginMm * dotsPerMm();
}

double CtgPaperScale::fhrHeight() const
{
    return (FhrMaxBpm - FhrMinBpm) / bpmPerCm() * 10.0 * dotsPerMm();
}

double CtgPaperScale::tocoTop() const
{
    return fhrTop() + fhrHeight() + PanelGapMm * dotsPerMm();
}

double CtgPaperScale::tocoHeight() const
{
    return TocoHeightMm * dotsPerMm();
}

double CtgPaperScale::totalHeight() const
{
    return tocoTop() + tocoHeight() + BottomMarginMm * dotsPerMm();
}

double CtgPaperScale::fhrY(double bpm) const
{
    return fhrTop() + (FhrMaxBpm - bpm) / (FhrMaxBpm - FhrMinBpm) * fhrHeight();
}

double CtgPaperScale::tocoY(double units) const
{
    return tocoTop() + (TocoMax - units) / TocoMax * tocoHeight();
}

double CtgPaperScale::bpmAt(double y) const
{
    return FhrMaxBpm - (y - fhrTop()) / fhrHeight() * (FhrMaxBpm - FhrMinBpm);
}

namespace {
// The smallest of `steps` (seconds) at least `minimum` device units apart.
double firstWideEnough(std::initializer_list<double> steps, double pixelsPerSecond, double minimum)
{
    for (double s : steps) {
        if (s * pixelsPerSecond >= minimum)
            return s;
    }
    return *(steps.end() - 1);
}
} // namespace

double CtgPaperScale::minorSeconds() const
{
    const double paper = m_cmPerMinute == 3 ? 10 : m_cmPerMinute == 2 ? 30 : 60;
    return firstWideEnough({ paper, 60, 300, 600, 1800, 3600, 7200 }, pixelsPerSecond(), 2 * dotsPerMm());
}

double CtgPaperScale::majorSeconds() const
{
    const double paper = m_cmPerMinute == 1 ? 600 : 60;
    return std::max(minorSeconds(),
        firstWideEnough({ paper, 600, 1800, 3600, 7200, 14400 }, pixelsPerSecond(), 8 * dotsPerMm()));
}

double CtgPaperScale::labelSeconds() const
{
    return std::max(majorSeconds(),
        firstWideEnough({ 600, 1800, 3600, 7200, 14400 }, pixelsPerSecond(), 25 * dotsPerMm()));
}
