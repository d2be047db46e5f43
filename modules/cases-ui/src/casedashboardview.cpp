#include "cases-ui/casedashboardview.h"

#include "cases-ui/dashboardlistdialog.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QGridLayout>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStackedBarSeries>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace {
const std::array<DashboardChart, 4> Charts { DashboardChart::PregnanciesByColor,
    DashboardChart::TransitionsThisMonth, DashboardChart::OverdueByNurse, DashboardChart::ClosureOutcomes };
}

CaseDashboardView::CaseDashboardView(
    const Database &database, std::function<QColor(const QString &)> levelColor, QWidget *parent)
    : QWidget(parent)
    , m_dashboard(database)
    , m_levelColor(std::move(levelColor))
    , m_today(QDate::currentDate())
{
    auto *grid = new QGridLayout;
    for (int i = 0; i < static_cast<int>(Charts.size()); ++i) {
        auto *view = new QChartView(this);
        view->setObjectName(QStringLiteral("chart%1").arg(i));
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumSize(400, 220); // four of them and a section below fit 1280×720
        view->setToolTip(tr("Click a bar to list the women behind it"));
        m_views.insert(static_cast<int>(Charts[i]), view);
        grid->addWidget(view, i / 2, i % 2);
    }
    auto *refreshButton = new QPushButton(tr("&Refresh"), this);
    connect(refreshButton, &QPushButton::clicked, this, &CaseDashboardView::refresh);
    auto *top = new QHBoxLayout;
    auto *hint = new QLabel(tr("Click a bar to see the women behind it."), this);
    top->addWidget(hint, 1);
    top->addWidget(refreshButton);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(grid, 1);
}

void CaseDashboardView::addPanel(QWidget *panel)
{
    panel->setParent(this);
    layout()->addWidget(panel);
}

void CaseDashboardView::setToday(const QDate &today)
{
    m_today = today;
    refresh();
}

QString CaseDashboardView::title(DashboardChart chart)
{
    switch (chart) {
    case DashboardChart::PregnanciesByColor:
        return tr("Current pregnancies by risk color");
    case DashboardChart::TransitionsThisMonth:
        return tr("Color changes this month");
    case DashboardChart::OverdueByNurse:
        return tr("Overdue follow-ups by responsible nurse");
    case DashboardChart::ClosureOutcomes:
        return tr("Cases closed this year, by outcome");
    }
    return {};
}

void CaseDashboardView::refresh()
{
    for (DashboardChart chart : Charts)
        showChart(chart);
}

void CaseDashboardView::showChart(DashboardChart chart)
{
    auto bars = m_dashboard.bars(chart, m_today);
    if (!bars) {
        emit problem(bars.error().message);
        return;
    }
    m_bars.insert(static_cast<int>(chart), *bars);
    const QList<DashboardBar> &shown = *bars;
    // Color bars stand upright in their own colors; named bars (nurses, changes) lie down so
    // their names can be read in full.
    const bool byColor = chart == DashboardChart::PregnanciesByColor;
    QAbstractBarSeries *series = byColor ? static_cast<QAbstractBarSeries *>(new QStackedBarSeries)
                                         : static_cast<QAbstractBarSeries *>(new QHorizontalBarSeries);
    QStringList categories;
    int top = 0;
    for (const DashboardBar &bar : shown) {
        categories.append(CaseDashboard::barLabel(chart, bar.key));
        top = std::max(top, bar.count);
    }
    if (byColor) {
        for (int i = 0; i < shown.size(); ++i) {
            auto *set = new QBarSet(categories[i]);
            for (int j = 0; j < shown.size(); ++j)
                set->append(i == j ? shown[i].count : 0);
            set->setColor(m_levelColor
                    ? m_levelColor(shown[i].key == QLatin1String("ungraded") ? QString() : shown[i].key)
                    : QColor(Qt::gray));
            set->setBorderColor(QColor(Qt::darkGray));
            connect(set, &QBarSet::clicked, this,
                [this, chart, i] { openList(chart, m_bars.value(static_cast<int>(chart)).value(i).key); });
            series->append(set);
        }
    } else {
        auto *set = new QBarSet(title(chart));
        for (const DashboardBar &bar : shown)
            set->append(bar.count);
        set->setColor(
            chart == DashboardChart::OverdueByNurse ? QColor(0xc6, 0x28, 0x28) : QColor(0x1e, 0x6f, 0xb8));
        connect(set, &QBarSet::clicked, this, [this, chart](int index) {
            openList(chart, m_bars.value(static_cast<int>(chart)).value(index).key);
        });
        series->append(set);
    }
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsInsideEnd);
    auto *qchart = new QChart;
    qchart->addSeries(series);
    qchart->setTitle(shown.isEmpty() ? tr("%1 — none").arg(title(chart)) : title(chart));
    qchart->legend()->hide();
    auto *categoryAxis = new QBarCategoryAxis;
    categoryAxis->append(categories);
    auto *valueAxis = new QValueAxis;
    valueAxis->setLabelFormat(QStringLiteral("%d"));
    // Whole women on the value axis: one tick per woman up to ten, round numbers beyond.
    const int axisTop = std::max(1, top + (top + 9) / 10);
    valueAxis->setRange(0, axisTop);
    if (axisTop <= 10)
        valueAxis->setTickCount(axisTop + 1);
    else
        valueAxis->applyNiceNumbers();
    qchart->addAxis(categoryAxis, byColor ? Qt::AlignBottom : Qt::AlignLeft);
    qchart->addAxis(valueAxis, byColor ? Qt::AlignLeft : Qt::AlignBottom);
    series->attachAxis(categoryAxis);
    series->attachAxis(valueAxis);
    QChartView *view = chartView(chart);
    QChart *old = view->chart();
    view->setChart(qchart);
    delete old;
}

DashboardListDialog *CaseDashboardView::openList(DashboardChart chart, const QString &key)
{
    auto women = m_dashboard.women(chart, key, m_today);
    if (!women) {
        emit problem(women.error().message);
        return nullptr;
    }
    const QString dateHeader = chart == DashboardChart::PregnanciesByColor ? tr("EDD")
        : chart == DashboardChart::TransitionsThisMonth                    ? tr("Graded on")
        : chart == DashboardChart::OverdueByNurse                          ? tr("Contact was due")
                                                                           : tr("Closed on");
    if (m_lastList)
        m_lastList->close();
    auto *dialog = new DashboardListDialog(
        tr("%1: %2").arg(title(chart), CaseDashboard::barLabel(chart, key)), dateHeader, *women, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &DashboardListDialog::openPatient, this, &CaseDashboardView::openPatient);
    dialog->show();
    m_lastList = dialog;
    return dialog;
}
