#pragma once

#include "audit/auditentry.h"

#include <QDate>
#include <QJsonObject>
#include <QMainWindow>

class AuditSearchDialog;
class CaseManagement;
class CasesWorkbench;
class ClinicRecords;
class CtgWorkbench;
class ReferralWorkbench;
class GradingService;
class PacsWorkbench;
class SyncWorkbench;
class Database;
class DraftStore;
class PatientChartView;
class PatientListModel;
class PatientSearch;
class ProportionalSplitter;
class QLabel;
class QLineEdit;
class QSplitter;
class QTableView;
class QTabWidget;
class UltrasoundWorkbench;
class WorklistPanel;

// The workstation's main window: the patient list with search-as-you-type on the left, the
// open chart on the right. Keyboard first: Ctrl+F search, Enter opens, Ctrl+N registers,
// Ctrl+Shift+V records a visit. Window layout is remembered between sessions.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(Database &database, const QDate &today, QWidget *parent = nullptr);
    ~MainWindow() override;

    PatientListModel *patientList() const { return m_listModel; }
    QLineEdit *searchField() const { return m_search; }
    QTableView *patientTable() const { return m_table; }
    PatientChartView *chartView() const { return m_chartView; }
    WorklistPanel *worklists() const { return m_worklists; }
    QTabWidget *navigation() const { return m_navigation; }
    // Reading worklist, PACS settings and receiver; the viewer sets its study opener here.
    PacsWorkbench *pacs() const { return m_pacs; }
    // Background sync with the regional center and its indicator in the status bar.
    SyncWorkbench *sync() const { return m_sync; }
    // File → Open DICOM…, the chart's Ultrasound tab and the DICOM viewer.
    UltrasoundWorkbench *ultrasound() const { return m_ultrasound; }
    // The chart's Case management tab and the high-risk dashboard.
    CasesWorkbench *cases() const { return m_casesWorkbench; }
    // The chart's CTG tab, importing traces and the CTG viewer.
    CtgWorkbench *ctg() const { return m_ctg; }
    // The chart's Referrals tab, the referral form and the Incoming/Outgoing lists.
    ReferralWorkbench *referrals() const { return m_referrals; }
    // The Worklists tab: case follow-up, then referrals.
    QTabWidget *worklistTabs() const { return m_worklistTabs; }

public slots:
    void registerPregnancy();
    void openSelectedPatient();
    bool openPatient(const QUuid &patientId);
    void exportRegister();
    void exportCaseSummary();
    // Settings → Audit trail of the region…; the dialog shown (deleted on close).
    AuditSearchDialog *showAuditSearch();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    // Adds to this workstation's audit trail (docs/audit.md); a failure is shown.
    void audit(AuditAction action, const QString &patientId = {}, const QJsonObject &detail = {});
    // A record of hers exported or printed by a workbench: the audit names her through the record.
    void auditDisclosure(AuditAction action, const QString &table, const QUuid &recordId, const QString &what);
    void buildActions();
    // Records changed under the window (sync, an exam): the list, the worklists and the chart reload.
    void reloadRecords();
    void updateCount();
    void chooseLanguage();
    void showProblem(const QString &message);
    // The banner's alert and the grading's evidence from her fetal heart traces.
    void showCtgFindings();
    // The evidence other records offer the risk grading: CTG traces and fetal growth findings.
    void showGradingEvidence();
    // Her open referral on the banner, and her grade for a new referral.
    void showReferrals();
    void updateWorklistCount();

    Database &m_database;
    QDate m_today;
    std::unique_ptr<PatientSearch> m_searchLogic;
    std::unique_ptr<ClinicRecords> m_records;
    std::unique_ptr<DraftStore> m_drafts;
    std::unique_ptr<CaseManagement> m_cases;
    std::unique_ptr<GradingService> m_grading;
    PatientListModel *m_listModel;
    QLineEdit *m_search;
    QLabel *m_count;
    QTableView *m_table;
    PatientChartView *m_chartView;
    ProportionalSplitter *m_splitter;
    QTabWidget *m_navigation;
    WorklistPanel *m_worklists;
    QTabWidget *m_worklistTabs;
    int m_followUpAttention = 0;
    int m_referralsWaiting = 0;
    ReferralWorkbench *m_referrals = nullptr;
    PacsWorkbench *m_pacs = nullptr;
    SyncWorkbench *m_sync = nullptr;
    UltrasoundWorkbench *m_ultrasound = nullptr;
    CasesWorkbench *m_casesWorkbench = nullptr;
    CtgWorkbench *m_ctg = nullptr;
};
