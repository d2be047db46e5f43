#pragma once

#include <QtGlobal>

// The geometry of CTG paper in device units, from the chart speed and the device's true
// resolution, so that 1 cm of paper is 1 cm on the screen or the page. Vertically FHR 50–210 bpm
// at 20 bpm/cm (30 bpm/cm at 3 cm/min, as on American paper) and uterine activity 0–100 at
// 25 units/cm, as fetal monitors print them (FIGO 2015 intrapartum fetal monitoring). Horizontal
// zoom multiplies the chart speed; at zoom 1 the paper is at its true scale.
class CtgPaperScale
{
public:
    static constexpr double FhrMinBpm = 50;
    static constexpr double FhrMaxBpm = 210;
    static constexpr double TocoMax = 100;
    static constexpr double TocoHeightMm = 40;
    static constexpr double TopMarginMm = 3;
    static constexpr double PanelGapMm = 7; // between FHR and toco: the time labels
    static constexpr double BottomMarginMm = 3;

    CtgPaperScale(int cmPerMinute, double dotsPerInch, double zoom = 1.0);

    int cmPerMinute() const { return m_cmPerMinute; }
    double zoom() const { return m_zoom; }
    double dotsPerInch() const { return m_dpi; }
    bool isTrueScale() const { return qFuzzyCompare(m_zoom, 1.0); }
    double dotsPerMm() const { return m_dpi / 25.4; }
    double pixelsPerSecond() const; // horizontal, zoom included
    double bpmPerCm() const { return m_cmPerMinute == 3 ? 30 : 20; }

    double fhrTop() const;
    double fhrHeight() const;
    double tocoTop() const;
    double tocoHeight() const;
    double totalHeight() const;
    double fhrY(double bpm) const;
    double tocoY(double units) const;
    double bpmAt(double y) const;

    // Grid: fine vertical lines (10 s at 3 cm/min, 30 s at 2, 1 min at 1 cm/min) and heavy ones
    // every minute (every 10 minutes at 1 cm/min), each labelled heavy line every 10 minutes;
    // zoomed out, lines closer than 2 mm are left out.
    double minorSeconds() const;
    double majorSeconds() const;
    double labelSeconds() const;
    double fhrMajorBpm() const { return m_cmPerMinute == 3 ? 30 : 20; }

private:
    int m_cmPerMinute;
    double m_dpi;
    double m_zoom;
};
