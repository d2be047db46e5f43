#include "dicom-viewer/tagbrowser.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {
void addNodes(QTreeWidgetItem *parent, QTreeWidget *tree, const QList<DicomTagNode> &nodes)
{
    for (const DicomTagNode &node : nodes) {
        const bool isItem = node.group == 0xFFFE;
        auto *item
            = new QTreeWidgetItem({ isItem ? QString() : node.tagText(), node.keyword, node.vr, node.value });
        item->setToolTip(3, node.value);
        parent ? parent->addChild(item) : tree->addTopLevelItem(item);
        addNodes(item, tree, node.children);
    }
}

bool matches(const QTreeWidgetItem *item, const QString &text)
{
    for (int c = 0; c < item->columnCount(); ++c)
        if (item->text(c).contains(text, Qt::CaseInsensitive))
            return true;
    for (int i = 0; i < item->childCount(); ++i)
        if (matches(item->child(i), text))
            return true;
    return false;
}
} // namespace

TagBrowser::TagBrowser(QWidget *parent)
    : QWidget(parent)
    , m_filter(new QLineEdit(this))
    , m_tree(new QTreeWidget(this))
{
    m_filter->setPlaceholderText(tr("Filter by tag, name or value"));
    m_filter->setClearButtonEnabled(true);
    m_tree->setHeaderLabels({ tr("Tag"), tr("Name"), tr("VR"), tr("Value") });
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setSectionResizeMode(QHeaderView::Interactive);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_tree);
    connect(m_filter, &QLineEdit::textChanged, this, &TagBrowser::setFilter);
}

void TagBrowser::setTree(const QList<DicomTagNode> &tree)
{
    m_tree->clear();
    addNodes(nullptr, m_tree, tree);
    for (int c = 0; c < 3; ++c)
        m_tree->resizeColumnToContents(c);
    setFilter(m_filter->text());
}

void TagBrowser::setFilter(const QString &text)
{
    if (m_filter->text() != text)
        m_filter->setText(text);
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_tree->topLevelItem(i);
        item->setHidden(!text.isEmpty() && !matches(item, text.trimmed()));
    }
}

QTreeWidgetItem *TagBrowser::findTag(const QString &tagText) const
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_tree->topLevelItem(i);
        if (!item->isHidden() && item->text(0).compare(tagText, Qt::CaseInsensitive) == 0)
            return item;
    }
    return nullptr;
}
