#include "workstation-ui/screeningdialog.h"

#include "ui-common/screenfit.h"
#include "workstation-ui/evidencetext.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <functional>

namespace {
const QColor FromRecordTint(0xe3, 0xf2, 0xfd);

const ScreeningAnswer *answerFor(const QList<ScreeningAnswer> &answers, const QString &itemId)
{
    for (const ScreeningAnswer &a : answers)
        if (a.item->id == itemId)
            return &a;
    return nullptr;
}

QTreeWidgetItem *heading(QTreeWidgetItem *item, const QString &text, bool large)
{
    item->setText(ScreeningDialog::ItemColumn, text);
    QFont font = item->font(ScreeningDialog::ItemColumn);
    font.setBold(true);
    if (large)
        font.setPointSizeF(font.pointSizeF() * 1.1);
    item->setFont(ScreeningDialog::ItemColumn, font);
    item->setFlags(Qt::ItemIsEnabled);
    item->setFirstColumnSpanned(true);
    item->setExpanded(true);
    return item;
}
} // namespace

ScreeningDialog::ScreeningDialog(const ScreeningChecklist &form, const QList<ScreeningAnswer> &fromRecord,
                                 const QStringList &noFromRecord, const QString &language, QWidget *parent)
    : QDialog(parent), m_tree(new QTreeWidget(this)), m_result(new QLabel(this)), m_note(new QLineEdit(this)),
      m_save(new QPushButton(this))
{
    setWindowTitle(tr("Pregnancy risk screening (筛查) — %1").arg(form.title.forLanguage(language)));
    m_tree->setObjectName(QStringLiteral("screeningTree"));
    m_tree->setColumnCount(3);
    m_tree->setHeaderLabels({tr("Tick what applies to her"), tr("From the record"), tr("Clause")});
    m_tree->header()->setSectionResizeMode(ItemColumn, QHeaderView::Stretch);
    m_tree->header()->setStretchLastSection(false);
    m_tree->setColumnWidth(FromRecordColumn, 330);
    m_tree->setColumnWidth(IdColumn, 70);
    for (const ScreeningPart &part : form.parts) {
        auto *partItem = heading(new QTreeWidgetItem(m_tree), part.label.forLanguage(language), true);
        QList<const ScreeningSection *> sections;
        for (const ScreeningSection &section : form.sections)
            if (section.part == part.id)
                sections.append(&section);
        for (const ScreeningSection *section : sections) {
            // A part of one section (basic information, laboratory) needs no second heading.
            QTreeWidgetItem *under = sections.size() == 1
                                          ? partItem
                                          : heading(new QTreeWidgetItem(partItem),
                                                    QStringLiteral("%1  %2").arg(section->id, section->label.forLanguage(language)), false);
            for (const ScreeningItem *screeningItem : form.itemsOf(section->id))
                addItem(under, *screeningItem, fromRecord, noFromRecord, language);
        }
    }
    m_result->setObjectName(QStringLiteral("screeningResult"));
    m_result->setWordWrap(true);
    m_result->setMargin(8);
    m_note->setObjectName(QStringLiteral("screeningNote"));
    m_note->setPlaceholderText(tr("Details (e.g. which heart operation, when)"));
    m_save->setObjectName(QStringLiteral("saveScreening"));
    m_save->setDefault(true);
    auto *intro = new QLabel(tr("First antenatal visit: tick every item that applies. Blue rows are answered by the data already "
                                "entered (from the record). One item ticked makes the screen positive: she is then assessed and "
                                "graded (评估分级)."),
                             this);
    intro->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(m_save, QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_tree, &QTreeWidget::itemChanged, this, &ScreeningDialog::showResult);
    auto *details = new QFormLayout;
    details->addRow(tr("Details:"), m_note);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_tree, 1);
    layout->addLayout(details);
    layout->addWidget(m_result);
    layout->addWidget(buttons);
    showResult();
    ScreenFit::resize(this, QSize(1000, 820));
}

