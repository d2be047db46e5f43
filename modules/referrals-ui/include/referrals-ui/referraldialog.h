#pragma once

#include "referrals/referral.h"
#include "storage/clinicdirectory.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class ReferralRepository;

// The referral form (转诊单), opened from her chart and prefilled from her record: where to
// (a clinic of the region, and the department or doctor when known), up or down, how urgent,
// why, the diagnosis, her grade and risk items as they stand, the clinical summary, and the
// items to send with it. "Save draft" keeps it to finish later; "Send" saves and sends it (at the
// next sync when the network is down). What is wrong is said on the form, and nothing typed is
// lost when sending is refused.
class ReferralDialog : public QDialog
{
    Q_OBJECT
public:
    struct Content
    {
        Referral referral; // a new draft (prefilled) or a saved one
        QString woman;
        QString riskLabel; // her grade as shown elsewhere ("橙色")
        QList<DirectoryClinic> clinics; // where she can be referred
        QList<ReferralAttachment> candidates; // what can go with it
        QList<ReferralAttachment> attached; // of a saved draft
        QString notice; // shown on the form as it opens (the region's clinics not known yet)
    };

    ReferralDialog(ReferralRepository &repository, Content content, QWidget *parent = nullptr);

    const Referral &referral() const { return m_content.referral; }
    bool wasSent() const { return m_sent; }

private:
    bool save();
    void send();
    void readForm();
    Result<void> saveAttachments();

    ReferralRepository &m_repository;
    Content m_content;
    bool m_sent = false;
    QComboBox *m_target;
    QLineEdit *m_department;
    QLineEdit *m_doctor;
    QComboBox *m_direction;
    QComboBox *m_kind; // a consultation's
    QComboBox *m_urgency;
    QPlainTextEdit *m_reason;
    QLineEdit *m_diagnosis;
    QPlainTextEdit *m_summary;
    QListWidget *m_attachments;
    QLabel *m_error;
};
