#pragma once

#include "referrals/referralrepository.h"
#include "storage/clinicdirectory.h"

#include <QHash>
#include <QWidget>

class QPushButton;
class QTableWidget;
class QTextBrowser;

// The chart's Referrals tab (转诊): her referrals, up and down, each with where it stands; the
// selected one's content, attachments and timeline — every step with who, where and when, a
// step taken on what the other side had already changed shown as such —, and the steps this
// clinic can take on it now.
class ReferralsView : public QWidget
{
    Q_OBJECT
public:
    ReferralsView(ReferralRepository &repository, ClinicDirectory directory, QWidget *parent = nullptr);

    void showPregnancy(const QUuid &pregnancyId, const QString &woman);
    void clear();
    void reload();
    // Selects one of her referrals (from a worklist).
    void select(const QUuid &referralId);
    const QList<Referral> &referrals() const { return m_referrals; }
    QString detailsText() const; // what the details pane shows, for tests

signals:
    void newReferralRequested();
    void newConsultationRequested();
    void draftEditRequested(const Referral &referral);
    // The printed referral form, or the return slip once the outcome is back, as PDF.
    void pdfRequested(const Referral &referral, bool returnSlip);
    void stepTaken(); // the referral changed here: sync it, refresh lists
    void problem(const QString &message);

private:
    void showSelected();
    void take(ReferralAction action);
    std::optional<Referral> selected() const;

    ReferralRepository &m_repository;
    ClinicDirectory m_directory;
    QUuid m_pregnancyId;
    QString m_woman;
    QList<Referral> m_referrals;
    QPushButton *m_new;
    QPushButton *m_newConsultation;
    QPushButton *m_editDraft;
    QPushButton *m_formPdf;
    QPushButton *m_slipPdf;
    QTableWidget *m_table;
    QTextBrowser *m_details;
    QHash<ReferralAction, QPushButton *> m_actions;
};
