#include "workstation-ui/worklistpanel.h"

#include "cases/caselifecycle.h"
#include "cases-ui/contactdialog.h"
#include "workstation-ui/riskchip.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

WorklistPanel::WorklistPanel(const Database &database, CaseManagement &cases, QWidget *parent)
    : QWidget(parent), m_cases(cases), m_worklists(database, cases.settings()), m_today(QDate::currentDate()),
      m_lists(new QListWidget(this)), m_table(new QTableWidget(0, 6, this)), m_shown(new QLabel(this)),
      m_record(new QPushButton(tr("Record &follow-up…"), this))
{
    m_lists->setObjectName(QStringLiteral("worklists"));
    m_table->setObjectName(QStringLiteral("worklistTable"));
    m_record->setObjectName(QStringLiteral("recordContact"));
    m_shown->setObjectName(QStringLiteral("worklistShown"));
    m_shown->setWordWrap(true);
    // Why she is on the list (Due) right after who she is, so that it stays in sight in a
    // narrow pane; the rest is for reaching her.
    m_table->setHorizontalHeaderLabels({tr("Risk"), tr("Name"), tr("Due"), tr("Phone"), tr("Record no."), tr("Nurse")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    for (WorklistKind kind : Worklists::allKinds()) {
        auto *item = new QListWidgetItem(m_lists);
        item->setData(Qt::UserRole, static_cast<int>(kind));
    }
    m_lists->setMaximumHeight(150);
    connect(m_lists, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            showList(static_cast<WorklistKind>(m_lists->item(row)->data(Qt::UserRole).toInt()));
    });
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        if (row >= 0 && row < m_items.size())
            emit openPatient(m_items[row].patientId);
    });
    connect(m_record, &QPushButton::clicked, this, &WorklistPanel::recordContact);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_lists);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_shown);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_record);
    actions->addStretch();
    layout->addLayout(actions);
}

QString WorklistPanel::kindLabel(WorklistKind kind) const
{
    switch (kind) {
    case WorklistKind::Due:
        return tr("Due today");
    case WorklistKind::Overdue:
        return tr("Overdue");
    case WorklistKind::Unreported:
        return tr("Not yet reported (orange/red/purple)");
    case WorklistKind::Lost:
        return tr("Lost to follow-up");
    case WorklistKind::EddSoon:
        return tr("EDD within 2 weeks");
    case WorklistKind::Unassigned:
        return tr("No responsible doctor or nurse");
    case WorklistKind::AppointmentsToday:
        return tr("Appointments today");
    case WorklistKind::AppointmentsTomorrow:
        return tr("Appointments tomorrow");
    case WorklistKind::MissedAppointment:
        return tr("Missed appointment");
    }
    return {};
}

void WorklistPanel::setToday(const QDate &today)
{
    m_today = today;
    refresh();
}

int WorklistPanel::countOf(WorklistKind kind) const
{
    return m_counts.value(static_cast<int>(kind));
}

void WorklistPanel::refresh()
{
    int attention = 0;
    for (int row = 0; row < m_lists->count(); ++row) {
        const auto kind = static_cast<WorklistKind>(m_lists->item(row)->data(Qt::UserRole).toInt());
        const int count = m_worklists.count(kind, m_today).value_or(0);
        m_counts[static_cast<int>(kind)] = count;
        m_lists->item(row)->setText(QStringLiteral("%1  (%2)").arg(kindLabel(kind)).arg(count));
        if (kind == WorklistKind::Due || kind == WorklistKind::Overdue || kind == WorklistKind::Unreported
            || kind == WorklistKind::Lost || kind == WorklistKind::MissedAppointment)
            attention += count;
    }
    emit countsChanged(attention);
    showList(m_kind);
}

void WorklistPanel::showList(WorklistKind kind)
{
    m_kind = kind;
    auto items = m_worklists.list(kind, m_today, Worklists::FirstPage);
    if (!items) {
        emit problem(items.error().message);
        return;
    }
    m_items = *items;
    m_table->setRowCount(0);
    const QLocale locale;
    for (const WorklistItem &item : m_items) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        auto *risk = new QTableWidgetItem(RiskAppearance::shortLabel(item.level)
                                          + (item.purple ? QStringLiteral(" + ") + RiskAppearance::shortLabel(QStringLiteral("purple")) : QString()));
        risk->setBackground(RiskAppearance::color(item.level).lighter(150));
        m_table->setItem(row, 0, risk);
        m_table->setItem(row, 1, new QTableWidgetItem(item.name));
        QString due = item.dueOn.isValid() ? locale.toString(item.dueOn, QLocale::ShortFormat) : QString();
        if (kind == WorklistKind::EddSoon)
            due = tr("EDD %1").arg(locale.toString(item.edd, QLocale::ShortFormat));
        else if (kind == WorklistKind::Unassigned)
            due = tr("open since %1").arg(locale.toString(item.openedOn, QLocale::ShortFormat));
        else if (Worklists::isAppointmentList(kind) && !item.appointmentPurpose.isEmpty())
            due += (item.daysOverdue > 0 ? QLatin1Char(' ') + tr("(%n day(s) late)", nullptr, item.daysOverdue) : QString())
                   + QStringLiteral(": ") + item.appointmentPurpose;
        else if (item.daysOverdue > 0)
            due += QLatin1Char(' ') + tr("(%n day(s) late)", nullptr, item.daysOverdue);
        m_table->setItem(row, 2, new QTableWidgetItem(due));
        m_table->setItem(row, 3, new QTableWidgetItem(item.phone));
        m_table->setItem(row, 4, new QTableWidgetItem(item.recordNumber));
        m_table->setItem(row, 5, new QTableWidgetItem(item.responsibleNurse));
    }
    m_table->resizeColumnsToContents();
    const int total = std::max(countOf(kind), static_cast<int>(m_items.size()));
    m_shown->setText(tr("Showing the first %1 of %2, most urgent first.")
                         .arg(locale.toString(m_items.size()), locale.toString(total)));
    m_shown->setVisible(total > m_items.size());
    for (int row = 0; row < m_lists->count(); ++row)
        if (m_lists->item(row)->data(Qt::UserRole).toInt() == static_cast<int>(kind) && m_lists->currentRow() != row) {
            const QSignalBlocker blocker(m_lists);
            m_lists->setCurrentRow(row);
        }
    m_record->setEnabled(!m_items.isEmpty() && (kind == WorklistKind::Due || kind == WorklistKind::Overdue || kind == WorklistKind::Lost));
}

void WorklistPanel::recordContact()
{
    const int row = m_table->currentRow() >= 0 ? m_table->currentRow() : 0;
    if (row >= m_items.size())
        return;
    const WorklistItem item = m_items[row];
    auto caseFile = m_cases.repository().find(item.caseId);
    if (!caseFile || !*caseFile)
        return;
    const QDate next = CaseLifecycle::nextContactDue(**caseFile, m_today, {}, m_cases.settings());
    ContactDialog dialog(item.name, m_today, next, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (auto recorded = m_cases.recordContact(item.caseId, dialog.contact(), m_today); !recorded) {
        emit problem(recorded.error().message);
        return;
    }
    refresh();
}
