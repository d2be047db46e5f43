#include "ultrasound-exams/ultrasoundreportpdf.h"

#include <QFile>
#include <QLocale>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

namespace {
QString escaped(const QString &text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

QString row(const QString &label, const QString &value)
{
    return QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(escaped(label), escaped(value));
}

template <typename T> QString number(const std::optional<T> &value, int decimals, const QString &unit)
{
    if (!value)
        return QStringLiteral("—");
    return QLocale().toString(double(*value), 'f', decimals) + (unit.isEmpty() ? QString() : u' ' + unit);
}
} // namespace

QString UltrasoundReportPdf::html(const UltrasoundReport &r, const Heading &h)
{
    const QLocale locale;
    const QString heart = r.heartActivity == UltrasoundReport::HeartActivity::Present ? tr("present")
        : r.heartActivity == UltrasoundReport::HeartActivity::Absent                  ? tr("absent")
                                                                                      : tr("not stated");
    const QStringList presentations { tr("not stated"), tr("cephalic"), tr("breech"), tr("transverse"),
        tr("oblique") };
    const QStringList grades { QStringLiteral("0"), QStringLiteral("I"), QStringLiteral("II"),
        QStringLiteral("III") };
    QString out = QStringLiteral("<html><body style='font-size:10pt'>");
    out += QStringLiteral("<h3 align='center'>%1</h3><h2 align='center'>%2</h2>")
               .arg(escaped(h.clinicName), escaped(tr("Obstetric ultrasound report")));
    if (!r.amends.isNull())
        out += QStringLiteral("<p><b>%1</b> %2</p>")
                   .arg(escaped(tr("Amended report.")), escaped(tr("Reason: %1").arg(r.amendmentReason)));
    out += QStringLiteral("<table width='100%' cellpadding='3'>");
    out += row(tr("Name"), h.womanName) + row(tr("ID number"), h.womanIdentifier);
    out += row(tr("Examination date"), locale.toString(r.examDate, QLocale::ShortFormat));
    out += row(tr("Study"), h.studyDescription) + row(tr("Study Instance UID"), r.studyInstanceUid);
    out += QStringLiteral("</table><h4>%1</h4><table width='100%' cellpadding='3'>")
               .arg(escaped(tr("Findings")));
    out += row(tr("Number of fetuses"), number(r.fetusCount, 0, QString()));
    out += row(tr("Fetal heart activity"), heart);
    out += row(tr("Fetal heart rate"), number(r.heartRateBpm, 0, tr("bpm")));
    out += row(tr("Presentation"), presentations.value(int(r.presentation)));
    out += row(tr("Placenta"),
        r.placentaLocation
            + (r.placentaGrade ? QStringLiteral(", ") + tr("grade %1").arg(grades.value(*r.placentaGrade))
                               : QString()));
    out += row(tr("Amniotic fluid index"), number(r.afiCm, 1, tr("cm")));
    out += row(tr("Deepest pocket"), number(r.deepestPocketCm, 1, tr("cm")));
    out += QStringLiteral("</table><h4>%1</h4><table border='1' cellspacing='0' cellpadding='3'>")
               .arg(escaped(tr("Biometry")));
    out += QStringLiteral("<tr><th>%1</th><th>%2</th></tr>")
               .arg(escaped(tr("Measurement")), escaped(tr("Value")));
    for (BiometryMeasure m : BiometryMeasures::all()) {
        if (r.biometry.has(m))
            out += QStringLiteral("<tr><td>%1 (%2)</td><td>%3</td></tr>")
                       .arg(escaped(BiometryMeasures::name(m)), BiometryMeasures::abbreviation(m),
                           escaped(number(r.biometry.millimetres(m), 1, tr("mm"))));
    }
    out += QStringLiteral("<tr><td>%1</td><td>%2</td></tr>")
               .arg(escaped(tr("Estimated fetal weight (Hadlock)")), escaped(number(r.efwGrams, 0, tr("g"))));
    out += QStringLiteral("<tr><td>%1</td><td>%2</td></tr></table>")
               .arg(escaped(tr("Gestational age by ultrasound")),
                   escaped(r.gestationalAge ? r.gestationalAge->toString() : QStringLiteral("—")));
    out += QStringLiteral("<h4>%1</h4><p>%2</p>").arg(escaped(tr("Description")), escaped(r.findings));
    out += QStringLiteral("<h4>%1</h4><p>%2</p>").arg(escaped(tr("Impression")), escaped(r.impression));
    out += QStringLiteral("<p>%1: %2</p>").arg(escaped(tr("Reading doctor")), escaped(r.reader));
    out += QStringLiteral("<p>%1: %2 &nbsp;&nbsp; %3: %4</p>")
               .arg(escaped(tr("Signature")),
                   escaped(r.isSigned() ? r.signedBy : QStringLiteral("________________")),
                   escaped(tr("Signed")),
                   escaped(r.isSigned() ? locale.toString(r.signedAt.toLocalTime(), QLocale::ShortFormat)
                                        : tr("not signed (draft)")));
    out += QStringLiteral("</body></html>");
    return out;
}

Result<void> UltrasoundReportPdf::write(
    const UltrasoundReport &report, const Heading &heading, const QString &path)
{
    {
        QPdfWriter writer(path);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setResolution(300);
        writer.setTitle(tr("Obstetric ultrasound report"));
        writer.setCreator(QStringLiteral("ObsLink"));
        QTextDocument document;
        document.setHtml(html(report, heading));
        document.print(&writer);
    }
    QFile file(path);
    if (!file.exists() || file.size() == 0)
        return failure(QStringLiteral("usreport.pdf"), tr("The PDF could not be written to %1.").arg(path));
    return {};
}
