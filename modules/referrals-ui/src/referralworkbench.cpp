#include "referrals-ui/referralworkbench.h"

#include "ctg-records/ctgrecords.h"
#include "referrals-ui/referraldashboardpanel.h"
#include "referrals-ui/referraldialog.h"
#include "referrals-ui/referralfiguresdialog.h"
#include "referrals-ui/referralsview.h"
#include "referrals-ui/referralworklist.h"
#include "referrals/consultationreadings.h"
#include "referrals/referralpdf.h"
#include "referrals/referralrepository.h"
#include "referrals/referralsummary.h"
#include "referrals/responsetargets.h"
#include "storage/database.h"
#include "ultrasound-exams/ultrasoundreportrepository.h"

#include <QAction>
#include <QFileDialog>
#include <QLocale>
#include <QMainWindow>
#include <QMenu>
#include <QStatusBar>
#include <QTabWidget>

ReferralWorkbench::ReferralWorkbench(QMainWindow *window, QTabWidget *chartTabs, QMenu *fileMenu, const Database &database)
    : QObject(window)
    , m_window(window)
    , m_database(database)
    , m_repository(std::make_unique<ReferralRepository>(database))
    , m_readings(std::make_unique<ConsultationReadings>(*m_repository))
    , m_view(new ReferralsView(*m_repository, ClinicDirectory(database.connection()), chartTabs))
    , m_worklist(new ReferralWorklist(*m_repository, ClinicDirectory(database.connection())))
{
    chartTabs->addTab(m_view, tr("Referrals"));
    QAction *refer = fileMenu->addAction(tr("Re&fer her…"), this, &ReferralWorkbench::newReferral);
    refer->setObjectName(QStringLiteral("referAction"));
    refer->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    QAction *consult = fileMenu->addAction(tr("Ask for a c&onsultation…"), this, &ReferralWorkbench::newConsultation);
    consult->setObjectName(QStringLiteral("consultAction"));
    consult->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    connect(m_view, &ReferralsView::newReferralRequested, this, &ReferralWorkbench::newReferral);
    connect(m_view, &ReferralsView::newConsultationRequested, this, &ReferralWorkbench::newConsultation);
    connect(m_view, &ReferralsView::draftEditRequested, this, &ReferralWorkbench::editDraft);
    connect(m_view, &ReferralsView::pdfRequested, this, &ReferralWorkbench::exportPdf);
    connect(m_view, &ReferralsView::stepTaken, this, [this] {
        m_worklist->refresh();
        emit referralsChanged();
    });
    connect(m_view, &ReferralsView::problem, this, &ReferralWorkbench::problem);
    connect(m_view, &ReferralsView::attachmentOpenRequested, this, &ReferralWorkbench::attachmentOpenRequested);
    connect(m_view, &ReferralsView::readingOpenRequested, this, &ReferralWorkbench::readingOpenRequested);
    connect(m_worklist, &ReferralWorklist::problem, this, &ReferralWorkbench::problem);
    connect(m_worklist, &ReferralWorklist::openReferral, this, [this, chartTabs](const QUuid &patientId, const QUuid &referralId) {
        emit openPatient(patientId);
        chartTabs->setCurrentWidget(m_view);
        m_view->select(referralId);
    });
    m_worklist->refresh();
}

ReferralWorkbench::~ReferralWorkbench() = default;

void ReferralWorkbench::showChart(const PatientChart &chart, const QString &riskLevel, const QString &riskLabel,
    const QStringList &riskItems, const QDate &today)
{
    m_chart = chart;
    m_riskLevel = riskLevel;
    m_riskLabel = riskLabel;
    m_riskItems = riskItems;
    m_today = today;
    m_view->showPregnancy(chart.pregnancy ? chart.pregnancy->meta.id : QUuid(), chart.patient.name);
}

void ReferralWorkbench::clearChart()
{
    m_chart.reset();
    m_view->clear();
}

QString ReferralWorkbench::bannerNotice() const
{
    const ClinicNames directory = ClinicDirectory(m_database.connection()).names();
    for (const Referral &r : m_view->referrals()) {
        const auto timeline = m_repository->timelineOf(r);
        if (!timeline || timeline->status() == ReferralStatus::Draft || ReferralSteps::isFinal(timeline->status()))
            continue;
        // Short, for the banner's one line: the urgency only when it is not routine.
        QString status = ReferralSteps::label(timeline->status());
        if (r.urgency != ReferralUrgency::Routine)
            status = tr("%1, %2").arg(Referrals::label(r.urgency), status);
        if (r.purpose == ReferralPurpose::Consultation) {
            const bool asking = r.meta.clinicId == m_repository->clinicId();
            if (asking && timeline->status() == ReferralStatus::OutcomeReturned)
                status = tr("opinion not read yet");
            else if (ResponseTargets::fromSettings().isOverdue(r, *timeline, QDateTime::currentDateTimeUtc()))
                status = tr("%1, overdue").arg(status);
            return asking ? tr("Consultation asked of %1: %2").arg(directory.nameOf(r.targetClinic), status)
                          : tr("Consultation asked by %1: %2").arg(directory.nameOf(r.meta.clinicId), status);
        }
        return r.meta.clinicId == m_repository->clinicId()
            ? tr("Referred to %1: %2").arg(directory.nameOf(r.targetClinic), status)
            : tr("Referred from %1: %2").arg(directory.nameOf(r.meta.clinicId), status);
    }
    return {};
}

