#include "workstation-ui/registrationdialog.h"

#include "storage/database.h"
#include "storage/duplicatefinder.h"
#include "workstation-ui/possibleduplicatesdialog.h"

#include "domain/bodymass.h"
#include "domain/nationalid.h"
#include "storage/draftstore.h"
#include "workstation-ui/formdraft.h"
#include "workstation-ui/formfields.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace {
QDateEdit *dateEdit(QWidget *parent, const QString &key, const QDate &date)
{
    auto *edit = new QDateEdit(date, parent);
    edit->setObjectName(key);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    return edit;
}

QSpinBox *spinBox(QWidget *parent, const QString &key, int low, int high, int value)
{
    auto *spin = new QSpinBox(parent);
    spin->setObjectName(key);
    spin->setRange(low, high);
    spin->setValue(value);
    return spin;
}
} // namespace

RegistrationDialog::RegistrationDialog(ClinicRecords &records, DraftStore &drafts, const QDate &today, QWidget *parent)
    : QDialog(parent), m_records(records), m_today(today)
{
    setWindowTitle(tr("Register a pregnancy"));
    buildForm();
    m_draft = new FormDraft(this, drafts, QStringLiteral("registration:new"), this);
    m_restoredDraft = m_draft->restore();
    connect(m_draft, &FormDraft::saveFailed, this, [this](const QString &message) {
        m_errors->setText(message);
        m_errors->show();
    });
    updateDating();
}

