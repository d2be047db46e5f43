#pragma once

#include "storage/clinicrecords.h"

#include <QDate>
#include <QWidget>

class DraftStore;
class GradingService;
class HandoutExport;
class RiskPanel;
class PatientBanner;
class QLabel;
class QPushButton;
class QTabWidget;
class QTableView;
class TrendCharts;
class VisitHistoryModel;

// One woman's chart: the banner, then her visits, trends and labs.
class PatientChartView : public QWidget
{
    Q_OBJECT
public:
    PatientChartView(ClinicRecords &records, DraftStore &drafts, GradingService &grading, const QString &clinician,
                     QWidget *parent = nullptr);

    void setToday(const QDate &today) { m_today = today; }
    bool openChart(const QUuid &patientId); // false (and a message) if it cannot be read
    void closeChart();
    const std::optional<PatientChart> &chart() const { return m_chart; }
    PatientBanner *banner() const { return m_banner; }
    RiskPanel *riskPanel() const { return m_riskPanel; }
    QTabWidget *tabs() const { return m_tabs; }
    QWidget *labsTab() const; // her lab results, within tabs()
    HandoutExport *handouts() const { return m_handouts; }

public slots:
    void addVisit();

signals:
    void recordChanged(const QUuid &patientId);
    void problem(const QString &message);

private:
    void showLabs();
    void regrade();
    QString reportingAlert() const;

    ClinicRecords &m_records;
    DraftStore &m_drafts;
    GradingService &m_grading;
    QDate m_today;
    std::optional<PatientChart> m_chart;
    PatientBanner *m_banner;
    QPushButton *m_addVisit;
    QPushButton *m_print;
    HandoutExport *m_handouts;
    QTabWidget *m_tabs;
    VisitHistoryModel *m_visitModel;
    QTableView *m_visitTable;
    TrendCharts *m_trends;
    QTableView *m_labTable;
    RiskPanel *m_riskPanel;
};
