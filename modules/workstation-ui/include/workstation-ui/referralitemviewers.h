#pragma once

#include "referrals/referral.h"
#include "referrals/referralstep.h"

#include <QObject>

class CtgWorkbench;
class Database;
class PacsWorkbench;
class QTabWidget;
class QWidget;
class ReferralWorkbench;
class UltrasoundWorkbench;

// What a referral or consultation carries, opened from the chart's Referrals tab in the viewer
// each item has: a trace in the CTG viewer, a study retrieved from the regional PACS into the
// DICOM viewer, an ultrasound report in its form, her labs and her case file in their chart
// tabs; and the signed reading a consultation's opinion names. It also hands what is signed in
// the CTG viewer and the report form to the referral workbench, which answers the reading
// consultation awaiting it, and gives those viewers the note that says signing will.
class ReferralItemViewers : public QObject
{
    Q_OBJECT
public:
    struct Viewers
    {
        ReferralWorkbench *referrals;
        CtgWorkbench *ctg;
        UltrasoundWorkbench *ultrasound;
        PacsWorkbench *pacs;
        QTabWidget *chartTabs;
        QWidget *labsTab;
        QWidget *caseTab;
    };
    ReferralItemViewers(const Viewers &viewers, const Database &database, QObject *parent);

    void openAttachment(const ReferralAttachment &attachment);
    void openReading(const SignedReading &reading);

signals:
    void problem(const QString &message);

private:
    Viewers m_viewers;
    const Database &m_database;
};
