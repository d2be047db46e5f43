#include "workstation-ui/findingsdialog.h"

#include "workstation-ui/riskchip.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTreeWidget>
#include <QVBoxLayout>

FindingsDialog::FindingsDialog(const RuleSet &rules, const QStringList &ticked, const QSet<QString> &computed,
                               const QString &language, QWidget *parent)
    : QDialog(parent), m_search(new QLineEdit(this)), m_tree(new QTreeWidget(this))
{
    setWindowTitle(tr("Risk assessment form — %1").arg(rules.title.forLanguage(language)));
    m_search->setObjectName(QStringLiteral("findingSearch"));
    m_search->setPlaceholderText(tr("Filter items (e.g. 心脏, anaemia, red.1)"));
    m_search->setClearButtonEnabled(true);
    m_tree->setObjectName(QStringLiteral("findingTree"));
    m_tree->setColumnCount(3);
    m_tree->setHeaderLabels({tr("Item"), tr("Color"), tr("Id")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (const RuleGroup &group : rules.groups) {
        auto *groupItem = new QTreeWidgetItem(m_tree, {group.label.forLanguage(language)});
        QFont bold = groupItem->font(0);
        bold.setBold(true);
        groupItem->setFont(0, bold);
        groupItem->setFlags(Qt::ItemIsEnabled);
        for (const RiskRule &rule : rules.rules) {
            if (rule.group != group.id)
                continue;
            auto *item = new QTreeWidgetItem(groupItem);
            QString text = rule.label.forLanguage(language);
            if (computed.contains(rule.id))
                text += QStringLiteral("  ") + tr("[from the record]");
            item->setText(0, text);
            item->setToolTip(0, rule.label.zh + QLatin1Char('\n') + rule.label.en);
            const RiskLevel *level = rules.level(rule.level);
            item->setText(1, level ? level->label.forLanguage(language) : rule.level);
            item->setForeground(1, RiskAppearance::color(rule.level).darker(130));
            item->setText(2, rule.id);
            item->setData(0, Qt::UserRole, rule.id);
            if (rule.clinicianFinding) {
                item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
                item->setCheckState(0, ticked.contains(rule.id) ? Qt::Checked : Qt::Unchecked);
            } else {
                item->setFlags(Qt::ItemIsEnabled);
                item->setForeground(0, palette().color(QPalette::Disabled, QPalette::Text));
            }
            if (computed.contains(rule.id))
                item->setBackground(0, QColor(0xff, 0xf3, 0xe0));
        }
        groupItem->setExpanded(true);
    }
    auto *hint = new QLabel(tr("Tick what you found. Items marked [from the record] are computed from the data already "
                               "entered; the grade is proposed from both and confirmed by you."),
                            this);
    hint->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_search, &QLineEdit::textChanged, this, &FindingsDialog::filter);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_search);
    layout->addWidget(hint);
    layout->addWidget(m_tree, 1);
    layout->addWidget(buttons);
    resize(900, 700);
}

void FindingsDialog::filter(const QString &text)
{
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = m_tree->topLevelItem(g);
        int visible = 0;
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem *item = group->child(i);
            const bool match = text.isEmpty() || item->text(0).contains(text, Qt::CaseInsensitive)
                               || item->toolTip(0).contains(text, Qt::CaseInsensitive) || item->text(2).startsWith(text);
            item->setHidden(!match);
            visible += match ? 1 : 0;
        }
        group->setHidden(visible == 0);
    }
}

QStringList FindingsDialog::tickedFindings() const
{
    QStringList ids;
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g)
        for (int i = 0; i < m_tree->topLevelItem(g)->childCount(); ++i) {
            const QTreeWidgetItem *item = m_tree->topLevelItem(g)->child(i);
            if ((item->flags() & Qt::ItemIsUserCheckable) && item->checkState(0) == Qt::Checked)
                ids.append(item->data(0, Qt::UserRole).toString());
        }
    return ids;
}

void FindingsDialog::setTicked(const QString &ruleId, bool ticked)
{
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g)
        for (int i = 0; i < m_tree->topLevelItem(g)->childCount(); ++i) {
            QTreeWidgetItem *item = m_tree->topLevelItem(g)->child(i);
            if (item->data(0, Qt::UserRole).toString() == ruleId && (item->flags() & Qt::ItemIsUserCheckable))
                item->setCheckState(0, ticked ? Qt::Checked : Qt::Unchecked);
        }
}
