#pragma once

#include "storage/patientsearch.h"

#include <QAbstractTableModel>
#include <QDate>

// The patient list: the rows a search returned, with gestational age and age computed for
// "today". Sorting asks the database again, so it covers all patients, not only those shown.
class PatientListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Risk, Name, Age, RecordNumber, GestationalAgeToday, Edd, NextVisitDue, Phone, ColumnCount };
    enum Role { PatientIdRole = Qt::UserRole + 1, RiskLevelRole, RiskPurpleRole };

    PatientListModel(const PatientSearch &search, QObject *parent = nullptr);

    void setToday(const QDate &today);
    void setSearchText(const QString &text);
    void setRiskFilter(const QString &filter); // see PatientSearch::find
    QString searchText() const { return m_text; }
    int totalPatients() const { return m_total; }
    bool isTruncated() const { return m_rows.size() >= m_limit; }
    QString lastError() const { return m_error; }
    const PatientListRow *rowAt(int row) const;
    int rowOfPatient(const QUuid &patientId) const;
    void refresh();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

signals:
    void refreshed();

private:
    const PatientSearch &m_search;
    QList<PatientListRow> m_rows;
    QString m_text;
    QString m_riskFilter;
    QString m_error;
    QDate m_today;
    PatientSort m_sort = PatientSort::RecentlyChanged;
    Qt::SortOrder m_order = Qt::DescendingOrder;
    int m_total = 0;
    int m_limit = PatientSearch::ListLimit;
};
