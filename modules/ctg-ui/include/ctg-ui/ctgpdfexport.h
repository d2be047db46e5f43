#pragma once

#include "ctg-records/ctginterpretation.h"
#include "ctg-records/ctgtracerecord.h"
#include "ctg-ui/ctgpaperpainter.h"
#include "domain/result.h"

#include <QCoreApplication>

class QPainter;

// The trace on A4 landscape at its true paper scale: the page is laid out in millimetres and
// drawn at the writer's resolution, so 1 cm/min is 1 cm of paper per minute and 20 bpm one
// centimetre. Each page holds one strip of FHR and uterine activity with its scale, under a
// header naming the woman, the recording and the analysis; the last page carries the signed
// interpretations.
class CtgPdfExport
{
    Q_DECLARE_TR_FUNCTIONS(CtgPdfExport)
public:
    struct Document
    {
        QString woman; // name and ID as the banner shows her
        CtgTraceRecord record;
        const CtgPaperData *data = nullptr;
        CtgPaperPainter::Overlay overlay;
        QList<CtgInterpretation> interpretations;
        int cmPerMinute = 1;
    };

    static constexpr double PageWidthMm = 297;
    static constexpr double PageHeightMm = 210;
    static constexpr double MarginMm = 10;
    static constexpr double AxisWidthMm = 9;
    static constexpr int Resolution = 600; // dots per inch of the PDF's drawing

    // Minutes of trace on one page at the chart speed.
    static double minutesPerPage(int cmPerMinute);
    static int pageCount(double durationSeconds, int cmPerMinute);
    static Result<int> write(const QString &path, const Document &document); // pages written
    // One page drawn on any device at `dotsPerInch` (the PDF, or an image to check it).
    static void paintPage(QPainter &painter, const Document &document, int page, double dotsPerInch);
};
