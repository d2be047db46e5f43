#include "handouts/visitslip.h"

#include "handouts/handoutdocument.h"
#include "handouts/visitformat.h"

namespace {
HandoutDocument layout(const QString &html)
{
    return HandoutDocument(html, QPageSize::A5, QPageLayout::Portrait);
}
} // namespace

VisitSlip::VisitSlip(HandoutInput input, AntenatalVisit visit, HandoutTexts texts)
    : m_input(std::move(input))
    , m_visit(std::move(visit))
    , m_texts(std::move(texts))
{
}

QString VisitSlip::title() const
{
    return tr("Antenatal visit slip");
}

QString VisitSlip::suggestedFileName() const
{
    return tr("visit slip %1 %2.pdf").arg(m_input.patient.name, m_visit.visitDate.toString(Qt::ISODate));
}

QString VisitSlip::html() const
{
    using E = HandoutDocument;
    QString h = E::opening(title(), m_input.clinicName);
    h += VisitFormat::identityHtml(m_input.patient, m_input.pregnancy, m_visit.visitDate);
    h += QStringLiteral("<table border='1' cellspacing='0' cellpadding='3' width='100%'>");
    h += E::row({ tr("Visit date"), VisitFormat::date(m_visit.visitDate), tr("Gestational age"),
        VisitFormat::gestationalAge(m_visit.gestationalAge) });
    h += E::row({ tr("Blood pressure"), VisitFormat::bloodPressure(m_visit), tr("Weight"),
        VisitFormat::weight(m_visit) });
    h += E::row({ tr("Fundal height"), VisitFormat::fundalHeight(m_visit), tr("Fetal heart"),
        VisitFormat::fetalHeart(m_visit) });
    h += QStringLiteral("</table>");

    h += QStringLiteral("<p><b>%1</b> %2</p>")
             .arg(E::escaped(tr("Your risk grade:")),
                 E::escaped(m_texts.levelLabel(m_input.level)
                     + (m_input.purple ? QStringLiteral(" + ") + m_texts.levelLabel(QStringLiteral("purple"))
                                       : QString())));
    h += QStringLiteral("<p>%1</p>").arg(E::escaped(m_texts.levelMeaning(m_input.level)));
    if (m_input.purple)
        h += QStringLiteral("<p>%1</p>").arg(E::escaped(m_texts.levelMeaning(QStringLiteral("purple"))));

    h += QStringLiteral("<p><b>%1</b><br>%2</p>")
             .arg(E::escaped(tr("Advice:")),
                 m_visit.advice.isEmpty() ? E::escaped(tr("No special advice; keep to your check schedule."))
                                          : E::escaped(m_visit.advice));
    if (m_visit.nextAppointmentOn.isValid()) {
        QString when = VisitFormat::date(m_visit.nextAppointmentOn) + QLatin1Char(' ')
            + QLocale().dayName(m_visit.nextAppointmentOn.dayOfWeek(), QLocale::LongFormat);
        if (const auto age = m_input.pregnancy.gestationalAgeOn(m_visit.nextAppointmentOn))
            when += QLatin1String(" (") + VisitFormat::gestationalAge(*age) + QLatin1Char(')');
        h += QStringLiteral("<p><b>%1</b> %2<br>%3 %4</p>")
                 .arg(E::escaped(tr("Next appointment:")), E::escaped(when), E::escaped(tr("For:")),
                     E::escaped(m_visit.nextAppointmentPurpose));
    } else {
        h += QStringLiteral("<p><b>%1</b> %2</p>")
                 .arg(E::escaped(tr("Next appointment:")), E::escaped(tr("none made")));
    }
    h += QStringLiteral("<p><b>%1</b></p>").arg(E::escaped(m_texts.warningSigns()));
    h += QStringLiteral("<p style='font-size:8pt'>%1</p>")
             .arg(E::escaped(
                 tr("Printed %1 by %2").arg(VisitFormat::date(m_input.printedOn), m_visit.meta.author)));
    return h + QStringLiteral("</body></html>");
}

void VisitSlip::print(QPagedPaintDevice &device) const
{
    layout(html()).print(device);
}

Result<void> VisitSlip::writePdf(const QString &path) const
{
    return layout(html()).writePdf(path, title());
}
