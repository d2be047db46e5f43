#include "referrals-ui/referralworklist.h"

#include "referrals/responsetargets.h"

#include <QHeaderView>
#include <QListWidget>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

#include <numeric>

ReferralWorklist::ReferralWorklist(ReferralRepository &repository, ClinicDirectory directory, QWidget *parent)
    : QWidget(parent)
    , m_repository(repository)
    , m_directory(std::move(directory))
    , m_lists(new QListWidget(this))
    , m_table(new QTableWidget(0, 6, this))
{
    m_lists->setObjectName(QStringLiteral("referralLists"));
    for (int list = 0; list < 4; ++list)
        new QListWidgetItem(m_lists);
    m_lists->setMaximumHeight(m_lists->fontMetrics().lineSpacing() * 4 + 16);
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
            showList(static_cast<List>(row));
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
    switch (list) {
    case List::Incoming:
        return status == S::Sent || status == S::Received || status == S::Accepted || status == S::Arrived;
    case List::ConsultationsToAnswer:
        return status == S::Sent || status == S::Received;
    case List::Outgoing:
    case List::ConsultationsAsked:
        return status == S::Declined || status == S::OutcomeReturned;
    }
    return false;
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
    // Each list: the requests sent here or from here, referrals and consultations apart.
    const auto only = [](const QList<ReferralListRow> &rows, ReferralPurpose purpose) {
        QList<ReferralListRow> kept;
        std::copy_if(rows.cbegin(), rows.cend(), std::back_inserter(kept),
            [purpose](const ReferralListRow &row) { return row.referral.purpose == purpose; });
        return kept;
    };
    const QList<QList<ReferralListRow>> lists { only(*incoming, ReferralPurpose::Referral), only(*outgoing, ReferralPurpose::Referral),
        only(*incoming, ReferralPurpose::Consultation), only(*outgoing, ReferralPurpose::Consultation) };
    const QStringList names { tr("Incoming referrals (%1 waiting)"), tr("Outgoing referrals (%1 waiting)"),
        tr("Consultations to answer (%1 waiting)"), tr("Consultations asked (%1 to read)") };
    m_waiting.clear();
    for (int list = 0; list < lists.size(); ++list) {
        const QList<ReferralListRow> &rows = lists.at(list);
        m_waiting.append(int(std::count_if(rows.cbegin(), rows.cend(),
            [list](const ReferralListRow &row) { return waitsHere(static_cast<List>(list), row.status); })));
        m_lists->item(list)->setText(names.at(list).arg(m_waiting.last()));
    }
    {
        const QSignalBlocker quiet(m_lists);
        m_lists->setCurrentRow(int(m_list));
    }
    m_rows = lists.at(int(m_list));
    fill();
    emit countsChanged(std::accumulate(m_waiting.cbegin(), m_waiting.cend(), 0));
}

void ReferralWorklist::fill()
{
    const QLocale locale;
    const ResponseTargets targets = ResponseTargets::fromSettings();
    const ClinicNames names = m_directory.names();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QFont waitingFont = m_table->font();
    waitingFont.setBold(true);
    m_table->setRowCount(int(m_rows.size()));
    for (int row = 0; row < m_rows.size(); ++row) {
        const ReferralListRow &r = m_rows.at(row);
        QString status = ReferralSteps::label(r.status);
        if (r.concurrentSteps)
            status += tr(" (steps crossed: see the timeline)");
        const bool overdue = targets.isOverdue(r.referral, r.timeline, now);
        if (r.referral.purpose == ReferralPurpose::Consultation)
            status = tr("Consultation (%1): %2").arg(Referrals::label(r.referral.consultationKind), status);
        if (overdue)
            status += tr(" — answer overdue");
        const bool here = m_list == List::Incoming || m_list == List::ConsultationsToAnswer;
        const QString clinic = names.nameOf(here ? r.referral.meta.clinicId : r.referral.targetClinic);
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
