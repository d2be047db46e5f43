#include "cases-ui/casefileview.h"

#include "cases-ui/amendmenthistory.h"
#include "cases-ui/caseamendmentdialog.h"
#include "cases-ui/caseclosuredialog.h"
#include "cases-ui/contactdialog.h"
#include "cases/casedashboard.h"
#include "cases/caselifecycle.h"
#include "cases/casemanagement.h"
#include "cases/outcomefields.h"
#include "cases/reportingclock.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {
QString shortDate(const QDate &date)
{
    return date.isValid() ? QLocale().toString(date, QLocale::ShortFormat) : QString();
}

QTableWidget *readOnlyTable(QWidget *parent, const QString &objectName, const QStringList &headers)
{
    auto *table = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    table->setObjectName(objectName);
    table->setHorizontalHeaderLabels(headers);
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setWordWrap(true);
    return table;
}
} // namespace

CaseFileView::CaseFileView(CaseManagement &cases, QWidget *parent)
    : QWidget(parent)
    , m_cases(cases)
    , m_today(QDate::currentDate())
    , m_status(new QLabel(this))
    , m_open(new QPushButton(tr("&Open a case file"), this))
    , m_assignment(new QGroupBox(tr("Responsibility and plan"), this))
    , m_doctor(new QLineEdit(this))
    , m_nurse(new QLineEdit(this))
    , m_plan(new QPlainTextEdit(this))
    , m_deliveryLevel(new QComboBox(this))
    , m_requiredLevel(new QLabel(this))
    , m_save(new QPushButton(tr("&Save"), this))
    , m_reporting(new QGroupBox(tr("Report to the district MCH institution"), this))
    , m_reportStatus(new QLabel(this))
    , m_reportedOn(new QDateEdit(this))
    , m_markReported(new QPushButton(tr("&Mark reported"), this))
    , m_followUp(new QGroupBox(tr("Follow-up plan"), this))
    , m_contactTable(readOnlyTable(this, QStringLiteral("contacts"),
          { tr("Due"), tr("Contact"), tr("Done on"), tr("Outcome"), tr("Findings, interventions, advice") }))
    , m_record(new QPushButton(tr("&Record a contact…"), this))
    , m_closure(new QGroupBox(tr("Closure (outcome)"), this))
    , m_outcomeTable(readOnlyTable(this, QStringLiteral("outcome"), { tr("Field"), tr("Value") }))
    , m_close(new QPushButton(tr("&Close the case…"), this))
    , m_amend(new QPushButton(tr("&Amend…"), this))
    , m_history(new AmendmentHistory(this))
{
    m_status->setObjectName(QStringLiteral("caseStatus"));
    m_status->setWordWrap(true);
    m_status->setStyleSheet(QStringLiteral("font-weight: bold;"));
    m_open->setObjectName(QStringLiteral("openCase"));
    m_doctor->setObjectName(QStringLiteral("doctor"));
    m_nurse->setObjectName(QStringLiteral("nurse"));
    m_plan->setObjectName(QStringLiteral("plan"));
    m_plan->setTabChangesFocus(true);
    m_plan->setMaximumHeight(70);
    m_deliveryLevel->setObjectName(QStringLiteral("deliveryLevel"));
    m_deliveryLevel->addItem(tr("Not decided"), QString());
    for (const char *level : { "primary", "secondary", "tertiary" })
        m_deliveryLevel->addItem(
            OutcomeFields::choiceLabel(QStringLiteral("placeLevel"), QLatin1String(level)),
            QLatin1String(level));
    m_requiredLevel->setObjectName(QStringLiteral("requiredLevel"));
    m_requiredLevel->setWordWrap(true);
    m_save->setObjectName(QStringLiteral("saveAssignment"));
    m_reportStatus->setObjectName(QStringLiteral("reportStatus"));
    m_reportStatus->setWordWrap(true);
    m_reportedOn->setObjectName(QStringLiteral("reportedOn"));
    m_reportedOn->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_reportedOn->setCalendarPopup(true);
    m_markReported->setObjectName(QStringLiteral("markReported"));
    m_record->setObjectName(QStringLiteral("recordContact"));
    m_close->setObjectName(QStringLiteral("closeCase"));
    m_amend->setObjectName(QStringLiteral("amend"));

    auto *assignment = new QFormLayout(m_assignment);
    assignment->addRow(tr("Responsible &doctor:"), m_doctor);
    assignment->addRow(tr("Responsible &nurse:"), m_nurse);
    assignment->addRow(tr("Management &plan:"), m_plan);
    assignment->addRow(tr("Deliver at:"), m_deliveryLevel);
    assignment->addRow(QString(), m_requiredLevel);
    auto *saveRow = new QHBoxLayout;
    saveRow->addWidget(m_save);
    saveRow->addStretch();
    assignment->addRow(QString(), saveRow);
    auto *reporting = new QHBoxLayout(m_reporting);
    reporting->addWidget(m_reportStatus, 1);
    reporting->addWidget(new QLabel(tr("Reported on:"), this));
    reporting->addWidget(m_reportedOn);
    reporting->addWidget(m_markReported);
    auto *followUp = new QVBoxLayout(m_followUp);
    followUp->addWidget(m_contactTable, 1);
    auto *followUpActions = new QHBoxLayout;
    followUpActions->addWidget(m_record);
    followUpActions->addStretch();
    followUp->addLayout(followUpActions);
    m_contactTable->setMinimumHeight(140);
    auto *closure = new QVBoxLayout(m_closure);
    closure->addWidget(m_outcomeTable);
    m_historyLabel = new QLabel(tr("Amendments (who, when, what and why):"), this);
    closure->addWidget(m_historyLabel);
    closure->addWidget(m_history);
    auto *closureActions = new QHBoxLayout;
    closureActions->addWidget(m_close);
    closureActions->addWidget(m_amend);
    closureActions->addStretch();
    closure->addLayout(closureActions);

    auto *page = new QWidget(this);
    auto *pageLayout = new QVBoxLayout(page);
    auto *top = new QHBoxLayout;
    top->addWidget(m_status, 1);
    top->addWidget(m_open);
    pageLayout->addLayout(top);
    pageLayout->addWidget(m_assignment);
    pageLayout->addWidget(m_reporting);
    pageLayout->addWidget(m_followUp, 1);
    pageLayout->addWidget(m_closure);
    pageLayout->addStretch(); // keeps a short page at the top when the follow-up plan is hidden
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(page);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);

    connect(m_open, &QPushButton::clicked, this, &CaseFileView::openCase);
    connect(m_save, &QPushButton::clicked, this, &CaseFileView::saveAssignment);
    connect(m_markReported, &QPushButton::clicked, this, &CaseFileView::markReported);
    connect(m_record, &QPushButton::clicked, this, &CaseFileView::recordContact);
    connect(m_close, &QPushButton::clicked, this, &CaseFileView::closeCase);
    connect(m_amend, &QPushButton::clicked, this, &CaseFileView::amend);
    clear();
}

