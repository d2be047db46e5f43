#pragma once

#include "biometry/fetalbiometry.h"
#include "dicom-viewer/viewermeasurement.h"
#include "ultrasound-exams/machinebiometry.h"
#include "ultrasound-exams/pregnancyredating.h"
#include "ultrasound-exams/ultrasoundexam.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QTableWidget;
class UltrasoundExamRecords;

// The fetal biometry of the image being read: the clinician picks BPD, HC, AC, FL, CRL or NT and
// draws it; each value is shown in mm with the gestational age it implies, and the estimated
// fetal weight (Hadlock) and the gestational age by ultrasound follow live. Linked to a
// pregnancy, the exam is saved to it and can date it; the ACOG rule's answer, whether the EDD
// changes and why, is shown before the clinician confirms.
class BiometryPanel : public QWidget
{
    Q_OBJECT
public:
    explicit BiometryPanel(QWidget *parent = nullptr);

    // Where "Save to pregnancy" writes; null records: not linked. womanId is her national ID
    // number, which studies carry as Patient ID (docs/dicom.md): images of someone else are not
    // saved to her record unless the clinician confirms they are hers.
    void setRecordLink(UltrasoundExamRecords *records, const QUuid &pregnancyId, const QString &womanLabel,
        const QString &womanId = {});
    // A new study: its date, UID and Patient ID for the exam, and no values yet.
    void startExam(const QDate &examDate, const QString &studyInstanceUid, const QString &patientId = {});
    // The images' Patient ID differs from hers (or is missing) and nobody has confirmed them.
    bool needsIdentityConfirmation() const;
    QCheckBox *identityConfirmation() const { return m_identityConfirmed; }

    const FetalBiometry &biometry() const { return m_biometry; }
    // The value of a measurement drawn for a biometry measure; false (and a message) if the
    // value is outside the measure's range.
    bool takeMeasurement(const ViewerMeasurement &measurement);
    // The values the ultrasound machine measured for one fetus (its structured report) replace
    // those of the same measures; `source` is shown with them until another study is opened.
    void acceptMachineBiometry(const MachineFetus &fetus, const QString &source);
    QString machineNote() const { return m_machineNote; }
    // The amniotic fluid index the machine measured for the accepted fetus, for the report.
    std::optional<double> machineAfiCm() const { return m_machineAfiCm; }
    UltrasoundExam exam() const;
    QString efwText() const;
    QString gestationalAgeText() const;
    QString recordMessage() const;
    QPushButton *saveButton() const { return m_save; }
    QPushButton *dateButton() const { return m_date; }
    QPushButton *confirmButton() const { return m_confirm; }

public slots:
    void saveToPregnancy();
    // Shows what dating from this exam would do; confirmDating() applies it.
    void proposeDating();
    void confirmDating();
    void clearMeasure(BiometryMeasure measure);

signals:
    // The measure whose drawing starts now, or none.
    void measureChosen(std::optional<BiometryMeasure> measure);
    void recordChanged(const QUuid &pregnancyId);
    void problem(const QString &message);

private:
    void refresh();
    void checkIdentity();
    void showRecordMessage(const QString &message, bool isProblem = false);

    FetalBiometry m_biometry;
    QDate m_studyDate;
    QString m_studyUid;
    UltrasoundExamRecords *m_records = nullptr;
    QUuid m_pregnancyId;
    QString m_womanLabel;
    QString m_womanId;
    QString m_imagesPatientId;
    std::optional<UltrasoundExam> m_saved; // this reading's exam once stored
    std::optional<RedatingProposal> m_proposal;
    QString m_machineNote; // where accepted machine values came from
    std::optional<double> m_machineAfiCm;

    QList<QPushButton *> m_measureButtons;
    QTableWidget *m_table;
    QLabel *m_efw;
    QLabel *m_ga;
    QLabel *m_notes;
    QLabel *m_woman;
    QLabel *m_identityWarning;
    QCheckBox *m_identityConfirmed;
    QDateEdit *m_examDate;
    QPushButton *m_save;
    QPushButton *m_date;
    QPushButton *m_confirm;
    QLabel *m_recordMessage;
};
