#include "workstation-ui/findingsdialog.h"

#include "ui-common/screenfit.h"
#include "workstation-ui/evidencetext.h"
#include "workstation-ui/riskchip.h"

#include "pinyin/pinyinmatcher.h"

#include <QCheckBox>
#include <QPushButton>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {
// Tints that keep black text readable; the text says the same as the tint.
const QColor FromRecordTint(0xe3, 0xf2, 0xfd);
const QColor SuggestedTint(0xff, 0xf3, 0xc4);

const FiredRule *firedRule(const QList<FiredRule> &rules, const QString &id)
{
    for (const FiredRule &f : rules)
        if (f.rule->id == id)
            return &f;
    return nullptr;
}

void tint(QTreeWidgetItem *item, const QColor &color)
{
    for (int column = 0; column < item->columnCount(); ++column)
        if (column != FindingsDialog::ColorColumn)
            item->setBackground(column, color);
}
} // namespace

FindingsDialog::FindingsDialog(const RuleSet &rules, const RiskAssessment &assessment, const QStringList &ticked,
                               const QHash<QString, QString> &screeningHints, const QString &language, QWidget *parent)
    : QDialog(parent), m_search(new QLineEdit(this)), m_onlyRelevant(new QCheckBox(tr("Show only items that apply or are suggested"), this)),
      m_summary(new QLabel(this)), m_tree(new QTreeWidget(this))
{
    setWindowTitle(tr("Risk assessment form (评估) — %1").arg(rules.title.forLanguage(language)));
    m_search->setObjectName(QStringLiteral("findingSearch"));
    m_search->setPlaceholderText(tr("Find an item by words, pinyin or id (e.g. 心肌病, xjb, anaemia, red.1.1)"));
    m_search->setClearButtonEnabled(true);
    m_onlyRelevant->setObjectName(QStringLiteral("onlyRelevant"));
    m_summary->setObjectName(QStringLiteral("assessmentSummary"));
    m_tree->setObjectName(QStringLiteral("findingTree"));
    m_tree->setColumnCount(4);
    m_tree->setHeaderLabels({tr("Item (tick what you found)"), tr("Color"), tr("From the record / to confirm"), tr("Id")});
    m_tree->header()->setSectionResizeMode(ItemColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(StatusColumn, QHeaderView::Interactive);
    m_tree->header()->setStretchLastSection(false);
    m_tree->setColumnWidth(ColorColumn, 150);
    m_tree->setColumnWidth(StatusColumn, 330);
    m_tree->setColumnWidth(IdColumn, 110);
    m_tree->setWordWrap(true);
    const QIcon suggestedIcon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    const QIcon recordIcon = style()->standardIcon(QStyle::SP_FileDialogInfoView);

    for (const RuleGroup &group : rules.groups) {
        auto *groupItem = new QTreeWidgetItem(m_tree, {group.label.forLanguage(language)});
        QFont bold = groupItem->font(ItemColumn);
        bold.setBold(true);
        groupItem->setFont(ItemColumn, bold);
        groupItem->setFlags(Qt::ItemIsEnabled);
        groupItem->setFirstColumnSpanned(true);
        for (const RiskRule &rule : rules.rules) {
            if (rule.group != group.id)
                continue;
            auto *item = new QTreeWidgetItem(groupItem);
            item->setText(ItemColumn, rule.label.forLanguage(language));
            item->setToolTip(ItemColumn, rule.label.zh + QLatin1Char('\n') + rule.label.en);
            item->setData(ItemColumn, RuleIdRole, rule.id);
            item->setData(ItemColumn, SearchTextRole, rule.label.zh + QLatin1Char(' ') + rule.label.en + QLatin1Char(' ') + rule.id);
            const RiskLevel *level = rules.level(rule.level);
            item->setText(ColorColumn, rule.level == QLatin1String("purple") ? RiskAppearance::purpleLabel() : RiskAppearance::label(rule.level));
            item->setToolTip(ColorColumn, level ? level->label.forLanguage(language) : rule.level);
            item->setBackground(ColorColumn, RiskAppearance::color(rule.level).lighter(165));
            item->setText(IdColumn, rule.id);
            if (rule.clinicianFinding) {
                item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
                item->setCheckState(ItemColumn, ticked.contains(rule.id) ? Qt::Checked : Qt::Unchecked);
            } else {
                // Computed only: it applies when the data says so, never by a tick.
                item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
                item->setText(StatusColumn, tr("Computed from the record: does not apply now"));
                item->setForeground(StatusColumn, palette().color(QPalette::Disabled, QPalette::Text));
            }
            ItemStatus status = ItemStatus::Plain;
            if (const FiredRule *fired = firedRule(assessment.fired, rule.id); fired && !fired->byFinding) {
                QList<Evidence> recorded;
                for (const Evidence &e : fired->evidence)
                    if (e.input != QLatin1String("finding"))
                        recorded.append(e);
                item->setText(StatusColumn, tr("From the record: %1").arg(EvidenceText::of(recorded)));
                item->setIcon(StatusColumn, recordIcon);
                item->setForeground(StatusColumn, palette().color(QPalette::Text));
                tint(item, FromRecordTint);
                status = ItemStatus::FromRecord;
            } else if (!ticked.contains(rule.id)) {
                QString hint;
                if (const FiredRule *fromData = firedRule(assessment.suggestions, rule.id))
                    hint = tr("Suggested, please confirm: %1").arg(EvidenceText::of(fromData->evidence));
                else if (screeningHints.contains(rule.id))
                    hint = tr("Suggested by the screening: %1").arg(screeningHints.value(rule.id));
                if (!hint.isEmpty()) {
                    item->setText(StatusColumn, hint);
                    item->setIcon(StatusColumn, suggestedIcon);
                    QFont font = item->font(ItemColumn);
                    font.setBold(true);
                    item->setFont(ItemColumn, font);
                    tint(item, SuggestedTint);
                    status = ItemStatus::Suggested;
                }
            }
            if (!item->text(StatusColumn).isEmpty())
                item->setToolTip(StatusColumn, item->text(StatusColumn));
            item->setData(ItemColumn, StatusRole, static_cast<int>(status));
        }
        groupItem->setExpanded(true);
    }
    auto *hint = new QLabel(tr("Tick what you found. Blue rows are computed from the data already entered (from the record); "
                               "highlighted rows are suggested by the data or the screening and count only once you tick them. "
                               "The grade is proposed from both and decided by you."),
                            this);
    hint->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Save findings"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_search, &QLineEdit::textChanged, this, &FindingsDialog::filter);
    connect(m_onlyRelevant, &QCheckBox::toggled, this, &FindingsDialog::filter);
    connect(m_tree, &QTreeWidget::itemChanged, this, &FindingsDialog::updateSummary);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_search);
    layout->addWidget(m_onlyRelevant);
    layout->addWidget(hint);
    layout->addWidget(m_summary);
    layout->addWidget(m_tree, 1);
    layout->addWidget(buttons);
    updateSummary();
    ScreenFit::resize(this, QSize(1100, 760));
}

