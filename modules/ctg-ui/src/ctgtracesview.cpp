#include "ctg-ui/ctgtracesview.h"

#include "ctg-records/ctgrecords.h"
#include "ctg-ui/ctgterms.h"
#include "domain/gestationalage.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

CtgTracesView::CtgTracesView(CtgRecords &records, QWidget *parent)
    : QWidget(parent)
    , m_records(records)
    , m_summary(new QLabel(this))
    , m_busy(new QLabel(this))
    , m_table(new QTableWidget(0, 7, this))
    , m_import(new QPushButton(tr("&Import trace…"), this))
    , m_open(new QPushButton(tr("&Open"), this))
{
    setObjectName(QStringLiteral("ctgTracesView"));
    m_table->setObjectName(QStringLiteral("ctgTraces"));
    m_table->setHorizontalHeaderLabels({ tr("Recorded"), tr("Duration"), tr("GA"), tr("FIGO"), tr("NICHD"),
        tr("Interpretation"), tr("File") });
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_import->setObjectName(QStringLiteral("importCtg"));
    m_import->setToolTip(
        tr("A fetal monitor's export: CSV (time_s, fhr_bpm, toco) or PhysioNet WFDB (.hea)"));
    m_open->setObjectName(QStringLiteral("openCtg"));
    m_busy->setObjectName(QStringLiteral("ctgBusy"));
    m_summary->setWordWrap(true);
    connect(m_import, &QPushButton::clicked, this, &CtgTracesView::importRequested);
    connect(m_open, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        if (row >= 0 && row < m_traces.size())
            emit openRequested(m_traces[row].meta.id);
    });
    connect(m_table, &QTableWidget::cellActivated, this, [this](int row, int) {
        if (row >= 0 && row < m_traces.size())
            emit openRequested(m_traces[row].meta.id);
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this,
        [this] { m_open->setEnabled(!m_table->selectedItems().isEmpty()); });
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        if (row >= 0 && row < m_traces.size())
            emit openRequested(m_traces[row].meta.id);
    });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_import);
    buttons->addWidget(m_open);
    buttons->addWidget(m_busy, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);
    showPregnancy({});
}

void CtgTracesView::showPregnancy(const QUuid &pregnancyId)
{
    m_pregnancyId = pregnancyId;
    m_import->setEnabled(!pregnancyId.isNull());
    refresh();
}

void CtgTracesView::setBusy(const QString &message)
{
    m_busy->setText(message);
    m_import->setEnabled(message.isEmpty() && !m_pregnancyId.isNull());
}

void CtgTracesView::refresh()
{
    m_table->setRowCount(0);
    m_traces.clear();
    if (m_pregnancyId.isNull()) {
        m_summary->setText(
            tr("Open a woman's chart with a current pregnancy to see and import her fetal heart traces."));
        m_open->setEnabled(false);
        return;
    }
    const auto traces = m_records.forPregnancy(m_pregnancyId);
    if (!traces) {
        m_summary->setText(traces.error().message);
        emit problem(traces.error().message);
        return;
    }
    m_traces = *traces;
    const QLocale locale;
    int waiting = 0; // pulled from the center, samples not here yet
    for (const CtgTraceRecord &r : m_traces) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        const QDateTime local = r.recordedAt.toLocalTime();
        m_table->setItem(row, 0,
            new QTableWidgetItem(locale.toString(local.date(), QLocale::ShortFormat) + QLatin1Char(' ')
                + local.toString(QStringLiteral("HH:mm"))));
        m_table->setItem(row, 1, new QTableWidgetItem(tr("%1 min").arg(qRound(r.durationSeconds / 60))));
        m_table->setItem(row, 2,
            new QTableWidgetItem(
                r.gestationalAgeDays ? GestationalAge(*r.gestationalAgeDays).toString() : QString()));
        auto *figo = new QTableWidgetItem(CtgTerms::figo(r.figoClass));
        figo->setForeground(Qt::white);
        figo->setBackground(CtgTerms::figoColor(r.figoClass));
        figo->setToolTip(reasonTexts(r.reasons).join(QLatin1Char('\n')));
        m_table->setItem(row, 3, figo);
        auto *nichd = new QTableWidgetItem(CtgTerms::nichd(r.nichdCategory));
        nichd->setForeground(Qt::white);
        nichd->setBackground(CtgTerms::nichdColor(r.nichdCategory));
        m_table->setItem(row, 4, nichd);
        QString interpretation = tr("not yet interpreted");
        if (const auto interpretations = m_records.interpretations(r.meta.id)) {
            for (const CtgInterpretation &i : *interpretations) {
                if (i.isSigned())
                    interpretation = tr("signed by %1").arg(i.signedBy);
            }
        }
        m_table->setItem(row, 5, new QTableWidgetItem(interpretation));
        auto *file = new QTableWidgetItem(r.source);
        if (const auto here = m_records.hasSamples(r); here && !*here) {
            ++waiting;
            file->setText(tr("%1 — samples still at the regional center").arg(r.source));
            file->setToolTip(tr("Opening the trace fetches its samples from the regional center."));
        }
        m_table->setItem(row, 6, file);
    }
    m_table->resizeColumnsToContents();
    // No row is selected for her: a selection would hide the class's color.
    m_table->clearSelection();
    m_open->setEnabled(false);
    int alarming = 0;
    for (const CtgTraceRecord &r : m_traces)
        alarming += r.isAlarming();
    m_summary->setText(m_traces.isEmpty()
            ? tr("No fetal heart traces yet. Import a monitor's file to read it on CTG paper.")
            : tr("%n trace(s)", nullptr, int(m_traces.size()))
                + (alarming > 0
                        ? QStringLiteral(" · ") + tr("%n pathological or category III", nullptr, alarming)
                        : QString())
                + (waiting > 0
                        ? QStringLiteral(" · ") + tr("%n to fetch from the regional center", nullptr, waiting)
                        : QString()));
}
