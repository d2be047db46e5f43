#pragma once

#include "cases/casedashboard.h"

#include <QDialog>

class QTableWidget;

// The women behind one bar of the dashboard; double-click (or Enter) opens her chart.
class DashboardListDialog : public QDialog
{
    Q_OBJECT
public:
    DashboardListDialog(const QString &title, const QString &dateHeader, const QList<DashboardWoman> &women,
        QWidget *parent = nullptr);
    QTableWidget *table() const { return m_table; }
    const QList<DashboardWoman> &women() const { return m_women; }

signals:
    void openPatient(const QUuid &patientId);

private:
    QList<DashboardWoman> m_women;
    QTableWidget *m_table;
};
