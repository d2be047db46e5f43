#pragma once

#include "ctg-records/ctgannotation.h"
#include "ctg-ui/ctgpaperdata.h"
#include "ctg-ui/ctgpaperscale.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QRectF>

class QPainter;

// Draws CTG paper the way a fetal monitor prints it — grid, FHR and uterine activity, signal loss
// as gaps — with the analysis on it: baseline curve, accelerations and decelerations shaded and
// marked with their type, contractions, and the clinicians' annotations. Only the time window
// that fits the area is drawn, one min/max column per device pixel, so a frame costs the same
// for a 20-minute NST and a 24-hour labour. The same code draws the screen and the PDF: units
// are the device's, sizes come from millimetres through the scale.
class CtgPaperPainter
{
    Q_DECLARE_TR_FUNCTIONS(CtgPaperPainter)
public:
    struct Overlay
    {
        QList<CtgAnnotation> annotations;
        int selectedEvent = -1; // index into analysis.events
        QDateTime recordedAt; // clock times on the paper; elapsed time when invalid
    };

    static void paintPaper(QPainter &painter, const QRectF &area, const CtgPaperScale &scale,
        double startSeconds, const CtgPaperData &data, const Overlay &overlay);
    // The bpm and uterine activity scales, for a strip left of the paper.
    static void paintAxis(QPainter &painter, const QRectF &area, const CtgPaperScale &scale);
    // "08:40" (clock time of the recording) or "0:40" (elapsed) at `seconds` into the trace.
    static QString timeLabel(double seconds, const QDateTime &recordedAt, bool withSeconds = false);
    // Which event is drawn at x (device units from the paper's left edge) in the FHR panel (an
    // acceleration or deceleration) or the toco panel (a contraction); -1 if none.
    static int eventAt(
        const CtgPaperScale &scale, double startSeconds, const CtgPaperData &data, const QPointF &point);
};
