#pragma once

#include <QStyledItemDelegate>

// Draws a progress bar behind the status text while a study is being retrieved.
class ProgressDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};
