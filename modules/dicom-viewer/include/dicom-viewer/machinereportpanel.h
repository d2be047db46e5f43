#pragma once

#include "ultrasound-exams/machinebiometry.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

// The biometry the ultrasound machine measured, read from its structured report: fetus by
// fetus, each value with where in the report it came from, and every item that was not taken
// with the reason. "Accept" hands one fetus's values to the biometry panel, where the doctor
// checks them and saves them to the pregnancy and the report; nothing is saved from here.
class MachineReportPanel : public QWidget
{
    Q_OBJECT
public:
    explicit MachineReportPanel(QWidget *parent = nullptr);

    // Reads and maps the report at `path`; a refusal is shown in the panel and returned.
    Result<void> showReport(const QString &path);
    void showBiometry(const MachineBiometry &biometry, const QString &fileName);
    void clear();

    const MachineBiometry &biometry() const { return m_biometry; }
    // The fetus shown, or null.
    const MachineFetus *currentFetus() const;
    QComboBox *fetusChoice() const { return m_fetus; }
    QPushButton *acceptButton() const { return m_accept; }
    QTableWidget *valuesTable() const { return m_values; }
    QTableWidget *unusedTable() const { return m_unused; }
    QString statusText() const;

signals:
    // The doctor takes this fetus's values; `source` says where they came from.
    void accepted(const MachineFetus &fetus, const QString &source);

private:
    void showFetus();
    QString sourceText() const;

    MachineBiometry m_biometry;
    QString m_fileName;
    QLabel *m_status;
    QComboBox *m_fetus;
    QTableWidget *m_values;
    QLabel *m_unusedTitle;
    QTableWidget *m_unused;
    QPushButton *m_accept;
};
