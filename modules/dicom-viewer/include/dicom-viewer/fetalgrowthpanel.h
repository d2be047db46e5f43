#pragma once

#include "biometry/fetalgrowth.h"

#include <QWidget>

#include <optional>

class QChartView;
class QComboBox;
class QLabel;
class QTabBar;
class QTableWidget;

// The fetal growth chart of the Ultrasound tab: the chosen measure (BPD, HC, AC, FL, EFW)
// against gestational age on the 3rd, 10th, 50th, 90th and 97th centiles of the chosen
// standard (INTERGROWTH-21st by default, or Hadlock; remembered), every scan of the pregnancy
// on it, a table of each scan's centiles, and the SGA / FGR / LGA findings. It shows what
// FetalGrowth computes and forwards the choice of standard.
class FetalGrowthPanel : public QWidget
{
    Q_OBJECT
public:
    explicit FetalGrowthPanel(QWidget *parent = nullptr);

    // The pregnancy's scans with their gestational age by dates (none: nothing to chart), and
    // how many fetuses she carries: the standards are for singletons, and exams are not yet
    // recorded per fetus, so with more than one the chart says so above its findings.
    void showScans(const QList<FetalGrowth::Scan> &scans, int fetuses = 1);
    const FetalGrowth::Assessment &assessment() const { return m_assessment; }

    QString standardId() const;
    void setStandard(const QString &id);
    void setMeasure(GrowthMeasure measure);
    GrowthMeasure measure() const;

    QComboBox *standardBox() const { return m_standardBox; }
    QChartView *chartView() const { return m_chart; }
    QTableWidget *table() const { return m_table; }
    QLabel *findingsLabel() const { return m_findings; }
    QLabel *cautionLabel() const { return m_caution; }

signals:
    // The findings may have changed (new scans, another standard).
    void assessmentChanged();
    void problem(const QString &message);

private:
    void reassess();
    void drawChart();
    void fillTable();
    void showFindings();

    QComboBox *m_standardBox;
    QTabBar *m_measures;
    QChartView *m_chart;
    QTableWidget *m_table;
    QLabel *m_findings;
    QLabel *m_caution;
    QLabel *m_source;
    std::optional<GrowthStandard> m_standard;
    GrowthFindingRules m_rules;
    QList<FetalGrowth::Scan> m_scans;
    FetalGrowth::Assessment m_assessment;
};
