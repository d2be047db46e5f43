#include "dicom-viewer/fetalgrowthpanel.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QScatterSeries>
#include <QSettings>
#include <QSplitter>
#include <QTabBar>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace {
const QString settingsKey = QStringLiteral("ultrasound/growthStandard");

struct CentileLine
{
    double centile;
    QColor color;
    Qt::PenStyle style;
};

// 3rd and 97th dashed grey, 10th and 90th orange (the SGA and LGA limits), the 50th green.
const CentileLine centileLines[] = {
    { 3, QColor(0x75, 0x75, 0x75), Qt::DashLine },
    { 10, QColor(0xef, 0x6c, 0x00), Qt::SolidLine },
    { 50, QColor(0x2e, 0x7d, 0x32), Qt::SolidLine },
    { 90, QColor(0xef, 0x6c, 0x00), Qt::SolidLine },
    { 97, QColor(0x75, 0x75, 0x75), Qt::DashLine },
};
} // namespace

FetalGrowthPanel::FetalGrowthPanel(QWidget *parent)
    : QWidget(parent)
    , m_standardBox(new QComboBox(this))
    , m_measures(new QTabBar(this))
    , m_chart(new QChartView(new QChart, this))
    , m_table(new QTableWidget(this))
    , m_findings(new QLabel(this))
    , m_caution(new QLabel(this))
    , m_source(new QLabel(this))
    , m_rules(GrowthFindingRules::defaults())
{
    m_standardBox->setObjectName(QStringLiteral("growthStandard"));
    m_standardBox->addItem(tr("INTERGROWTH-21st"), QStringLiteral("intergrowth21"));
    m_standardBox->addItem(tr("Hadlock"), QStringLiteral("hadlock"));
    m_standardBox->setToolTip(tr("The growth standard whose centiles the scans are plotted on"));
    for (GrowthMeasure m : GrowthMeasures::all()) {
        const int tab = m_measures->addTab(GrowthMeasures::abbreviation(m));
        m_measures->setTabToolTip(tab, GrowthMeasures::name(m));
    }
    m_measures->setCurrentIndex(int(GrowthMeasures::all().indexOf(GrowthMeasure::Efw)));
    m_chart->setObjectName(QStringLiteral("growthChart"));
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumHeight(260);
    m_table->setObjectName(QStringLiteral("growthTable"));
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    QStringList headers { tr("Exam date"), tr("GA by dates") };
    for (GrowthMeasure m : GrowthMeasures::all())
        headers << tr("%1 (%2)").arg(GrowthMeasures::abbreviation(m), GrowthMeasures::unit(m));
    headers << tr("Findings");
    m_table->setColumnCount(int(headers.size()));
    m_table->setHorizontalHeaderLabels(headers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(true);
    m_findings->setObjectName(QStringLiteral("growthFindings"));
    m_findings->setWordWrap(true);
    m_findings->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_caution->setObjectName(QStringLiteral("growthCaution"));
    m_caution->setWordWrap(true);
    m_caution->setStyleSheet(QStringLiteral("color: #e65100;"));
    m_caution->hide();
    m_source->setWordWrap(true);
    m_source->setStyleSheet(QStringLiteral("color: #616161;"));

    auto *title = new QLabel(tr("<b>Fetal growth</b>"), this);
    auto *standardLabel = new QLabel(tr("&Standard:"), this);
    standardLabel->setBuddy(m_standardBox);
    auto *top = new QHBoxLayout;
    top->addWidget(title);
    top->addSpacing(12);
    top->addWidget(standardLabel);
    top->addWidget(m_standardBox);
    top->addSpacing(12);
    top->addWidget(m_measures);
    top->addStretch();
    auto *chartSide = new QWidget(this);
    auto *chartLayout = new QVBoxLayout(chartSide);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    chartLayout->addWidget(m_chart, 1);
    chartLayout->addWidget(m_source);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(chartSide);
    split->addWidget(m_table);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_caution);
    layout->addWidget(m_findings);
    layout->addWidget(split, 1);

    const QString saved
        = QSettings().value(settingsKey, QString::fromLatin1(GrowthStandard::DefaultId)).toString();
    const int index = m_standardBox->findData(saved);
    m_standardBox->setCurrentIndex(index >= 0 ? index : 0);
    connect(m_standardBox, &QComboBox::currentIndexChanged, this, [this] {
        QSettings().setValue(settingsKey, standardId());
        reassess();
    });
    connect(m_measures, &QTabBar::currentChanged, this, [this] { drawChart(); });
    reassess();
}

