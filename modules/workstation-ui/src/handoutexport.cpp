#include "workstation-ui/handoutexport.h"

#include "handouts/antenatalrecordsheet.h"
#include "handouts/visitslip.h"

#include <QDir>
#include <QFileDialog>
#include <QMenu>
#include <QPrintDialog>
#include <QPrinter>
#include <QStandardPaths>

namespace {
// Either handout of the chart, so that exporting and printing are written once for both.
template <typename Action>
Result<void> withHandout(const PatientChart &chart, const HandoutTexts &texts, const QString &level,
    bool purple, const QDate &today, HandoutExport::Kind kind, const QUuid &visitId, Action action)
{
    if (!chart.pregnancy)
        return failure(QStringLiteral("handouts.nopregnancy"),
            HandoutExport::tr("She has no current pregnancy to print a handout of."));
    HandoutInput input { QString(), chart.patient, *chart.pregnancy, chart.visits, level, purple, today };
    if (kind == HandoutExport::Kind::AntenatalRecord)
        return action(AntenatalRecordSheet(input, texts));
    if (chart.visits.isEmpty())
        return failure(QStringLiteral("handouts.novisit"),
            HandoutExport::tr("Record a visit before printing her visit slip."));
    AntenatalVisit visit = chart.visits.last();
    for (const AntenatalVisit &v : chart.visits)
        if (v.meta.id == visitId)
            visit = v;
    return action(VisitSlip(input, visit, texts));
}

QString auditName(HandoutExport::Kind kind)
{
    return kind == HandoutExport::Kind::VisitSlip ? QStringLiteral("visit-slip") : QStringLiteral("antenatal-record");
}
} // namespace

HandoutExport::HandoutExport(QWidget *parent)
    : QObject(parent)
    , m_menu(new QMenu(parent))
{
    m_menu->setObjectName(QStringLiteral("handoutMenu"));
    auto add = [this](const QString &text, const QString &name, auto slot) {
        QAction *action = m_menu->addAction(text);
        action->setObjectName(name);
        connect(action, &QAction::triggered, this, slot);
    };
    add(tr("Visit slip as &PDF…"), QStringLiteral("slipPdf"), [this] { exportPdf(Kind::VisitSlip); });
    add(tr("&Print visit slip…"), QStringLiteral("slipPrint"), [this] { print(Kind::VisitSlip); });
    m_menu->addSeparator();
    add(tr("Antenatal &record as PDF…"), QStringLiteral("recordPdf"),
        [this] { exportPdf(Kind::AntenatalRecord); });
    add(tr("Print antenatal r&ecord…"), QStringLiteral("recordPrint"),
        [this] { print(Kind::AntenatalRecord); });
    if (auto texts = HandoutTexts::load())
        m_texts = *texts;
}

QWidget *HandoutExport::parentWidget() const
{
    return qobject_cast<QWidget *>(parent());
}

void HandoutExport::setChart(const PatientChart &chart, const QString &level, bool purple, const QDate &today)
{
    m_chart = chart;
    m_level = level;
    m_purple = purple;
    m_today = today;
}

void HandoutExport::clear()
{
    m_chart.reset();
}

Result<void> HandoutExport::writePdf(Kind kind, const QString &path, const QUuid &visitId)
{
    if (!m_chart)
        return failure(QStringLiteral("handouts.nochart"), tr("Open her chart first."));
    if (!m_texts)
        return HandoutTexts::load().map([](const HandoutTexts &) {});
    auto written = withHandout(*m_chart, *m_texts, m_level, m_purple, m_today, kind, visitId,
        [&path](const auto &handout) { return handout.writePdf(path); });
    if (written)
        emit exported(QStringLiteral("patient"), m_chart->patient.meta.id, auditName(kind));
    return written;
}

QString HandoutExport::suggestedFileName(Kind kind, const QUuid &visitId) const
{
    QString name;
    if (m_chart && m_texts)
        (void)withHandout(
            *m_chart, *m_texts, m_level, m_purple, m_today, kind, visitId, [&name](const auto &handout) {
                name = handout.suggestedFileName();
                return Result<void> {};
            });
    return QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).filePath(name);
}

void HandoutExport::exportPdf(Kind kind, const QUuid &visitId)
{
    const QString path = QFileDialog::getSaveFileName(
        parentWidget(), tr("Save handout as PDF"), suggestedFileName(kind, visitId), tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    if (auto written = writePdf(kind, path, visitId); !written)
        emit problem(written.error().message);
}

void HandoutExport::print(Kind kind, const QUuid &visitId)
{
    if (!m_chart || !m_texts) {
        emit problem(m_texts ? tr("Open her chart first.") : HandoutTexts::load().error().message);
        return;
    }
    QPrinter printer;
    QPrintDialog dialog(&printer, parentWidget());
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto printed = withHandout(
        *m_chart, *m_texts, m_level, m_purple, m_today, kind, visitId, [&printer](const auto &handout) {
            handout.print(printer);
            return Result<void> {};
        });
    if (!printed)
        emit problem(printed.error().message);
    else
        emit this->printed(QStringLiteral("patient"), m_chart->patient.meta.id, auditName(kind));
}
