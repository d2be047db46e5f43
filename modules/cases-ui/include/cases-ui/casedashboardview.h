#pragma once

#include "cases-ui/dashboardlistdialog.h"
#include "cases/casedashboard.h"

#include <QColor>
#include <QDate>
#include <QHash>
#include <QPointer>
#include <QWidget>

#include <functional>

class QChartView;

// The high-risk dashboard (Qt Charts): pregnancies by color, color changes this month, overdue
// follow-ups by nurse, closures this year by outcome. Clicking a bar lists the women behind it.
class CaseDashboardView : public QWidget
{
    Q_OBJECT
public:
    CaseDashboardView(const Database &database, std::function<QColor(const QString &)> levelColor,
        QWidget *parent = nullptr);

    void setToday(const QDate &today);
    QChartView *chartView(DashboardChart chart) const { return m_views.value(static_cast<int>(chart)); }
    QList<DashboardBar> bars(DashboardChart chart) const { return m_bars.value(static_cast<int>(chart)); }
    DashboardListDialog *openList(DashboardChart chart, const QString &key);
    DashboardListDialog *lastList() const { return m_lastList; }
    // A section of another part of the workstation below the charts (the referral figures).
    void addPanel(QWidget *panel);

public slots:
    void refresh();

signals:
    void openPatient(const QUuid &patientId);
    void problem(const QString &message);

private:
    void showChart(DashboardChart chart);
    static QString title(DashboardChart chart);

    CaseDashboard m_dashboard;
    std::function<QColor(const QString &)> m_levelColor;
    QDate m_today;
    QHash<int, QChartView *> m_views;
    QHash<int, QList<DashboardBar>> m_bars;
    QPointer<DashboardListDialog> m_lastList;
};