ReferralDashboardPanel *ReferralWorkbench::dashboardPanel(QWidget *parent)
{
    if (!m_dashboardPanel) {
        m_dashboardPanel = new ReferralDashboardPanel(*m_repository, ClinicDirectory(m_database.connection()), parent);
        m_dashboardPanel->setToday(m_today.isValid() ? m_today : QDate::currentDate());
        connect(m_dashboardPanel, &ReferralDashboardPanel::allFiguresRequested, this, &ReferralWorkbench::showFigures);
        connect(this, &ReferralWorkbench::referralsChanged, m_dashboardPanel, &ReferralDashboardPanel::refresh);
    }
    return m_dashboardPanel;
}

QString ReferralWorkbench::readingNoteForTrace(const QUuid &traceId) const
{
    return readingNote(m_readings->awaitingTrace(traceId));
}

QString ReferralWorkbench::readingNoteForStudy(const QString &studyInstanceUid) const
{
    return readingNote(m_readings->awaitingStudy(studyInstanceUid));
}

QString ReferralWorkbench::readingNote(const Result<std::optional<Referral>> &consultation) const
{
    if (!consultation || !*consultation)
        return {};
    const Referral &r = **consultation;
    const QString asker = ClinicDirectory(m_database.connection()).names().nameOf(r.meta.clinicId);
    return tr("%1 asked for this reading (%2): “%3”. Signing answers the consultation; the signed text is the opinion sent back.")
        .arg(asker, Referrals::label(r.urgency), r.reason);
}

void ReferralWorkbench::interpretationSigned(const CtgInterpretation &interpretation)
{
    answered(m_readings->answer(interpretation));
}

void ReferralWorkbench::ultrasoundReportSigned(const UltrasoundReport &report)
{
    answered(m_readings->answer(report));
}

void ReferralWorkbench::answered(const Result<std::optional<ReferralStep>> &step)
{
    if (!step) {
        emit problem(tr("The consultation could not be answered: %1").arg(step.error().message));
        return;
    }
    if (!*step)
        return;
    m_view->reload();
    m_worklist->refresh();
    m_window->statusBar()->showMessage(tr("Consultation answered: the signed reading goes back at the next sync."), 8000);
    emit referralsChanged();
}

QList<ReferralAttachment> ReferralWorkbench::attachmentCandidates() const
{
    QList<ReferralAttachment> candidates;
    if (!m_chart || !m_chart->pregnancy)
        return candidates;
    const QUuid pregnancyId = m_chart->pregnancy->meta.id;
    const QLocale locale;
    const auto candidate = [](ReferralAttachmentKind kind, const QString &ref, const QString &label) {
        ReferralAttachment a;
        a.kind = kind;
        a.itemRef = ref;
        a.label = label;
        return a;
    };
    candidates << candidate(ReferralAttachmentKind::CaseSummary, pregnancyId.toString(QUuid::WithoutBraces),
        tr("her high-risk case file as it stands"));
    if (const auto traces = CtgRecords(m_database).forPregnancy(pregnancyId)) {
        for (const CtgTraceRecord &trace : *traces)
            candidates << candidate(ReferralAttachmentKind::Ctg, trace.meta.id.toString(QUuid::WithoutBraces),
                tr("%1, %n min", nullptr, int(trace.durationSeconds / 60))
                    .arg(locale.toString(trace.recordedAt.toLocalTime(), QLocale::ShortFormat)));
    }
    if (const auto reports = UltrasoundReportRepository(m_database).forPregnancy(pregnancyId)) {
        for (const UltrasoundReport &report : *reports) {
            const QString date = locale.toString(report.examDate, QLocale::ShortFormat);
            candidates << candidate(ReferralAttachmentKind::UltrasoundReport, report.meta.id.toString(QUuid::WithoutBraces),
                report.impression.isEmpty() ? date : tr("%1: %2").arg(date, report.impression.left(60)));
            if (!report.studyInstanceUid.isEmpty())
                candidates << candidate(ReferralAttachmentKind::Study, report.studyInstanceUid, tr("images of %1").arg(date));
        }
    }
    for (const LabResult &lab : m_chart->labs)
        candidates << candidate(ReferralAttachmentKind::Lab, lab.meta.id.toString(QUuid::WithoutBraces),
            tr("%1 %2").arg(labTestLabel(lab.test), locale.toString(lab.takenOn, QLocale::ShortFormat)));
    return candidates;
}

