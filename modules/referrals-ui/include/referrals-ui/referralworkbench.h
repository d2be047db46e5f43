#pragma once

#include "referrals/referral.h"
#include "storage/clinicrecords.h"

#include <QDate>
#include <QObject>

#include <memory>

class Database;
class QMainWindow;
class QMenu;
class QTabWidget;
class ReferralRepository;
class ReferralWorklist;
class ReferralsView;

// Two-way referral in the workstation: the chart's Referrals tab, File → Refer her… (Ctrl+Shift+F)
// with the form prefilled from her record, the Incoming and Outgoing lists for the Worklists
// tab, the banner's notice of an open referral, and the receive step taken for every referral
// that sync brings to this clinic.
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

public slots:
    void newReferral();
    void newConsultation();
    void showFigures();
    // After sync brought records: acknowledges referrals sent here, refreshes the lists.
    void recordsArrived();

signals:
    void referralsChanged(); // a step or draft saved here: sync soon, refresh the banner
    void openPatient(const QUuid &patientId);
    void problem(const QString &message);

private:
    void editDraft(const Referral &referral);
    Referral prefilledDraft(ReferralPurpose purpose) const;
    void exportPdf(const Referral &referral, bool returnSlip);
    QList<ReferralAttachment> attachmentCandidates() const;

    QMainWindow *m_window;
    const Database &m_database;
    std::unique_ptr<ReferralRepository> m_repository;
    ReferralsView *m_view;
    ReferralWorklist *m_worklist;
    std::optional<PatientChart> m_chart;
    QString m_riskLevel;
    QString m_riskLabel;
    QStringList m_riskItems;
    QDate m_today;
};
