#pragma once

#include "ultrasound-exams/ultrasoundexam.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;
class UltrasoundExamRecords;

// The Ultrasound (超声) tab of a pregnancy's chart: her exams, newest first, with biometry,
// estimated fetal weight, GA by ultrasound and which one dates the pregnancy; local DICOM files
// open in the viewer linked to this pregnancy.
class UltrasoundExamsView : public QWidget
{
    Q_OBJECT
public:
    explicit UltrasoundExamsView(QWidget *parent = nullptr);

    // No pregnancy (null id): the tab says so and offers nothing to save to.
    void showPregnancy(UltrasoundExamRecords *records, const QUuid &pregnancyId);
    void refresh();
    QTableWidget *table() const { return m_table; }

signals:
    void openFilesRequested();
    void openFolderRequested();
    void problem(const QString &message);

private:
    UltrasoundExamRecords *m_records = nullptr;
    QUuid m_pregnancyId;
    QLabel *m_summary;
    QTableWidget *m_table;
    QPushButton *m_openFiles;
    QPushButton *m_openFolder;
};
