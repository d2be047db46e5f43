#include "referrals-ui/referraldialog.h"

#include "referrals/referralrepository.h"
#include "ui-common/formwidgets.h"
#include "ui-common/screenfit.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>


ReferralDialog::ReferralDialog(ReferralRepository &repository, Content content, QWidget *parent)
    : QDialog(parent)
    , m_repository(repository)
    , m_content(std::move(content))
    , m_target(new QComboBox(this))
    , m_department(new QLineEdit(this))
    , m_doctor(new QLineEdit(this))
    , m_direction(new QComboBox(this))
    , m_kind(new QComboBox(this))
    , m_urgency(new QComboBox(this))
    , m_reason(FormWidgets::textBox(this, QStringLiteral("reason"), 3))
    , m_diagnosis(new QLineEdit(this))
    , m_summary(FormWidgets::textBox(this, QStringLiteral("summary"), 4))
    , m_attachments(new QListWidget(this))
    , m_error(FormWidgets::errorLabel(this))
{
    const Referral &r = m_content.referral;
    const bool consultation = r.purpose == ReferralPurpose::Consultation;
    setWindowTitle((consultation ? tr("Consultation request — %1") : tr("Referral — %1")).arg(m_content.woman));
    m_kind->setObjectName(QStringLiteral("consultationKind"));
    for (ConsultationKind k : { ConsultationKind::General, ConsultationKind::CtgReading, ConsultationKind::UltrasoundReading })
        m_kind->addItem(Referrals::label(k), Referrals::key(k));
    m_kind->setCurrentIndex(m_kind->findData(Referrals::key(r.consultationKind)));
    m_target->setObjectName(QStringLiteral("target"));
    m_target->addItem(tr("Choose a clinic…"), QString());
    for (const DirectoryClinic &clinic : std::as_const(m_content.clinics))
        m_target->addItem(clinic.name, clinic.id);
    if (const int known = m_target->findData(r.targetClinic); known >= 0)
        m_target->setCurrentIndex(known);
    else if (!r.targetClinic.isEmpty()) { // a clinic the directory no longer lists: keep it
        m_target->addItem(r.targetClinic, r.targetClinic);
        m_target->setCurrentIndex(m_target->count() - 1);
    }
    m_department->setObjectName(QStringLiteral("department"));
    m_department->setText(r.targetDepartment);
    m_department->setPlaceholderText(tr("if known"));
    m_doctor->setObjectName(QStringLiteral("doctor"));
    m_doctor->setText(r.targetDoctor);
    m_doctor->setPlaceholderText(tr("if known"));
    m_direction->setObjectName(QStringLiteral("direction"));
    for (ReferralDirection d : { ReferralDirection::Up, ReferralDirection::Down })
        m_direction->addItem(Referrals::label(d), Referrals::key(d));
    m_direction->setCurrentIndex(m_direction->findData(Referrals::key(r.direction)));
    m_urgency->setObjectName(QStringLiteral("urgency"));
    for (ReferralUrgency u : { ReferralUrgency::Emergency, ReferralUrgency::Urgent, ReferralUrgency::Routine })
        m_urgency->addItem(Referrals::label(u), Referrals::key(u));
    m_urgency->setCurrentIndex(m_urgency->findData(Referrals::key(r.urgency)));
    m_reason->setPlainText(r.reason);
    m_diagnosis->setObjectName(QStringLiteral("diagnosis"));
    m_diagnosis->setText(r.diagnosis);
    m_summary->setPlainText(r.summary);

    auto *grade = new QLabel(this);
    grade->setObjectName(QStringLiteral("grade"));
    grade->setWordWrap(true);
    grade->setText(m_content.riskLabel.isEmpty() ? tr("not graded")
            : r.riskItems.isEmpty()              ? m_content.riskLabel
                                                 : tr("%1: %2").arg(m_content.riskLabel, r.riskItems.join(tr("; "))));

    m_attachments->setObjectName(QStringLiteral("attachments"));
    for (const ReferralAttachment &candidate : std::as_const(m_content.candidates)) {
        auto *item = new QListWidgetItem(
            tr("%1 — %2").arg(Referrals::label(candidate.kind), candidate.label), m_attachments);
        const bool chosen = std::any_of(m_content.attached.cbegin(), m_content.attached.cend(),
            [&](const ReferralAttachment &a) { return a.kind == candidate.kind && a.itemRef == candidate.itemRef; });
        item->setCheckState(chosen ? Qt::Checked : Qt::Unchecked);
        item->setToolTip(item->text());
    }
    if (m_content.candidates.isEmpty())
        new QListWidgetItem(tr("Nothing recorded for her yet to attach."), m_attachments);
    m_attachments->setMaximumHeight(m_attachments->fontMetrics().lineSpacing() * 5 + 12);

    m_error->setText(m_content.notice);
    m_error->setVisible(!m_content.notice.isEmpty());

    auto *form = new QFormLayout;
    form->addRow(consultation ? tr("Asked &of:") : tr("Referred &to:"), m_target);
    form->addRow(tr("D&epartment:"), m_department);
    form->addRow(tr("Doct&or:"), m_doctor);
    if (consultation) {
        form->addRow(tr("&Kind:"), m_kind);
        m_direction->hide();
    } else {
        form->addRow(tr("Di&rection:"), m_direction);
        m_kind->hide();
    }
    form->addRow(tr("&Urgency:"), m_urgency);
    form->addRow(consultation ? tr("&Question:") : tr("Re&ason:"), m_reason);
    form->addRow(tr("Dia&gnosis:"), m_diagnosis);
    form->addRow(tr("Risk grade:"), grade);
    form->addRow(tr("Clinical &summary:"), m_summary);
    form->addRow(tr("Send &with it:"), m_attachments);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *sendButton
        = buttons->addButton(consultation ? tr("Se&nd request") : tr("Se&nd referral"), QDialogButtonBox::AcceptRole);
    sendButton->setObjectName(QStringLiteral("send"));
    sendButton->setDefault(true);
    QPushButton *draftButton = buttons->addButton(tr("Save &draft"), QDialogButtonBox::ActionRole);
    draftButton->setObjectName(QStringLiteral("saveDraft"));
    draftButton->setShortcut(QKeySequence::Save);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(sendButton, &QPushButton::clicked, this, &ReferralDialog::send);
    connect(draftButton, &QPushButton::clicked, this, [this] {
        if (save())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    ScreenFit::resize(this, QSize(640, sizeHint().height()));
}

void ReferralDialog::readForm()
{
    Referral &r = m_content.referral;
    r.targetClinic = m_target->currentData().toString();
    r.targetDepartment = m_department->text().trimmed();
    r.targetDoctor = m_doctor->text().trimmed();
    r.direction = Referrals::directionFromKey(m_direction->currentData().toString()).value_or(ReferralDirection::Up);
    r.consultationKind = Referrals::consultationKindFromKey(m_kind->currentData().toString()).value_or(ConsultationKind::General);
    r.urgency = Referrals::urgencyFromKey(m_urgency->currentData().toString()).value_or(ReferralUrgency::Routine);
    r.reason = m_reason->toPlainText().trimmed();
    r.diagnosis = m_diagnosis->text().trimmed();
    r.summary = m_summary->toPlainText().trimmed();
}

Result<void> ReferralDialog::saveAttachments()
{
    for (int row = 0; row < m_content.candidates.size(); ++row) {
        const ReferralAttachment &candidate = m_content.candidates.at(row);
        const bool wanted = m_attachments->item(row)->checkState() == Qt::Checked;
        auto kept = std::find_if(m_content.attached.begin(), m_content.attached.end(),
            [&](const ReferralAttachment &a) { return a.kind == candidate.kind && a.itemRef == candidate.itemRef; });
        if (wanted && kept == m_content.attached.end()) {
            ReferralAttachment added = candidate;
            added.referralId = m_content.referral.meta.id;
            if (auto done = m_repository.attach(added); !done)
                return done;
            m_content.attached.append(added);
        } else if (!wanted && kept != m_content.attached.end()) {
            if (auto done = m_repository.detach(*kept); !done)
                return done;
            m_content.attached.erase(kept);
        }
    }
    return {};
}

bool ReferralDialog::save()
{
    readForm();
    auto saved = m_repository.saveDraft(m_content.referral).and_then([this] { return saveAttachments(); });
    if (!saved) {
        m_error->setText(saved.error().message);
        m_error->show();
        return false;
    }
    return true;
}

void ReferralDialog::send()
{
    if (!save())
        return;
    // Saved as a draft first: if sending is refused (a field missing), what was typed is kept.
    const auto sent = m_repository.take(m_content.referral.meta.id, ReferralAction::Send);
    if (!sent) {
        m_error->setText(sent.error().message);
        m_error->show();
        return;
    }
    m_sent = true;
    accept();
}
