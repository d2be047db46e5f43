#pragma once

#include "cases/casefile.h"

#include <QDate>
#include <QWidget>

#include <optional>

class AmendmentHistory;
class CaseManagement;
class QComboBox;
class QDateEdit;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

// The chart's case management page (专案管理) for the open pregnancy: who is responsible, the
// management plan and where she should deliver, the reporting clock with "mark reported", the
// follow-up plan with each contact and its outcome, and the closure (结案转归). A closed case is
// read-only here; it changes only through an audited amendment.
class CaseFileView : public QWidget
{
    Q_OBJECT
public:
    explicit CaseFileView(CaseManagement &cases, QWidget *parent = nullptr);

    void setToday(const QDate &today) { m_today = today; }
    // The pregnancy whose case is shown; her current color is used if a nurse opens a case.
    void showPregnancy(const QUuid &pregnancyId, const QString &woman, const QString &level, bool purple);
    void clear();
    const std::optional<CaseFile> &caseFile() const { return m_case; }

public slots:
    void reload();
    void openCase();
    void saveAssignment();
    void markReported();
    void recordContact();
    void closeCase();
    void amend();

signals:
    void caseChanged();
    void problem(const QString &message);

private:
    void showReporting();
    void showContacts();
    void showOutcome();
    bool act(const QString &error);

    CaseManagement &m_cases;
    QDate m_today;
    QUuid m_pregnancyId;
    QString m_woman;
    QString m_level;
    bool m_purple = false;
    std::optional<CaseFile> m_case;
    QList<FollowUpContact> m_contacts;

    QLabel *m_status;
    QPushButton *m_open;
    QGroupBox *m_assignment;
    QLineEdit *m_doctor;
    QLineEdit *m_nurse;
    QPlainTextEdit *m_plan;
    QComboBox *m_deliveryLevel;
    QLabel *m_requiredLevel;
    QPushButton *m_save;
    QGroupBox *m_reporting;
    QLabel *m_reportStatus;
    QDateEdit *m_reportedOn;
    QPushButton *m_markReported;
    QGroupBox *m_followUp;
    QTableWidget *m_contactTable;
    QPushButton *m_record;
    QGroupBox *m_closure;
    QTableWidget *m_outcomeTable;
    QPushButton *m_close;
    QPushButton *m_amend;
    AmendmentHistory *m_history;
    QLabel *m_historyLabel = nullptr;
};