void CaseFileView::showPregnancy(
    const QUuid &pregnancyId, const QString &woman, const QString &level, bool purple)
{
    m_pregnancyId = pregnancyId;
    m_woman = woman;
    m_level = level;
    m_purple = purple;
    reload();
}

void CaseFileView::clear()
{
    m_pregnancyId = QUuid();
    m_case.reset();
    m_contacts.clear();
    reload();
}

void CaseFileView::reload()
{
    m_case.reset();
    m_contacts.clear();
    if (!m_pregnancyId.isNull()) {
        auto current = m_cases.repository().currentForPregnancy(m_pregnancyId);
        if (!current)
            emit problem(current.error().message);
        else if (*current) {
            m_case = **current;
            m_contacts = m_cases.repository().contacts(m_case->meta.id).value_or(QList<FollowUpContact> {});
        }
    }
    const bool open = m_case && m_case->status == CaseFile::Status::Open;
    const QString color
        = CaseDashboard::colorLabel(m_case ? m_case->level : m_level, m_case ? m_case->purple : m_purple);
    if (m_pregnancyId.isNull())
        m_status->setText(tr("Open a woman's chart to see her case file."));
    else if (!m_case)
        m_status->setText(
            tr("No case file for this pregnancy (%1). Orange, red and purple grades open one when a "
               "clinician decides the grade; a nurse may open one herself.")
                .arg(color));
    else if (open)
        m_status->setText(tr("Case open since %1 — %2").arg(shortDate(m_case->openedOn), color));
    else
        m_status->setText(
            tr("Case closed on %1 — %2. Read-only: correct it with an amendment.")
                .arg(shortDate(m_case->closedOn),
                    OutcomeFields::choiceLabel(QStringLiteral("kind"),
                        m_case->outcome ? CaseOutcome::kindKey(m_case->outcome->kind) : QString())));
    m_open->setVisible(!m_pregnancyId.isNull() && !m_case);
    // A closed case leads the page: its outcome and amendments are what is looked up.
    if (auto *pageLayout = qobject_cast<QVBoxLayout *>(m_closure->parentWidget()->layout())) {
        pageLayout->removeWidget(m_closure);
        pageLayout->insertWidget(m_case && !open ? 1 : pageLayout->count() - 1, m_closure);
    }
    for (QWidget *section : { static_cast<QWidget *>(m_assignment), static_cast<QWidget *>(m_reporting),
             static_cast<QWidget *>(m_followUp), static_cast<QWidget *>(m_closure) })
        section->setVisible(m_case.has_value());

    m_doctor->setText(m_case ? m_case->responsibleDoctor : QString());
    m_nurse->setText(m_case ? m_case->responsibleNurse : QString());
    m_plan->setPlainText(m_case ? m_case->managementPlan : QString());
    const QString required
        = m_case ? m_cases.settings().requiredDeliveryLevel(m_case->level, m_case->purple) : QString();
    const QString chosen
        = m_case && !m_case->deliveryHospitalLevel.isEmpty() ? m_case->deliveryHospitalLevel : required;
    m_deliveryLevel->setCurrentIndex(std::max(0, m_deliveryLevel->findData(chosen)));
    m_requiredLevel->setText(required.isEmpty()
            ? QString()
            : tr("Her color requires delivery at a %1 hospital or higher.")
                  .arg(CaseSettings::hospitalLevelLabel(required)));
    for (QWidget *edit : { static_cast<QWidget *>(m_doctor), static_cast<QWidget *>(m_nurse),
             static_cast<QWidget *>(m_deliveryLevel), static_cast<QWidget *>(m_save) })
        edit->setEnabled(open);
    m_plan->setReadOnly(!open);
    showReporting();
    showContacts();
    showOutcome();
}

