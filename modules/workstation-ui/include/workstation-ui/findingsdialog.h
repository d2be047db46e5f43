#pragma once

#include "risk/riskengine.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QLabel;
class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;

// The assessment form (评估): every item of the rule set grouped by organ system, searchable in
// Chinese and English and by rule id. Items the record already shows are marked "from the
// record" with their evidence; items the data or the screening hint at are highlighted for the
// clinician to confirm by ticking them; the clinician's ticks are what the form returns.
class FindingsDialog : public QDialog
{
    Q_OBJECT
public:
    // screeningHints: rule id → the screening answer that points at it.
    FindingsDialog(const RuleSet &rules, const RiskAssessment &assessment, const QStringList &ticked,
                   const QHash<QString, QString> &screeningHints, const QString &language, QWidget *parent = nullptr);

    QStringList tickedFindings() const;
    void setTicked(const QString &ruleId, bool ticked); // for keyboard users and tests
    QTreeWidgetItem *itemFor(const QString &ruleId) const;

    enum Column { ItemColumn, ColorColumn, StatusColumn, IdColumn };
    enum Role { RuleIdRole = Qt::UserRole, SearchTextRole, StatusRole };
    enum class ItemStatus { Plain, FromRecord, Suggested };
    static ItemStatus statusOf(const QTreeWidgetItem *item);

private:
    void filter();
    void updateSummary();
    QList<QTreeWidgetItem *> ruleItems() const;

    QLineEdit *m_search;
    QCheckBox *m_onlyRelevant;
    QLabel *m_summary;
    QTreeWidget *m_tree;
};