void RegistrationDialog::buildForm()
{
    auto *identity = new QGroupBox(tr("The woman"), this);
    auto *identityForm = new QFormLayout(identity);
    m_name = new QLineEdit(identity);
    m_name->setObjectName(QStringLiteral("name"));
    m_nationalId = new QLineEdit(identity);
    m_nationalId->setObjectName(QStringLiteral("nationalId"));
    m_nationalId->setMaxLength(18);
    m_nationalId->setPlaceholderText(tr("18 characters; fills in the birth date"));
    m_birthDate = dateEdit(identity, QStringLiteral("birthDate"), m_today.addYears(-28));
    m_phone = new QLineEdit(identity);
    m_phone->setObjectName(QStringLiteral("phone"));
    m_address = new QLineEdit(identity);
    m_address->setObjectName(QStringLiteral("address"));
    m_recordNumber = new QLineEdit(identity);
    m_recordNumber->setObjectName(QStringLiteral("recordNumber"));
    m_recordNumber->setPlaceholderText(tr("assigned automatically if left empty"));
    identityForm->addRow(tr("&Name:"), m_name);
    identityForm->addRow(tr("National &ID number:"), m_nationalId);
    identityForm->addRow(tr("&Birth date:"), m_birthDate);
    identityForm->addRow(tr("&Phone:"), m_phone);
    identityForm->addRow(tr("&Address:"), m_address);
    identityForm->addRow(tr("&Record number:"), m_recordNumber);

    auto *pregnancy = new QGroupBox(tr("This pregnancy"), this);
    auto *pregnancyForm = new QFormLayout(pregnancy);
    m_lmp = dateEdit(pregnancy, QStringLiteral("lmp"), m_today.addDays(-70));
    m_lmpUnknown = new QCheckBox(tr("unknown"), pregnancy);
    m_lmpUnknown->setObjectName(QStringLiteral("lmpUnknown"));
    auto *lmpRow = new QHBoxLayout;
    lmpRow->addWidget(m_lmp);
    lmpRow->addWidget(m_lmpUnknown);
    lmpRow->addStretch();
    FormFields::addRow(pregnancyForm, tr("&Last menstrual period:"), lmpRow, m_lmp);

    m_ultrasound = new QGroupBox(tr("Dating ultrasound"), pregnancy);
    m_ultrasound->setObjectName(QStringLiteral("ultrasound"));
    m_ultrasound->setCheckable(true);
    m_ultrasound->setChecked(false);
    auto *usRow = new QHBoxLayout(m_ultrasound);
    m_scanDate = dateEdit(m_ultrasound, QStringLiteral("scanDate"), m_today);
    m_scanWeeks = spinBox(m_ultrasound, QStringLiteral("scanWeeks"), 4, 42, 12);
    m_scanDays = spinBox(m_ultrasound, QStringLiteral("scanDays"), 0, 6, 0);
    usRow->addWidget(new QLabel(tr("scan on"), m_ultrasound));
    usRow->addWidget(m_scanDate);
    usRow->addWidget(new QLabel(tr("measured"), m_ultrasound));
    usRow->addWidget(m_scanWeeks);
    usRow->addWidget(new QLabel(tr("weeks +"), m_ultrasound));
    usRow->addWidget(m_scanDays);
    usRow->addWidget(new QLabel(tr("days"), m_ultrasound));
    usRow->addStretch();
    pregnancyForm->addRow(m_ultrasound);

    m_datingSummary = new QLabel(pregnancy);
    m_datingSummary->setObjectName(QString()); // derived, not part of the draft
    QFont bold = m_datingSummary->font();
    bold.setBold(true);
    m_datingSummary->setFont(bold);
    pregnancyForm->addRow(tr("EDD / gestational age:"), m_datingSummary);

    m_gravida = spinBox(pregnancy, QStringLiteral("gravida"), 1, 30, 1);
    m_para = spinBox(pregnancy, QStringLiteral("para"), 0, 29, 0);
    m_fetuses = spinBox(pregnancy, QStringLiteral("fetuses"), 1, 6, 1);
    auto *gpRow = new QHBoxLayout;
    gpRow->addWidget(new QLabel(tr("G"), pregnancy));
    gpRow->addWidget(m_gravida);
    gpRow->addWidget(new QLabel(tr("P"), pregnancy));
    gpRow->addWidget(m_para);
    gpRow->addWidget(new QLabel(tr("fetuses"), pregnancy));
    gpRow->addWidget(m_fetuses);
    gpRow->addStretch();
    FormFields::addRow(pregnancyForm, tr("&Gravida / para:"), gpRow, m_gravida);

    m_height = FormFields::numberEdit(pregnancy, QStringLiteral("height"), tr("cm"), true);
    m_weight = FormFields::numberEdit(pregnancy, QStringLiteral("prePregnancyWeight"), tr("kg"), true);
    auto *bodyRow = new QHBoxLayout;
    bodyRow->addWidget(m_height);
    bodyRow->addWidget(new QLabel(tr("cm"), pregnancy));
    bodyRow->addSpacing(12);
    bodyRow->addWidget(new QLabel(tr("pre-pregnancy weight"), pregnancy));
    bodyRow->addWidget(m_weight);
    bodyRow->addWidget(new QLabel(tr("kg"), pregnancy));
    bodyRow->addStretch();
    FormFields::addRow(pregnancyForm, tr("&Height:"), bodyRow, m_height);

    m_uterineSurgeries = spinBox(pregnancy, QStringLiteral("uterineSurgeries"), 0, 10, 0);
    m_lastSurgery = dateEdit(pregnancy, QStringLiteral("lastUterineSurgery"), m_today.addYears(-2));
    m_lastSurgery->setEnabled(false);
    auto *surgeryRow = new QHBoxLayout;
    surgeryRow->addWidget(m_uterineSurgeries);
    surgeryRow->addWidget(new QLabel(tr("last on"), pregnancy));
    surgeryRow->addWidget(m_lastSurgery);
    surgeryRow->addStretch();
    FormFields::addRow(pregnancyForm, tr("&Uterine operations (caesarean, myomectomy …):"), surgeryRow, m_uterineSurgeries);

    m_errors = FormFields::errorSummary(this);

    auto *buttons = FormFields::saveCancelButtons(this);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(identity);
    layout->addWidget(pregnancy);
    layout->addWidget(m_errors);
    layout->addWidget(buttons);

    connect(m_nationalId, &QLineEdit::textEdited, this, &RegistrationDialog::nationalIdEdited);
    for (QDateEdit *edit : {m_lmp, m_scanDate})
        connect(edit, &QDateEdit::dateChanged, this, &RegistrationDialog::updateDating);
    for (QSpinBox *spin : {m_scanWeeks, m_scanDays})
        connect(spin, &QSpinBox::valueChanged, this, &RegistrationDialog::updateDating);
    connect(m_ultrasound, &QGroupBox::toggled, this, &RegistrationDialog::updateDating);
    connect(m_lmpUnknown, &QCheckBox::toggled, this, [this](bool unknown) {
        m_lmp->setEnabled(!unknown);
        updateDating();
    });
    connect(m_uterineSurgeries, &QSpinBox::valueChanged, this,
            [this](int count) { m_lastSurgery->setEnabled(count > 0); });
}

void RegistrationDialog::nationalIdEdited()
{
    if (m_nationalId->text().size() != 18)
        return;
    if (const auto id = NationalId::parse(m_nationalId->text()))
        m_birthDate->setDate(id->birthDate);
}