FindingsDialog::ItemStatus FindingsDialog::statusOf(const QTreeWidgetItem *item)
{
    return static_cast<ItemStatus>(item->data(ItemColumn, StatusRole).toInt());
}

QList<QTreeWidgetItem *> FindingsDialog::ruleItems() const
{
    QList<QTreeWidgetItem *> items;
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g)
        for (int i = 0; i < m_tree->topLevelItem(g)->childCount(); ++i)
            items.append(m_tree->topLevelItem(g)->child(i));
    return items;
}

QTreeWidgetItem *FindingsDialog::itemFor(const QString &ruleId) const
{
    for (QTreeWidgetItem *item : ruleItems())
        if (item->data(ItemColumn, RuleIdRole).toString() == ruleId)
            return item;
    return nullptr;
}

// Matches the words of either language, the Chinese in pinyin (initials or full) and the rule
// id, so "心肌病", "xjb", "xinjibing", "cardiomyopathy" and "red.1.1.4" all find the same item.
void FindingsDialog::filter()
{
    const QString text = m_search->text().trimmed();
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = m_tree->topLevelItem(g);
        int visible = 0;
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem *item = group->child(i);
            const bool matches = text.isEmpty() || PinyinMatcher::matches(item->data(ItemColumn, SearchTextRole).toString(), text);
            const bool relevant = !m_onlyRelevant->isChecked() || statusOf(item) != ItemStatus::Plain
                                  || item->checkState(ItemColumn) == Qt::Checked;
            item->setHidden(!(matches && relevant));
            visible += item->isHidden() ? 0 : 1;
        }
        group->setHidden(visible == 0);
    }
}

void FindingsDialog::updateSummary()
{
    int fromRecord = 0;
    int toConfirm = 0;
    for (QTreeWidgetItem *item : ruleItems()) {
        if (statusOf(item) == ItemStatus::FromRecord)
            ++fromRecord;
        else if (statusOf(item) == ItemStatus::Suggested && item->checkState(ItemColumn) != Qt::Checked)
            ++toConfirm;
    }
    m_summary->setText(tr("From the record: %1 · Suggested, still to confirm: %2 · Ticked: %3")
                           .arg(fromRecord)
                           .arg(toConfirm)
                           .arg(tickedFindings().size()));
}

QStringList FindingsDialog::tickedFindings() const
{
    QStringList ids;
    for (QTreeWidgetItem *item : ruleItems())
        if ((item->flags() & Qt::ItemIsUserCheckable) && item->checkState(ItemColumn) == Qt::Checked)
            ids.append(item->data(ItemColumn, RuleIdRole).toString());
    return ids;
}

void FindingsDialog::setTicked(const QString &ruleId, bool ticked)
{
    if (QTreeWidgetItem *item = itemFor(ruleId); item && (item->flags() & Qt::ItemIsUserCheckable))
        item->setCheckState(ItemColumn, ticked ? Qt::Checked : Qt::Unchecked);
}
