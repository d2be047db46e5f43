#include "ctg-ui/ctgpdfexport.h"

#include "ctg-ui/ctgterms.h"

#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

#include <cmath>

double CtgPdfExport::minutesPerPage(int cmPerMinute)
{
    const double stripMm = PageWidthMm - 2 * MarginMm - AxisWidthMm;
    return stripMm / (10.0 * cmPerMinute);
}

int CtgPdfExport::pageCount(double durationSeconds, int cmPerMinute)
{
    return std::max(1, int(std::ceil(durationSeconds / 60.0 / minutesPerPage(cmPerMinute) - 1e-9)));
}

Result<int> CtgPdfExport::write(const QString &path, const Document &doc)
{
    if (!doc.data)
        return failure(QStringLiteral("ctg.pdf-empty"), tr("There is no trace to print."));
    QPdfWriter writer(path);
    writer.setResolution(Resolution);
    writer.setTitle(tr("Fetal heart trace (CTG)"));
    writer.setCreator(QStringLiteral("ObsLink"));
    // Margins are drawn in millimetres by paintPage; the page itself has none.
    writer.setPageLayout(QPageLayout(
        QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter));
    QPainter p;
    if (!p.begin(&writer))
        return failure(QStringLiteral("ctg.pdf-write"), tr("The PDF cannot be written to %1.").arg(path));
    const int pages = pageCount(doc.data->durationSeconds(), doc.cmPerMinute);
    for (int page = 0; page < pages; ++page) {
        if (page > 0)
            writer.newPage();
        paintPage(p, doc, page, Resolution);
    }
    if (!p.end())
        return failure(QStringLiteral("ctg.pdf-write"), tr("The PDF cannot be written to %1.").arg(path));
    return pages;
}

void CtgPdfExport::paintPage(QPainter &p, const Document &doc, int page, double dotsPerInch)
{
    const CtgPaperScale scale(doc.cmPerMinute, dotsPerInch);
    const double mm = scale.dotsPerMm();
    const int pages = pageCount(doc.data->durationSeconds(), doc.cmPerMinute);
    const double secondsPerPage = minutesPerPage(doc.cmPerMinute) * 60;
    const QLocale locale;
    QFont font;
    font.setPixelSize(std::max(1, int(3.2 * mm)));
    QFont bold = font;
    bold.setBold(true);
    bold.setPixelSize(std::max(1, int(4 * mm)));
    const double width = (PageWidthMm - 2 * MarginMm) * mm;

    const QString recorded = doc.record.recordedAt.isValid()
        ? locale.toString(doc.record.recordedAt.toLocalTime(), QLocale::ShortFormat)
        : QString();
    const CtgAnalysis &a = doc.data->analysis;
    const QString summary
        = tr("FIGO: %1   NICHD: %2   Baseline: %3   Signal lost: %4%")
              .arg(CtgTerms::figo(a.figo.value), CtgTerms::nichd(a.nichd.value),
                  a.meanBaselineBpm ? tr("%1 bpm").arg(qRound(*a.meanBaselineBpm)) : tr("unknown"),
                  locale.toString(a.lostPercent, 'f', 1));
    const double start = page * secondsPerPage;
    p.save();
    p.setPen(Qt::black);
    p.setFont(bold);
    p.drawText(QRectF(MarginMm * mm, MarginMm * mm, width, 6 * mm), Qt::AlignLeft | Qt::AlignVCenter,
        tr("Fetal heart trace (CTG) — %1").arg(doc.woman));
    p.setFont(font);
    p.drawText(QRectF(MarginMm * mm, (MarginMm + 6) * mm, width, 5 * mm), Qt::AlignLeft | Qt::AlignVCenter,
        tr("Recorded %1 · %2 · %3 cm/min, %4 bpm/cm · from %5 to %6")
            .arg(recorded, doc.record.source)
            .arg(doc.cmPerMinute)
            .arg(scale.bpmPerCm())
            .arg(CtgPaperPainter::timeLabel(start, doc.overlay.recordedAt),
                CtgPaperPainter::timeLabel(
                    std::min(start + secondsPerPage, doc.data->durationSeconds()), doc.overlay.recordedAt)));
    p.setPen(CtgTerms::figoColor(a.figo.value));
    p.drawText(QRectF(MarginMm * mm, (MarginMm + 11) * mm, width, 5 * mm), Qt::AlignLeft | Qt::AlignVCenter,
        summary);

    const double top = (MarginMm + 18) * mm;
    const QRectF axis(MarginMm * mm, top, AxisWidthMm * mm, scale.totalHeight());
    const QRectF strip(
        (MarginMm + AxisWidthMm) * mm, top, secondsPerPage * scale.pixelsPerSecond(), scale.totalHeight());
    CtgPaperPainter::paintAxis(p, axis, scale);
    CtgPaperPainter::paintPaper(p, strip, scale, start, *doc.data, doc.overlay);

    double y = top + scale.totalHeight() + 3 * mm;
    p.setPen(Qt::black);
    p.setFont(font);
    if (page == 0) {
        p.drawText(QRectF(MarginMm * mm, y, width, 12 * mm), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
            reasonTexts(a.reasons()).join(QStringLiteral("  ")));
        y += 12 * mm;
    }
    if (page == pages - 1) {
        for (const CtgInterpretation &i : doc.interpretations) {
            if (!i.isSigned())
                continue;
            const QString line
                = tr("Interpretation signed by %1, %2: %3")
                      .arg(i.signedBy, locale.toString(i.signedAt.toLocalTime(), QLocale::ShortFormat),
                          i.text);
            p.drawText(QRectF(MarginMm * mm, y, width, 14 * mm),
                Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, line);
            y += 14 * mm;
        }
    }
    p.drawText(QRectF(MarginMm * mm, (PageHeightMm - MarginMm - 5) * mm, width, 5 * mm),
        Qt::AlignRight | Qt::AlignVCenter, tr("Page %1 of %2").arg(page + 1).arg(pages));
    p.restore();
}
