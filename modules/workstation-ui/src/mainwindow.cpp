#include "workstation-ui/mainwindow.h"

#include "audit-ui/auditsearchdialog.h"
#include "audit/auditlog.h"

#include "pacs-ui/pacsworkbench.h"
#include "pacs-ui/readingworklistmodel.h"
#include "pacs-ui/readingworklistpanel.h"
#include "dicom-viewer/ultrasoundexamsview.h"
#include "dicom-viewer/ultrasoundworkbench.h"

#include "cases-ui/casefileview.h"
#include "cases-ui/casesworkbench.h"
#include "grading/gradingservice.h"
#include "i18n/translations.h"
#include "risk/activerules.h"
#include "storage/clinicdirectory.h"
#include "storage/clinicrecords.h"
#include "storage/database.h"
#include "storage/draftstore.h"
#include "storage/patientsearch.h"
#include "storage/recordowner.h"
#include "sync-ui/syncworkbench.h"
#include "sync/backgroundsync.h"
#include "ui-common/proportionalsplitter.h"
#include "ui-common/screenfit.h"
#include "workstation-ui/patientchartview.h"
#include "workstation-ui/patientlistmodel.h"
#include "workstation-ui/referralitemviewers.h"
#include "workstation-ui/registrationdialog.h"
#include "workstation-ui/riskchip.h"
#include "workstation-ui/riskchipdelegate.h"
#include "workstation-ui/worklistpanel.h"
#include "workstation-ui/casesummarypdf.h"
#include "workstation-ui/handoutexport.h"
#include "cases/highriskregister.h"
#include "ctg-ui/ctgtracesview.h"
#include "ctg-ui/ctgworkbench.h"
#include "referrals-ui/referraldashboardpanel.h"
#include "referrals-ui/referralworkbench.h"
#include "referrals-ui/referralworklist.h"
#include "workstation-ui/patientbanner.h"
#include "workstation-ui/riskpanel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QHBoxLayout>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonArray>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace {
// Down arrow in the search field moves into the list; Enter opens the first match.
class SearchKeys : public QObject
{
public:
    SearchKeys(QTableView *table, QObject *parent) : QObject(parent), m_table(table) {}

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::KeyPress && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Down
            && m_table->model()->rowCount() > 0) {
            m_table->setFocus();
            m_table->selectRow(0);
            return true;
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QTableView *m_table;
};
} // namespace

