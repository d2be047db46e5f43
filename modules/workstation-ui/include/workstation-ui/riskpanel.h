#pragma once

#include "grading/gradingservice.h"

#include <QDate>
#include <QWidget>

class QChartView;
class QLabel;
class QPushButton;
class ProportionalSplitter;
class QTableWidget;
class QTreeWidget;
class RiskChip;

// The risk profile of the open chart. Layer 1: the decided grade with the management it calls
// for (level of care, case management, reporting deadline — from the rule set and the case
// settings), the engine's pending proposal with every rule that fired and its evidence (to
// confirm, or to grade differently with a reason). Layer 2, beside it: the disease profile,
// her conditions by organ system with where each was seen. Below: the screening result, the
// history of decisions and the grade along the weeks. The screening and assessment forms open
// from here. The tab scrolls as a whole: its tables are as tall as their rows, wrap their text
// and show each cell's full text in its tooltip.
class RiskPanel : public QWidget
{
    Q_OBJECT
public:
    RiskPanel(GradingService &grading, QString clinician, QWidget *parent = nullptr);
    ~RiskPanel() override;

    void showChart(const PatientChart &chart, const QDate &today);
    // Evidence from other records that the rules do not grade (a pathological fetal heart
    // trace): listed under the suggestions for a clinician to weigh and, if she finds an item
    // applies, to tick in the Assessment form. It never changes the grade by itself.
    struct OtherEvidence
    {
        QString item;
        QString evidence;
    };
    void setOtherEvidence(const QList<OtherEvidence> &evidence);

public slots:
    void openScreeningForm();
    void openAssessmentForm();
    void confirmProposal();
    void gradeDifferently();

signals:
    void gradingChanged();
    void problem(const QString &message);

private:
    QString language() const;
    QString guidanceText(const QString &level, bool purple) const;
    void showScreening();
    void showRules(const RiskAssessment &assessment);
    void showProfile();
    void fillProfile();
    void showTimeline(const PatientChart &chart);
    bool runAssessmentForm(); // true if findings were saved
    QHash<QString, QString> screeningHints() const;

    GradingService &m_grading;
    QString m_clinician;
    std::optional<PatientChart> m_chart;
    QList<OtherEvidence> m_otherEvidence;
    QDate m_today;
    RiskChip *m_decided;
    QLabel *m_decidedText;
    QLabel *m_guidance;
    QLabel *m_screening;
    RiskChip *m_proposed;
    QLabel *m_proposalText;
    QPushButton *m_confirm;
    QPushButton *m_override;
    QTableWidget *m_rules;
    QTreeWidget *m_profile;
    QTableWidget *m_history;
    QChartView *m_timeline;
    ProportionalSplitter *m_layers = nullptr;
};
