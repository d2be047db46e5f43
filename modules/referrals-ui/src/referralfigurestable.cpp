#include "referrals-ui/referralfigurestable.h"

#include <QHeaderView>
#include <QLocale>

namespace {
QString hours(const std::optional<double> &value)
{
    return value ? QLocale().toString(*value, 'f', 1) : QStringLiteral("—");
}
} // namespace

ReferralFiguresTable::ReferralFiguresTable(QWidget *parent)
    : QTableWidget(0, 13, parent)
{
    setObjectName(QStringLiteral("figures"));
    setHorizontalHeaderLabels({ tr("Month"), tr("Kind"), tr("From"), tr("To"), tr("Sent"), tr("Accepted"), tr("Declined"),
        tr("Cancelled"), tr("Answered"), tr("Answered in time"), tr("Hours to receipt"), tr("Hours to acceptance"),
        tr("Hours to return slip") });
    verticalHeader()->hide();
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    horizontalHeader()->setStretchLastSection(true);
}

void ReferralFiguresTable::showFigures(const QList<ReferralFigures> &figures, const ClinicNames &names)
{
    setRowCount(int(figures.size()));
    for (int row = 0; row < figures.size(); ++row) {
        const ReferralFigures &f = figures.at(row);
        const bool consultation = f.purpose == ReferralPurpose::Consultation;
        const QStringList cells { f.month, Referrals::label(f.purpose), names.nameOf(f.fromClinic), names.nameOf(f.toClinic),
            QString::number(f.sent), consultation ? QStringLiteral("—") : QString::number(f.accepted), QString::number(f.declined),
            QString::number(f.cancelled), QString::number(f.outcomeReturned),
            consultation ? QString::number(f.answeredInTime) : QStringLiteral("—"), hours(f.medianHoursToReceipt),
            hours(f.medianHoursToAcceptance), hours(f.medianHoursToOutcome) };
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setToolTip(cells.at(column));
            if (column >= 4)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            setItem(row, column, item);
        }
    }
    resizeColumnsToContents();
}
