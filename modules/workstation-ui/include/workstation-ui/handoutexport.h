#pragma once

#include "domain/result.h"
#include "handouts/handouttexts.h"
#include "storage/clinicrecords.h"

#include <QDate>
#include <QObject>
#include <QUuid>

class QMenu;
class QWidget;

// The chart's and the visit form's way to the handouts (modules/handouts): her visit slip and
// her antenatal record, exported as PDF or printed. Only asks where to and hands the chart over.
class HandoutExport : public QObject
{
    Q_OBJECT
public:
    enum class Kind { VisitSlip, AntenatalRecord };

    explicit HandoutExport(QWidget *parent);

    void setChart(const PatientChart &chart, const QString &level, bool purple, const QDate &today);
    void clear();
    // The chart's Print menu: slip and record, each as PDF or on a printer.
    QMenu *menu() const { return m_menu; }

    // visitId: the visit of the slip (default: her newest).
    Result<void> writePdf(Kind kind, const QString &path, const QUuid &visitId = {});
    void exportPdf(Kind kind, const QUuid &visitId = {});
    void print(Kind kind, const QUuid &visitId = {});

signals:
    void problem(const QString &message);
    // A handout of hers written to a file or sent to a printer (the audit keeps it).
    void exported(const QString &table, const QUuid &recordId, const QString &what);
    void printed(const QString &table, const QUuid &recordId, const QString &what);

private:
    QString suggestedFileName(Kind kind, const QUuid &visitId) const;
    QWidget *parentWidget() const;

    QMenu *m_menu;
    std::optional<HandoutTexts> m_texts;
    std::optional<PatientChart> m_chart;
    QString m_level;
    bool m_purple = false;
    QDate m_today;
};
