#pragma once

#include "cases-ui/casedashboardview.h"

#include <QColor>
#include <QDate>
#include <QObject>
#include <QPointer>
#include <QUuid>

#include <functional>

class CaseFileView;
class CaseManagement;
class Database;
class QAction;
class QMainWindow;
class QMenu;
class QTabWidget;

// Case management in the workstation: the chart's 专案管理 tab and the high-risk dashboard, one
// click away on the Cases toolbar (and View → Dashboard, Ctrl+Shift+D).
class CasesWorkbench : public QObject
{
    Q_OBJECT
public:
    CasesWorkbench(QMainWindow *window, QTabWidget *chartTabs, QMenu *menu, const Database &database,
        CaseManagement &cases, const QDate &today, std::function<QColor(const QString &)> levelColor);

    CaseFileView *caseFileView() const { return m_caseFile; }
    CaseDashboardView *dashboard() const { return m_dashboard; }
    QAction *dashboardAction() const { return m_dashboardAction; }
    // Makes a section for the dashboard below its charts when the dashboard is first shown.
    void setDashboardPanel(std::function<QWidget *(QWidget *dashboard)> make) { m_makePanel = std::move(make); }
    void showPregnancy(const QUuid &pregnancyId, const QString &woman, const QString &level, bool purple);

public slots:
    void showDashboard();

signals:
    void openPatient(const QUuid &patientId);
    void caseChanged();
    void problem(const QString &message);

private:
    QMainWindow *m_window;
    const Database &m_database;
    QDate m_today;
    std::function<QColor(const QString &)> m_levelColor;
    CaseFileView *m_caseFile;
    QPointer<CaseDashboardView> m_dashboard;
    QAction *m_dashboardAction;
    std::function<QWidget *(QWidget *)> m_makePanel;
};
