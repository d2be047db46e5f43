#pragma once

#include "audit/accessreport.h"
#include "audit/auditentry.h"

#include <QDialog>

class BackgroundSync;
class QCheckBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

// File → Audit trail…: an administrator searches who opened, changed, exported or printed
// which woman's record, where and when — the region's trail at the center (a clinic's
// administrator sees her own clinic's) — and prints one woman's access report as a PDF.
// The search runs on the sync thread with this workstation's session; the center decides what
// this user may see and says so when she may not.
class AuditSearchDialog : public QDialog
{
    Q_OBJECT
public:
    // `issuer`: the clinic printing the report, as it names itself on it.
    AuditSearchDialog(BackgroundSync &sync, AccessReport::ClinicName clinicName, QString issuer, QWidget *parent = nullptr);

    // The woman of the open chart, proposed for the search.
    void setWoman(const QString &patientId, const QString &name);
    void search();
    // Valid once a search for one woman has answered.
    bool writeReport(const QString &path);

    QTableWidget *results() const { return m_results; }
    QLabel *messageLabel() const { return m_message; }
    QPushButton *reportButton() const { return m_report; }
    QLineEdit *patientField() const { return m_patient; }
    QLineEdit *userField() const { return m_user; }

signals:
    void searched(); // an answer (entries or a refusal) is shown
    void reportWritten(const QString &path, const QString &patientId); // for the audit

private:
    void answered(int requestId, bool succeeded, const QByteArray &body, const QString &message);
    void showEntries(const QList<AuditEntry> &entries);
    void chooseReportFile();

    BackgroundSync &m_sync;
    AccessReport::ClinicName m_clinicName;
    QString m_issuer;
    QLineEdit *m_patient;
    QLineEdit *m_user;
    QLineEdit *m_clinic;
    QCheckBox *m_period;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QPushButton *m_search;
    QPushButton *m_report;
    QLabel *m_message;
    QTableWidget *m_results;
    int m_pending = 0;
    QString m_womanName;
    QString m_womanReference;
    QString m_searchedPatient;
    QList<AuditEntry> m_entries;
};
