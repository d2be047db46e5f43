#include "referrals-ui/referralworklist.h"

#include "referrals/responsetargets.h"

#include <QHeaderView>
#include <QListWidget>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

ReferralWorklist::ReferralWorklist(ReferralRepository &repository, ClinicDirectory directory, QWidget *parent)
    : QWidget(parent)
    , m_repository(repository)
    , m_directory(std::move(directory))
    , m_lists(new QListWidget(this))
    , m_table(new QTableWidget(0, 6, this))
{
    m_lists->setObjectName(QStringLiteral("referralLists"));
    new QListWidgetItem(m_lists);
    new QListWidgetItem(m_lists);
    m_lists->setMaximumHeight(m_lists->fontMetrics().lineSpacing() * 2 + 16);
    m_table->setObjectName(QStringLiteral("referralWorklistTable"));
    m_table->setHorizontalHeaderLabels(
        { tr("Urgency"), tr("Name"), tr("Status"), tr("Clinic"), tr("Sent"), tr("Last step") });
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    connect(m_lists, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            showList(row == 0 ? List::Incoming : List::Outgoing);
    });
    connect(m_table, &QTableWidget::cellActivated, this, [this](int row, int) {
        if (row >= 0 && row < m_rows.size())
            emit openReferral(m_rows.at(row).patientId, m_rows.at(row).referral.meta.id);
    });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_lists);
    layout->addWidget(m_table, 1);
}

bool ReferralWorklist::waitsHere(List list, ReferralStatus status)
{
    using S = ReferralStatus;
    if (list == List::Incoming)
        return status == S::Sent || status == S::Received || status == S::Accepted || status == S::Arrived;
    return status == S::Declined || status == S::OutcomeReturned;
}

void ReferralWorklist::showList(List list)
{
    m_list = list;
    refresh();
}

void ReferralWorklist::refresh()
{
    auto incoming = m_repository.incoming();
    auto outgoing = m_repository.outgoing();
    if (!incoming || !outgoing) {
        emit problem(!incoming ? incoming.error().message : outgoing.error().message);
        return;
    }
    const auto waiting = [](List list, const QList<ReferralListRow> &rows) {
        return int(std::count_if(rows.cbegin(), rows.cend(), [list](const ReferralListRow &row) { return waitsHere(list, row.status); }));
    };
    m_waitingIncoming = waiting(List::Incoming, *incoming);
    m_waitingOutgoing = waiting(List::Outgoing, *outgoing);
    m_lists->item(0)->setText(tr("Incoming referrals (%1 waiting)").arg(m_waitingIncoming));
    m_lists->item(1)->setText(tr("Outgoing referrals (%1 waiting)").arg(m_waitingOutgoing));
    {
        const QSignalBlocker quiet(m_lists);
        m_lists->setCurrentRow(m_list == List::Incoming ? 0 : 1);
    }
    m_rows = m_list == List::Incoming ? *incoming : *outgoing;
    fill();
    emit countsChanged(m_waitingIncoming + m_waitingOutgoing);
}

void ReferralWorklist::fill()
{
    const QLocale locale;
    QFont waitingFont = m_table->font();
    waitingFont.setBold(true);
    m_table->setRowCount(int(m_rows.size()));
    for (int row = 0; row < m_rows.size(); ++row) {
        const ReferralListRow &r = m_rows.at(row);
        QString status = ReferralSteps::label(r.status);
        if (r.concurrentSteps)
            status += tr(" (steps crossed: see the timeline)");
        const auto timeline = m_repository.timelineOf(r.referral);
        const bool overdue = timeline && ResponseTargets::fromSettings().isOverdue(r.referral, *timeline, QDateTime::currentDateTimeUtc());
        if (r.referral.purpose == ReferralPurpose::Consultation)
            status = tr("Consultation (%1): %2").arg(Referrals::label(r.referral.consultationKind), status);
        if (overdue)
            status += tr(" — answer overdue");
        const QString clinic = m_directory.nameOf(m_list == List::Incoming ? r.referral.meta.clinicId : r.referral.targetClinic);
        const QStringList cells { Referrals::label(r.referral.urgency), r.woman, status, clinic,
            r.sentAt.isValid() ? locale.toString(r.sentAt.toLocalTime(), QLocale::ShortFormat) : tr("not sent"),
            locale.toString(r.changedAt.toLocalTime(), QLocale::ShortFormat) };
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setToolTip(cells.at(column));
            if (waitsHere(m_list, r.status))
                item->setFont(waitingFont);
            if ((column == 0 && r.referral.urgency == ReferralUrgency::Emergency) || (column == 2 && overdue))
                item->setForeground(QColor(0xc6, 0x28, 0x28));
            m_table->setItem(row, column, item);
        }
    }
    m_table->resizeColumnsToContents();
}
