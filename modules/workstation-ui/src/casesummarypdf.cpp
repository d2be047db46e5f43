#include "workstation-ui/casesummarypdf.h"

#include "workstation-ui/riskchip.h"

#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

namespace {
QString cell(const QString &text)
{
    return QStringLiteral("<td>%1</td>").arg(text.toHtmlEscaped());
}

QString date(const QDate &d)
{
    return d.isValid() ? QLocale().toString(d, QLocale::ShortFormat) : QString();
}
} // namespace

QString CaseSummaryPdf::html(const PatientChart &chart, const CaseFile &c, const QList<FollowUpContact> &contacts)
{
    QString h = QStringLiteral("<html><body style='font-size:10pt'>");
    h += QStringLiteral("<h2>%1</h2>").arg(tr("High-risk case summary").toHtmlEscaped());
    h += QStringLiteral("<p><b>%1</b> &nbsp; %2 &nbsp; %3</p>")
             .arg(chart.patient.name.toHtmlEscaped(), tr("Record no. %1").arg(chart.patient.recordNumber).toHtmlEscaped(),
                  tr("Born %1").arg(date(chart.patient.birthDate)).toHtmlEscaped());
    if (chart.pregnancy)
        h += QStringLiteral("<p>%1</p>")
                 .arg(tr("G%1 P%2, EDD %3").arg(chart.pregnancy->gravida).arg(chart.pregnancy->para).arg(date(chart.pregnancy->edd())).toHtmlEscaped());
    h += QStringLiteral("<p>%1</p>")
             .arg(tr("Case opened %1 at %2; responsible doctor %3, nurse %4; report due %5, reported %6.")
                      .arg(date(c.openedOn), RiskAppearance::label(c.level) + (c.purple ? QStringLiteral(" + ") + RiskAppearance::purpleLabel() : QString()),
                           c.responsibleDoctor, c.responsibleNurse, date(c.reportDueOn), date(c.reportedOn))
                      .toHtmlEscaped());
    if (!c.managementPlan.isEmpty())
        h += QStringLiteral("<p>%1 %2</p>").arg(tr("Management plan:").toHtmlEscaped(), c.managementPlan.toHtmlEscaped());

    h += QStringLiteral("<h3>%1</h3><table border='1' cellspacing='0' cellpadding='3'><tr>").arg(tr("Risk grades").toHtmlEscaped());
    for (const QString &title : {tr("Date"), tr("GA"), tr("Grade"), tr("Decided by"), tr("Reason")})
        h += QStringLiteral("<th>%1</th>").arg(title.toHtmlEscaped());
    h += QStringLiteral("</tr>");
    for (const RiskGradeRecord &g : chart.grades) {
        if (g.status == RiskGradeRecord::Status::Proposed)
            continue;
        h += QStringLiteral("<tr>") + cell(date(g.assessedOn)) + cell(g.gestationalAge ? g.gestationalAge->toString() : QString())
             + cell(RiskAppearance::label(g.level) + (g.purple ? QStringLiteral(" + ") + RiskAppearance::purpleLabel() : QString()))
             + cell(g.decidedBy) + cell(g.reason) + QStringLiteral("</tr>");
    }
    h += QStringLiteral("</table>");

    h += QStringLiteral("<h3>%1</h3><table border='1' cellspacing='0' cellpadding='3'><tr>").arg(tr("Follow-up contacts").toHtmlEscaped());
    for (const QString &title : {tr("Due"), tr("Done"), tr("Outcome"), tr("Findings"), tr("Interventions"), tr("Advice")})
        h += QStringLiteral("<th>%1</th>").arg(title.toHtmlEscaped());
    h += QStringLiteral("</tr>");
    for (const FollowUpContact &f : contacts)
        h += QStringLiteral("<tr>") + cell(date(f.dueOn)) + cell(date(f.doneOn)) + cell(f.outcome) + cell(f.findings)
             + cell(f.interventions) + cell(f.advice) + QStringLiteral("</tr>");
    h += QStringLiteral("</table>");

    h += QStringLiteral("<h3>%1</h3>").arg(tr("Outcome").toHtmlEscaped());
    if (c.outcome) {
        const CaseOutcome &o = *c.outcome;
        h += QStringLiteral("<p>%1</p>")
                 .arg(tr("%1 on %2 at %3 (%4); mode %5; blood loss %6 mL; mother: %7 %8")
                          .arg(CaseOutcome::kindKey(o.kind), date(o.date), o.place, o.gestationalAge ? o.gestationalAge->toString() : QString(),
                               o.mode, o.bloodLossMl ? QString::number(*o.bloodLossMl) : QString(), o.maternalOutcome, o.complications)
                          .toHtmlEscaped());
        for (const Newborn &b : o.newborns)
            h += QStringLiteral("<p>%1</p>")
                     .arg(tr("Newborn: %1, %2 g, Apgar %3/%4, %5")
                              .arg(b.sex, b.weightGrams ? QString::number(*b.weightGrams) : QString(),
                                   b.apgar1 ? QString::number(*b.apgar1) : QString(), b.apgar5 ? QString::number(*b.apgar5) : QString(), b.outcome)
                              .toHtmlEscaped());
    } else {
        h += QStringLiteral("<p>%1</p>").arg(tr("The case is still open.").toHtmlEscaped());
    }
    return h + QStringLiteral("</body></html>");
}

Result<void> CaseSummaryPdf::write(const QString &path, const PatientChart &chart, const CaseFile &caseFile,
                                   const QList<FollowUpContact> &contacts)
{
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(150);
    writer.setTitle(tr("High-risk case summary"));
    QTextDocument document;
    document.setHtml(html(chart, caseFile, contacts));
    document.print(&writer);
    if (!QFile::exists(path) || QFileInfo(path).size() == 0)
        return failure(QStringLiteral("cases.pdf"), tr("The case summary could not be written to %1.").arg(path));
    return {};
}
