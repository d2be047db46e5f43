#pragma once

#include <QDateTime>
#include <QDialog>

class QDateTimeEdit;

// Asked on import: when did the recording end? The trace's times on the paper, the chart and
// the printout, and her gestational age for the analysis, follow from it. Filled with when the
// monitor last wrote the file, which is wrong when the file was copied later.
class CtgRecordingEndDialog : public QDialog
{
    Q_OBJECT
public:
    CtgRecordingEndDialog(const QString &fileName, const QDateTime &lastWritten, QWidget *parent = nullptr);

    QDateTime recordingEnded() const;
    QDateTimeEdit *endEdit() const { return m_end; }

private:
    QDateTimeEdit *m_end;
};