QString FetalGrowthPanel::standardId() const
{
    return m_standardBox->currentData().toString();
}

void FetalGrowthPanel::setStandard(const QString &id)
{
    const int index = m_standardBox->findData(id);
    if (index >= 0)
        m_standardBox->setCurrentIndex(index);
}

GrowthMeasure FetalGrowthPanel::measure() const
{
    return GrowthMeasures::all().value(m_measures->currentIndex(), GrowthMeasure::Efw);
}

void FetalGrowthPanel::setMeasure(GrowthMeasure measure)
{
    m_measures->setCurrentIndex(int(GrowthMeasures::all().indexOf(measure)));
}

void FetalGrowthPanel::showScans(const QList<FetalGrowth::Scan> &scans, int fetuses)
{
    m_scans = scans;
    m_caution->setVisible(fetuses > 1);
    m_caution->setText(
        tr("%n fetuses: these standards are for singletons, and the exams are not told apart by fetus. "
           "Judge each fetus's growth on its own measurements.",
            nullptr, fetuses));
    reassess();
}

void FetalGrowthPanel::reassess()
{
    auto standard = GrowthStandard::builtIn(standardId());
    if (!standard) {
        m_standard.reset();
        m_assessment = {};
        m_findings->setText(standard.error().message);
        emit problem(standard.error().message);
    } else {
        m_standard = *standard;
        m_assessment = FetalGrowth::assess(*m_standard, m_rules, m_scans);
        showFindings();
    }
    fillTable();
    drawChart();
    emit assessmentChanged();
}

void FetalGrowthPanel::showFindings()
{
    const QList<GrowthFinding> current = m_assessment.current();
    if (m_scans.isEmpty()) {
        m_findings->setText(tr("No scan to chart yet."));
        m_findings->setStyleSheet({});
        return;
    }
    if (current.isEmpty()) {
        m_findings->setText(
            tr("Latest scan: no SGA, FGR or LGA finding by %1.").arg(m_assessment.standardName));
        m_findings->setStyleSheet({});
        return;
    }
    QStringList lines;
    for (const GrowthFinding &f : current)
        lines << QStringLiteral("<b>%1</b>: %2")
                     .arg(GrowthFinding::kindName(f.kind).toHtmlEscaped(), f.evidence().toHtmlEscaped());
    lines << tr("Listed on the Risk tab for the clinician to weigh; the grade is not changed by it.")
                 .toHtmlEscaped();
    m_findings->setText(lines.join(QStringLiteral("<br>")));
    m_findings->setStyleSheet(QStringLiteral("color: #b71c1c;"));
}

void FetalGrowthPanel::fillTable()
{
    m_table->setRowCount(0);
    const QLocale locale;
    // Newest first, as the exams above.
    for (auto result = m_assessment.scans.crbegin(); result != m_assessment.scans.crend(); ++result) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(
            row, 0, new QTableWidgetItem(locale.toString(result->scan.date, QLocale::ShortFormat)));
        m_table->setItem(
            row, 1, new QTableWidgetItem(result->scan.age ? result->scan.age->toString() : tr("no dating")));
        int column = 2;
        for (GrowthMeasure m : GrowthMeasures::all()) {
            const auto point = result->point(m);
            auto *item = new QTableWidgetItem(point ? FetalGrowth::pointText(*point) : QString());
            if (point && point->z)
                item->setToolTip(tr("z %1").arg(locale.toString(*point->z, 'f', 2)));
            if (point && point->centile
                && (*point->centile < m_rules.sgaBelowCentile || *point->centile > m_rules.lgaAboveCentile))
                item->setForeground(QColor(0xb7, 0x1c, 0x1c));
            m_table->setItem(row, column++, item);
        }
        QStringList kinds;
        for (const GrowthFinding &f : m_assessment.findings)
            if (f.date == result->scan.date)
                kinds << QStringLiteral("%1 (%2)").arg(
                    GrowthFinding::kindAbbreviation(f.kind), GrowthMeasures::abbreviation(f.measure));
        auto *findings = new QTableWidgetItem(kinds.join(QStringLiteral(", ")));
        findings->setForeground(QColor(0xb7, 0x1c, 0x1c));
        m_table->setItem(row, column, findings);
    }
    m_table->resizeColumnsToContents();
}

