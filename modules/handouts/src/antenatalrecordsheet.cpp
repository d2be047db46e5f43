#include "handouts/antenatalrecordsheet.h"

#include "handouts/handoutdocument.h"
#include "handouts/visitformat.h"

namespace {
HandoutDocument layout(const QString &html)
{
    return HandoutDocument(html, QPageSize::A4, QPageLayout::Landscape);
}
} // namespace

AntenatalRecordSheet::AntenatalRecordSheet(HandoutInput input, HandoutTexts texts)
    : m_input(std::move(input))
    , m_texts(std::move(texts))
{
}

QString AntenatalRecordSheet::title() const
{
    return tr("Antenatal record");
}

QString AntenatalRecordSheet::suggestedFileName() const
{
    return tr("antenatal record %1.pdf").arg(m_input.patient.name);
}

QString AntenatalRecordSheet::html() const
{
    using E = HandoutDocument;
    QString h = E::opening(title(), m_input.clinicName);
    h += VisitFormat::identityHtml(m_input.patient, m_input.pregnancy, m_input.printedOn);
    h += QStringLiteral("<p>%1 %2</p>")
             .arg(E::escaped(tr("Current risk grade:")),
                 E::escaped(m_texts.levelLabel(m_input.level)
                     + (m_input.purple ? QStringLiteral(" + ") + m_texts.levelLabel(QStringLiteral("purple"))
                                       : QString())));
    h += QStringLiteral("<table border='1' cellspacing='0' cellpadding='2' width='100%'>");
    h += E::row({ tr("Date"), tr("GA"), tr("BP"), tr("Pulse"), tr("Weight"), tr("Fundal height"), tr("Girth"),
                    tr("Fetal heart"), tr("Presentation"), tr("Oedema"), tr("Urine protein"), tr("Advice"),
                    tr("Next appointment"), tr("Examiner") },
        true);
    for (const AntenatalVisit &v : m_input.visits)
        h += E::row({ VisitFormat::date(v.visitDate), v.gestationalAge.toString(),
            VisitFormat::bloodPressure(v), VisitFormat::pulse(v), VisitFormat::weight(v),
            VisitFormat::fundalHeight(v), VisitFormat::abdominalGirth(v), VisitFormat::fetalHeart(v),
            VisitFormat::presentation(v.presentation), VisitFormat::oedema(v.oedema),
            VisitFormat::urineProtein(v.urineProtein), v.advice,
            v.nextAppointmentOn.isValid() ? VisitFormat::date(v.nextAppointmentOn)
                                          : VisitFormat::notMeasured(),
            v.meta.author });
    h += QStringLiteral("</table>");
    if (m_input.visits.isEmpty())
        h += QStringLiteral("<p>%1</p>").arg(E::escaped(tr("No antenatal visit recorded yet.")));
    h += QStringLiteral("<p style='font-size:8pt'>%1</p>")
             .arg(E::escaped(tr("Printed %1, %n visit(s)", nullptr, int(m_input.visits.size()))
                                 .arg(VisitFormat::date(m_input.printedOn))));
    return h + QStringLiteral("</body></html>");
}

void AntenatalRecordSheet::print(QPagedPaintDevice &device) const
{
    layout(html()).print(device);
}

Result<void> AntenatalRecordSheet::writePdf(const QString &path) const
{
    return layout(html()).writePdf(path, title());
}
