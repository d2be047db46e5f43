#include "workstation-ui/riskpanel.h"

#include "risk/riskjson.h"
#include "workstation-ui/findingsdialog.h"
#include "workstation-ui/riskchip.h"

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
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {
QTableWidget *table(QWidget *parent, const QStringList &headers)
{
    auto *t = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    t->setHorizontalHeaderLabels(headers);
    t->horizontalHeader()->setStretchLastSection(true);
    t->verticalHeader()->hide();
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setWordWrap(true);
    return t;
}

QString evidenceText(const QJsonArray &evidence)
{
    QStringList parts;
    for (const QJsonValue &value : evidence) {
        const QJsonObject e = value.toObject();
        if (e.value(QStringLiteral("input")).toString() == QLatin1String("finding")) {
            parts << RiskPanel::tr("ticked by a clinician");
            continue;
        }
        QString part = QStringLiteral("%1 = %2 %3").arg(e.value(QStringLiteral("input")).toString(),
                                                        QLocale().toString(e.value(QStringLiteral("value")).toDouble()),
                                                        e.value(QStringLiteral("unit")).toString());
        if (e.contains(QStringLiteral("date")))
            part += QStringLiteral(" (%1)").arg(e.value(QStringLiteral("date")).toString());
        parts << part.trimmed();
    }
    return parts.join(QStringLiteral("; "));
}
} // namespace

RiskPanel::RiskPanel(GradingService &grading, QString clinician, QWidget *parent)
    : QWidget(parent), m_grading(grading), m_clinician(std::move(clinician)), m_decided(new RiskChip(this)),
      m_decidedText(new QLabel(this)), m_guidance(new QLabel(this)), m_proposed(new RiskChip(this)),
      m_proposalText(new QLabel(this)), m_confirm(new QPushButton(tr("&Confirm proposed grade"), this)),
      m_override(new QPushButton(tr("Grade &differently…"), this)),
      m_rules(table(this, {tr("Item"), tr("Color"), tr("Why (evidence)")})),
      m_history(table(this, {tr("Date"), tr("GA"), tr("Grade"), tr("Decision"), tr("By"), tr("Reason")})),
      m_timeline(new QChartView(new QChart, this))
{
    m_confirm->setObjectName(QStringLiteral("confirmGrade"));
    m_override->setObjectName(QStringLiteral("overrideGrade"));
    m_guidance->setWordWrap(true);
    m_proposalText->setWordWrap(true);
    auto *form = new QPushButton(tr("&Assessment form…"), this);
    form->setObjectName(QStringLiteral("assessmentForm"));
    connect(form, &QPushButton::clicked, this, &RiskPanel::openAssessmentForm);
    connect(m_confirm, &QPushButton::clicked, this, &RiskPanel::confirmProposal);
    connect(m_override, &QPushButton::clicked, this, &RiskPanel::gradeDifferently);

    auto *decidedBox = new QGroupBox(tr("Decided grade"), this);
    auto *decidedRow = new QHBoxLayout(decidedBox);
    decidedRow->addWidget(m_decided);
    decidedRow->addWidget(m_decidedText, 1);
    decidedRow->addWidget(form);
    auto *proposalBox = new QGroupBox(tr("Proposed by the rules"), this);
    auto *proposalLayout = new QHBoxLayout(proposalBox);
    proposalLayout->addWidget(m_proposed);
    proposalLayout->addWidget(m_proposalText, 1);
    proposalLayout->addWidget(m_confirm);
    proposalLayout->addWidget(m_override);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(decidedBox);
    layout->addWidget(m_guidance);
    layout->addWidget(proposalBox);
    layout->addWidget(new QLabel(tr("Items that apply (layer 1: grade and evidence; layer 2: conditions from history and findings):"), this));
    layout->addWidget(m_rules, 2);
    layout->addWidget(new QLabel(tr("Grade history:"), this));
    auto *historyRow = new QHBoxLayout;
    historyRow->addWidget(m_history, 3);
    m_timeline->setMinimumSize(320, 180);
    m_timeline->setRenderHint(QPainter::Antialiasing);
    historyRow->addWidget(m_timeline, 2);
    layout->addLayout(historyRow, 1);
}

QString RiskPanel::language() const
{
    return QLocale().name().startsWith(QLatin1String("zh")) ? QStringLiteral("zh") : QStringLiteral("en");
}

