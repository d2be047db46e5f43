#include "workstation-ui/riskpanel.h"

#include "grading/chartriskinput.h"
#include "ui-common/proportionalsplitter.h"
#include "workstation-ui/evidencetext.h"
#include "workstation-ui/findingsdialog.h"
#include "workstation-ui/riskchip.h"
#include "workstation-ui/screeningdialog.h"

#include <QDialogButtonBox>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QResizeEvent>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <array>

namespace {
const QString LayersKey = QStringLiteral("riskPanel/layers");

QTableWidget *table(QWidget *parent, const QStringList &headers)
{
    auto *t = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    t->setHorizontalHeaderLabels(headers);
    t->horizontalHeader()->setStretchLastSection(true);
    t->verticalHeader()->hide();
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setWordWrap(true);
    // The tab scrolls as a whole: a table a few rows high inside its own scroll bar hid most of
    // a woman's items (issue 19).
    t->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    t->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    return t;
}

// A table as tall as its rows, each row as tall as its wrapped text.
void fitToRows(QTableWidget *t)
{
    t->resizeRowsToContents();
    const int scrollBar = t->horizontalScrollBar()->isVisible() ? t->horizontalScrollBar()->height() : 0;
    t->setFixedHeight(t->horizontalHeader()->height() + t->verticalHeader()->length() + 2 * t->frameWidth() + scrollBar);
}

// QTreeView asks its delegate for a row's height without the column's width, so wrapped text
// got one line and was elided. This delegate measures at the width the text is painted in:
// the column less the indentation, or the whole row for a group spanning its columns.
class WrappingDelegate : public QStyledItemDelegate
{
public:
    explicit WrappingDelegate(QTreeWidget *tree) : QStyledItemDelegate(tree), m_tree(tree) {}

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        // A column sized to its contents is measured on one line (its width follows the text).
        if (m_tree->header()->sectionResizeMode(index.column()) == QHeaderView::ResizeToContents)
            return QStyledItemDelegate::sizeHint(option, index);
        QStyleOptionViewItem wrapped(option);
        int depth = 1; // the root decoration
        for (QModelIndex parent = index.parent(); parent.isValid(); parent = parent.parent())
            ++depth;
        const bool spanned = m_tree->isFirstColumnSpanned(index.row(), index.parent());
        int width = spanned ? m_tree->viewport()->width() : m_tree->columnWidth(index.column());
        if (index.column() == 0)
            width -= depth * m_tree->indentation();
        // The style wraps only within a valid rectangle: it needs a height too.
        wrapped.rect = QRect(0, 0, std::max(40, width), std::max(1, option.rect.height()));
        return QStyledItemDelegate::sizeHint(wrapped, index);
    }

private:
    QTreeWidget *m_tree;
};

// A tree as tall as its expanded rows.
class RowsTree : public QTreeWidget
{
public:
    explicit RowsTree(QWidget *parent) : QTreeWidget(parent)
    {
        setWordWrap(true);
        setUniformRowHeights(false);
        setItemDelegate(new WrappingDelegate(this));
        setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        connect(header(), &QHeaderView::sectionResized, this, &RowsTree::fitToRows);
    }

    void fitToRows()
    {
        doItemsLayout(); // row heights for the columns' current widths
        const int scrollBar = horizontalScrollBar()->isVisible() ? horizontalScrollBar()->height() : 0;
        setFixedHeight(viewportSizeHint().height() + 2 * frameWidth() + scrollBar);
    }

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QTreeWidget::resizeEvent(event);
        if (event->size().width() != event->oldSize().width())
            fitToRows(); // spanned group rows wrap at the viewport's width
    }
};

} // namespace

