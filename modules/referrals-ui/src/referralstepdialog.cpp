#include "referrals-ui/referralstepdialog.h"

#include "referrals-ui/referralverbs.h"
#include "ui-common/formwidgets.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>


ReferralStepDialog::ReferralStepDialog(ReferralAction action, const QString &woman, ReferralPurpose purpose, QWidget *parent)
    : QDialog(parent)
    , m_error(FormWidgets::errorLabel(this))
{
    auto *form = new QFormLayout;
    if (action == ReferralAction::ReturnOutcome && purpose == ReferralPurpose::Consultation) {
        setWindowTitle(tr("Consultation opinion — %1").arg(woman));
        m_diagnosis = new QLineEdit(this);
        m_diagnosis->setObjectName(QStringLiteral("diagnosis"));
        m_plan = FormWidgets::textBox(this, QStringLiteral("plan"), 3);
        form->addRow(tr("&Opinion:"), m_diagnosis);
        form->addRow(tr("&Recommendation:"), m_plan);
    } else if (action == ReferralAction::ReturnOutcome) {
        setWindowTitle(tr("Return slip — %1").arg(woman));
        m_diagnosis = new QLineEdit(this);
        m_diagnosis->setObjectName(QStringLiteral("diagnosis"));
        m_treatment = FormWidgets::textBox(this, QStringLiteral("treatment"), 3);
        m_plan = FormWidgets::textBox(this, QStringLiteral("plan"), 3);
        m_advice = FormWidgets::textBox(this, QStringLiteral("advice"), 3);
        form->addRow(tr("&Diagnosis:"), m_diagnosis);
        form->addRow(tr("&What was done:"), m_treatment);
        form->addRow(tr("&Plan:"), m_plan);
        form->addRow(tr("&Advice for her clinic:"), m_advice);
    } else {
        setWindowTitle(tr("%1 — %2").arg(ReferralVerbs::plain(action), woman));
        m_reason = FormWidgets::textBox(this, QStringLiteral("reason"), 3);
        form->addRow(action == ReferralAction::Decline ? tr("&Why it is declined:") : tr("&Why it is cancelled:"), m_reason);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(action == ReferralAction::ReturnOutcome && purpose == ReferralPurpose::Consultation
            ? tr("Sign the opinion")
            : ReferralVerbs::plain(action));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(480, sizeHint().height());
}

QString ReferralStepDialog::reason() const
{
    return m_reason ? m_reason->toPlainText().trimmed() : QString();
}

ReferralOutcome ReferralStepDialog::outcome() const
{
    if (!m_diagnosis)
        return {};
    const auto text = [](const QPlainTextEdit *edit) { return edit ? edit->toPlainText().trimmed() : QString(); };
    return { m_diagnosis->text().trimmed(), text(m_treatment), text(m_plan), text(m_advice), {} };
}

void ReferralStepDialog::showProblem(const QString &message)
{
    m_error->setText(message);
    m_error->show();
}
