#include "cases-ui/caseamendmentdialog.h"

#include "cases-ui/amendmenthistory.h"
#include "cases-ui/caseforms.h"
#include "cases/casemanagement.h"
#include "cases/outcomefields.h"
#include "ui-common/screenfit.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QVBoxLayout>

CaseAmendmentDialog::CaseAmendmentDialog(
    CaseManagement &cases, const CaseFile &caseFile, const QDate &today, QWidget *parent)
    : QDialog(parent)
    , m_cases(cases)
    , m_case(caseFile)
    , m_today(today)
    , m_field(new QComboBox(this))
    , m_current(new QLabel(this))
    , m_editors(new QStackedWidget(this))
    , m_text(new QLineEdit(this))
    , m_choice(new QComboBox(this))
    , m_reason(new QPlainTextEdit(this))
    , m_errors(CaseForms::errorSummary(this))
    , m_history(new AmendmentHistory(this))
{
    setWindowTitle(tr("Amend the closed case"));
    m_field->setObjectName(QStringLiteral("field"));
    m_current->setObjectName(QStringLiteral("currentValue"));
    m_text->setObjectName(QStringLiteral("newText"));
    m_choice->setObjectName(QStringLiteral("newChoice"));
    m_reason->setObjectName(QStringLiteral("reason"));
    m_reason->setTabChangesFocus(true);
    m_reason->setMaximumHeight(70);
    m_reason->setPlaceholderText(tr("Why the closure is corrected, and on whose information"));
    if (m_case.outcome)
        for (const OutcomeField &field : OutcomeFields::of(*m_case.outcome))
            m_field->addItem(field.label, field.key);
    m_editors->addWidget(m_text);
    m_editors->addWidget(m_choice);
    connect(m_field, &QComboBox::currentIndexChanged, this, &CaseAmendmentDialog::showField);

    auto *form = new QFormLayout;
    form->addRow(tr("&Field:"), m_field);
    form->addRow(tr("Now:"), m_current);
    form->addRow(tr("&New value:"), m_editors);
    form->addRow(tr("&Reason:"), m_reason);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_errors);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Amendments so far:"), this));
    layout->addWidget(m_history, 1);
    layout->addWidget(CaseForms::buttons(this, tr("&Save the amendment")));
    m_history->setAmendments(
        m_cases.repository().amendments(m_case.meta.id).value_or(QList<CaseAmendment> {}));
    showField();
    ScreenFit::resize(this, QSize(640, 520));
}

void CaseAmendmentDialog::chooseField(const QString &key)
{
    m_field->setCurrentIndex(m_field->findData(key));
}

void CaseAmendmentDialog::showField()
{
    if (!m_case.outcome)
        return;
    const QString key = m_field->currentData().toString();
    const auto field = OutcomeFields::find(*m_case.outcome, key);
    m_current->setText(OutcomeFields::displayValue(*m_case.outcome, key));
    const bool choice = field && field->type == OutcomeField::Type::Choice;
    m_choice->clear();
    if (choice) {
        // Newborn choices are "sex" and "newbornOutcome"; the others are named by the field.
        const QString choiceField = key.endsWith(QLatin1String(".sex")) ? QStringLiteral("sex")
            : key.endsWith(QLatin1String(".outcome"))                   ? QStringLiteral("newbornOutcome")
                                                                        : key;
        for (const auto &[value, label] : OutcomeFields::choices(choiceField))
            m_choice->addItem(label, value);
        m_choice->setCurrentIndex(m_choice->findData(OutcomeFields::value(*m_case.outcome, key)));
    }
    m_text->setText(choice ? QString() : OutcomeFields::value(*m_case.outcome, key));
    m_text->setPlaceholderText(!field                           ? QString()
            : field->type == OutcomeField::Type::Date           ? tr("YYYY-MM-DD")
            : field->type == OutcomeField::Type::GestationalAge ? tr("weeks+days, e.g. 38+2")
                                                                : QString());
    m_editors->setCurrentWidget(choice ? static_cast<QWidget *>(m_choice) : m_text);
}

void CaseAmendmentDialog::setNewValue(const QString &value)
{
    if (m_editors->currentWidget() == m_choice)
        m_choice->setCurrentIndex(m_choice->findData(value));
    else
        m_text->setText(value);
}

QString CaseAmendmentDialog::newValue() const
{
    return m_editors->currentWidget() == m_choice ? m_choice->currentData().toString() : m_text->text();
}

void CaseAmendmentDialog::accept()
{
    if (!m_case.outcome)
        return;
    const QString key = m_field->currentData().toString();
    QList<FieldError> errors;
    if (OutcomeFields::value(*m_case.outcome, key) == newValue().trimmed())
        errors.append({ QStringLiteral("newText"), tr("The new value is the same as the recorded one.") });
    if (m_reason->toPlainText().trimmed().isEmpty())
        errors.append({ QStringLiteral("reason"), tr("Give the reason for the amendment.") });
    auto changed = OutcomeFields::withValue(*m_case.outcome, key, newValue());
    if (!changed)
        errors.append({ QStringLiteral("newText"), changed.error().message });
    if (errors.isEmpty())
        if (auto amended = m_cases.amendClosure(m_case.meta.id, *changed, m_reason->toPlainText(), m_today);
            !amended)
            errors.append({ QStringLiteral("newText"), amended.error().message });
    CaseForms::showErrors(this, m_errors, errors);
    if (errors.isEmpty())
        QDialog::accept();
}
