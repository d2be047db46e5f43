#include "workstation-ui/patientchartview.h"

#include "grading/gradingservice.h"
#include "workstation-ui/handoutexport.h"
#include "workstation-ui/patientbanner.h"
#include "workstation-ui/riskpanel.h"
#include "workstation-ui/trendcharts.h"
#include "workstation-ui/visitdialog.h"
#include "workstation-ui/visithistorymodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLocale>
#include <QPushButton>
#include <QShortcut>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

PatientChartView::PatientChartView(ClinicRecords &records, DraftStore &drafts, GradingService &grading,
                                   const QString &clinician, QWidget *parent)
    : QWidget(parent), m_records(records), m_drafts(drafts), m_grading(grading), m_today(QDate::currentDate()),
      m_banner(new PatientBanner(this)), m_addVisit(new QPushButton(tr("New &visit…"), this)),
      m_print(new QPushButton(tr("&Handouts"), this)), m_handouts(new HandoutExport(this)),
      m_tabs(new QTabWidget(this)), m_visitModel(new VisitHistoryModel(this)), m_visitTable(new QTableView(this)),
      m_trends(new TrendCharts(this)), m_labTable(new QTableView(this)), m_riskPanel(new RiskPanel(grading, clinician, this))
{
    m_addVisit->setToolTip(tr("Record an antenatal visit (Ctrl+Shift+V)"));
    m_addVisit->setEnabled(false);
    connect(m_addVisit, &QPushButton::clicked, this, &PatientChartView::addVisit);
    // What she takes home: her visit slip and antenatal record, as PDF or printed.
    m_print->setObjectName(QStringLiteral("handouts"));
    m_print->setToolTip(tr("Print or export her visit slip and antenatal record"));
    m_print->setMenu(m_handouts->menu());
    m_print->setEnabled(false);
    connect(m_handouts, &HandoutExport::problem, this, &PatientChartView::problem);

    m_visitTable->setModel(m_visitModel);
    m_visitTable->setObjectName(QStringLiteral("visitTable"));
    m_visitTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_visitTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_visitTable->horizontalHeader()->setStretchLastSection(true);
    m_visitTable->verticalHeader()->hide();
    m_labTable->setModel(new QStandardItemModel(this));
    m_labTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_labTable->horizontalHeader()->setStretchLastSection(true);
    m_labTable->verticalHeader()->hide();
    m_tabs->addTab(m_visitTable, tr("Visits"));
    m_tabs->addTab(m_trends, tr("Trends"));
    m_tabs->addTab(m_labTable, tr("Labs"));
    m_tabs->addTab(m_riskPanel, tr("Risk"));
    connect(m_riskPanel, &RiskPanel::problem, this, &PatientChartView::problem);
    connect(m_riskPanel, &RiskPanel::gradingChanged, this, [this] {
        if (!m_chart)
            return;
        const QUuid id = m_chart->patient.meta.id;
        openChart(id);
        emit recordChanged(id);
    });
    // Alt+1 … Alt+3 switch the chart's pages from anywhere in the window.
    for (int page = 0; page < m_tabs->count(); ++page) {
        auto *shortcut = new QShortcut(QKeySequence(Qt::ALT | (Qt::Key_1 + page)), this);
        shortcut->setContext(Qt::WindowShortcut);
        connect(shortcut, &QShortcut::activated, this, [this, page] { m_tabs->setCurrentIndex(page); });
        m_tabs->setTabToolTip(page, tr("Alt+%1").arg(page + 1));
    }

    auto *actions = new QHBoxLayout;
    actions->addWidget(m_addVisit);
    actions->addWidget(m_print);
    actions->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_banner);
    layout->addLayout(actions);
    layout->addWidget(m_tabs, 1);
}