MainWindow::MainWindow(Database &database, const QDate &today, QWidget *parent)
    : QMainWindow(parent), m_database(database), m_today(today),
      m_searchLogic(std::make_unique<PatientSearch>(database)), m_records(std::make_unique<ClinicRecords>(database)),
      m_drafts(std::make_unique<DraftStore>(database)),
      m_cases(std::make_unique<CaseManagement>(database, CaseSettings::defaults())),
      m_grading(std::make_unique<GradingService>(database, ActiveRules::installed().rules(), *m_cases,
                                                 ActiveRules::installed().screeningForm())),
      m_listModel(new PatientListModel(*m_searchLogic, this)),
      m_search(new QLineEdit(this)), m_count(new QLabel(this)), m_table(new QTableView(this)),
      m_chartView(new PatientChartView(*m_records, *m_drafts, *m_grading, database.identity().author, this)),
      m_splitter(new ProportionalSplitter(Qt::Horizontal, this)), m_navigation(new QTabWidget(this)), m_worklists(new WorklistPanel(database, *m_cases, this)),
      m_worklistTabs(new QTabWidget(this))
{
    setWindowTitle(tr("ObsLink — antenatal care"));
    m_chartView->setToday(today);
    m_search->setObjectName(QStringLiteral("patientSearch"));
    m_search->setPlaceholderText(tr("Search: name (Chinese or pinyin: zyj, zhang yajing), ID number, phone (or its last digits), record number — Ctrl+F"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(new SearchKeys(m_table, this));
    connect(m_search, &QLineEdit::textChanged, m_listModel, &PatientListModel::setSearchText);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        if (m_listModel->rowCount() > 0) {
            m_table->selectRow(0);
            openSelectedPatient();
        }
    });

    m_table->setObjectName(QStringLiteral("patientTable"));
    m_table->setModel(m_listModel);
    m_table->setItemDelegateForColumn(PatientListModel::Risk,
                                      new RiskChipDelegate(PatientListModel::RiskLevelRole,
                                                           PatientListModel::RiskPurpleRole, this));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    connect(m_table, &QTableView::activated, this, &MainWindow::openSelectedPatient);
    connect(m_listModel, &PatientListModel::refreshed, this, &MainWindow::updateCount);

    // Filter the list by risk color: each entry shows the same chip as the list.
    auto *riskFilter = new QComboBox(this);
    riskFilter->setObjectName(QStringLiteral("riskFilter"));
    riskFilter->setToolTip(tr("Show only women of one risk color"));
    riskFilter->addItem(tr("All risk levels"), QString());
    for (const char *level : {"red", "orange", "yellow", "green"})
        riskFilter->addItem(RiskAppearance::label(QString::fromLatin1(level)), QString::fromLatin1(level));
    riskFilter->addItem(RiskAppearance::purpleLabel(), QStringLiteral("purple"));
    riskFilter->addItem(RiskAppearance::label(QString()), QStringLiteral("ungraded"));
    connect(riskFilter, &QComboBox::currentIndexChanged, this,
            [this, riskFilter](int) { m_listModel->setRiskFilter(riskFilter->currentData().toString()); });
    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(riskFilter);

    auto *listPanel = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listPanel);
    listLayout->setContentsMargins(6, 6, 6, 6);
    listLayout->addLayout(searchRow);
    listLayout->addWidget(m_count);
    listLayout->addWidget(m_table, 1);

    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    // One click from the patient list to the nurse's worklists; the tab shows what needs her.
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->addTab(listPanel, tr("Women"));
    m_worklistTabs->setObjectName(QStringLiteral("worklistTabs"));
    m_worklistTabs->setDocumentMode(true);
    m_worklistTabs->addTab(m_worklists, tr("Follow-up"));
    m_navigation->addTab(m_worklistTabs, tr("Worklists"));
    connect(m_worklists, &WorklistPanel::countsChanged, this, [this](int attention) {
        m_followUpAttention = attention;
        updateWorklistCount();
    });
    connect(m_worklists, &WorklistPanel::openPatient, this, &MainWindow::openPatient);
    connect(m_worklists, &WorklistPanel::problem, this, &MainWindow::showProblem);
    connect(m_chartView, &PatientChartView::recordChanged, m_worklists, &WorklistPanel::refresh);
    m_splitter->addWidget(m_navigation);
    m_splitter->addWidget(m_chartView);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    setCentralWidget(m_splitter);
    connect(m_chartView, &PatientChartView::recordChanged, m_listModel, &PatientListModel::refresh);
    connect(m_chartView, &PatientChartView::problem, this, &MainWindow::showProblem);

    buildActions();
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray()))
        ScreenFit::resize(this, QSize(1400, 860)); // first run: as large as a clinic screen allows
    if (!m_splitter->restoreShares(settings.value(QStringLiteral("mainWindow/splitter")).toByteArray()))
        m_splitter->setShares({0.44, 0.56});
    m_table->horizontalHeader()->restoreState(settings.value(QStringLiteral("mainWindow/listHeader")).toByteArray());
    // The reading worklist's dock where she left it (docked below, floating or closed).
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());

    m_listModel->setToday(today); // loads the list
    m_worklists->setToday(today);
    m_table->resizeColumnsToContents();
    // The risk column is never narrower than its widest chip (orange beside purple): a clipped
    // "Yell" reads as nothing.
    const int riskWidth
        = RiskAppearance::chipSizeHint(m_table->fontMetrics(), QStringLiteral("orange"), true, true).width()
        + 8;
    if (m_table->horizontalHeader()->sectionSize(PatientListModel::Risk) < riskWidth)
        m_table->horizontalHeader()->resizeSection(PatientListModel::Risk, riskWidth);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *registerAction = file->addAction(tr("&Register a pregnancy…"), this, &MainWindow::registerPregnancy);
    registerAction->setShortcut(QKeySequence::New);
    QAction *visitAction = file->addAction(tr("New &visit…"), m_chartView, &PatientChartView::addVisit);
    visitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    file->addSeparator();
    file->addAction(tr("Export monthly high-risk &register…"), this, &MainWindow::exportRegister);
    file->addAction(tr("Case &summary (PDF)…"), this, &MainWindow::exportCaseSummary);
    file->addSeparator();
    // File → Open DICOM…, the chart's Ultrasound tab and the viewer, linked to the open pregnancy.
    m_ultrasound = new UltrasoundWorkbench(this, file, m_database);
    m_chartView->tabs()->addTab(m_ultrasound->examsView(), tr("Ultrasound"));
    connect(m_ultrasound->examsView(), &UltrasoundExamsView::problem, this, &MainWindow::showProblem);
    // A saved exam or a new EDD: the banner, the list and the worklists show it at once.
    connect(m_ultrasound, &UltrasoundWorkbench::recordChanged, this, &MainWindow::reloadRecords);
    connect(m_ultrasound, &UltrasoundWorkbench::growthFindingsChanged, this, &MainWindow::showGradingEvidence);
    // The chart's CTG tab: a pathological trace raises the banner's alert and is listed for the
    // grading as soon as it is imported.
    m_ctg = new CtgWorkbench(this, m_database, m_database.identity().author);
    m_chartView->tabs()->addTab(m_ctg->tracesView(), tr("CTG"));
    QAction *importCtg = file->addAction(tr("Import a CTG &trace…"), m_ctg, &CtgWorkbench::chooseFile);
    importCtg->setObjectName(QStringLiteral("importCtgAction"));
    connect(m_ctg, &CtgWorkbench::tracesChanged, this, &MainWindow::showCtgFindings);
    connect(m_ctg, &CtgWorkbench::problem, this, &MainWindow::showProblem);
    // What leaves the workstation, on paper or as a file, is in the audit trail (PIPL).
    const auto exported = [this](const QString &table, const QUuid &recordId, const QString &what) {
        auditDisclosure(AuditAction::Exported, table, recordId, what);
    };
    connect(m_ctg, &CtgWorkbench::exported, this, exported);
    connect(m_ultrasound, &UltrasoundWorkbench::exported, this, exported);
    connect(m_chartView->handouts(), &HandoutExport::exported, this, exported);
    connect(m_chartView->handouts(), &HandoutExport::printed, this, [this](const QString &table, const QUuid &recordId, const QString &what) {
        auditDisclosure(AuditAction::Printed, table, recordId, what);
    });

    // The chart's Referrals tab, File → Refer her… and the Worklists tab's referral lists.
    m_referrals = new ReferralWorkbench(this, m_chartView->tabs(), file, m_database);
    m_worklistTabs->addTab(m_referrals->worklist(), tr("Referrals"));
    connect(m_referrals->worklist(), &ReferralWorklist::countsChanged, this, [this](int waiting) {
        m_referralsWaiting = waiting;
        updateWorklistCount();
    });
    connect(m_referrals, &ReferralWorkbench::openPatient, this, &MainWindow::openPatient);
    connect(m_referrals, &ReferralWorkbench::problem, this, &MainWindow::showProblem);
    connect(m_referrals, &ReferralWorkbench::exported, this, exported);
    connect(m_referrals, &ReferralWorkbench::referralsChanged, this,
            [this] { m_chartView->banner()->setReferralNotice(m_referrals->bannerNotice()); });

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *find = view->addAction(tr("&Find a woman"), this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    find->setShortcut(QKeySequence::Find);
    QAction *refresh = view->addAction(tr("&Refresh list"), m_listModel, &PatientListModel::refresh);
    refresh->setShortcut(QKeySequence::Refresh);
    m_referrals->addFiguresAction(view);
    // The chart's Case management tab and View → Dashboard (also on the Cases toolbar).
    m_casesWorkbench = new CasesWorkbench(this, m_chartView->tabs(), view, m_database, *m_cases, m_today, &RiskAppearance::color);
    connect(m_casesWorkbench, &CasesWorkbench::openPatient, this, &MainWindow::openPatient);
    m_casesWorkbench->setDashboardPanel([this](QWidget *dashboard) { return m_referrals->dashboardPanel(dashboard); });
    connect(m_casesWorkbench, &CasesWorkbench::caseChanged, this, &MainWindow::reloadRecords);
    connect(m_casesWorkbench, &CasesWorkbench::problem, this, &MainWindow::showProblem);
    connect(m_chartView, &PatientChartView::recordChanged, m_casesWorkbench->caseFileView(), &CaseFileView::reload);
    // A contact recorded from a worklist shows at once in her open case page.
    connect(m_worklists, &WorklistPanel::countsChanged, m_casesWorkbench->caseFileView(), &CaseFileView::reload);

    QMenu *reading = menuBar()->addMenu(tr("&Reading"));
    QMenu *settingsMenu = menuBar()->addMenu(tr("&Settings"));
    settingsMenu->addAction(tr("&Language…"), this, &MainWindow::chooseLanguage);
    m_pacs = new PacsWorkbench(this, reading, settingsMenu);
    m_pacs->setStudyOpener([this](const StudySummary &, const QStringList &files) { m_ultrasound->openFiles(files); });
    connect(m_pacs, &PacsWorkbench::chartRequested, this, [this](const StudySummary &study) {
        // A study's Patient ID is the woman's national ID number (docs/dicom.md).
        const auto found = m_searchLogic->find(study.patientId, PatientSort::Name, Qt::AscendingOrder, 20);
        const auto woman = found ? std::find_if(found->begin(), found->end(), [&](const PatientListRow &row) {
            return !study.patientId.isEmpty() && row.nationalId.compare(study.patientId, Qt::CaseInsensitive) == 0;
        }) : QList<PatientListRow>::const_iterator{};
        if (found && woman != found->end())
            openPatient(woman->patientId);
        else
            showProblem(tr("No woman with the ID number %1 is in this clinic's records.").arg(study.patientId));
    });

    // Reading → Report…: her chart, then the study's report; the worklist marks signed ones.
    connect(m_pacs->worklist(), &ReadingWorklistPanel::reportRequested, this, [this](const StudySummary &study) {
        emit m_pacs->chartRequested(study);
        if (!m_ultrasound->openReportForStudy(study.studyInstanceUid, study.studyDate, study.patientId, study.description))
            showProblem(tr("Open the chart of the woman this study belongs to before writing its report."));
    });
    const auto markReported = [this] { m_pacs->worklist()->model()->setReported(m_ultrasound->reportedStudies()); };
    connect(m_ultrasound, &UltrasoundWorkbench::reportsChanged, this, markReported);
    connect(m_pacs->worklist(), &ReadingWorklistPanel::refreshed, this, markReported);
    // A referral's attachments open in these viewers; a reading signed there answers the
    // consultation that asked for it.
    auto *itemViewers = new ReferralItemViewers({ m_referrals, m_ctg, m_ultrasound, m_pacs, m_chartView->tabs(),
                                                    m_chartView->labsTab(), m_casesWorkbench->caseFileView() },
        m_database, this);
    connect(itemViewers, &ReferralItemViewers::problem, this, &MainWindow::showProblem);

    // Background sync with the regional center: status-bar indicator, Sync now, conflicts.
    file->addSeparator();
    m_sync = new SyncWorkbench(this, file, settingsMenu, m_database);
    connect(m_sync, &SyncWorkbench::recordsChanged, this, &MainWindow::reloadRecords);
    // Referrals that sync brings here are acknowledged at once; a step taken here goes at once.
    connect(m_sync, &SyncWorkbench::recordsChanged, m_referrals, &ReferralWorkbench::recordsArrived);
    connect(m_referrals, &ReferralWorkbench::referralsChanged, m_sync->sync(), &BackgroundSync::syncNow);
    // A trace pulled from the center is read here once its samples are: opened, they are asked
    // for at once; each round also brings missing ones, and an open viewer shows them.
    m_ctg->setSampleRequest(
        [sync = m_sync->sync()](const QString &sha256) { sync->fetchAttachment(sha256); });
    connect(m_sync->sync(), &BackgroundSync::attachmentFetched, m_ctg, &CtgWorkbench::samplesStored);
    connect(m_sync->sync(), &BackgroundSync::attachmentFailed, m_ctg, &CtgWorkbench::samplesNotFetched);
    // An administrator's search of the region's audit trail, at the center.
    QAction *auditAction = settingsMenu->addAction(tr("&Audit trail of the region…"), this, &MainWindow::showAuditSearch);
    auditAction->setObjectName(QStringLiteral("auditSearchAction"));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About ObsLink"), this, [this] {
        QMessageBox::about(this, tr("About ObsLink"),
                           tr("ObsLink %1 — antenatal care and high-risk pregnancy management for a regional "
                              "maternal-health network.\nDatabase: %2")
                               .arg(QApplication::applicationVersion(), m_database.path()));
    });
}

