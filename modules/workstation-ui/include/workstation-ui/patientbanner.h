#pragma once

#include "storage/clinicrecords.h"

#include <QDate>
#include <QWidget>

class QLabel;
class RiskChip;

// The strip above every chart screen that says whose chart this is: name, age, G/P, gestational
// age today, EDD and the risk chip. Always visible so that no one records on the wrong woman.
class PatientBanner : public QWidget
{
    Q_OBJECT
public:
    explicit PatientBanner(QWidget *parent = nullptr);
    void showChart(const PatientChart &chart, const QString &riskLevel, bool purple, const QDate &today);
    void clear();
    void setPendingProposal(bool pending);
    void setReportingAlert(const QString &text); // empty hides it
    // A FIGO pathological / NICHD category III fetal heart trace; empty hides it.
    void setCtgAlert(const QString &text);
    QString ctgAlert() const;
    // Her open referral (to or from this clinic) and where it stands; empty hides it.
    void setReferralNotice(const QString &text);
    QString referralNotice() const;
    QString summaryText() const; // the banner's text, for tests and accessibility

private:
    QLabel *m_name;
    QLabel *m_details;
    RiskChip *m_chip;
    QLabel *m_pending;
    QLabel *m_reporting;
    QLabel *m_ctg;
    QLabel *m_referral;
};
