#pragma once

#include "ultrasound-exams/ultrasoundreport.h"
#include "ultrasound-exams/ultrasoundreportpdf.h"

#include <QDialog>

class QComboBox;
class QDateEdit;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class UltrasoundReportRepository;

// The structured ultrasound report (超声检查报告) of one study: the obstetric findings, the
// biometry table of the exam measured on it, description, impression and reader. Save keeps a
// draft; Sign checks the required fields (each problem named, the field outlined) and freezes
// it; a signed report shows read-only and Amend starts the report that corrects it. Export PDF
// prints it (UltrasoundReportPdf).
class UltrasoundReportForm : public QDialog
{
    Q_OBJECT
public:
    UltrasoundReportForm(UltrasoundReportRepository *repository, const UltrasoundReport &report,
        UltrasoundReportPdf::Heading heading, QString signer, QWidget *parent = nullptr);

    const UltrasoundReport &report() const { return m_report; }
    QString message() const;
    QPushButton *saveButton() const { return m_save; }
    QPushButton *signButton() const { return m_sign; }
    QPushButton *amendButton() const { return m_amend; }
    QSpinBox *fetusCount() const { return m_fetusCount; }
    QComboBox *heartActivity() const { return m_heart; }
    QSpinBox *heartRate() const { return m_heartRate; }
    QComboBox *presentation() const { return m_presentation; }
    QLineEdit *placentaLocation() const { return m_placenta; }
    QComboBox *placentaGrade() const { return m_grade; }
    QDoubleSpinBox *afi() const { return m_afi; }
    QDoubleSpinBox *deepestPocket() const { return m_pocket; }
    QPlainTextEdit *findings() const { return m_findings; }
    QPlainTextEdit *impression() const { return m_impression; }
    QLineEdit *reader() const { return m_reader; }
    QLineEdit *amendmentReason() const { return m_reason; }
    QTableWidget *biometryTable() const { return m_biometry; }
    // Shown under the title when signing the report answers a consultation (empty: hidden).
    void setConsultationNote(const QString &note);
    QLabel *consultationNote() const { return m_consultationNote; }

public slots:
    bool saveDraft();
    bool signReport();
    void amend();
    bool exportPdf(const QString &path);

signals:
    void reportChanged(const QUuid &pregnancyId);
    void reportSigned(const UltrasoundReport &report);
    void pdfWritten(const QString &path); // for the audit: the report left the workstation

private:
    void showReport();
    void readForm();
    void setReadOnly(bool readOnly);
    void showMessage(const QString &text, bool isProblem);
    void outline(const QStringList &fields);
    void choosePdf();

    UltrasoundReportRepository *m_repository;
    UltrasoundReport m_report;
    UltrasoundReportPdf::Heading m_heading;
    QString m_signer;

    QLabel *m_title;
    QLabel *m_consultationNote;
    QDateEdit *m_examDate;
    QSpinBox *m_fetusCount;
    QComboBox *m_heart;
    QSpinBox *m_heartRate;
    QComboBox *m_presentation;
    QLineEdit *m_placenta;
    QComboBox *m_grade;
    QDoubleSpinBox *m_afi;
    QDoubleSpinBox *m_pocket;
    QTableWidget *m_biometry;
    QPlainTextEdit *m_findings;
    QPlainTextEdit *m_impression;
    QLineEdit *m_reader;
    QLineEdit *m_reason;
    QLabel *m_reasonLabel;
    QLabel *m_signature;
    QLabel *m_message;
    QPushButton *m_save;
    QPushButton *m_sign;
    QPushButton *m_amend;
    QPushButton *m_pdf;
};
