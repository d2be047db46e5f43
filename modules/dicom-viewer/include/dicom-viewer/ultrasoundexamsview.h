#pragma once

#include "ultrasound-exams/ultrasoundexam.h"

#include <QWidget>

class FetalGrowthPanel;
class QLabel;
class QPushButton;
class QTableWidget;
class UltrasoundExamRecords;
class UltrasoundReportRepository;

// The Ultrasound (超声) tab of a pregnancy's chart: her exams, newest first, with biometry,
// estimated fetal weight, GA by ultrasound and which one dates the pregnancy; local DICOM files
// open in the viewer linked to this pregnancy. Below, the fetal growth chart of these exams at
// their gestational age by the pregnancy's dating (FetalGrowthPanel), then her ultrasound
// reports: signed (by whom, when), draft or amended; one opens with a double click.
class UltrasoundExamsView : public QWidget
{
    Q_OBJECT
public:
    explicit UltrasoundExamsView(QWidget *parent = nullptr);

    // No pregnancy (null id): the tab says so and offers nothing to save to.
    void showPregnancy(UltrasoundExamRecords *records, const QUuid &pregnancyId);
    // Her ultrasound reports are listed under the exams; null: none listed.
    void setReports(UltrasoundReportRepository *reports) { m_reports = reports; }
    void refresh();
    QTableWidget *table() const { return m_table; }
    QTableWidget *reportsTable() const { return m_reportsTable; }
    FetalGrowthPanel *growth() const { return m_growth; }

signals:
    void openFilesRequested();
    void openFolderRequested();
    void problem(const QString &message);
    void reportOpenRequested(const QUuid &reportId);

private:
    void refreshReports();

    UltrasoundExamRecords *m_records = nullptr;
    QUuid m_pregnancyId;
    QLabel *m_summary;
    QTableWidget *m_table;
    FetalGrowthPanel *m_growth;
    UltrasoundReportRepository *m_reports = nullptr;
    QLabel *m_reportsSummary;
    QTableWidget *m_reportsTable;
    QPushButton *m_openFiles;
    QPushButton *m_openFolder;
};