QString RiskPanel::managementGuidance(const QString &level)
{
    // 孕产妇妊娠风险评估与管理工作规范 (2017), management by color.
    if (level == QLatin1String("green"))
        return tr("Green: routine antenatal care.");
    if (level == QLatin1String("yellow"))
        return tr("Yellow: antenatal care and delivery at a secondary or higher hospital; refer to tertiary care promptly if "
                  "anything changes.");
    if (level == QLatin1String("orange"))
        return tr("Orange: dedicated case management; antenatal care at a county-or-higher critical maternal care center, "
                  "delivery at a tertiary hospital where possible; report to the district MCH institution within the "
                  "reporting deadline.");
    if (level == QLatin1String("red"))
        return tr("Red: assess promptly at a tertiary hospital whether the pregnancy can continue; if it continues, "
                  "dedicated case management, care at a critical maternal care center and delivery at a tertiary "
                  "hospital; report within the reporting deadline.");
    return tr("Not yet graded: complete the screening at the booking visit.");
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
    QString guidance = managementGuidance(current ? current->level : QString());
    if (current && current->purple)
        guidance += QLatin1Char('\n') + tr("Purple: manage under the infectious-disease rules, with prevention of mother-to-child "
                                           "transmission of HIV, syphilis and hepatitis B.");
    m_guidance->setText(guidance);

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
    auto *points = new QScatterSeries;
    points->setMarkerSize(9);
    QPen pen(QColor(0x42, 0x42, 0x42));
    pen.setWidth(2);
    steps->setPen(pen);
    std::optional<double> lastRank;
    for (const RiskGradeRecord &g : chart.grades) {
        if (g.status == RiskGradeRecord::Status::Proposed || !g.gestationalAge)
            continue;
        const double week = g.gestationalAge->totalDays() / 7.0;
        const double rank = std::max(0.0, static_cast<double>(levels.indexOf(g.level)));
        if (lastRank)
            steps->append(week, *lastRank);
        steps->append(week, rank);
        points->append(week, rank);
        lastRank = rank;
    }
    if (lastRank && chart.pregnancy)
        if (const auto now = chart.pregnancy->gestationalAgeOn(m_today))
            steps->append(std::min(42.0, now->totalDays() / 7.0), *lastRank);
    for (QAbstractSeries *series : {static_cast<QAbstractSeries *>(steps), static_cast<QAbstractSeries *>(points)}) {
        plot->addSeries(series);
        series->attachAxis(weeks);
        series->attachAxis(grades);
    }
    QChart *previous = m_timeline->chart();
    m_timeline->setChart(plot);
    delete previous;
}

void RiskPanel::showRules(const RiskAssessment &assessment)
{
    m_rules->setRowCount(0);
    const QJsonObject json = RiskJson::toJson(assessment);
    auto add = [this](const QJsonObject &rule, bool suggestion) {
        const int row = m_rules->rowCount();
        m_rules->insertRow(row);
        const QJsonObject label = rule.value(QStringLiteral("label")).toObject();
        QString text = QStringLiteral("%1  %2").arg(rule.value(QStringLiteral("id")).toString(),
                                                    label.value(language()).toString());
        if (suggestion)
            text = tr("Suggested — please check: %1").arg(text);
        m_rules->setItem(row, 0, new QTableWidgetItem(text));
        const QString level = rule.value(QStringLiteral("level")).toString();
        m_rules->setItem(row, 1, new QTableWidgetItem(level == QLatin1String("purple") ? RiskAppearance::purpleLabel() : RiskAppearance::label(level)));
        m_rules->item(row, 1)->setBackground(RiskAppearance::color(level).lighter(suggestion ? 185 : 150));
        m_rules->setItem(row, 2, new QTableWidgetItem(evidenceText(rule.value(QStringLiteral("evidence")).toArray())));
    };
    for (const QJsonValue &rule : json.value(QStringLiteral("firedRules")).toArray())
        add(rule.toObject(), false);
    for (const QJsonValue &rule : json.value(QStringLiteral("suggestions")).toArray())
        add(rule.toObject(), true);
    m_rules->setColumnWidth(0, 380);
    m_rules->setColumnWidth(1, 130);
    m_rules->resizeRowsToContents();
}

void RiskPanel::openAssessmentForm()
{
    if (!m_chart || !m_chart->pregnancy)
        return;
    QStringList ticked;
    for (const RiskFindingRecord &f : m_chart->findings)
        ticked.append(f.ruleId);
    QSet<QString> computed;
    if (auto assessment = m_grading.assess(*m_chart, m_today))
        for (const FiredRule &f : assessment->fired)
            if (!f.byFinding)
                computed.insert(f.rule->id);
    FindingsDialog dialog(m_grading.ruleSet(), ticked, computed, language(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (auto saved = m_grading.setFindings(*m_chart, dialog.tickedFindings(), m_today); !saved) {
        emit problem(saved.error().message);
        return;
    }
    emit gradingChanged();
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