void ScreeningDialog::addItem(QTreeWidgetItem *parent, const ScreeningItem &screeningItem, const QList<ScreeningAnswer> &fromRecord,
                              const QStringList &noFromRecord, const QString &language)
{
    auto *item = new QTreeWidgetItem(parent);
    item->setText(ItemColumn, screeningItem.label.forLanguage(language));
    item->setToolTip(ItemColumn, screeningItem.label.zh + QLatin1Char('\n') + screeningItem.label.en);
    item->setText(IdColumn, screeningItem.id.mid(QStringLiteral("screen.").size()));
    item->setData(ItemColumn, ItemIdRole, screeningItem.id);
    if (const ScreeningAnswer *answer = answerFor(fromRecord, screeningItem.id)) {
        // The record answers it: ticked and locked, with the value that answers it.
        item->setFlags(Qt::ItemIsEnabled);
        item->setCheckState(ItemColumn, Qt::Checked);
        item->setText(FromRecordColumn, tr("Yes, from the record: %1").arg(EvidenceText::of(answer->evidence)));
        item->setIcon(FromRecordColumn, style()->standardIcon(QStyle::SP_FileDialogInfoView));
        item->setData(ItemColumn, FromRecordRole, true);
        for (int column = 0; column < m_tree->columnCount(); ++column)
            item->setBackground(column, FromRecordTint);
    } else {
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(ItemColumn, Qt::Unchecked);
        if (noFromRecord.contains(screeningItem.id))
            item->setText(FromRecordColumn, tr("No, from the record"));
        else if (screeningItem.condition)
            item->setText(FromRecordColumn, tr("Not in the record yet: ask or examine her"));
    }
    item->setToolTip(FromRecordColumn, item->text(FromRecordColumn));
}

QList<QTreeWidgetItem *> ScreeningDialog::answerItems() const
{
    QList<QTreeWidgetItem *> items;
    std::function<void(QTreeWidgetItem *)> collect = [&items, &collect](QTreeWidgetItem *node) {
        for (int i = 0; i < node->childCount(); ++i) {
            if (node->child(i)->data(ItemColumn, ItemIdRole).isValid())
                items.append(node->child(i));
            else
                collect(node->child(i));
        }
    };
    collect(m_tree->invisibleRootItem());
    return items;
}

QTreeWidgetItem *ScreeningDialog::itemFor(const QString &itemId) const
{
    for (QTreeWidgetItem *item : answerItems())
        if (item->data(ItemColumn, ItemIdRole).toString() == itemId)
            return item;
    return nullptr;
}

QStringList ScreeningDialog::tickedItems() const
{
    QStringList ids;
    for (QTreeWidgetItem *item : answerItems())
        if (!item->data(ItemColumn, FromRecordRole).toBool() && item->checkState(ItemColumn) == Qt::Checked)
            ids.append(item->data(ItemColumn, ItemIdRole).toString());
    return ids;
}

void ScreeningDialog::setTicked(const QString &itemId, bool ticked)
{
    if (QTreeWidgetItem *item = itemFor(itemId); item && (item->flags() & Qt::ItemIsUserCheckable))
        item->setCheckState(ItemColumn, ticked ? Qt::Checked : Qt::Unchecked);
}

bool ScreeningDialog::isPositive() const
{
    const QList<QTreeWidgetItem *> items = answerItems();
    return std::any_of(items.cbegin(), items.cend(), [](const QTreeWidgetItem *item) { return item->checkState(ItemColumn) == Qt::Checked; });
}

QString ScreeningDialog::note() const
{
    return m_note->text();
}

// Colour, symbol and words say the same, for colour-blind readers and grey-scale printouts.
void ScreeningDialog::showResult()
{
    int yes = 0;
    for (QTreeWidgetItem *item : answerItems())
        yes += item->checkState(ItemColumn) == Qt::Checked ? 1 : 0;
    m_result->setProperty("positive", yes > 0); // for tests in any language
    if (yes > 0) {
        m_result->setText(tr("▲ Screen POSITIVE (%n item(s) apply): assess and grade her now (评估分级) on the assessment form.", nullptr, yes));
        m_result->setStyleSheet(QStringLiteral("QLabel { background: #fde2c8; border: 2px solid #b25a00; color: #111; font-weight: bold; }"));
        m_save->setText(tr("Save and &assess…"));
    } else {
        m_result->setText(tr("● Screen negative: no item applies — green (low risk), routine antenatal care."));
        m_result->setStyleSheet(QStringLiteral("QLabel { background: #d8f0dc; border: 2px solid #2e7d32; color: #111; font-weight: bold; }"));
        m_save->setText(tr("&Save screening"));
    }
}
