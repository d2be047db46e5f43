#pragma once

#include "dicom/dicomtagtree.h"

#include <QWidget>

class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;

// The file's DICOM attributes as a tree (sequences open into their items), with a filter that
// keeps the attributes whose tag, name or value contains the text typed.
class TagBrowser : public QWidget
{
    Q_OBJECT
public:
    explicit TagBrowser(QWidget *parent = nullptr);

    void setTree(const QList<DicomTagNode> &tree);
    void setFilter(const QString &text);
    QTreeWidget *tree() const { return m_tree; }
    // The first visible top-level item for "(gggg,eeee)", or null.
    QTreeWidgetItem *findTag(const QString &tagText) const;

private:
    QLineEdit *m_filter;
    QTreeWidget *m_tree;
};
