#include "cases-ui/contactdialog.h"

#include "cases-ui/caseforms.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace {
QPlainTextEdit *notes(QWidget *parent, const QString &key)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setObjectName(key);
    edit->setTabChangesFocus(true);
    edit->setMaximumHeight(60);
    return edit;
}
} // namespace

ContactDialog::ContactDialog(
    const QString &woman, const QDate &today, const QDate &proposedNext, QWidget *parent)
    : QDialog(parent)
    , m_kind(new QComboBox(this))
    , m_date(new QDateEdit(today, this))
    , m_outcome(new QComboBox(this))
    , m_findings(notes(this, QStringLiteral("findings")))
    , m_interventions(notes(this, QStringLiteral("interventions")))
    , m_advice(notes(this, QStringLiteral("advice")))
    , m_next(new QDateEdit(proposedNext, this))
{
    setWindowTitle(tr("Follow-up contact — %1").arg(woman));
    m_kind->setObjectName(QStringLiteral("kind"));
    for (const auto &[key, label] : kinds())
        m_kind->addItem(label, key);
    m_outcome->setObjectName(QStringLiteral("outcome"));
    for (const auto &[key, label] : outcomes())
        m_outcome->addItem(label, key);
    for (QDateEdit *edit : { m_date, m_next }) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    m_date->setObjectName(QStringLiteral("date"));
    m_date->setMaximumDate(today);
    m_next->setObjectName(QStringLiteral("next"));
    auto *form = new QFormLayout;
    form->addRow(tr("&Contact:"), m_kind);
    form->addRow(tr("&Date:"), m_date);
    form->addRow(tr("&Outcome:"), m_outcome);
    form->addRow(tr("&Findings:"), m_findings);
    form->addRow(tr("&Interventions:"), m_interventions);
    form->addRow(tr("&Advice given:"), m_advice);
    form->addRow(tr("&Next contact due:"), m_next);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(CaseForms::buttons(this));
}

QList<QPair<QString, QString>> ContactDialog::kinds()
{
    return { { contactKindKey(ContactKind::PhoneCall), tr("Phone call") },
        { contactKindKey(ContactKind::ClinicVisit), tr("Clinic visit") },
        { contactKindKey(ContactKind::HomeVisit), tr("Home visit") } };
}

QList<QPair<QString, QString>> ContactDialog::outcomes()
{
    return { { QStringLiteral("reached"), tr("Reached, followed up") },
        { QStringLiteral("not-reached"), tr("Not reached") },
        { QStringLiteral("attended"), tr("Came to the clinic") } };
}

QString ContactDialog::labelOf(const QList<QPair<QString, QString>> &choices, const QString &key)
{
    for (const auto &[k, label] : choices)
        if (k == key)
            return label;
    return key;
}

FollowUpContact ContactDialog::contact() const
{
    FollowUpContact c;
    c.kind = contactKindFromKey(m_kind->currentData().toString()).value_or(ContactKind::PhoneCall);
    c.doneOn = m_date->date();
    c.outcome = m_outcome->currentData().toString();
    c.findings = m_findings->toPlainText().trimmed();
    c.interventions = m_interventions->toPlainText().trimmed();
    c.advice = m_advice->toPlainText().trimmed();
    c.nextDueOn = m_next->date();
    return c;
}
