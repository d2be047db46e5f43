#pragma once

#include "ctg-records/ctgtracerecord.h"

#include <QWidget>

class CtgRecords;
class QLabel;
class QPushButton;
class QTableWidget;

// The CTG (胎心监护) tab of a pregnancy's chart: her traces, newest first, with date, duration,
// gestational age, the FIGO class and NICHD category (word and color) and who signed the
// interpretation; Import trace… reads a monitor's CSV or WFDB file; a double click or Open shows
// the trace on its paper.
class CtgTracesView : public QWidget
{
    Q_OBJECT
public:
    explicit CtgTracesView(CtgRecords &records, QWidget *parent = nullptr);

    // No pregnancy (null id): the tab says so and nothing can be imported.
    void showPregnancy(const QUuid &pregnancyId);
    void refresh();
    QTableWidget *table() const { return m_table; }
    QPushButton *importButton() const { return m_import; }
    const QList<CtgTraceRecord> &traces() const { return m_traces; }
    void setBusy(const QString &message); // empty: done

signals:
    void importRequested();
    void openRequested(const QUuid &traceId);
    void problem(const QString &message);

private:
    CtgRecords &m_records;
    QUuid m_pregnancyId;
    QList<CtgTraceRecord> m_traces;
    QLabel *m_summary;
    QLabel *m_busy;
    QTableWidget *m_table;
    QPushButton *m_import;
    QPushButton *m_open;
};
