#pragma once

#include "ctg-records/ctginterpretation.h"
#include "referrals/referral.h"
#include "referrals/referralstep.h"
#include "ultrasound-exams/ultrasoundreport.h"
#include "storage/clinicrecords.h"

#include <QDate>
#include <QObject>
#include <QPointer>

#include <memory>

class Database;
class QMainWindow;
class QMenu;
class QTabWidget;
class QWidget;
class ReferralDashboardPanel;
class ConsultationReadings;
class ReferralRepository;
class ReferralWorklist;
class ReferralsView;

// Two-way referral in the workstation: the chart's Referrals tab, File → Refer her… (Ctrl+Shift+F)
// with the form prefilled from her record, the Incoming and Outgoing lists for the Worklists
// tab, the banner's notice of an open referral, and the receive step taken for every referral
// that sync brings to this clinic. A CTG or ultrasound reading asked of this clinic is answered
// by what the consultant signs in the viewer: the viewers show the note readingNote…() gives and
// pass what was signed to interpretationSigned() / ultrasoundReportSigned().
class ReferralWorkbench : public QObject
{
    Q_OBJECT
public:
    ReferralWorkbench(QMainWindow *window, QTabWidget *chartTabs, QMenu *fileMenu, const Database &database);
    ~ReferralWorkbench() override;

    ReferralsView *view() const { return m_view; }
    ReferralWorklist *worklist() const { return m_worklist; }

    // The open chart, with her grade as shown and the risk items behind it.
    void showChart(const PatientChart &chart, const QString &riskLevel, const QString &riskLabel,
        const QStringList &riskItems, const QDate &today);
    void clearChart();
    // What the banner says of her open referral, or empty.
    QString bannerNotice() const;

    // View → Referral figures, added to `menu`.
    void addFiguresAction(QMenu *menu);
    // The high-risk dashboard's referral section, made for it once, kept up to date here.
    ReferralDashboardPanel *dashboardPanel(QWidget *parent);

    // What a viewer shows above the signature when this trace or study is awaited by a reading
    // consultation: signing it answers that consultation. Empty when none awaits it.
    QString readingNoteForTrace(const QUuid &traceId) const;
    QString readingNoteForStudy(const QString &studyInstanceUid) const;

public slots:
    void newReferral();
    void newConsultation();
    void showFigures();
    // After sync brought records: acknowledges referrals sent here, refreshes the lists.
    void recordsArrived();
    // Signed in a viewer: answers the consultation awaiting that reading, if any.
    void interpretationSigned(const CtgInterpretation &interpretation);
    void ultrasoundReportSigned(const UltrasoundReport &report);

signals:
    void referralsChanged(); // a step or draft saved here: sync soon, refresh the banner
    void openPatient(const QUuid &patientId);
    void problem(const QString &message);
    // A record written out of the workstation (the audit keeps it): what, of which record.
    void exported(const QString &table, const QUuid &recordId, const QString &what);
    // From the chart's Referrals tab: an attachment, or the reading an opinion was signed as,
    // to show in its viewer.
    void attachmentOpenRequested(const Referral &referral, const ReferralAttachment &attachment);
    void readingOpenRequested(const SignedReading &reading);

private:
    QString readingNote(const Result<std::optional<Referral>> &consultation) const;
    void answered(const Result<std::optional<ReferralStep>> &step);
    void editDraft(const Referral &referral);
    Referral prefilledDraft(ReferralPurpose purpose) const;
    void exportPdf(const Referral &referral, bool returnSlip);
    QList<ReferralAttachment> attachmentCandidates() const;

    QMainWindow *m_window;
    const Database &m_database;
    std::unique_ptr<ReferralRepository> m_repository;
    std::unique_ptr<ConsultationReadings> m_readings;
    ReferralsView *m_view;
    ReferralWorklist *m_worklist;
    QPointer<ReferralDashboardPanel> m_dashboardPanel;
    std::optional<PatientChart> m_chart;
    QString m_riskLevel;
    QString m_riskLabel;
    QStringList m_riskItems;
    QDate m_today;
};
