#include "workstation-ui/visitdialog.h"

#include "handouts/appointmentplan.h"
#include "storage/draftstore.h"
#include "workstation-ui/formdraft.h"
#include "workstation-ui/formfields.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

VisitDialog::VisitDialog(ClinicRecords &records, DraftStore &drafts, const Pregnancy &pregnancy, const QDate &today,
                         QWidget *parent)
    : QDialog(parent), m_records(records), m_pregnancy(pregnancy), m_today(today)
{
    setWindowTitle(tr("Antenatal visit"));
    if (auto texts = HandoutTexts::load())
        m_texts = *texts;
    buildForm();
    proposeAppointment();
    m_draft = new FormDraft(this, drafts, QStringLiteral("visit:") + pregnancy.meta.id.toString(QUuid::WithoutBraces),
                            this);
    // A restored draft keeps the appointment the nurse had typed.
    m_appointmentEdited = m_draft->restore();
    updateGestationalAge();
}

void VisitDialog::buildForm()
{
    auto *form = new QFormLayout;
    m_date = new QDateEdit(m_today, this);
    m_date->setObjectName(QStringLiteral("visitDate"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_gestationalAge = new QLabel(this);
    auto *dateRow = new QHBoxLayout;
    dateRow->addWidget(m_date);
    dateRow->addWidget(m_gestationalAge);
    dateRow->addStretch();
    FormFields::addRow(form, tr("Visit &date:"), dateRow, m_date);

    m_systolic = FormFields::numberEdit(this, QStringLiteral("systolic"), tr("systolic"), false);
    m_diastolic = FormFields::numberEdit(this, QStringLiteral("diastolic"), tr("diastolic"), false);
    auto *bpRow = new QHBoxLayout;
    bpRow->addWidget(m_systolic);
    bpRow->addWidget(new QLabel(QStringLiteral("/"), this));
    bpRow->addWidget(m_diastolic);
    bpRow->addWidget(new QLabel(tr("mmHg"), this));
    bpRow->addStretch();
    FormFields::addRow(form, tr("&Blood pressure:"), bpRow, m_systolic);

    auto unitRow = [this, form](const QString &label, QLineEdit *edit, const QString &unit) {
        auto *row = new QHBoxLayout;
        row->addWidget(edit);
        row->addWidget(new QLabel(unit, this));
        row->addStretch();
        FormFields::addRow(form, label, row, edit);
    };
    m_pulse = FormFields::numberEdit(this, QStringLiteral("pulse"), tr("beats/min"), false);
    unitRow(tr("&Pulse:"), m_pulse, tr("beats/min"));
    m_weight = FormFields::numberEdit(this, QStringLiteral("weight"), tr("kg"), true);
    unitRow(tr("&Weight:"), m_weight, tr("kg"));
    m_fundalHeight = FormFields::numberEdit(this, QStringLiteral("fundalHeight"), tr("cm"), true);
    unitRow(tr("&Fundal height:"), m_fundalHeight, tr("cm"));
    m_girth = FormFields::numberEdit(this, QStringLiteral("abdominalGirth"), tr("cm"), true);
    unitRow(tr("Abdominal &girth:"), m_girth, tr("cm"));
    m_fetalHeart = FormFields::numberEdit(this, QStringLiteral("fetalHeartRate"), tr("beats/min"), false);
    unitRow(tr("Fetal &heart rate:"), m_fetalHeart, tr("beats/min"));

    m_presentation = new QComboBox(this);
    m_presentation->setObjectName(QStringLiteral("presentation"));
    m_presentation->addItems({tr("not assessed"), tr("cephalic"), tr("breech"), tr("transverse"), tr("oblique")});
    form->addRow(tr("P&resentation:"), m_presentation);
    m_oedema = new QComboBox(this);
    m_oedema->setObjectName(QStringLiteral("oedema"));
    m_oedema->addItems({tr("none (−)"), tr("ankle (+)"), tr("to the knee (++)"), tr("to the thigh (+++)"),
                        tr("generalised (++++)")});
    form->addRow(tr("&Oedema:"), m_oedema);
    m_urineProtein = new QComboBox(this);
    m_urineProtein->setObjectName(QStringLiteral("urineProtein"));
    m_urineProtein->addItems({tr("not tested"), tr("negative"), tr("trace (±)"), QStringLiteral("1+"),
                              QStringLiteral("2+"), QStringLiteral("3+"), QStringLiteral("4+")});
    form->addRow(tr("&Urine protein:"), m_urineProtein);
    m_notes = new QPlainTextEdit(this);
    m_notes->setObjectName(QStringLiteral("notes"));
    m_notes->setTabChangesFocus(true);
    m_notes->setMaximumHeight(80);
    form->addRow(tr("&Notes:"), m_notes);
    m_advice = new QPlainTextEdit(this);
    m_advice->setObjectName(QStringLiteral("advice"));
    m_advice->setTabChangesFocus(true);
    m_advice->setMaximumHeight(60);
    m_advice->setToolTip(tr("Printed on her visit slip, in words she understands."));
    form->addRow(tr("&Advice given:"), m_advice);

    m_makeAppointment = new QCheckBox(tr("on"), this);
    m_makeAppointment->setObjectName(QStringLiteral("makeAppointment"));
    m_makeAppointment->setChecked(true);
    m_appointment = new QDateEdit(this);
    m_appointment->setObjectName(QStringLiteral("nextAppointment"));
    m_appointment->setCalendarPopup(true);
    m_appointment->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    auto *appointmentRow = new QHBoxLayout;
    appointmentRow->addWidget(m_makeAppointment);
    appointmentRow->addWidget(m_appointment);
    appointmentRow->addStretch();
    FormFields::addRow(form, tr("Next appoin&tment:"), appointmentRow, m_makeAppointment);
    m_appointmentPurpose = new QLineEdit(this);
    m_appointmentPurpose->setObjectName(QStringLiteral("appointmentPurpose"));
    m_appointmentPurpose->setPlaceholderText(tr("what the next check is for"));
    form->addRow(tr("Chec&k for:"), m_appointmentPurpose);
    connect(m_makeAppointment, &QCheckBox::toggled, m_appointment, &QWidget::setEnabled);
    connect(m_makeAppointment, &QCheckBox::toggled, m_appointmentPurpose, &QWidget::setEnabled);
    connect(m_appointment, &QDateEdit::userDateChanged, this, [this] { m_appointmentEdited = true; });
    connect(m_appointmentPurpose, &QLineEdit::textEdited, this, [this] { m_appointmentEdited = true; });

    m_errors = FormFields::errorSummary(this);
    auto *buttons = FormFields::saveCancelButtons(this);
    auto *saveAndSlip = buttons->addButton(tr("Save and print &slip…"), QDialogButtonBox::ActionRole);
    saveAndSlip->setObjectName(QStringLiteral("saveAndSlip"));
    connect(saveAndSlip, &QPushButton::clicked, this, [this] {
        m_slipRequested = true;
        accept();
        if (result() != QDialog::Accepted)
            m_slipRequested = false;
    });
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_errors);
    layout->addWidget(buttons);
    connect(m_date, &QDateEdit::dateChanged, this, &VisitDialog::updateGestationalAge);
    connect(m_date, &QDateEdit::dateChanged, this, &VisitDialog::proposeAppointment);
}

// The schedule's next check after this visit date, until the nurse sets her own.
void VisitDialog::proposeAppointment()
{
    if (m_appointmentEdited || !m_texts)
        return;
    const auto next = AppointmentPlan::after(m_pregnancy, m_date->date(), *m_texts);
    const QSignalBlocker blockDate(m_appointment);
    m_makeAppointment->setChecked(next.has_value());
    m_appointment->setMinimumDate(m_date->date().addDays(1));
    m_appointment->setDate(next ? next->on : m_date->date().addDays(7));
    m_appointmentPurpose->setText(next ? next->purpose : QString());
}

void VisitDialog::updateGestationalAge()
{
    const auto age = m_pregnancy.gestationalAgeOn(m_date->date());
    m_gestationalAge->setText(age ? tr("GA %1 weeks").arg(age->toString()) : QString());
}

void VisitDialog::accept()
{
    AntenatalVisit visit;
    visit.visitDate = m_date->date();
    QList<FieldError> errors;
    auto readInt = [&](QLineEdit *edit) -> std::optional<int> {
        bool malformed = false;
        const auto value = FormFields::optionalNumber(edit, &malformed);
        if (malformed)
            errors.append({edit->objectName(), tr("%1 is not a number.").arg(edit->text())});
        return value ? std::optional<int>(static_cast<int>(std::lround(*value))) : std::nullopt;
    };
    auto readDouble = [&](QLineEdit *edit) {
        bool malformed = false;
        const auto value = FormFields::optionalNumber(edit, &malformed);
        if (malformed)
            errors.append({edit->objectName(), tr("%1 is not a number.").arg(edit->text())});
        return value;
    };
    visit.systolicMmHg = readInt(m_systolic);
    visit.diastolicMmHg = readInt(m_diastolic);
    visit.pulseBpm = readInt(m_pulse);
    visit.weightKg = readDouble(m_weight);
    visit.fundalHeightCm = readDouble(m_fundalHeight);
    visit.abdominalGirthCm = readDouble(m_girth);
    visit.fetalHeartRateBpm = readInt(m_fetalHeart);
    visit.presentation = static_cast<FetalPresentation>(m_presentation->currentIndex());
    visit.oedema = static_cast<Oedema>(m_oedema->currentIndex());
    visit.urineProtein = static_cast<UrineProtein>(m_urineProtein->currentIndex());
    visit.notes = m_notes->toPlainText().trimmed();
    visit.advice = m_advice->toPlainText().trimmed();
    if (m_makeAppointment->isChecked()) {
        visit.nextAppointmentOn = m_appointment->date();
        visit.nextAppointmentPurpose = m_appointmentPurpose->text().trimmed();
    }
    errors += RecordValidator::validateVisit(visit, m_pregnancy, m_today);
    if (!errors.isEmpty()) {
        FormFields::showErrors(this, m_errors, errors);
        return;
    }
    if (auto saved = m_records.saveVisit(visit, m_pregnancy); !saved) {
        FormFields::showErrors(this, m_errors, {{QString(), saved.error().message}});
        return;
    }
    m_saved = visit;
    m_draft->discard();
    QDialog::accept();
}

void VisitDialog::reject()
{
    if (!m_draft->confirmClose(this, !m_systolic->text().isEmpty() || !m_weight->text().isEmpty() || !m_notes->toPlainText().isEmpty()
                                         || !m_advice->toPlainText().isEmpty()))
        return;
    QDialog::reject();
}
