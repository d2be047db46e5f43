#pragma once

#include "risk/ruleset.h"

#include <QDialog>
#include <QSet>

class QLineEdit;
class QTreeWidget;

// The assessment form (评估): every item of the rule set grouped by organ system, searchable,
// with the items the record already shows (computed) marked and the clinician's ticks editable.
class FindingsDialog : public QDialog
{
    Q_OBJECT
public:
    FindingsDialog(const RuleSet &rules, const QStringList &ticked, const QSet<QString> &computed,
                   const QString &language, QWidget *parent = nullptr);

    QStringList tickedFindings() const;
    void setTicked(const QString &ruleId, bool ticked); // for keyboard users and tests

private:
    void filter(const QString &text);

    QLineEdit *m_search;
    QTreeWidget *m_tree;
};
