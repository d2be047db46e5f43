#pragma once

#include <QStyledItemDelegate>

// Paints the risk column of a list as a chip (color, pattern and label).
class RiskChipDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    RiskChipDelegate(int levelRole, int purpleRole, QObject *parent = nullptr);
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_levelRole;
    int m_purpleRole;
};