void RegistrationDialog::updateDating()
{
    Pregnancy pregnancy;
    if (!m_lmpUnknown->isChecked())
        pregnancy.lmp = m_lmp->date();
    if (m_ultrasound->isChecked())
        pregnancy.ultrasoundDating = UltrasoundDating{
            m_scanDate->date(), GestationalAge::fromWeeksAndDays(m_scanWeeks->value(), m_scanDays->value())};
    const auto dating = datePregnancy(pregnancy.lmp, pregnancy.ultrasoundDating);
    if (!dating) {
        m_datingSummary->setText(tr("enter the LMP or a dating ultrasound"));
        return;
    }
    const QString source = dating->source == DatingSource::Ultrasound ? tr("by ultrasound") : tr("by LMP");
    m_datingSummary->setText(tr("EDD %1 (%2) · today %3 weeks")
                                 .arg(QLocale().toString(dating->edd, QLocale::ShortFormat), source,
                                      GestationalAge::onDate(dating->edd, m_today).toString()));
}

bool RegistrationDialog::collect(Patient &patient, Pregnancy &pregnancy, QList<FieldError> &errors) const
{
    patient.name = m_name->text().trimmed();
    patient.nationalId = m_nationalId->text().trimmed().toUpper();
    patient.birthDate = m_birthDate->date();
    patient.phone = m_phone->text().trimmed();
    patient.address = m_address->text().trimmed();
    patient.recordNumber = m_recordNumber->text().trimmed().toUpper();
    if (patient.recordNumber.isEmpty())
        patient.recordNumber = QDateTime::currentDateTime().toString(QStringLiteral("'R'yyMMddhhmmsszzz"));

    pregnancy.bookingDate = m_today;
    if (!m_lmpUnknown->isChecked())
        pregnancy.lmp = m_lmp->date();
    if (m_ultrasound->isChecked())
        pregnancy.ultrasoundDating = UltrasoundDating{
            m_scanDate->date(), GestationalAge::fromWeeksAndDays(m_scanWeeks->value(), m_scanDays->value())};
    pregnancy.gravida = m_gravida->value();
    pregnancy.para = m_para->value();
    pregnancy.fetuses = m_fetuses->value();
    bool malformed = false;
    pregnancy.heightCm = FormFields::optionalNumber(m_height, &malformed);
    if (malformed)
        errors.append({m_height->objectName(), tr("Height is not a number.")});
    malformed = false;
    pregnancy.prePregnancyWeightKg = FormFields::optionalNumber(m_weight, &malformed);
    if (malformed)
        errors.append({m_weight->objectName(), tr("Weight is not a number.")});
    pregnancy.uterineSurgeries = m_uterineSurgeries->value();
    if (pregnancy.uterineSurgeries > 0)
        pregnancy.lastUterineSurgeryDate = m_lastSurgery->date();

    errors += RecordValidator::validatePatient(patient, m_today);
    errors += RecordValidator::validatePregnancy(pregnancy, m_today);
    return errors.isEmpty();
}

void RegistrationDialog::accept()
{
    Patient patient;
    Pregnancy pregnancy;
    QList<FieldError> errors;
    if (!collect(patient, pregnancy, errors)) {
        FormFields::showErrors(this, m_errors, errors);
        return;
    }
    if (!checkForDuplicates(patient))
        return;
    if (auto saved = m_records.registerPregnancy(patient, pregnancy); !saved) {
        FormFields::showErrors(this, m_errors, {{QStringLiteral("recordNumber"), saved.error().message}});
        return;
    }
    m_savedPatientId = patient.meta.id;
    m_draft->discard();
    QDialog::accept();
}

bool RegistrationDialog::checkForDuplicates(const Patient &patient)
{
    if (!m_duplicateReason.isEmpty())
        return true; // asked already, and the nurse said why she registers anyway
    const auto matches = DuplicateFinder(m_records.database().connection()).find(patient);
    if (!matches) {
        FormFields::showErrors(this, m_errors, {FieldError{QStringLiteral("name"), matches.error().message}});
        return false;
    }
    if (matches->isEmpty())
        return true;
    PossibleDuplicatesDialog check(*matches, this);
    const int choice = check.exec();
    if (choice == PossibleDuplicatesDialog::OpenExisting && !check.chosenRecord().isNull()) {
        m_savedPatientId = check.chosenRecord();
        m_openedExisting = true;
        m_draft->discard();
        QDialog::accept();
        return false;
    }
    if (choice != PossibleDuplicatesDialog::RegisterAnyway)
        return false;
    m_duplicateReason = check.reason();
    for (const DuplicateFinder::Match &match : *matches)
        m_similarRecords << match.existing.meta.id.toString(QUuid::WithoutBraces);
    return true;
}

void RegistrationDialog::reject()
{
    if (!m_draft->confirmClose(this, !m_name->text().isEmpty() || !m_nationalId->text().isEmpty() || !m_phone->text().isEmpty()))
        return;
    QDialog::reject();
}
