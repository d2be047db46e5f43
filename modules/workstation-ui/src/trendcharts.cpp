#include "workstation-ui/trendcharts.h"

#include "domain/bodymass.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QGridLayout>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

namespace {
constexpr double MaxWeeks = 42.0;

double weeksOf(const GestationalAge &age)
{
    return age.totalDays() / 7.0;
}

QChart *newChart(const QString &title, const QString &yTitle, double yLow, double yHigh, double yStep, QValueAxis **xAxis,
                 QValueAxis **yAxis)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    *xAxis = new QValueAxis(chart);
    (*xAxis)->setRange(0, MaxWeeks);
    (*xAxis)->setTickCount(8);
    (*xAxis)->setLabelFormat(QStringLiteral("%d"));
    (*xAxis)->setTitleText(QCoreApplication::translate("TrendCharts", "gestational age (weeks)"));
    *yAxis = new QValueAxis(chart);
    (*yAxis)->setRange(yLow, yHigh);
    (*yAxis)->setLabelFormat(QStringLiteral("%d"));
    (*yAxis)->setTickCount(static_cast<int>((yHigh - yLow) / yStep) + 1);
    (*yAxis)->setTitleText(yTitle);
    chart->addAxis(*xAxis, Qt::AlignBottom);
    chart->addAxis(*yAxis, Qt::AlignLeft);
    return chart;
}

void attach(QChart *chart, QAbstractSeries *series, QValueAxis *x, QValueAxis *y)
{
    chart->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
}

QLineSeries *measuredSeries(const QString &name, const QColor &color)
{
    auto *series = new QLineSeries;
    series->setName(name);
    series->setPointsVisible(true);
    QPen pen(color);
    pen.setWidth(2);
    series->setPen(pen);
    return series;
}

QLineSeries *thresholdLine(const QString &name, double value)
{
    auto *line = new QLineSeries;
    line->setName(name);
    QPen pen(QColor(0xc6, 0x28, 0x28));
    pen.setStyle(Qt::DashLine);
    line->setPen(pen);
    line->append(0, value);
    line->append(MaxWeeks, value);
    return line;
}

QAreaSeries *band(const QString &name, QLineSeries *lower, QLineSeries *upper)
{
    auto *area = new QAreaSeries(upper, lower);
    area->setName(name);
    area->setColor(QColor(0x43, 0xa0, 0x47, 60));
    area->setBorderColor(QColor(0x43, 0xa0, 0x47, 120));
    return area;
}

QChartView *viewOf(QChart *chart, QWidget *parent)
{
    auto *view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(320, 240);
    return view;
}

// QChartView::setChart releases the previous chart without deleting it.
void replaceChart(QChartView *view, QChart *chart)
{
    QChart *previous = view->chart();
    view->setChart(chart);
    delete previous;
}
} // namespace

TrendCharts::TrendCharts(QWidget *parent)
    : QWidget(parent), m_bloodPressure(viewOf(new QChart, this)), m_weightGain(viewOf(new QChart, this)),
      m_fundalHeight(viewOf(new QChart, this))
{
    auto *layout = new QGridLayout(this);
    layout->addWidget(m_bloodPressure, 0, 0);
    layout->addWidget(m_weightGain, 0, 1);
    layout->addWidget(m_fundalHeight, 1, 0);
    layout->setColumnStretch(0, 1);
    layout->setColumnStretch(1, 1);
}

QChart *TrendCharts::bloodPressureChart() const
{
    return m_bloodPressure->chart();
}

QChart *TrendCharts::weightGainChart() const
{
    return m_weightGain->chart();
}

QChart *TrendCharts::fundalHeightChart() const
{
    return m_fundalHeight->chart();
}

void TrendCharts::showChart(const PatientChart &record)
{
    QValueAxis *x = nullptr;
    QValueAxis *y = nullptr;

    QChart *bp = newChart(tr("Blood pressure"), tr("mmHg"), 40, 200, 20, &x, &y);
    auto *systolic = measuredSeries(tr("systolic"), QColor(0x15, 0x65, 0xc0));
    auto *diastolic = measuredSeries(tr("diastolic"), QColor(0x00, 0x83, 0x8f));
    for (const AntenatalVisit &v : record.visits) {
        if (v.systolicMmHg && v.diastolicMmHg) {
            systolic->append(weeksOf(v.gestationalAge), *v.systolicMmHg);
            diastolic->append(weeksOf(v.gestationalAge), *v.diastolicMmHg);
        }
    }
    attach(bp, thresholdLine(tr("140 mmHg"), 140), x, y);
    attach(bp, thresholdLine(tr("90 mmHg"), 90), x, y);
    attach(bp, systolic, x, y);
    attach(bp, diastolic, x, y);
    replaceChart(m_bloodPressure, bp);

    QChart *gain = newChart(tr("Weight gain"), tr("kg since before pregnancy"), -4, 24, 4, &x, &y);
    const std::optional<double> baseline =
        record.pregnancy && record.pregnancy->prePregnancyWeightKg ? record.pregnancy->prePregnancyWeightKg : std::nullopt;
    if (baseline) {
        const BmiClass cls = bmiClass(record.pregnancy->prePregnancyBmi().value_or(21.0));
        auto *low = new QLineSeries;
        auto *high = new QLineSeries;
        for (int week = 0; week <= 40; ++week) {
            const WeightGainBand b = recommendedWeightGainAt(cls, GestationalAge::fromWeeksAndDays(week, 0));
            low->append(week, b.lowKg);
            high->append(week, b.highKg);
        }
        attach(gain, band(tr("recommended"), low, high), x, y);
        auto *measured = measuredSeries(tr("measured"), QColor(0x6a, 0x1b, 0x9a));
        for (const AntenatalVisit &v : record.visits)
            if (v.weightKg)
                measured->append(weeksOf(v.gestationalAge), *v.weightKg - *baseline);
        attach(gain, measured, x, y);
    } else {
        gain->setTitle(tr("Weight gain (enter the pre-pregnancy weight to compare with the recommended band)"));
    }
    replaceChart(m_weightGain, gain);

    QChart *fundal = newChart(tr("Fundal height"), tr("cm"), 0, 48, 6, &x, &y);
    auto *low = new QLineSeries;
    auto *high = new QLineSeries;
    for (int week = 20; week <= 36; ++week) {
        low->append(week, week - 2);
        high->append(week, week + 2);
    }
    attach(fundal, band(tr("expected (weeks ± 2 cm)"), low, high), x, y);
    auto *measured = measuredSeries(tr("measured"), QColor(0xef, 0x6c, 0x00));
    for (const AntenatalVisit &v : record.visits)
        if (v.fundalHeightCm)
            measured->append(weeksOf(v.gestationalAge), *v.fundalHeightCm);
    attach(fundal, measured, x, y);
    replaceChart(m_fundalHeight, fundal);
}