void MainWindow::reloadRecords()
{
    if (const auto &chart = m_chartView->chart())
        openPatient(chart->patient.meta.id);
    m_listModel->refresh();
    m_worklists->refresh();
}

void MainWindow::updateCount()
{
    const int shown = m_listModel->rowCount();
    QString text = m_search->text().trimmed().isEmpty()
                       ? tr("%Ln woman(en) on record; ", nullptr, m_listModel->totalPatients())
                             + tr("showing the %Ln most recently updated.", nullptr, shown)
                       : tr("%n match(es)", nullptr, shown);
    if (m_listModel->isTruncated() && !m_search->text().trimmed().isEmpty())
        text += QLatin1Char(' ') + tr("Type more to narrow the list.");
    if (!m_listModel->lastError().isEmpty())
        text = m_listModel->lastError();
    m_count->setText(text);
    statusBar()->showMessage(tr("%Ln woman(en) on record", nullptr, m_listModel->totalPatients()));
}

void MainWindow::registerPregnancy()
{
    RegistrationDialog dialog(*m_records, *m_drafts, m_today, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    // A second record of one woman is registered on purpose only, and the trail says why.
    if (!dialog.duplicateReason().isEmpty())
        audit(AuditAction::RecordEdited, dialog.savedPatientId().toString(QUuid::WithoutBraces),
            { { QStringLiteral("what"), QStringLiteral("registered-despite-possible-duplicate") },
                { QStringLiteral("reason"), dialog.duplicateReason() },
                { QStringLiteral("similarTo"), QJsonArray::fromStringList(dialog.similarRecords()) } });
    m_listModel->refresh();
    openPatient(dialog.savedPatientId());
}

void MainWindow::openSelectedPatient()
{
    const QModelIndex current = m_table->currentIndex();
    const PatientListRow *row = m_listModel->rowAt(current.isValid() ? current.row() : 0);
    if (row)
        openPatient(row->patientId);
}

bool MainWindow::openPatient(const QUuid &patientId)
{
    const bool opened = m_chartView->openChart(patientId);
    if (opened) {
        // Opening counts as viewing (PIPL): the audit keeps it whatever the chart is used for.
        audit(AuditAction::ChartOpened, patientId.toString(QUuid::WithoutBraces));
        const auto &chart = m_chartView->chart();
        m_ultrasound->setPregnancy(
            chart->pregnancy ? chart->pregnancy->meta.id : QUuid(), chart->patient.name, chart->patient.nationalId);
        const auto grade = GradingService::currentGrade(*chart);
        m_casesWorkbench->showPregnancy(chart->pregnancy ? chart->pregnancy->meta.id : QUuid(), chart->patient.name,
                                        grade ? grade->level : QString(), grade && grade->purple);
        m_ctg->setPregnancy(chart->pregnancy, chart->patient.name + QLatin1Char(' ') + chart->patient.nationalId);
        showCtgFindings();
        showReferrals();
        const int row = m_listModel->rowOfPatient(patientId);
        if (row >= 0)
            m_table->selectRow(row);
    }
    return opened;
}

void MainWindow::showReferrals()
{
    const auto &chart = m_chartView->chart();
    if (!chart)
        return;
    const auto grade = GradingService::currentGrade(*chart);
    QString label;
    QStringList items;
    if (grade) {
        label = RiskAppearance::label(grade->level) + (grade->purple ? QStringLiteral(" + ") + RiskAppearance::purpleLabel() : QString());
        if (const auto assessment = m_grading->assess(*chart, m_today)) {
            for (const FiredRule &fired : assessment->fired)
                items << fired.rule->label.forLanguage(QLocale().name());
        }
    }
    m_referrals->showChart(*chart, grade ? grade->level : QString(), label, items, m_today);
    m_chartView->banner()->setReferralNotice(m_referrals->bannerNotice());
}

void MainWindow::updateWorklistCount()
{
    m_navigation->setTabText(1, tr("Worklists (%1)").arg(m_followUpAttention + m_referralsWaiting));
    m_worklistTabs->setTabText(0, tr("Follow-up (%1)").arg(m_followUpAttention));
    m_worklistTabs->setTabText(1, tr("Referrals (%1)").arg(m_referralsWaiting));
}

void MainWindow::showCtgFindings()
{
    m_chartView->banner()->setCtgAlert(m_ctg->bannerAlert());
    showGradingEvidence();
}

void MainWindow::showGradingEvidence()
{
    // What other records offer the risk grading to weigh: pathological fetal heart traces and
    // the newest scan's growth findings. Neither changes the grade by itself.
    if (!m_ctg || !m_ultrasound)
        return;
    QList<RiskPanel::OtherEvidence> evidence;
    for (const CtgWorkbench::Evidence &e : m_ctg->gradingEvidence())
        evidence.append({ e.item, e.evidence });
    for (const UltrasoundWorkbench::Evidence &e : m_ultrasound->gradingEvidence())
        evidence.append({ e.item, e.evidence });
    m_chartView->riskPanel()->setOtherEvidence(evidence);
}

void MainWindow::audit(AuditAction action, const QString &patientId, const QJsonObject &detail)
{
    // A trail that cannot be written is said, never silently skipped.
    if (const auto recorded = AuditLog(m_database).record(action, patientId, detail); !recorded)
        showProblem(tr("The audit trail could not be written: %1").arg(recorded.error().message));
}

void MainWindow::auditDisclosure(AuditAction action, const QString &table, const QUuid &recordId, const QString &what)
{
    const QString id = recordId.toString(QUuid::WithoutBraces);
    const auto patientId = RecordOwner(m_database.connection()).patientOf(table, id);
    if (!patientId) {
        showProblem(tr("The audit trail could not be written: %1").arg(patientId.error().message));
        return;
    }
    audit(action, *patientId, { { QStringLiteral("what"), what }, { QStringLiteral("table"), table }, { QStringLiteral("record"), id } });
}

AuditSearchDialog *MainWindow::showAuditSearch()
{
    const ClinicNames names = ClinicDirectory(m_database.connection()).names();
    auto *dialog = new AuditSearchDialog(*m_sync->sync(), [names](const QString &id) { return names.nameOf(id); },
        names.nameOf(m_database.identity().clinicId), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (const auto &chart = m_chartView->chart())
        dialog->setWoman(chart->patient.meta.id.toString(QUuid::WithoutBraces), chart->patient.name);
    connect(dialog, &AuditSearchDialog::reportWritten, this, [this](const QString &, const QString &patientId) {
        audit(AuditAction::Exported, patientId, { { QStringLiteral("what"), QStringLiteral("access-report-pdf") } });
    });
    dialog->show();
    return dialog;
}

void MainWindow::exportRegister()
{
    const QDate lastMonth = m_today.addMonths(-1);
    bool ok = false;
    const QString month = QInputDialog::getText(this, tr("High-risk register"), tr("Month (YYYY-MM):"), QLineEdit::Normal,
                                                lastMonth.toString(QStringLiteral("yyyy-MM")), &ok);
    if (!ok)
        return;
    const QDate first = QDate::fromString(month + QStringLiteral("-01"), Qt::ISODate);
    if (!first.isValid()) {
        showProblem(tr("%1 is not a month written YYYY-MM.").arg(month));
        return;
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the register"),
                                                      tr("high-risk-register-%1.csv").arg(month), tr("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    auto csv = HighRiskRegister::monthlyCsv(m_database, first.year(), first.month());
    QFile file(path);
    if (!csv || !file.open(QIODevice::WriteOnly) || file.write(*csv) != csv->size()) {
        showProblem(csv ? tr("Cannot write %1.").arg(path) : csv.error().message);
        return;
    }
    audit(AuditAction::Exported, {}, {{QStringLiteral("what"), QStringLiteral("high-risk-register-csv")}, {QStringLiteral("month"), first.toString(QStringLiteral("yyyy-MM"))}});
    statusBar()->showMessage(tr("Register saved to %1").arg(path), 5000);
}

void MainWindow::exportCaseSummary()
{
    const auto &chart = m_chartView->chart();
    if (!chart || !chart->pregnancy) {
        showProblem(tr("Open the chart of a woman with a case file first."));
        return;
    }
    auto caseFile = m_cases->repository().currentForPregnancy(chart->pregnancy->meta.id);
    if (!caseFile || !*caseFile) {
        showProblem(tr("This pregnancy has no case file."));
        return;
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the case summary"),
                                                      tr("case-summary-%1.pdf").arg(chart->patient.recordNumber), tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    auto contacts = m_cases->repository().contacts((*caseFile)->meta.id);
    if (auto written = CaseSummaryPdf::write(path, *chart, **caseFile, contacts.value_or(QList<FollowUpContact>{})); !written) {
        showProblem(written.error().message);
        return;
    }
    audit(AuditAction::Exported, chart->patient.meta.id.toString(QUuid::WithoutBraces), {{QStringLiteral("what"), QStringLiteral("case-summary-pdf")}});
    statusBar()->showMessage(tr("Case summary saved to %1").arg(path), 5000);
}

void MainWindow::showProblem(const QString &message)
{
    QMessageBox::warning(this, tr("ObsLink"), message);
}

void MainWindow::chooseLanguage()
{
    const QStringList codes{QString(), QStringLiteral("zh_CN"), QStringLiteral("en")};
    const QStringList names{tr("Follow the system"), QStringLiteral("中文（简体）"), QStringLiteral("English")};
    QSettings settings;
    const int current = std::max(0, static_cast<int>(codes.indexOf(settings.value(QStringLiteral("ui/language")).toString())));
    bool ok = false;
    const QString chosen = QInputDialog::getItem(this, tr("Language"), tr("Language of the workstation:"), names,
                                                 current, false, &ok);
    if (!ok)
        return;
    settings.setValue(QStringLiteral("ui/language"), codes.value(names.indexOf(chosen)));
    const auto answer = QMessageBox::question(this, tr("Language"),
                                              tr("The new language is used from the next start. Restart ObsLink now? "
                                                 "Unsaved forms are kept as drafts."));
    if (answer == QMessageBox::Yes) {
        close();
        QProcess::startDetached(QApplication::applicationFilePath(), QApplication::arguments().mid(1));
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/splitter"), m_splitter->saveShares());
    settings.setValue(QStringLiteral("mainWindow/listHeader"), m_table->horizontalHeader()->saveState());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    event->accept();
}