bool PatientChartView::openChart(const QUuid &patientId)
{
    auto loaded = m_records.loadChart(patientId);
    if (!loaded || !*loaded) {
        emit problem(loaded ? tr("This woman's record no longer exists.") : loaded.error().message);
        return false;
    }
    m_chart = **loaded;
    regrade();
    const auto grade = GradingService::currentGrade(*m_chart);
    m_banner->showChart(*m_chart, grade ? grade->level : QString(), grade && grade->purple, m_today);
    m_banner->setPendingProposal(GradingService::pendingProposal(*m_chart).has_value());
    m_banner->setReportingAlert(reportingAlert());
    m_riskPanel->showChart(*m_chart, m_today);
    m_visitModel->setVisits(m_chart->visits);
    m_visitTable->resizeColumnsToContents();
    m_trends->showChart(*m_chart);
    showLabs();
    m_addVisit->setEnabled(m_chart->pregnancy && m_chart->pregnancy->status == PregnancyStatus::Booked);
    m_handouts->setChart(*m_chart, grade ? grade->level : QString(), grade && grade->purple, m_today);
    m_print->setEnabled(m_chart->pregnancy.has_value());
    return true;
}

// New data may call for another grade: the engine proposes, the chart shows the proposal until
// a clinician decides (RiskPanel). Nothing changes the decided grade by itself.
void PatientChartView::regrade()
{
    if (!m_chart || !m_chart->pregnancy || m_chart->pregnancy->status != PregnancyStatus::Booked)
        return;
    auto proposal = m_grading.regrade(*m_chart, m_today);
    if (!proposal) {
        emit problem(proposal.error().message);
        return;
    }
    if (auto reloaded = m_records.loadChart(m_chart->patient.meta.id); reloaded && *reloaded)
        m_chart = **reloaded;
}

// An orange, red or purple grade starts the clock for reporting to the district maternal and
// child health institution; until it is reported the banner says by when.
QString PatientChartView::reportingAlert() const
{
    if (!m_chart || !m_chart->pregnancy)
        return {};
    const auto caseFile = m_grading.cases().repository().currentForPregnancy(m_chart->pregnancy->meta.id);
    if (!caseFile || !*caseFile)
        return {};
    const CaseFile &c = **caseFile;
    if (c.status != CaseFile::Status::Open || !c.reportDueOn.isValid() || c.reportedOn.isValid())
        return {};
    const QString due = QLocale().toString(c.reportDueOn, QLocale::ShortFormat);
    return c.reportDueOn < m_today ? tr("Report to the district MCH institution overdue (due %1)").arg(due)
                                   : tr("Report to the district MCH institution by %1").arg(due);
}

void PatientChartView::closeChart()
{
    m_chart.reset();
    m_banner->clear();
    m_visitModel->setVisits({});
    m_addVisit->setEnabled(false);
    m_handouts->clear();
    m_print->setEnabled(false);
}

void PatientChartView::addVisit()
{
    if (!m_chart || !m_chart->pregnancy)
        return;
    VisitDialog dialog(m_records, m_drafts, *m_chart->pregnancy, m_today, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QUuid id = m_chart->patient.meta.id;
    openChart(id);
    emit recordChanged(id);
    if (dialog.slipRequested())
        m_handouts->print(HandoutExport::Kind::VisitSlip, dialog.savedVisit().meta.id);
}

QWidget *PatientChartView::labsTab() const
{
    return m_labTable;
}

void PatientChartView::showLabs()
{
    auto *model = static_cast<QStandardItemModel *>(m_labTable->model());
    model->clear();
    model->setHorizontalHeaderLabels({tr("Date"), tr("Test"), tr("Result"), tr("Unit"), tr("Upper limit")});
    const QLocale locale;
    for (const LabResult &lab : m_chart->labs) {
        QString result;
        if (isQualitative(lab.test))
            result = lab.serology == Serology::Positive ? tr("positive")
                     : lab.serology == Serology::Negative ? tr("negative")
                                                          : tr("unknown");
        else if (lab.value)
            result = locale.toString(*lab.value);
        auto *resultItem = new QStandardItem(result);
        if (lab.serology == Serology::Positive)
            resultItem->setForeground(QColor(0xc6, 0x28, 0x28));
        model->appendRow({new QStandardItem(locale.toString(lab.takenOn, QLocale::ShortFormat)),
                          new QStandardItem(labTestLabel(lab.test)), resultItem,
                          new QStandardItem(labTestUnit(lab.test)),
                          new QStandardItem(lab.upperLimitOfNormal ? locale.toString(*lab.upperLimitOfNormal) : QString())});
    }
    m_labTable->resizeColumnsToContents();
}