RiskPanel::RiskPanel(GradingService &grading, QString clinician, QWidget *parent)
    : QWidget(parent), m_grading(grading), m_clinician(std::move(clinician)), m_decided(new RiskChip(this)),
      m_decidedText(new QLabel(this)), m_guidance(new QLabel(this)), m_screening(new QLabel(this)), m_proposed(new RiskChip(this)),
      m_proposalText(new QLabel(this)), m_confirm(new QPushButton(tr("&Confirm proposed grade"), this)),
      m_override(new QPushButton(tr("Grade &differently…"), this)),
      m_rules(table(this, {tr("Item"), tr("Color"), tr("Why (evidence)")})), m_profile(new RowsTree(this)),
      m_history(table(this, {tr("Date"), tr("GA"), tr("Grade"), tr("Decision"), tr("By"), tr("Reason")})),
      m_timeline(new QChartView(new QChart, this))
{
    m_confirm->setObjectName(QStringLiteral("confirmGrade"));
    m_override->setObjectName(QStringLiteral("overrideGrade"));
    m_guidance->setObjectName(QStringLiteral("managementGuidance"));
    m_guidance->setWordWrap(true);
    m_guidance->setTextFormat(Qt::RichText);
    m_screening->setObjectName(QStringLiteral("screeningStatus"));
    m_screening->setWordWrap(true);
    m_proposalText->setWordWrap(true);
    m_rules->setObjectName(QStringLiteral("firedRules"));
    // Rows wrap their text: their height follows the columns' width, which is known only once
    // the tab is laid out (measured before, the first row stood a screen tall in Chinese).
    connect(m_rules->horizontalHeader(), &QHeaderView::sectionResized, m_rules, [this] { fitToRows(m_rules); });
    m_history->setObjectName(QStringLiteral("gradeHistory"));
    connect(m_history->horizontalHeader(), &QHeaderView::sectionResized, m_history, [this] { fitToRows(m_history); });
    m_profile->setObjectName(QStringLiteral("diseaseProfile"));
    m_profile->setColumnCount(3);
    m_profile->setHeaderLabels({tr("Condition"), tr("Color"), tr("Seen in")});
    // The condition and where it was seen share the width; the color takes what its label needs.
    m_profile->header()->setStretchLastSection(false);
    m_profile->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_profile->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_profile->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    auto *screeningForm = new QPushButton(tr("&Screening form…"), this);
    screeningForm->setObjectName(QStringLiteral("screeningForm"));
    screeningForm->setToolTip(tr("孕产妇妊娠风险筛查表: at the first antenatal visit"));
    auto *form = new QPushButton(tr("&Assessment form…"), this);
    form->setObjectName(QStringLiteral("assessmentForm"));
    form->setToolTip(tr("孕产妇妊娠风险评估表: tick findings by organ system"));
    connect(screeningForm, &QPushButton::clicked, this, &RiskPanel::openScreeningForm);
    connect(form, &QPushButton::clicked, this, &RiskPanel::openAssessmentForm);
    connect(m_confirm, &QPushButton::clicked, this, &RiskPanel::confirmProposal);
    connect(m_override, &QPushButton::clicked, this, &RiskPanel::gradeDifferently);

    auto *decidedBox = new QGroupBox(tr("Layer 1 — decided grade and what it calls for"), this);
    auto *decidedLayout = new QVBoxLayout(decidedBox);
    auto *decidedRow = new QHBoxLayout;
    decidedRow->addWidget(m_decided);
    decidedRow->addWidget(m_decidedText, 1);
    decidedRow->addWidget(screeningForm);
    decidedRow->addWidget(form);
    decidedLayout->addLayout(decidedRow);
    decidedLayout->addWidget(m_guidance);
    decidedLayout->addWidget(m_screening);
    auto *proposalBox = new QGroupBox(tr("Proposed by the rules"), this);
    auto *proposalLayout = new QHBoxLayout(proposalBox);
    proposalLayout->addWidget(m_proposed);
    proposalLayout->addWidget(m_proposalText, 1);
    proposalLayout->addWidget(m_confirm);
    proposalLayout->addWidget(m_override);

    auto *content = new QWidget;
    auto *layers = m_layers = new ProportionalSplitter(Qt::Horizontal, content);
    layers->setObjectName(QStringLiteral("riskLayers"));
    auto *rulesBox = new QGroupBox(tr("Layer 1 — items that set the grade, with their evidence"), layers);
    (new QVBoxLayout(rulesBox))->addWidget(m_rules);
    auto *profileBox = new QGroupBox(tr("Layer 2 — disease profile: conditions by organ system and where they were seen"), layers);
    (new QVBoxLayout(profileBox))->addWidget(m_profile);
    layers->addWidget(rulesBox);
    layers->addWidget(profileBox);
    layers->setStretchFactor(0, 1);
    layers->setStretchFactor(1, 1);
    // Each box keeps its tables' tops aligned however tall the other grows.
    rulesBox->layout()->setAlignment(m_rules, Qt::AlignTop);
    profileBox->layout()->setAlignment(m_profile, Qt::AlignTop);
    layers->restoreShares(QSettings().value(LayersKey).toByteArray());

    auto *layout = new QVBoxLayout(content);
    layout->addWidget(decidedBox);
    layout->addWidget(proposalBox);
    layout->addWidget(layers);
    layout->addWidget(new QLabel(tr("Grade history:"), content));
    auto *historyRow = new QHBoxLayout;
    historyRow->addWidget(m_history, 3);
    m_timeline->setObjectName(QStringLiteral("gradeTimeline"));
    m_timeline->setMinimumSize(320, 180);
    m_timeline->setRenderHint(QPainter::Antialiasing);
    historyRow->addWidget(m_timeline, 2);
    historyRow->setAlignment(m_history, Qt::AlignTop);
    layout->addLayout(historyRow);
    layout->addStretch(1);
    // The tab scrolls as a whole, so that every table shows all its rows at once.
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("riskScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
}

// The layers' widths as she left them, for the next run.
RiskPanel::~RiskPanel()
{
    QSettings().setValue(LayersKey, m_layers->saveShares());
}

QString RiskPanel::language() const
{
    return QLocale().name().startsWith(QLatin1String("zh")) ? QStringLiteral("zh") : QStringLiteral("en");
}

// Everything here comes from data: the level of care from the rule set, case management,
// reporting deadline and contact interval from the clinic's case settings.
QString RiskPanel::guidanceText(const QString &level, bool purple) const
{
    if (level.isEmpty())
        return tr("Not graded yet: screen her at the first antenatal visit (Screening form), then assess and grade.");
    const ManagementGuidance g = m_grading.guidance(level, purple);
    QStringList lines;
    if (!g.care.zh.isEmpty())
        lines << tr("<b>Level of care:</b> %1").arg(g.care.forLanguage(language()).toHtmlEscaped());
    if (!g.purpleCare.zh.isEmpty())
        lines << tr("<b>Purple:</b> %1").arg(g.purpleCare.forLanguage(language()).toHtmlEscaped());
    if (g.dedicatedCaseManagement)
        lines << tr("<b>Dedicated case management (专案管理):</b> a named doctor and nurse follow her through pregnancy and "
                    "after birth; contact at least every %n day(s).",
                    nullptr, g.followUpIntervalDays.value_or(0));
    else
        lines << tr("<b>Case management:</b> not needed for this grade.");
    if (g.reportingDays)
        lines << (g.reportingCountsWorkingDaysOnly
                      ? tr("<b>Report</b> to the district MCH institution within %n working day(s) of the decision.", nullptr, *g.reportingDays)
                      : tr("<b>Report</b> to the district MCH institution within %n day(s) of the decision.", nullptr, *g.reportingDays));
    return lines.join(QStringLiteral("<br>"));
}

void RiskPanel::showChart(const PatientChart &chart, const QDate &today)
{
    m_chart = chart;
    m_today = today;
    const auto current = GradingService::currentGrade(chart);
    m_decided->setLevel(current ? current->level : QString(), current && current->purple);
    m_decidedText->setText(current ? tr("%1 on %2 by %3").arg(RiskGradeRecord::statusKey(current->status) == QLatin1String("confirmed") ? tr("Confirmed") : tr("Graded differently"),
                                                             QLocale().toString(current->assessedOn, QLocale::ShortFormat),
                                                             current->decidedBy)
                                   : tr("No grade decided yet."));
    m_guidance->setText(guidanceText(current ? current->level : QString(), current && current->purple));
    showScreening();

    const auto pending = GradingService::pendingProposal(chart);
    m_confirm->setEnabled(pending.has_value());
    m_override->setEnabled(pending.has_value());
    m_proposed->setVisible(pending.has_value());
    if (pending) {
        m_proposed->setLevel(pending->proposedLevel, pending->proposedPurple);
        m_proposalText->setText(tr("The record now calls for this grade (%1). Confirm it, or grade differently with a reason.")
                                    .arg(QLocale().toString(pending->assessedOn, QLocale::ShortFormat)));
    } else {
        m_proposalText->setText(tr("Nothing new to decide: the rules agree with the decided grade."));
    }
    if (auto assessment = m_grading.assess(chart, today))
        showRules(*assessment);
    showProfile();

    m_history->setRowCount(0);
    for (auto it = chart.grades.crbegin(); it != chart.grades.crend(); ++it) {
        const int row = m_history->rowCount();
        m_history->insertRow(row);
        const bool decided = it->status != RiskGradeRecord::Status::Proposed;
        const QString grade = decided ? it->level : it->proposedLevel;
        const bool purple = decided ? it->purple : it->proposedPurple;
        m_history->setItem(row, 0, new QTableWidgetItem(QLocale().toString(it->assessedOn, QLocale::ShortFormat)));
        m_history->setItem(row, 1, new QTableWidgetItem(it->gestationalAge ? it->gestationalAge->toString() : QString()));
        m_history->setItem(row, 2, new QTableWidgetItem(RiskAppearance::label(grade) + (purple ? QStringLiteral(" + ") + RiskAppearance::purpleLabel() : QString())));
        m_history->item(row, 2)->setBackground(RiskAppearance::color(grade).lighter(160));
        m_history->setItem(row, 3, new QTableWidgetItem(it->status == RiskGradeRecord::Status::Proposed ? tr("proposed")
                                                        : it->status == RiskGradeRecord::Status::Confirmed ? tr("confirmed")
                                                                                                           : tr("graded differently")));
        m_history->setItem(row, 4, new QTableWidgetItem(it->decidedBy));
        m_history->setItem(row, 5, new QTableWidgetItem(it->reason));
    }
    m_history->resizeColumnsToContents();
    fitToRows(m_history);
    showTimeline(chart);
}

// The decided grade along gestational weeks, as steps: each decision holds until the next.
void RiskPanel::showTimeline(const PatientChart &chart)
{
    auto *plot = new QChart;
    plot->setTitle(tr("Grade along the pregnancy"));
    plot->legend()->hide();
    plot->setMargins(QMargins(2, 2, 2, 2));
    auto *weeks = new QValueAxis(plot);
    weeks->setRange(0, 42);
    weeks->setTickCount(8);
    weeks->setLabelFormat(QStringLiteral("%d"));
    weeks->setTitleText(tr("gestational age (weeks)"));
    auto *grades = new QCategoryAxis(plot);
    grades->setRange(-0.5, 3.5);
    grades->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    const QStringList levels{QStringLiteral("green"), QStringLiteral("yellow"), QStringLiteral("orange"), QStringLiteral("red")};
    for (int i = 0; i < levels.size(); ++i)
        grades->append(RiskAppearance::label(levels[i]), i);
    plot->addAxis(weeks, Qt::AlignBottom);
    plot->addAxis(grades, Qt::AlignLeft);
    auto *steps = new QLineSeries;
    QPen pen(QColor(0x42, 0x42, 0x42));
    pen.setWidth(2);
    steps->setPen(pen);
    // Each decision in its level's color and a shape of its own (circle, square, triangle, star
    // from green to red) so that the points read without color vision too; a purple decision
    // gets a purple ring.
    const std::array<QScatterSeries::MarkerShape, 4> shapes { QScatterSeries::MarkerShapeCircle,
        QScatterSeries::MarkerShapeRectangle, QScatterSeries::MarkerShapeTriangle,
        QScatterSeries::MarkerShapeStar };
    QList<QScatterSeries *> pointsByLevel;
    for (int i = 0; i < levels.size(); ++i) {
        for (const bool purple : { false, true }) {
            auto *series = new QScatterSeries;
            series->setMarkerShape(shapes[static_cast<size_t>(i)]);
            series->setMarkerSize(i == 3 ? 15 : 12);
            series->setColor(RiskAppearance::color(levels[i]));
            series->setBorderColor(
                purple ? RiskAppearance::color(QStringLiteral("purple")) : QColor(0x42, 0x42, 0x42));
            QPen border = series->pen();
            border.setWidth(purple ? 3 : 1);
            series->setPen(border);
            pointsByLevel.append(series);
        }
    }
    std::optional<double> lastRank;
    for (const RiskGradeRecord &g : chart.grades) {
        if (g.status == RiskGradeRecord::Status::Proposed || !g.gestationalAge)
            continue;
        const double week = g.gestationalAge->totalDays() / 7.0;
        const double rank = std::max(0.0, static_cast<double>(levels.indexOf(g.level)));
        if (lastRank)
            steps->append(week, *lastRank);
        steps->append(week, rank);
        pointsByLevel[static_cast<int>(rank) * 2 + (g.purple ? 1 : 0)]->append(week, rank);
        lastRank = rank;
    }
    if (lastRank && chart.pregnancy)
        if (const auto now = chart.pregnancy->gestationalAgeOn(m_today))
            steps->append(std::min(42.0, now->totalDays() / 7.0), *lastRank);
    QList<QAbstractSeries *> series { steps };
    for (QScatterSeries *points : pointsByLevel)
        series.append(points);
    for (QAbstractSeries *s : series) {
        plot->addSeries(s);
        s->attachAxis(weeks);
        s->attachAxis(grades);
    }
    QChart *previous = m_timeline->chart();
    m_timeline->setChart(plot);
    delete previous;
}

void RiskPanel::showRules(const RiskAssessment &assessment)
{
    m_rules->setRowCount(0);
    auto add = [this](const FiredRule &fired, bool suggestion) {
        const int row = m_rules->rowCount();
        m_rules->insertRow(row);
        QString text = QStringLiteral("%1  %2").arg(fired.rule->id, fired.rule->label.forLanguage(language()));
        if (suggestion)
            text = tr("Suggested — please check: %1").arg(text);
        m_rules->setItem(row, 0, new QTableWidgetItem(text));
        const QString &level = fired.rule->level;
        m_rules->setItem(row, 1, new QTableWidgetItem(level == QLatin1String("purple") ? RiskAppearance::purpleLabel() : RiskAppearance::label(level)));
        m_rules->item(row, 1)->setBackground(RiskAppearance::color(level).lighter(suggestion ? 185 : 150));
        m_rules->setItem(row, 2, new QTableWidgetItem(EvidenceText::of(fired.evidence)));
    };
    for (const FiredRule &fired : assessment.fired)
        add(fired, false);
    for (const FiredRule &suggested : assessment.suggestions)
        add(suggested, true);
    for (const OtherEvidence &other : m_otherEvidence) {
        const int row = m_rules->rowCount();
        m_rules->insertRow(row);
        m_rules->setItem(row, 0, new QTableWidgetItem(tr("Suggested — please check: %1").arg(other.item)));
        m_rules->setItem(row, 1, new QTableWidgetItem(tr("to weigh")));
        m_rules->item(row, 1)->setBackground(QColor(0xff, 0xeb, 0xee));
        m_rules->setItem(row, 2, new QTableWidgetItem(other.evidence));
    }
    // The item and its evidence share the width; the color column takes what its label needs,
    // so that the evidence is read without scrolling sideways.
    QHeaderView *header = m_rules->horizontalHeader();
    header->setSectionResizeMode(0, QHeaderView::Stretch);
    header->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(2, QHeaderView::Stretch);
    // The full text of every cell in its tooltip, however narrow the column.
    for (int row = 0; row < m_rules->rowCount(); ++row)
        for (int column = 0; column < m_rules->columnCount(); ++column)
            if (QTableWidgetItem *item = m_rules->item(row, column))
                item->setToolTip(item->text());
    fitToRows(m_rules);
}

void RiskPanel::setOtherEvidence(const QList<OtherEvidence> &evidence)
{
    m_otherEvidence = evidence;
    if (!m_chart)
        return;
    if (auto assessment = m_grading.assess(*m_chart, m_today))
        showRules(*assessment);
}

void RiskPanel::showScreening()
{
    auto latest = m_chart ? m_grading.screening().latest(*m_chart) : Result<std::optional<ScreeningRecord>>();
    if (!latest) {
        m_screening->setText(latest.error().message);
        return;
    }
    m_screening->setProperty("screening", QString::fromLatin1(!*latest ? "none" : (*latest)->positive ? "positive" : "negative"));
    if (!*latest) {
        m_screening->setText(tr("<b>Screening (筛查):</b> not done yet — use the Screening form at the first antenatal visit."));
        return;
    }
    const ScreeningRecord &s = **latest;
    const QString when = QLocale().toString(s.screenedOn, QLocale::ShortFormat);
    m_screening->setText(s.positive ? tr("<b>Screening (筛查):</b> ▲ positive on %1 by %2 (%n item(s)) — assess and grade her.", nullptr,
                                         static_cast<int>(s.answers.size()))
                                          .arg(when, s.screenedBy.toHtmlEscaped())
                                    : tr("<b>Screening (筛查):</b> ● negative on %1 by %2 — green.").arg(when, s.screenedBy.toHtmlEscaped()));
}

// Layer 2: each organ system with her conditions, the color the table gives them and where
// each was seen. Hints not yet confirmed are marked; screening history has no color of its own.
void RiskPanel::showProfile()
{
    fillProfile();
    static_cast<RowsTree *>(m_profile)->fitToRows();
}

void RiskPanel::fillProfile()
{
    m_profile->clear();
    if (!m_chart)
        return;
    const auto message = [this](const QString &text) {
        auto *item = new QTreeWidgetItem(m_profile, {text});
        item->setFirstColumnSpanned(true);
        item->setToolTip(0, text);
    };
    auto profile = m_grading.diseaseProfile(*m_chart, m_today);
    if (!profile) {
        message(profile.error().message);
        return;
    }
    if (profile->conditions.isEmpty()) {
        message(tr("No condition known from history or findings."));
        return;
    }
    for (const RuleGroup &group : m_grading.ruleSet().groups) {
        const QList<const ProfileCondition *> conditions = profile->inGroup(group.id);
        if (conditions.isEmpty())
            continue;
        auto *groupItem = new QTreeWidgetItem(m_profile, {group.label.forLanguage(language())});
        QFont bold = groupItem->font(0);
        bold.setBold(true);
        groupItem->setFont(0, bold);
        groupItem->setFirstColumnSpanned(true);
        groupItem->setToolTip(0, groupItem->text(0));
        for (const ProfileCondition *c : conditions) {
            QString label = c->label.forLanguage(language());
            if (c->toConfirm)
                label = tr("%1 (suggested, not yet confirmed)").arg(label);
            else if (c->level.isEmpty())
                label = tr("%1 (history from the screening)").arg(label);
            auto *item = new QTreeWidgetItem(groupItem, {label});
            item->setToolTip(0, QStringLiteral("%1\n%2").arg(label, c->id));
            if (!c->level.isEmpty()) {
                item->setText(1, c->level == QLatin1String("purple") ? RiskAppearance::purpleLabel() : RiskAppearance::label(c->level));
                item->setBackground(1, RiskAppearance::color(c->level).lighter(c->toConfirm ? 185 : 150));
                item->setToolTip(1, item->text(1));
            }
            QStringList sources;
            for (const ProfileSource &source : c->sources)
                sources << EvidenceText::of(source);
            item->setText(2, sources.join(QLatin1Char('\n')));
            item->setToolTip(2, item->text(2));
        }
        groupItem->setExpanded(true);
    }
}

QHash<QString, QString> RiskPanel::screeningHints() const
{
    QHash<QString, QString> hints;
    auto latest = m_chart ? m_grading.screening().latest(*m_chart) : Result<std::optional<ScreeningRecord>>();
    if (!latest || !*latest)
        return hints;
    const ScreeningChecklist &form = m_grading.screening().form();
    for (const ScreeningRecordAnswer &answer : (*latest)->answers)
        if (const ScreeningItem *item = form.item(answer.itemId))
            for (const QString &rule : item->suggests)
                hints.insert(rule, item->label.forLanguage(language()));
    return hints;
}

void RiskPanel::openScreeningForm()
{
    if (!m_chart || !m_chart->pregnancy)
        return;
    const ScreeningChecklist &form = m_grading.screening().form();
    const RiskInput input = chartRiskInput(*m_chart, m_today);
    ScreeningDialog dialog(form, form.answersFromRecord(input), form.noFromRecord(input), language(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto screened = m_grading.screening().record(*m_chart, dialog.tickedItems(), m_clinician, m_today, dialog.note());
    if (!screened) {
        emit problem(screened.error().message);
        return;
    }
    // A positive screen goes straight on to assessment and grading (评估分级).
    if (screened->positive)
        runAssessmentForm();
    emit gradingChanged();
}

void RiskPanel::openAssessmentForm()
{
    if (runAssessmentForm())
        emit gradingChanged();
}

bool RiskPanel::runAssessmentForm()
{
    if (!m_chart || !m_chart->pregnancy)
        return false;
    auto assessment = m_grading.assess(*m_chart, m_today);
    if (!assessment) {
        emit problem(assessment.error().message);
        return false;
    }
    QStringList ticked;
    for (const RiskFindingRecord &f : m_chart->findings)
        ticked.append(f.ruleId);
    FindingsDialog dialog(m_grading.ruleSet(), *assessment, ticked, screeningHints(), language(), this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    if (auto saved = m_grading.setFindings(*m_chart, dialog.tickedFindings(), m_today); !saved) {
        emit problem(saved.error().message);
        return false;
    }
    return true;
}

void RiskPanel::confirmProposal()
{
    if (!m_chart)
        return;
    const auto pending = GradingService::pendingProposal(*m_chart);
    if (!pending)
        return;
    if (auto decided = m_grading.decide(*pending, pending->proposedLevel, pending->proposedPurple, m_clinician, QString()); !decided) {
        emit problem(decided.error().message);
        return;
    }
    emit gradingChanged();
}

void RiskPanel::gradeDifferently()
{
    if (!m_chart)
        return;
    const auto pending = GradingService::pendingProposal(*m_chart);
    if (!pending)
        return;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Grade differently"));
    auto *level = new QComboBox(&dialog);
    for (const RiskLevel &l : m_grading.ruleSet().levels)
        if (l.kind == RiskLevel::Kind::Grade)
            level->addItem(RiskAppearance::label(l.id), l.id);
    level->setCurrentIndex(level->findData(pending->proposedLevel));
    auto *purple = new QComboBox(&dialog);
    purple->addItems({tr("no infectious disease"), RiskAppearance::purpleLabel()});
    purple->setCurrentIndex(pending->proposedPurple ? 1 : 0);
    auto *reason = new QPlainTextEdit(&dialog);
    reason->setPlaceholderText(tr("Why does this woman's grade differ from the rules' proposal? (required)"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *form = new QFormLayout(&dialog);
    form->addRow(tr("Grade:"), level);
    form->addRow(tr("Purple:"), purple);
    form->addRow(tr("Reason:"), reason);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (auto decided = m_grading.decide(*pending, level->currentData().toString(), purple->currentIndex() == 1, m_clinician,
                                        reason->toPlainText());
        !decided) {
        emit problem(decided.error().message);
        return;
    }
    emit gradingChanged();
}
