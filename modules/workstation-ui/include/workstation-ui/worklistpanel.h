#pragma once

#include "cases/casemanagement.h"
#include "cases/worklists.h"

#include <QDate>
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;

// The nurse's day at a glance: each worklist with its count, the women on the selected one,
// and the follow-up contact recorded straight from the list.
class WorklistPanel : public QWidget
{
    Q_OBJECT
public:
    WorklistPanel(const Database &database, CaseManagement &cases, QWidget *parent = nullptr);

    void setToday(const QDate &today);
    void showList(WorklistKind kind);
    const QList<WorklistItem> &items() const { return m_items; }
    int countOf(WorklistKind kind) const;

public slots:
    void refresh();
    void recordContact();

signals:
    void openPatient(const QUuid &patientId);
    void countsChanged(int attention); // due + overdue + unreported + lost
    void problem(const QString &message);

private:
    QString kindLabel(WorklistKind kind) const;

    CaseManagement &m_cases;
    Worklists m_worklists;
    QDate m_today;
    WorklistKind m_kind = WorklistKind::Overdue;
    QList<WorklistItem> m_items;
    QHash<int, int> m_counts;
    QListWidget *m_lists;
    QTableWidget *m_table;
    QLabel *m_shown; // says when the list is longer than its first page
    QPushButton *m_record;
};