Referral ReferralWorkbench::prefilledDraft(ReferralPurpose purpose) const
{
    Referral draft;
    draft.purpose = purpose;
    draft.pregnancyId = m_chart->pregnancy->meta.id;
    draft.riskColour = m_riskLevel;
    draft.riskItems = m_riskItems;
    draft.summary = ReferralSummary::of(*m_chart, m_today);
    draft.urgency = m_riskLevel == QLatin1String("red") ? ReferralUrgency::Urgent : ReferralUrgency::Routine;
    return draft;
}

void ReferralWorkbench::newReferral()
{
    if (!m_chart || !m_chart->pregnancy) {
        emit problem(tr("Open the chart of the woman to refer first."));
        return;
    }
    editDraft(prefilledDraft(ReferralPurpose::Referral));
}

void ReferralWorkbench::newConsultation()
{
    if (!m_chart || !m_chart->pregnancy) {
        emit problem(tr("Open the chart of the woman to ask about first."));
        return;
    }
    editDraft(prefilledDraft(ReferralPurpose::Consultation));
}

void ReferralWorkbench::editDraft(const Referral &referral)
{
    if (!m_chart)
        return;
    ReferralDialog::Content content;
    content.referral = referral;
    content.woman = m_chart->patient.name;
    content.riskLabel = m_riskLabel;
    content.candidates = attachmentCandidates();
    if (!referral.meta.id.isNull()) {
        if (const auto attached = m_repository->attachments(referral.meta.id))
            content.attached = *attached;
    }
    const auto clinics = ClinicDirectory(m_database.connection()).clinics();
    bool toCenter = false;
    for (const DirectoryClinic &clinic : clinics.value_or(QList<DirectoryClinic>())) {
        if (clinic.id != m_repository->clinicId())
            content.clinics << clinic;
        else
            toCenter = clinic.isCenter;
    }
    // From the center a referral goes back down to her clinic; from a clinic, up.
    if (referral.meta.id.isNull())
        content.referral.direction = toCenter ? ReferralDirection::Down : ReferralDirection::Up;
    if (content.clinics.isEmpty())
        content.notice = tr("The region's clinics are not known here yet: sign in to the regional center and sync once.");
    ReferralDialog dialog(*m_repository, content, m_window);
    dialog.exec();
    m_view->reload();
    m_worklist->refresh();
    emit referralsChanged();
}

void ReferralWorkbench::addFiguresAction(QMenu *menu)
{
    QAction *figures = menu->addAction(tr("Referral f&igures…"), this, &ReferralWorkbench::showFigures);
    figures->setObjectName(QStringLiteral("referralFiguresAction"));
}

void ReferralWorkbench::showFigures()
{
    ReferralFiguresDialog dialog(*m_repository, ClinicDirectory(m_database.connection()),
        m_today.isValid() ? m_today : QDate::currentDate(), m_window);
    dialog.exec();
}

void ReferralWorkbench::exportPdf(const Referral &referral, bool returnSlip)
{
    if (!m_chart)
        return;
    const auto timeline = m_repository->timelineOf(referral);
    const auto attachments = m_repository->attachments(referral.meta.id);
    if (!timeline || !attachments) {
        emit problem(!timeline ? timeline.error().message : attachments.error().message);
        return;
    }
    const ClinicNames directory = ClinicDirectory(m_database.connection()).names();
    ReferralPdf::Parties parties { m_chart->patient, directory.nameOf(referral.meta.clinicId),
        directory.nameOf(referral.targetClinic), m_riskLabel };
    const QString suggested = (returnSlip ? tr("return-slip-%1.pdf") : tr("referral-%1.pdf")).arg(m_chart->patient.name);
    const QString path = QFileDialog::getSaveFileName(m_window, returnSlip ? tr("Save the return slip") : tr("Save the referral form"),
        suggested, tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    const auto written = returnSlip ? ReferralPdf::writeReturnSlip(referral, *timeline, parties, path)
                                    : ReferralPdf::writeForm(referral, *attachments, *timeline, parties, path);
    if (!written) {
        emit problem(written.error().message);
        return;
    }
    m_window->statusBar()->showMessage(tr("Saved to %1").arg(path), 5000);
    emit exported(QStringLiteral("referral"), referral.meta.id, returnSlip ? QStringLiteral("return-slip-pdf") : QStringLiteral("referral-pdf"));
}

void ReferralWorkbench::recordsArrived()
{
    const auto acknowledged = m_repository->acknowledgeArrivals();
    if (!acknowledged)
        emit problem(acknowledged.error().message);
    m_view->reload();
    m_worklist->refresh();
    if (m_dashboardPanel)
        m_dashboardPanel->refresh();
    if (acknowledged && *acknowledged > 0)
        emit referralsChanged();
}
