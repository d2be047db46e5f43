#pragma once

#include "grading/gradingservice.h"

#include <QDate>
#include <QWidget>

class QChartView;
class QLabel;
class QPushButton;
class QTableWidget;
class RiskChip;

// The risk profile of the open chart: the decided grade with the management it calls for, the
// engine's pending proposal with every rule that fired and its evidence (to confirm, or to grade
// differently with a reason), the ticked findings, and the history of decisions.
class RiskPanel : public QWidget
{
    Q_OBJECT
public:
    RiskPanel(GradingService &grading, QString clinician, QWidget *parent = nullptr);

    void showChart(const PatientChart &chart, const QDate &today);
    static QString managementGuidance(const QString &level);

public slots:
    void openAssessmentForm();
    void confirmProposal();
    void gradeDifferently();

signals:
    void gradingChanged();
    void problem(const QString &message);

private:
    QString language() const;
    void showRules(const RiskAssessment &assessment);
    void showTimeline(const PatientChart &chart);

    GradingService &m_grading;
    QString m_clinician;
    std::optional<PatientChart> m_chart;
    QDate m_today;
    RiskChip *m_decided;
    QLabel *m_decidedText;
    QLabel *m_guidance;
    RiskChip *m_proposed;
    QLabel *m_proposalText;
    QPushButton *m_confirm;
    QPushButton *m_override;
    QTableWidget *m_rules;
    QTableWidget *m_history;
    QChartView *m_timeline;
};
