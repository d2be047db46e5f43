#pragma once

#include "handouts/handouttexts.h"
#include "storage/clinicrecords.h"

#include <QDate>
#include <QDialog>

class DraftStore;
class FormDraft;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

// An antenatal check (产前检查): vital signs, obstetric examination and notes, in the order a
// nurse measures them, with the gestational age on the visit date shown as she picks the date;
// then the advice given and her next appointment, proposed from the visit schedule
// (AppointmentPlan) until the nurse changes it, for the slip she takes home.
class VisitDialog : public QDialog
{
    Q_OBJECT
public:
    VisitDialog(ClinicRecords &records, DraftStore &drafts, const Pregnancy &pregnancy, const QDate &today,
                QWidget *parent = nullptr);

    void accept() override;
    void reject() override;
    const AntenatalVisit &savedVisit() const { return m_saved; }
    // Saved with "Save and print slip": the chart offers her visit slip next.
    bool slipRequested() const { return m_slipRequested; }

private:
    void buildForm();
    void updateGestationalAge();
    void proposeAppointment();

    ClinicRecords &m_records;
    Pregnancy m_pregnancy;
    QDate m_today;
    FormDraft *m_draft = nullptr;
    AntenatalVisit m_saved;
    std::optional<HandoutTexts> m_texts;
    bool m_appointmentEdited = false;
    bool m_slipRequested = false;

    QDateEdit *m_date = nullptr;
    QLabel *m_gestationalAge = nullptr;
    QLineEdit *m_systolic = nullptr;
    QLineEdit *m_diastolic = nullptr;
    QLineEdit *m_pulse = nullptr;
    QLineEdit *m_weight = nullptr;
    QLineEdit *m_fundalHeight = nullptr;
    QLineEdit *m_girth = nullptr;
    QLineEdit *m_fetalHeart = nullptr;
    QComboBox *m_presentation = nullptr;
    QComboBox *m_oedema = nullptr;
    QComboBox *m_urineProtein = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    QPlainTextEdit *m_advice = nullptr;
    QCheckBox *m_makeAppointment = nullptr;
    QDateEdit *m_appointment = nullptr;
    QLineEdit *m_appointmentPurpose = nullptr;
    QLabel *m_errors = nullptr;
};