void CaseFileView::showReporting()
{
    const bool open = m_case && m_case->status == CaseFile::Status::Open;
    const ReportingStatus status = m_case
        ? ReportingClock::status(m_case->reportDueOn, m_case->reportedOn, m_today)
        : ReportingStatus::NotRequired;
    QString text;
    QString style;
    if (m_case && !open && status != ReportingStatus::Reported && status != ReportingStatus::NotRequired) {
        m_reportStatus->setText(tr("Not reported before the case was closed."));
        m_reportStatus->setStyleSheet(QString());
        m_reportStatus->setProperty("status", QStringLiteral("closed"));
        m_reportedOn->setEnabled(false);
        m_markReported->setEnabled(false);
        return;
    }
    switch (status) {
    case ReportingStatus::NotRequired:
        text = tr("Not required for this color.");
        break;
    case ReportingStatus::Reported:
        text = tr("Reported on %1.").arg(shortDate(m_case->reportedOn));
        style = QStringLiteral("color: #1b5e20;");
        break;
    case ReportingStatus::Due:
        text = tr("Due: report by %1 (%n day(s) left).", nullptr,
            static_cast<int>(m_today.daysTo(m_case->reportDueOn)))
                   .arg(shortDate(m_case->reportDueOn));
        style = QStringLiteral("color: #8a5a00; font-weight: bold;");
        break;
    case ReportingStatus::Overdue:
        text = tr("Overdue: was due %1 (3-day rule), %n day(s) late.", nullptr,
            static_cast<int>(m_case->reportDueOn.daysTo(m_today)))
                   .arg(shortDate(m_case->reportDueOn));
        style = QStringLiteral("color: #b00020; font-weight: bold;");
        break;
    }
    m_reportStatus->setText(text);
    m_reportStatus->setStyleSheet(style);
    m_reportStatus->setProperty("status", ReportingClock::statusKey(status));
    const bool canReport = open && (status == ReportingStatus::Due || status == ReportingStatus::Overdue);
    m_reportedOn->setEnabled(canReport);
    m_markReported->setEnabled(canReport);
    if (m_case) {
        m_reportedOn->setDateRange(m_case->openedOn, m_today);
        m_reportedOn->setDate(m_case->reportedOn.isValid() ? m_case->reportedOn : m_today);
    }
}

