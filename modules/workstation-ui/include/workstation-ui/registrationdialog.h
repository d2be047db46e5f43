#pragma once

#include "domain/recordvalidator.h"
#include "storage/clinicrecords.h"

#include <QDate>
#include <QDialog>

class DraftStore;
class FormDraft;
class QCheckBox;
class QDateEdit;
class QGroupBox;
class QLabel;
class QLineEdit;
class QSpinBox;

// Registration and booking (建档): the woman's identity and the pregnancy's dating and history.
// The birth date follows the national ID number; EDD and gestational age are shown live as the
// nurse types; what she types is kept as a draft until it is saved.
class RegistrationDialog : public QDialog
{
    Q_OBJECT
public:
    RegistrationDialog(ClinicRecords &records, DraftStore &drafts, const QDate &today, QWidget *parent = nullptr);

    // The record to open once accepted: the one just saved, or the existing record of hers the
    // nurse chose to open instead (openedExisting()).
    QUuid savedPatientId() const { return m_savedPatientId; }
    bool openedExisting() const { return m_openedExisting; }
    // Registered although she looked like an existing woman: why, and which records.
    QString duplicateReason() const { return m_duplicateReason; }
    QStringList similarRecords() const { return m_similarRecords; }
    bool restoredDraft() const { return m_restoredDraft; }

    void accept() override;
    void reject() override;

private:
    void buildForm();
    void updateDating();
    void nationalIdEdited();
    bool collect(Patient &patient, Pregnancy &pregnancy, QList<FieldError> &errors) const;
    // Before a first save: is she already registered? False when the form is not to be saved now.
    bool checkForDuplicates(const Patient &patient);

    ClinicRecords &m_records;
    QDate m_today;
    FormDraft *m_draft = nullptr;
    QUuid m_savedPatientId;
    bool m_restoredDraft = false;
    bool m_openedExisting = false;
    QString m_duplicateReason;
    QStringList m_similarRecords;

    QLineEdit *m_name = nullptr;
    QLineEdit *m_nationalId = nullptr;
    QDateEdit *m_birthDate = nullptr;
    QLineEdit *m_phone = nullptr;
    QLineEdit *m_address = nullptr;
    QLineEdit *m_recordNumber = nullptr;
    QDateEdit *m_lmp = nullptr;
    QCheckBox *m_lmpUnknown = nullptr;
    QGroupBox *m_ultrasound = nullptr;
    QDateEdit *m_scanDate = nullptr;
    QSpinBox *m_scanWeeks = nullptr;
    QSpinBox *m_scanDays = nullptr;
    QSpinBox *m_gravida = nullptr;
    QSpinBox *m_para = nullptr;
    QSpinBox *m_fetuses = nullptr;
    QLineEdit *m_height = nullptr;
    QLineEdit *m_weight = nullptr;
    QSpinBox *m_uterineSurgeries = nullptr;
    QDateEdit *m_lastSurgery = nullptr;
    QLabel *m_datingSummary = nullptr;
    QLabel *m_errors = nullptr;
};
