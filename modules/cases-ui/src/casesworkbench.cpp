#include "cases-ui/casesworkbench.h"

#include "cases-ui/casedashboardview.h"
#include "cases-ui/casefileview.h"
#include "ui-common/screenfit.h"

#include <QAction>
#include <QMainWindow>
#include <QMenu>
#include <QTabWidget>
#include <QToolBar>

CasesWorkbench::CasesWorkbench(QMainWindow *window, QTabWidget *chartTabs, QMenu *menu,
    const Database &database, CaseManagement &cases, const QDate &today,
    std::function<QColor(const QString &)> levelColor)
    : QObject(window)
    , m_window(window)
    , m_database(database)
    , m_today(today)
    , m_levelColor(std::move(levelColor))
    , m_caseFile(new CaseFileView(cases, chartTabs))
    , m_dashboardAction(new QAction(tr("&Dashboard"), this))
{
    m_caseFile->setObjectName(QStringLiteral("caseFileView"));
    m_caseFile->setToday(today);
    chartTabs->addTab(m_caseFile, tr("Case management"));
    connect(m_caseFile, &CaseFileView::caseChanged, this, &CasesWorkbench::caseChanged);
    connect(m_caseFile, &CaseFileView::problem, this, &CasesWorkbench::problem);

    m_dashboardAction->setObjectName(QStringLiteral("dashboardAction"));
    m_dashboardAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    m_dashboardAction->setToolTip(
        tr("High-risk dashboard: colors, changes, overdue follow-ups, outcomes (Ctrl+Shift+D)"));
    connect(m_dashboardAction, &QAction::triggered, this, &CasesWorkbench::showDashboard);
    menu->addAction(m_dashboardAction);
    auto *toolbar = window->addToolBar(tr("Cases"));
    toolbar->setObjectName(QStringLiteral("casesToolbar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->addAction(m_dashboardAction);
}

void CasesWorkbench::showPregnancy(
    const QUuid &pregnancyId, const QString &woman, const QString &level, bool purple)
{
    m_caseFile->showPregnancy(pregnancyId, woman, level, purple);
}

// The dashboard is a window of its own, so that its charts have room and the chart a bar
// leads to opens beside it in the main window.
void CasesWorkbench::showDashboard()
{
    if (!m_dashboard) {
        m_dashboard = new CaseDashboardView(m_database, m_levelColor, m_window);
        m_dashboard->setWindowFlag(Qt::Window);
        m_dashboard->setObjectName(QStringLiteral("dashboard"));
        m_dashboard->setWindowTitle(tr("High-risk dashboard"));
        ScreenFit::resize(m_dashboard, QSize(1100, 760));
        connect(m_dashboard, &CaseDashboardView::openPatient, this, &CasesWorkbench::openPatient);
        connect(m_dashboard, &CaseDashboardView::problem, this, &CasesWorkbench::problem);
        connect(this, &CasesWorkbench::caseChanged, m_dashboard, &CaseDashboardView::refresh);
        if (m_makePanel)
            m_dashboard->addPanel(m_makePanel(m_dashboard));
    }
    m_dashboard->setToday(m_today);
    m_dashboard->show();
    m_dashboard->raise();
    m_dashboard->activateWindow();
}
