#include "workstation-ui/referralitemviewers.h"

#include "ctg-records/ctgrecords.h"
#include "ctg-ui/ctgworkbench.h"
#include "dicom-viewer/ultrasoundworkbench.h"
#include "pacs-ui/pacsworkbench.h"
#include "pacs-ui/readingworklistpanel.h"
#include "referrals-ui/referralworkbench.h"

#include <QTabWidget>

ReferralItemViewers::ReferralItemViewers(const Viewers &viewers, const Database &database, QObject *parent)
    : QObject(parent)
    , m_viewers(viewers)
    , m_database(database)
{
    ReferralWorkbench *referrals = viewers.referrals;
    connect(referrals, &ReferralWorkbench::attachmentOpenRequested, this,
        [this](const Referral &, const ReferralAttachment &attachment) { openAttachment(attachment); });
    connect(referrals, &ReferralWorkbench::readingOpenRequested, this, &ReferralItemViewers::openReading);
    viewers.ctg->setReadingNote([referrals](const QUuid &traceId) { return referrals->readingNoteForTrace(traceId); });
    viewers.ultrasound->setReadingNote(
        [referrals](const QString &studyUid) { return referrals->readingNoteForStudy(studyUid); });
    connect(viewers.ctg, &CtgWorkbench::interpretationSigned, referrals, &ReferralWorkbench::interpretationSigned);
    connect(viewers.ultrasound, &UltrasoundWorkbench::reportSigned, referrals, &ReferralWorkbench::ultrasoundReportSigned);
}

void ReferralItemViewers::openAttachment(const ReferralAttachment &attachment)
{
    switch (attachment.kind) {
    case ReferralAttachmentKind::Ctg:
        m_viewers.ctg->openTrace(QUuid::fromString(attachment.itemRef));
        return;
    case ReferralAttachmentKind::Study:
        // The study is in the regional PACS; once retrieved it shows in the DICOM viewer, whose
        // Report… writes the report a reading consultation waits for.
        if (!m_viewers.pacs->worklist()->openStudy(attachment.itemRef))
            emit problem(tr("This study is in the regional PACS, and no PACS is set up here: Settings → PACS."));
        return;
    case ReferralAttachmentKind::UltrasoundReport:
        if (!m_viewers.ultrasound->openReport(QUuid::fromString(attachment.itemRef)))
            emit problem(tr("This ultrasound report is not in this workstation's records yet; it comes with the next sync."));
        return;
    case ReferralAttachmentKind::Lab:
        m_viewers.chartTabs->setCurrentWidget(m_viewers.labsTab);
        return;
    case ReferralAttachmentKind::CaseSummary:
        m_viewers.chartTabs->setCurrentWidget(m_viewers.caseTab);
        return;
    }
}

void ReferralItemViewers::openReading(const SignedReading &reading)
{
    const QString notYet = tr("The signed reading is not in this workstation's records yet; it comes with the next sync.");
    if (reading.kind == ReadingKind::UltrasoundReport) {
        if (!m_viewers.ultrasound->openReport(reading.recordId))
            emit problem(notYet);
        return;
    }
    if (reading.kind != ReadingKind::CtgInterpretation)
        return;
    const auto interpretation = CtgRecords(m_database).interpretation(reading.recordId);
    if (!interpretation)
        emit problem(interpretation.error().message);
    else if (!*interpretation)
        emit problem(notYet);
    else
        m_viewers.ctg->openTrace((*interpretation)->traceId);
}