void FetalGrowthPanel::drawChart()
{
    auto *plot = new QChart;
    plot->legend()->setAlignment(Qt::AlignRight);
    const GrowthMeasure m = measure();
    const QString unit = GrowthMeasures::unit(m);
    plot->setTitle(tr("%1 (%2) by gestational age").arg(GrowthMeasures::name(m), unit));
    auto *weeks = new QValueAxis(plot);
    weeks->setTitleText(tr("Gestational age (weeks)"));
    weeks->setLabelFormat(QStringLiteral("%d"));
    auto *values = new QValueAxis(plot);
    values->setTitleText(unit);
    values->setLabelFormat(QStringLiteral("%d"));
    plot->addAxis(weeks, Qt::AlignBottom);
    plot->addAxis(values, Qt::AlignLeft);
    double low = 0, high = 1;
    auto attach = [&](QXYSeries *series) {
        plot->addSeries(series);
        series->attachAxis(weeks);
        series->attachAxis(values);
    };
    if (m_standard) {
        const double first = m_standard->minimumWeeks(m);
        const double last = m_standard->maximumWeeks(m);
        weeks->setRange(first, last);
        weeks->setTickCount(int(last - first) / 2 + 1);
        high = 0;
        for (const CentileLine &line : centileLines) {
            if (!m_standard->hasCentiles(m) && line.centile != 50)
                continue;
            auto *series = new QLineSeries;
            series->setName(
                m_standard->hasCentiles(m) ? GrowthFinding::centileText(line.centile) : tr("expected size"));
            for (double w = first; w <= last + 1e-9; w += 0.25)
                if (const auto v = m_standard->valueAtCentile(m, w, line.centile)) {
                    series->append(w, *v);
                    high = std::max(high, *v);
                }
            QPen pen(line.color, line.centile == 50 ? 2.0 : 1.3, line.style);
            series->setPen(pen);
            attach(series);
        }
        // The citation up to its details; the whole of it (equations, tables) in the tooltip.
        const QString source = m_standard->source(m);
        const QString cited = source.section(QStringLiteral(" ("), 0, 0);
        m_source->setText(m_standard->hasCentiles(m)
                ? tr("%1. EFW by %2.").arg(cited, m_standard->weightFormulaName())
                : tr("%1. This standard gives only the expected size for dates, no centiles.").arg(cited));
        m_source->setToolTip(source);
    }
    // This pregnancy's scans, joined in time; those beyond the SGA or LGA limits in red.
    auto *path = new QLineSeries;
    path->setName(tr("this pregnancy"));
    path->setPen(QPen(QColor(0x15, 0x65, 0xc0), 1.5));
    auto *normal = new QScatterSeries;
    normal->setMarkerSize(9);
    normal->setColor(QColor(0x15, 0x65, 0xc0));
    auto *flagged = new QScatterSeries;
    flagged->setName(
        tr("outside P%1–P%2")
            .arg(QLocale().toString(m_rules.sgaBelowCentile), QLocale().toString(m_rules.lgaAboveCentile)));
    flagged->setMarkerSize(11);
    flagged->setColor(QColor(0xc6, 0x28, 0x28));
    for (const FetalGrowth::ScanResult &result : m_assessment.scans) {
        const auto point = result.point(m);
        if (!point || point->outsideWeeks)
            continue;
        path->append(point->weeks, point->value);
        const bool outside = point->centile
            && (*point->centile < m_rules.sgaBelowCentile || *point->centile > m_rules.lgaAboveCentile);
        (outside ? flagged : normal)->append(point->weeks, point->value);
        high = std::max(high, point->value);
    }
    attach(path);
    attach(normal);
    attach(flagged);
    // The scatter series are the same points as the line: one legend entry for them.
    for (QLegendMarker *marker : plot->legend()->markers(normal))
        marker->setVisible(false);
    if (flagged->count() == 0)
        for (QLegendMarker *marker : plot->legend()->markers(flagged))
            marker->setVisible(false);
    values->setRange(low, high * 1.05);
    values->applyNiceNumbers();
    QChart *previous = m_chart->chart();
    m_chart->setChart(plot);
    delete previous;
}