void CaseFileView::showContacts()
{
    m_contactTable->setRowCount(0);
    bool pending = false;
    for (const FollowUpContact &c : m_contacts) {
        const int row = m_contactTable->rowCount();
        m_contactTable->insertRow(row);
        QString state;
        if (c.isPending()) {
            pending = true;
            const int late = c.dueOn < m_today ? static_cast<int>(c.dueOn.daysTo(m_today)) : 0;
            state = late > m_cases.settings().lostToFollowUpGraceDays
                ? tr("Lost to follow-up (%n day(s) late)", nullptr, late)
                : late > 0 ? tr("Overdue (%n day(s) late)", nullptr, late)
                           : tr("Scheduled");
        }
        QStringList notes;
        for (const auto &[label, text] : { std::pair { tr("Findings"), c.findings },
                 std::pair { tr("Interventions"), c.interventions }, std::pair { tr("Advice"), c.advice } })
            if (!text.isEmpty())
                notes.append(tr("%1: %2").arg(label, text));
        auto *due = new QTableWidgetItem(shortDate(c.dueOn));
        m_contactTable->setItem(row, 0, due);
        m_contactTable->setItem(row, 1,
            new QTableWidgetItem(ContactDialog::labelOf(ContactDialog::kinds(), contactKindKey(c.kind))));
        m_contactTable->setItem(row, 2, new QTableWidgetItem(c.isPending() ? state : shortDate(c.doneOn)));
        m_contactTable->setItem(
            row, 3, new QTableWidgetItem(ContactDialog::labelOf(ContactDialog::outcomes(), c.outcome)));
        m_contactTable->setItem(row, 4, new QTableWidgetItem(notes.join(QLatin1Char('\n'))));
        if (c.isPending() && c.dueOn < m_today)
            for (int column = 0; column < 3; ++column)
                m_contactTable->item(row, column)->setForeground(QColor(0xb0, 0x00, 0x20));
    }
    m_contactTable->resizeColumnsToContents();
    m_contactTable->resizeRowsToContents();
    m_record->setEnabled(m_case && m_case->status == CaseFile::Status::Open);
    m_record->setToolTip(pending ? tr("Record the scheduled contact and plan the next one")
                                 : tr("Record an unscheduled contact"));
}

void CaseFileView::showOutcome()
{
    const bool closed = m_case && m_case->status == CaseFile::Status::Closed && m_case->outcome;
    m_outcomeTable->setRowCount(0);
    if (closed) {
        m_outcomeTable->insertRow(0);
        m_outcomeTable->setItem(0, 0, new QTableWidgetItem(tr("How the pregnancy ended")));
        m_outcomeTable->setItem(0, 1,
            new QTableWidgetItem(OutcomeFields::choiceLabel(
                QStringLiteral("kind"), CaseOutcome::kindKey(m_case->outcome->kind))));
        for (const OutcomeField &field : OutcomeFields::of(*m_case->outcome)) {
            const int row = m_outcomeTable->rowCount();
            m_outcomeTable->insertRow(row);
            m_outcomeTable->setItem(row, 0, new QTableWidgetItem(field.label));
            m_outcomeTable->setItem(
                row, 1, new QTableWidgetItem(OutcomeFields::displayValue(*m_case->outcome, field.key)));
        }
        m_outcomeTable->resizeColumnsToContents();
        m_outcomeTable->setMinimumHeight(std::min(420, m_outcomeTable->verticalHeader()->length() + 30));
        m_history->setAmendments(
            m_cases.repository().amendments(m_case->meta.id).value_or(QList<CaseAmendment> {}));
    }
    m_outcomeTable->setVisible(closed);
    m_history->setVisible(closed);
    m_historyLabel->setVisible(closed);
    m_close->setVisible(m_case && !closed);
    m_amend->setVisible(closed);
}

bool CaseFileView::act(const QString &error)
{
    if (!error.isEmpty()) {
        emit problem(error);
        return false;
    }
    reload();
    emit caseChanged();
    return true;
}

void CaseFileView::openCase()
{
    if (m_pregnancyId.isNull())
        return;
    auto opened = m_cases.openCase(
        m_pregnancyId, m_level.isEmpty() ? QStringLiteral("yellow") : m_level, m_purple, m_today);
    act(opened ? QString() : opened.error().message);
}

void CaseFileView::saveAssignment()
{
    if (!m_case)
        return;
    auto saved = m_cases.assign(m_case->meta.id, m_doctor->text(), m_nurse->text(),
        m_plan->toPlainText().trimmed(), m_deliveryLevel->currentData().toString());
    act(saved ? QString() : saved.error().message);
}

void CaseFileView::markReported()
{
    if (!m_case)
        return;
    auto reported = m_cases.markReported(m_case->meta.id, m_reportedOn->date(), m_today);
    act(reported ? QString() : reported.error().message);
}

void CaseFileView::recordContact()
{
    if (!m_case)
        return;
    const QDate next = CaseLifecycle::nextContactDue(*m_case, m_today, {}, m_cases.settings());
    ContactDialog dialog(m_woman, m_today, next, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto recorded = m_cases.recordContact(m_case->meta.id, dialog.contact(), m_today);
    act(recorded ? QString() : recorded.error().message);
}

void CaseFileView::closeCase()
{
    if (!m_case)
        return;
    CaseClosureDialog dialog(m_cases, *m_case, m_woman, m_today, this);
    if (dialog.exec() == QDialog::Accepted)
        act({});
}

void CaseFileView::amend()
{
    if (!m_case)
        return;
    CaseAmendmentDialog dialog(m_cases, *m_case, m_today, this);
    if (dialog.exec() == QDialog::Accepted)
        act({});
}
