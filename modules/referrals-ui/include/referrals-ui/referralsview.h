#pragma once

#include "referrals/referralrepository.h"
#include "storage/clinicdirectory.h"

#include <QHash>
#include <QWidget>

class QListWidget;
class QPushButton;
class QTableWidget;
class QTextBrowser;

// The chart's Referrals tab (转诊): her referrals, up and down, each with where it stands; the
// selected one's content, attachments and timeline — every step with who, where and when, a
// step taken on what the other side had already changed shown as such —, and the steps this
// clinic can take on it now. Each attachment opens in its viewer; a CTG or ultrasound reading
// asked of this clinic is answered there, by signing the interpretation or the report, and the
// asker opens that signed reading from the opinion.
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
    QString detailsText() const; // what the details pane and the attachment list show, for tests
    QListWidget *attachmentList() const { return m_attachmentList; }

signals:
    void newReferralRequested();
    void newConsultationRequested();
    void draftEditRequested(const Referral &referral);
    // The printed referral form, or the return slip once the outcome is back, as PDF.
    void pdfRequested(const Referral &referral, bool returnSlip);
    void stepTaken(); // the referral changed here: sync it, refresh lists
    // An attachment to show in its viewer: the trace, the study, the report, her labs, her case.
    void attachmentOpenRequested(const Referral &referral, const ReferralAttachment &attachment);
    // The signed interpretation or report a consultation was answered with.
    void readingOpenRequested(const SignedReading &reading);
    void problem(const QString &message);

private:
    void showSelected();
    void take(ReferralAction action);
    std::optional<Referral> selected() const;
    void openAttachment(int row);
    // A reading consultation asked of this clinic: its opinion is signed in the viewer of the
    // first attachment of the kind it asks to read (-1: none, the opinion form then).
    int readingAttachment(const Referral &referral) const;

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
    QListWidget *m_attachmentList;
    QList<ReferralAttachment> m_attachments; // of the selected referral, as listed
    QPushButton *m_openAttachment;
    QPushButton *m_openReading;
    SignedReading m_reading; // of the selected consultation's opinion
    QHash<ReferralAction, QPushButton *> m_actions;
};
